import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { ComplianceOverview } from '../../../../features/reminders/components/compliance-overview'
import { useComplianceOverviewStore } from '../../../../features/reminders/compliance-store'
import '../inbox.scss'

export default function OverviewPage() {
  const session = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const load = useComplianceOverviewStore((s) => s.load)
  const loadMore = useComplianceOverviewStore((s) => s.loadMore)
  /** The filter chosen last (every branch at first). */
  const scope = () => useComplianceOverviewStore.getState().scope ?? false

  useEffect(() => {
    if (session === 'ready' && isAdmin) void load(scope())
  }, [session, isAdmin, load])
  useReachBottom(() => void loadMore())
  usePullDownRefresh(async () => {
    await load(scope())
    Taro.stopPullDownRefresh()
  })

  if (session === 'idle' || session === 'loading') return <LoadingState />
  if (session === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以查看各支部情况' />
  return (
    <View className='inbox-page'>
      <ComplianceOverview
        onPick={(r) => void Taro.navigateTo({ url: `/packages/inbox/pages/compliance/index?branchId=${encodeURIComponent(r.branchId)}` })}
      />
    </View>
  )
}
