/** For 首页: the branch's next activities and the latest ones already held, from the loaded list. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO } from '../../../../types/domain'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { formatDateTime, isUpcoming } from '../../../lib/time'
import { useActivitiesStore } from '../store'
import { DETAIL_PAGE } from './activity-card'
import './recent-activities.scss'

export function RecentActivities({ now = new Date() }: { now?: Date }) {
  // 首页 shows what is on and what was held: a cancelled session is only in the 活动 tab's list.
  const all = useActivitiesStore((s) => s.items)
  const items = all.filter((a) => !a.cancelled)
  const status = useActivitiesStore((s) => s.status)
  const error = useActivitiesStore((s) => s.error)
  const branchId = useActivitiesStore((s) => s.scope)
  const load = useActivitiesStore((s) => s.load)

  if ((status === 'loading' || status === 'idle') && !items.length) return <LoadingState />
  if (status === 'error' && !items.length)
    return <ErrorState message={error ?? '加载失败'} onRetry={() => branchId && load(branchId, true)} />
  if (!items.length) return <EmptyState title='还没有活动记录' hint='支部记录活动后会显示在这里' />

  const upcoming = items.filter((a) => isUpcoming(a.startAt, now)).reverse().slice(0, 3)
  const recent = items.filter((a) => !isUpcoming(a.startAt, now)).slice(0, 3)
  const row = (a: (typeof items)[number], soon: boolean) => (
    <View
      key={a.id}
      className='recent__row'
      onClick={() => Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(a.id)}` })}
    >
      <View className={`recent__dot ${soon ? 'recent__dot--soon' : ''}`} />
      <View className='recent__body'>
        <Text className='recent__topic'>{a.topic}</Text>
        <Text className='recent__meta'>
          {ACTIVITY_TYPE_INFO[a.type]?.short} · {formatDateTime(a.startAt)}
        </Text>
      </View>
    </View>
  )
  return (
    <View className='recent'>
      {upcoming.length ? <Text className='recent__label'>即将开展</Text> : null}
      {upcoming.map((a) => row(a, true))}
      {recent.length ? <Text className='recent__label'>最近开展</Text> : null}
      {recent.map((a) => row(a, false))}
    </View>
  )
}
