/**
 * The current branch's latest sessions: planned ones still ahead first (soonest first), then the rest, newest
 * first — the first page only; 查看全部活动 opens every session as a virtual list in the sub-package.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import { useActivitiesStore } from '../store'
import { ActivityCard } from './activity-card'
import './activity-list.scss'

export function ActivityList({ emptyHint, now = Date.now() }: { emptyHint?: string; now?: number }) {
  const items = useActivitiesStore((s) => s.items)
  const status = useActivitiesStore((s) => s.status)
  const error = useActivitiesStore((s) => s.error)
  const nextCursor = useActivitiesStore((s) => s.nextCursor)
  const branchId = useActivitiesStore((s) => s.scope)
  const load = useActivitiesStore((s) => s.load)

  if ((status === 'loading' || status === 'idle') && !items.length) return <LoadingState />
  if (status === 'error' && !items.length) return <ErrorState message={error ?? '加载失败'} onRetry={() => branchId && load(branchId, true)} />
  if (!items.length) return <EmptyState title='还没有活动' hint={emptyHint} />

  const ahead = (a: (typeof items)[number]) => a.status === 'planned' && Date.parse(a.startAt) > now
  const upcoming = items.filter(ahead).reverse()
  const rest = items.filter((a) => !ahead(a))
  return (
    <View className='activity-list' {...testId('activity-list')}>
      {upcoming.length ? <Text className='activity-list__label'>即将开展</Text> : null}
      {upcoming.map((a) => (
        <ActivityCard key={a.id} activity={a} soon />
      ))}
      {upcoming.length && rest.length ? <Text className='activity-list__label'>活动记录</Text> : null}
      {rest.map((a) => (
        <ActivityCard key={a.id} activity={a} />
      ))}
      <View className='activity-list__foot'>
        {nextCursor ? (
          <Text className='activity-list__all' onClick={() => Taro.navigateTo({ url: '/packages/activities/pages/records/index' })} {...testId('all-activities')}>
            查看全部活动 ›
          </Text>
        ) : (
          <Text className='activity-list__end'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
