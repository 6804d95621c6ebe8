/**
 * The branch's dues ledger for a year: totals (应缴 / 实缴 / 收缴率), who is behind (3 and 5 months flagged, toward
 * 党章 第九条's six), and a row per member with a cell per month. Bases show only to the secretary and 组织委员.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DUES_CATEGORY_LABELS, lapseCountdownText, type DuesMonthState } from '../../../../types/dues'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import type { DuesLedger } from '../store'
import { memberDuesPage } from '../routes'
import { collectionRateText, dateText, yuanText } from '../text'
import './dues.scss'

const CELL: Record<DuesMonthState, string> = { not_owed: '', paid: '✓', short: '少', due: '·', unpaid: '欠', upcoming: '', elsewhere: '原', not_here: '—' }

export function LedgerTotals({ ledger }: { ledger: DuesLedger }) {
  const t = ledger.totals
  return (
    <Section title={`${ledger.year}年收缴情况`}>
      <View className='dues__totals' {...testId('dues-totals')}>
        <Total label='应缴' value={t.due === null ? '—' : yuanText(t.due)} />
        <Total label='实缴' value={t.collected === null ? '—' : yuanText(t.collected)} />
        <Total label='收缴率' value={collectionRateText(t.rate)} />
      </View>
      <Text className='dues__note'>
        {t.members} 人已核定标准{ledger.unset ? `，${ledger.unset} 人尚未设定` : ''}
        {t.amountsNote ? `；${t.amountsNote}` : ''}
        {ledger.publishedAt ? `；已于 ${dateText(new Date(Date.parse(ledger.publishedAt) + 8 * 3600_000).toISOString().slice(0, 10))} 向支部公布` : ''}
      </Text>
    </Section>
  )
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <View className='dues__total'>
      <Text className='dues__total-value'>{value}</Text>
      <Text className='dues__total-label'>{label}</Text>
    </View>
  )
}

export function LedgerFlags({ ledger }: { ledger: DuesLedger }) {
  const flagged = ledger.rows.filter((r) => r.flag !== null).sort((a, b) => b.behind - a.behind)
  // The last warning the committee set (national default 5): from it the 党章's six months are near.
  const last = Math.max(...ledger.warnMonths)
  if (!flagged.length) return null
  return (
    <Section title='需要谈话提醒'>
      {flagged.map((r) => (
        <Text key={r.memberId} className={`dues__flag dues__flag--${r.flag}`} {...testId(`dues-flag-${r.memberId}`)}>
          {r.name}：已连续 {r.behind} 个月未交纳党费{r.flag === last ? `，${lapseCountdownText(r.behind)}，请尽快谈话` : '，请提醒'}
        </Text>
      ))}
    </Section>
  )
}

export function LedgerRows({ ledger }: { ledger: DuesLedger }) {
  const thisMonthNo = ledger.thisMonth.startsWith(String(ledger.year)) ? Number(ledger.thisMonth.slice(5)) : 0
  return (
    <Section title='党员交纳明细'>
      <View className='dues__legend'>
        <Text>✓ 已缴</Text>
        <Text>少 少缴有原因</Text>
        <Text>欠 未缴</Text>
        <Text>· 本月待缴</Text>
        {ledger.rows.some((r) => r.months.includes('elsewhere')) ? <Text>原 已在原支部交纳</Text> : null}
        {ledger.rows.some((r) => r.months.includes('not_here')) ? <Text>— 转入本支部前</Text> : null}
      </View>
      {ledger.rows.length === 0 ? <Text className='dues__note'>支部还没有党员。</Text> : null}
      {ledger.rows.map((r) => (
        <View key={r.memberId} className='dues__row' onClick={() => void Taro.navigateTo({ url: memberDuesPage(r.memberId) })} {...testId(`dues-row-${r.memberId}`)}>
          <View className='dues__row-head'>
            <Text className='dues__row-name'>
              {r.name}
              {r.partyStatus === 'probationary' ? <Text className='dues__tag'>预备</Text> : null}
              {r.transferredOn ? <Text className='dues__tag' {...testId(`dues-transferred-${r.memberId}`)}>{`${Number(r.transferredOn.slice(5, 7))}月${Number(r.transferredOn.slice(8, 10))}日已转出`}</Text> : null}
            </Text>
            <Text className='dues__row-due'>{r.masked ? '金额已隐去' : r.monthlyDue === null ? '未设定标准' : `每月 ${yuanText(r.monthlyDue)}`}</Text>
          </View>
          <Text className='dues__row-meta'>
            {r.category ? DUES_CATEGORY_LABELS[r.category] : r.masked ? '类别已隐去' : '—'}
            {ledger.seesBase && r.base !== null ? ` · 基数 ${yuanText(r.base)}` : ''}
            {/* No standard yet: no amounts to add up (not 应缴 0.00 元 beside a month 待缴). */}
            {r.due === null || (r.monthlyDue === null && !r.masked) ? '' : ` · 已缴 ${yuanText(r.paid)} / 应缴 ${yuanText(r.due)}`}
            {r.needsRecheck ? ' · 待年度核定' : ''}
          </Text>
          {/* Two rows of six 44 px cells (a tap on any opens the member's months), never shrunk to fit one row. */}
          <View className='dues__cells'>
            {r.months.map((s, i) => (
              <View key={i} className={`dues__cell dues__cell--${s} ${i + 1 === thisMonthNo ? 'dues__cell--now' : ''}`} {...testId(`dues-cell-${r.memberId}-${i + 1}`)}>
                <Text className='dues__cell-no'>{i + 1}月</Text>
                <Text className='dues__cell-mark'>{CELL[s]}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </Section>
  )
}
