import { EmptyState, LoadingState } from '../../../../components/states'
import { CommitteeFeedback } from '../../../../features/feedback/components/committee-feedback'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'

/** The committee's list of suggestions and complaints (待处理 / 已答复 / 已关闭; docs/feedback.md). */
export default function FeedbackListPage() {
  const status = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  if (status !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委可以处理意见建议' hint='你提的意见在「我的 → 意见反馈」里查看' />
  return <CommitteeFeedback />
}
