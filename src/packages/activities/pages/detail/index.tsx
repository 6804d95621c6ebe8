import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { ActivityDetail } from '../../../../features/activities/components/activity-detail'
import { useActivitiesStore } from '../../../../features/activities/store'

export default function ActivityDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const activity = useActivitiesStore((s) => s.byId[id])
  const error = useActivitiesStore((s) => s.detailError[id])
  const fetchOne = useActivitiesStore((s) => s.fetchOne)

  useEffect(() => {
    if (id) void fetchOne(id)
  }, [id, fetchOne])

  if (!id) return <ErrorState message='缺少活动编号' />
  if (activity)
    return (
      <View>
        <ActivityDetail activity={activity} />
      </View>
    )
  if (error) return <ErrorState message={error} onRetry={() => fetchOne(id)} />
  return <LoadingState />
}
