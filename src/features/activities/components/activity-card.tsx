import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO, type ActivitySummary } from '../../../../types/domain'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import './activity-card.scss'

export const DETAIL_PAGE = '/packages/activities/pages/detail/index'

export const photoSrc = (p: { fileID: string; url?: string }) => p.url ?? p.fileID

/** One activity row: type tag, topic, Beijing date and place, up to three photo thumbnails. */
export function ActivityCard({ activity }: { activity: ActivitySummary }) {
  const info = ACTIVITY_TYPE_INFO[activity.type]
  const thumbs = activity.photos.slice(0, 3)
  const more = activity.photos.length - thumbs.length
  return (
    <View
      className='activity-card'
      onClick={() => Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(activity.id)}` })}
      {...testId('activity-item')}
    >
      <View className='activity-card__head'>
        <Text className={`activity-card__tag ${info?.sanhuiyike ? 'activity-card__tag--core' : ''}`}>
          {info?.short ?? activity.type}
        </Text>
        <Text className='activity-card__date'>{formatDateTime(activity.startAt)}</Text>
      </View>
      <Text className='activity-card__topic'>{activity.topic}</Text>
      <Text className='activity-card__place'>地点：{activity.place}</Text>
      {thumbs.length ? (
        <View className='activity-card__photos'>
          {thumbs.map((p) => (
            <Image key={p.fileID} className='activity-card__thumb' src={photoSrc(p)} mode='aspectFill' lazyLoad />
          ))}
          {more > 0 ? <Text className='activity-card__more'>+{more}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
