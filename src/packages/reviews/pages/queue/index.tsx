import { View } from '@tarojs/components'
import { ReviewCountsView, ReviewQueue } from '../../../../features/reviews/components/review-queue'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { LoadingState } from '../../../../components/states'

/** The committee's review queue and the year's counts per branch (审核; docs/reviews.md). */
export default function ReviewQueuePage() {
  const status = useSessionBootstrap()
  if (status !== 'ready') return <LoadingState />
  return (
    <View>
      <ReviewQueue />
      <ReviewCountsView />
    </View>
  )
}
