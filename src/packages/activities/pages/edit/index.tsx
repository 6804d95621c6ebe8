import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { selectCanWrite, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { ActivityForm } from '../../../../features/activities/components/activity-form'
import { useDraftStore } from '../../../../features/activities/draft-store'

const LIST_PAGE = '/pages/activities/index'

export default function EditActivityPage() {
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const canWrite = useSessionStore(selectCanWrite)
  const start = useDraftStore((s) => s.start)
  const hasDraft = useDraftStore((s) => !!s.draft && s.draft.branchId === branchId)

  useEffect(() => {
    if (status === 'ready' && branchId && canWrite) start(branchId)
  }, [status, branchId, canWrite, start])

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  if (!branchId || !canWrite) return <EmptyState title='无法记录活动' hint='只有支部书记和支委委员可以记录本支部的活动' />
  if (!hasDraft) return <LoadingState />

  return (
    <View>
      <ActivityForm
        onSaved={() => {
          void Taro.showToast({ title: '已保存', icon: 'success' })
          if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
          else void Taro.switchTab({ url: LIST_PAGE })
        }}
      />
    </View>
  )
}
