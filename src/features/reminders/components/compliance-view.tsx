/**
 * A branch's organisation life for the current periods: the gaps in plain sentences, then every type with its
 * period, status and count (and the previous period when it was missed), then the year so far, period by period.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { COMPLIANCE_STATUS_LABELS as LABEL } from '../../../../types/compliance-status'
import type { BranchCompliance } from '../compliance-store'
import './compliance.scss'

const daysText = (n: number) => (n <= 1 ? '今天截止' : `还剩 ${n} 天`)
/** 12月4日 14:30, Beijing. */
const when = (iso: string) => {
  const b = new Date(Date.parse(iso) + 8 * 3600_000).toISOString()
  return `${Number(b.slice(5, 7))}月${Number(b.slice(8, 10))}日 ${b.slice(11, 16)}`
}
const openSession = (id: string) => void Taro.navigateTo({ url: `/packages/activities/pages/detail/index?id=${encodeURIComponent(id)}` })

export function ComplianceView({ c }: { c: BranchCompliance }) {
  return (
    <View className='compliance' {...testId('compliance-view')}>
      <View className='compliance__head'>
        <Text className='compliance__branch'>{c.branchName}</Text>
        <Text className='compliance__date'>{`截至 ${c.date}${c.score === null ? '' : ` · 本年得分 ${c.score}`}`}</Text>
        <View className='compliance__counts'>
          <Text className='compliance__count compliance__count--done'>{`${LABEL.done} ${c.counts.done}`}</Text>
          <Text className='compliance__count compliance__count--due_soon'>{`${LABEL.due_soon} ${c.counts.due_soon}`}</Text>
          <Text className='compliance__count compliance__count--open'>{`${LABEL.open} ${c.counts.open}`}</Text>
          <Text className='compliance__count compliance__count--missed'>{`上期${LABEL.missed} ${c.counts.missed}`}</Text>
        </View>
      </View>
      {c.gaps.length ? (
        <View className='compliance__gaps'>
          {c.gaps.map((g) => (
            <Text key={g} className='compliance__gap' {...testId('compliance-gap')}>
              {g}
            </Text>
          ))}
        </View>
      ) : (
        <Text className='compliance__ok'>本期各项组织生活均已开展。</Text>
      )}
      <Text className='compliance__section'>本期各项</Text>
      {c.items.map((i) => (
        <View key={i.type} className='compliance__item' {...testId(`compliance-item-${i.type}`)}>
          <View className='compliance__item-main'>
            <Text className='compliance__name'>{i.name}</Text>
            <Text className='compliance__period'>
              {`${i.period.label} · ${i.count ? `已开展 ${i.count} 次` : daysText(i.daysLeft)}`}
            </Text>
            {i.previous?.status === 'missed' ? <Text className='compliance__prev'>{`${i.previous.period.label}未开展`}</Text> : null}
            {(i.sessions ?? []).map((s) => (
              <Text key={s.id} className='compliance__session' onClick={() => openSession(s.id)} {...testId('compliance-session')}>
                {`${s.status === 'planned' ? '已计划' : '已记录'} ${when(s.startAt)} ${s.topic} ›`}
              </Text>
            ))}
          </View>
          <Text className={`compliance__tag compliance__tag--${i.status === 'done' || !(i.sessions ?? []).some((s) => s.status === 'planned') ? i.status : 'planned'}`}>
            {i.status !== 'done' && (i.sessions ?? []).some((s) => s.status === 'planned') ? '已计划' : LABEL[i.status]}
          </Text>
        </View>
      ))}
      {c.year.length ? <Text className='compliance__section'>本年情况</Text> : null}
      {c.year.map((y) => (
        <View key={y.type} className='compliance__year'>
          <Text className='compliance__year-name'>{y.name}</Text>
          <View className='compliance__cells'>
            {y.periods.map((p) => (
              <Text key={p.key} className={`compliance__cell compliance__cell--${p.status}`}>
                {p.label}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
