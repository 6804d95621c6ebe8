import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO } from '../../../../types/domain'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import type { ActivityItem } from '../list-api'
import './activity-card.scss'

export const DETAIL_PAGE = '/packages/activities/pages/detail/index'

export const photoSrc = (p: { fileID: string; url?: string }) => p.url ?? p.fileID

/**
 * One session row: type and status, topic, Beijing time and place, one thumbnail with the photo count. A cancelled
 * session (`cancelled`) is greyed, says 已取消 and why, and opens nothing (its record is gone; the history keeps it).
 */
export function ActivityCard({ activity, soon }: { activity: ActivityItem; soon?: boolean }) {
  const info = ACTIVITY_TYPE_INFO[activity.type]
  const thumb = activity.photos[0]
  const planned = activity.status === 'planned'
  const cancelled = activity.cancelled
  return (
    <View
      className={`activity-card ${soon && !cancelled ? 'activity-card--soon' : ''} ${cancelled ? 'activity-card--cancelled' : ''}`}
      onClick={cancelled ? undefined : () => Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(activity.id)}` })}
      {...testId(cancelled ? 'cancelled-item' : soon ? 'upcoming-item' : 'activity-item')}
    >
      <View className='activity-card__head'>
        <Text className={`activity-card__tag ${info?.sanhuiyike && !cancelled ? 'activity-card__tag--core' : ''}`}>{info?.short ?? activity.type}</Text>
        {cancelled ? <Text className='activity-card__state activity-card__state--cancelled'>已取消</Text> : planned ? <Text className='activity-card__state'>{soon ? '即将开展' : '待记录'}</Text> : null}
        <Text className='activity-card__date'>{formatDateTime(activity.startAt)}</Text>
      </View>
      <Text className='activity-card__topic'>{activity.topic}</Text>
      <Text className='activity-card__place'>地点：{activity.place}</Text>
      {cancelled ? <Text className='activity-card__place'>{cancelled.reason ? `取消原因：${cancelled.reason}` : '此活动已取消'}</Text> : null}
      {activity.attendance ? (
        <Text className='activity-card__place'>
          应到 {activity.attendance.expected} 人，实到 {activity.attendance.present} 人
        </Text>
      ) : null}
      {thumb ? (
        <View className='activity-card__photos'>
          <Image className='activity-card__thumb' src={photoSrc(thumb)} mode='aspectFill' lazyLoad />
          {activity.photoCount > 1 ? <Text className='activity-card__more'>共 {activity.photoCount} 张照片</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
