import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Section } from '../../../../components/section'
import { EmptyState, LoadingState } from '../../../../components/states'
import { FeedbackForm, MyFeedbackList } from '../../../../features/feedback/components/my-feedback'
import { selectHasRoles, selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'

/** 我的 → 意见反馈: send a suggestion or complaint, read one's own with the answers; the committee's way to its list. */
export default function MyFeedbackPage() {
  const status = useSessionBootstrap()
  const hasRoles = useSessionStore(selectHasRoles)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const branchName = useSessionStore((s) => s.currentBranchName)
  if (status !== 'ready') return <LoadingState />
  if (!hasRoles) return <EmptyState title='加入支部后才能提意见' hint='请先在「我的」页加入所在支部' />
  return (
    <View>
      {isAdmin ? (
        <Section>
          <Button type='plain' block onClick={() => void Taro.navigateTo({ url: '/packages/feedback/pages/list/index' })} {...testId('open-feedback-list')}>
            处理意见建议（党委）
          </Button>
        </Section>
      ) : null}
      <FeedbackForm branchId={branchId} branchName={branchName} />
      <MyFeedbackList />
    </View>
  )
}
