import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ConfirmAction } from '../../../../components/form'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import { publishIntent, useDuesLedger } from '../../../../features/dues/store'
import { LedgerFlags, LedgerRows, LedgerTotals } from '../../../../features/dues/components/ledger'
import { rolesInBranch, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import '../dues.scss'

/**
 * The branch's 党费台账. One branch holds tens of members, so the year comes in one answer (no paging): 300
 * branches × 30 members never meet in one list — the committee reads per branch or through the workbook.
 */
export default function DuesLedgerPage() {
  const params = useRouter().params
  const status = useSessionBootstrap()
  const current = useSessionStore((s) => s.currentBranchId)
  const branchId = params.branchId ? decodeURIComponent(params.branchId) : current
  const isSecretary = useSessionStore((s) => rolesInBranch(s.roles, branchId).includes('secretary'))
  const [year, setYear] = useState<number>(params.year ? Number(params.year) : new Date(Date.now() + 8 * 3600_000).getUTCFullYear())
  const { data: ledger, error, reload: load } = useDuesLedger(branchId, year, status === 'ready')
  const [published, setPublished] = useState<string | null>(null)
  // One request id per intent to publish: a double tap or a retry posts once (dues.publish clientRequestId).
  const [publish, setPublish] = useState(() => publishIntent())
  // Back from a member's page where months were recorded: show the ledger as it is now.
  useDidShow(() => {
    if (status === 'ready' && ledger) load()
  })

  if (status === 'ready' && !branchId) return <ErrorState message='请先在「我的」中选择支部' />
  if (error) return <ErrorState message={error} onRetry={load} />
  if (!ledger || ledger.year !== year) return <LoadingState />
  const thisYear = Number(ledger.thisMonth.slice(0, 4))
  return (
    <View className='dues-page'>
      <View className='dues-page__years'>
        <Text className='dues-page__year-btn' onClick={() => setYear(year - 1)} {...testId('dues-year-prev')}>
          ‹ {year - 1}
        </Text>
        <Text className='dues-page__year'>{year}年</Text>
        {year < thisYear ? (
          <Text className='dues-page__year-btn' onClick={() => setYear(year + 1)} {...testId('dues-year-next')}>
            {year + 1} ›
          </Text>
        ) : (
          <Text className='dues-page__year-btn dues-page__year-btn--off'> </Text>
        )}
      </View>
      <LedgerTotals ledger={ledger} />
      <LedgerFlags ledger={ledger} />
      <LedgerRows ledger={ledger} />
      {isSecretary ? (
        <Section title='年度公布'>
          <Text className='dues__note'>向全支部公布本年度党费收缴情况（只公布合计，不公布个人收入）。</Text>
          {published ? <Text className='dues__note' {...testId('dues-published')}>{published}</Text> : null}
          <ConfirmAction
            id='dues-publish'
            label={ledger.publishedAt ? '重新公布' : '公布收缴情况'}
            question={`把${year}年党费收缴情况发到支部每位党员的消息中？`}
            confirmLabel='公布'
            onConfirm={async () => {
              const r = await publish(branchId!, year)
              setPublished(`已公布：${r.body}`)
              // A later, deliberate 重新公布 is a new intent.
              setPublish(() => publishIntent())
              load()
            }}
          />
        </Section>
      ) : null}
      <View className='dues-page__bottom' />
    </View>
  )
}
