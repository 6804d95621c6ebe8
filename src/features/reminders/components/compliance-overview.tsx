/** The committee's view: every branch's organisation-life counts and its most urgent gaps, a page at a time. */
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Segments } from '../../../components/form'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import { complianceCountsText } from '../../../../types/compliance-status'
import { useComplianceOverviewStore, type OverviewRow } from '../compliance-store'
import './compliance.scss'

export function ComplianceOverview({ onPick }: { onPick(row: OverviewRow): void }) {
  const rows = useComplianceOverviewStore((s) => s.items)
  const status = useComplianceOverviewStore((s) => s.status)
  const error = useComplianceOverviewStore((s) => s.error)
  const gapsOnly = useComplianceOverviewStore((s) => s.scope ?? false)
  const date = useComplianceOverviewStore((s) => s.meta?.date ?? null)
  const nextCursor = useComplianceOverviewStore((s) => s.nextCursor)
  const loadingMore = useComplianceOverviewStore((s) => s.loadingMore)
  const moreError = useComplianceOverviewStore((s) => s.moreError)
  const load = useComplianceOverviewStore((s) => s.load)
  const loadMore = useComplianceOverviewStore((s) => s.loadMore)
  return (
    <View className='compliance'>
      <View className='compliance__filter'>
        <Segments
          options={[
            { value: 'all', label: '全部支部' },
            { value: 'gaps', label: '只看有缺项的' },
          ]}
          value={gapsOnly ? 'gaps' : 'all'}
          onChange={(v) => void load(v === 'gaps')}
          id='overview-filter'
        />
        {date ? <Text className='compliance__date'>{`截至 ${date}`}</Text> : null}
      </View>
      {status === 'error' && !rows.length ? <ErrorState message={error ?? '加载失败'} onRetry={() => void load(gapsOnly)} /> : null}
      {(status === 'loading' || status === 'idle') && !rows.length ? <LoadingState /> : null}
      {status === 'ready' && !rows.length ? <EmptyState title={gapsOnly ? '各支部本期都没有缺项' : '还没有支部'} /> : null}
      {rows.map((r) => (
        <View key={r.branchId} className='compliance__row' onClick={() => onPick(r)} {...testId('overview-row')}>
          <View className='compliance__row-head'>
            <Text className='compliance__name'>{r.branchName}</Text>
            {r.score === null ? null : <Text className='compliance__score'>{`${r.score} 分`}</Text>}
          </View>
          <Text className='compliance__period'>{complianceCountsText(r.counts)}</Text>
          {r.gaps.slice(0, 2).map((g) => (
            <Text key={g} className='compliance__gap compliance__gap--small'>
              {g}
            </Text>
          ))}
        </View>
      ))}
      {rows.length ? (
        <View className='compliance__foot'>
          {moreError ? <Text className='compliance__date'>{moreError}</Text> : null}
          {nextCursor ? (
            <Button type='plain' loading={loadingMore} onClick={() => void loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className='compliance__date'>没有更多了</Text>
          )}
        </View>
      ) : null}
    </View>
  )
}
