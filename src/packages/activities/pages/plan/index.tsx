/** 计划活动: plan a session ahead (type with its required fields, time, place, host, audience). */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { selectCanWrite, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { ActivityForm } from '../../../../features/activities/components/activity-form'
import { draftKey, newDraft, useDraftStore } from '../../../../features/activities/draft-store'
import { followSaved } from '../../../../features/activities/records-store'

const DETAIL_PAGE = '/packages/activities/pages/detail/index'

export default function PlanActivityPage() {
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const canWrite = useSessionStore(selectCanWrite)
  const key = branchId ? draftKey.plan(branchId) : ''
  const hasDraft = useDraftStore((s) => !!key && !!s.drafts[key])

  useEffect(() => {
    if (status === 'ready' && branchId && canWrite) useDraftStore.getState().open(key, () => newDraft(key, 'plan', branchId))
  }, [status, branchId, canWrite, key])

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  if (!branchId || !canWrite) return <EmptyState title='无法计划活动' hint='只有支部书记和支委委员可以计划本支部的活动' />
  if (!hasDraft) return <LoadingState />

  return (
    <View>
      <ActivityForm
        draftKey={key}
        onSaved={(activity) => {
          followSaved(activity)
          void Taro.showToast({ title: '计划已发布', icon: 'success' })
          void Taro.redirectTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(activity.id)}` })
        }}
      />
    </View>
  )
}
