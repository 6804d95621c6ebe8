import { useEffect } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyDialog } from '../../../../components/privacy-dialog'
import { ErrorState, LoadingState } from '../../../../components/states'
import { ActivityDetail } from '../../../../features/activities/components/activity-detail'
import { LockNote } from '../../../../features/activities/components/lock-note'
import { useDetailStore } from '../../../../features/activities/detail-store'
import { followRemoved, followSaved } from '../../../../features/activities/records-store'
import { PlanChanges } from '../../../../features/activities/components/plan-changes'
import { LeavePanel } from '../../../../features/leave/components/leave-panel'
import { AppraisalLink } from '../../../../features/appraisal/components/appraisal-link'
import { MeetingElection } from '../../../../features/terms/components/election'
import { ReviewPanel } from '../../../../features/reviews/components/review-panel'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { offerPending } from '../../../../features/reminders/ask-again'

export default function ActivityDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  useSessionBootstrap()
  const activity = useDetailStore((s) => s.byId[id])
  const error = useDetailStore((s) => s.errors[id])
  const fetch = useDetailStore((s) => s.fetch)

  useEffect(() => {
    if (id) void fetch(id)
  }, [id, fetch])
  // Back from 记录 / 修改: show what was saved.
  useDidShow(() => {
    if (id && useDetailStore.getState().byId[id]) void fetch(id)
    // Just saved in the editor: the offer to renew reminder subscriptions comes from here (the page that stays).
    void offerPending()
  })

  if (!id) return <ErrorState message='缺少活动编号' />
  if (activity)
    return (
      <View>
        {/* Scanning a sign-in code is a privacy API: WeChat asks through this dialog the first time. */}
        <PrivacyDialog />
        {activity.status === 'recorded' && activity.canEdit ? <LockNote locksOn={activity.locksOn} /> : null}
        <ActivityDetail
          activity={activity}
          onRemoved={() => {
            followRemoved(id)
            void Taro.showToast({ title: '已删除', icon: 'success' })
            if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
            else void Taro.switchTab({ url: '/pages/activities/index' })
          }}
        />
        {/* 请假: asked before a planned session starts; the secretary decides here (#20). */}
        {activity.status === 'planned' ? <LeavePanel activityId={id} /> : null}
        {/* 审核: the committee's 通过 / 退回修改 and the branch's resubmission (#20). */}
        {activity.status === 'recorded' ? <ReviewPanel activityId={id} onChanged={() => void fetch(id)} /> : null}
        {/* 民主评议党员: the record's grades (#20). */}
        {activity.type === 'democratic_review' ? <AppraisalLink activityId={id} /> : null}
        {/* 换届选举: the candidates and votes as registered in 支委会换届 (typed once there), for the meeting that held it. */}
        {activity.type === 'party_congress' && activity.status === 'recorded' ? <MeetingElection branchId={activity.branchId} activityId={id} /> : null}
        {/* A plan can still change before it is held: 改期, place, host, topic, or be cancelled (#16.11). */}
        <PlanChanges
          a={activity}
          onChanged={(a) => {
            useDetailStore.getState().put(a)
            followSaved(a)
            void Taro.showToast({ title: '已保存变更', icon: 'success' })
          }}
          onCancelled={(told) => {
            followRemoved(id)
            void Taro.showToast({ title: told ? `已取消，已通知 ${told} 人` : '已取消', icon: 'none' })
            if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
            else void Taro.switchTab({ url: '/pages/activities/index' })
          }}
        />
      </View>
    )
  if (error) return <ErrorState message={error} onRetry={() => fetch(id)} />
  return <LoadingState />
}
