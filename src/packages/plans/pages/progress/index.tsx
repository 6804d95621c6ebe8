import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { ProgressView } from '../../../../features/work-plans/components/progress-view'
import { useProgressStore } from '../../../../features/work-plans/store'
import { pointPage } from '../../routes'
import '../plans.scss'

export default function ProgressPage() {
  const planId = useRouter().params.id ?? ''
  const session = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const status = useProgressStore((s) => s.status)
  const error = useProgressStore((s) => s.error)
  const load = useProgressStore((s) => s.load)

  useEffect(() => {
    if (planId) void load(planId)
  }, [planId, load])
  useDidShow(() => {
    if (planId && useProgressStore.getState().status === 'ready') void load(planId)
  })
  usePullDownRefresh(async () => {
    if (planId) await load(planId)
    Taro.stopPullDownRefresh()
  })

  if (!planId) return <EmptyState title='没有指定工作要点' />
  if (session !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以查看各支部进展' />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={() => void load(planId)} />
  if (status !== 'ready') return <LoadingState />
  return (
    <View className='plans-page'>
      <ProgressView onOpenAssignment={(id) => void Taro.navigateTo({ url: pointPage(id) })} />
    </View>
  )
}
