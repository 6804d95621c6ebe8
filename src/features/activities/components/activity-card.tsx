import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO } from '../../../../types/domain'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import type { ActivityItem } from '../list-api'
import './activity-card.scss'

export const DETAIL_PAGE = '/packages/activities/pages/detail/index'

export const photoSrc = (p: { fileID: string; url?: string }) => p.url ?? p.fileID

/** One session row: type and status, topic, Beijing time and place, one thumbnail with the photo count. */
export function ActivityCard({ activity, soon }: { activity: ActivityItem; soon?: boolean }) {
  const info = ACTIVITY_TYPE_INFO[activity.type]
  const thumb = activity.photos[0]
  const planned = activity.status === 'planned'
  return (
    <View
      className={`activity-card ${soon ? 'activity-card--soon' : ''}`}
      onClick={() => Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(activity.id)}` })}
      {...testId(soon ? 'upcoming-item' : 'activity-item')}
    >
      <View className='activity-card__head'>
        <Text className={`activity-card__tag ${info?.sanhuiyike ? 'activity-card__tag--core' : ''}`}>{info?.short ?? activity.type}</Text>
        {planned ? <Text className='activity-card__state'>{soon ? '即将开展' : '待记录'}</Text> : null}
        <Text className='activity-card__date'>{formatDateTime(activity.startAt)}</Text>
      </View>
      <Text className='activity-card__topic'>{activity.topic}</Text>
      <Text className='activity-card__place'>地点：{activity.place}</Text>
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
