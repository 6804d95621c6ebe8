/** Every field of one activity and its photos; tap a photo for full-screen preview. */
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO, type ActivitySummary } from '../../../../types/domain'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { photoSrc } from './activity-card'
import './activity-detail.scss'

export function ActivityDetail({ activity }: { activity: ActivitySummary }) {
  const urls = activity.photos.map(photoSrc)
  const rows: [string, string][] = [
    ['活动类型', ACTIVITY_TYPE_INFO[activity.type]?.name ?? activity.type],
    ['开始时间', formatDateTime(activity.startAt)],
    ...(activity.endAt ? ([['结束时间', formatDateTime(activity.endAt)]] as [string, string][]) : []),
    ['地点', activity.place],
    ['记录人', activity.createdBy.name],
    ['记录于', formatDateTime(activity.createdAt)],
  ]
  return (
    <View className='activity-detail' {...testId('activity-detail')}>
      <Text className='activity-detail__topic'>{activity.topic}</Text>
      <View className='activity-detail__rows'>
        {rows.map(([k, v]) => (
          <View key={k} className='activity-detail__row'>
            <Text className='activity-detail__key'>{k}</Text>
            <Text className='activity-detail__value'>{v}</Text>
          </View>
        ))}
      </View>
      <Text className='activity-detail__label'>现场照片（{urls.length}）</Text>
      {urls.length ? (
        <View className='activity-detail__photos'>
          {urls.map((u) => (
            <Image
              key={u}
              className='activity-detail__photo'
              src={u}
              mode='aspectFill'
              lazyLoad
              onClick={() => Taro.previewImage({ urls, current: u })}
            />
          ))}
        </View>
      ) : (
        <Text className='activity-detail__none'>没有上传照片</Text>
      )}
    </View>
  )
}
