import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { ComplianceView } from '../../../../features/reminders/components/compliance-view'
import { useComplianceStore } from '../../../../features/reminders/compliance-store'
import '../inbox.scss'

export default function CompliancePage() {
  const param = decodeURIComponent(useRouter().params.branchId ?? '')
  const session = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const currentBranchId = useSessionStore((s) => s.currentBranchId)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const branchId = param || currentBranchId
  const detail = useComplianceStore((s) => (s.branchId === branchId ? s.detail : null))
  const error = useComplianceStore((s) => s.detailError)
  const load = useComplianceStore((s) => s.loadBranch)

  useEffect(() => {
    if (session === 'ready' && branchId) void load(branchId)
  }, [session, branchId, load])
  usePullDownRefresh(async () => {
    if (branchId) await load(branchId)
    Taro.stopPullDownRefresh()
  })

  if (session === 'idle' || session === 'loading') return <LoadingState />
  if (session === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  if (!branchId) return <EmptyState title='请先选择一个支部' />
  if (error && !detail) return <ErrorState message={error} onRetry={() => void load(branchId)} />
  if (!detail) return <LoadingState />
  return (
    <View className='inbox-page'>
      {isAdmin ? (
        <View className='inbox-page__links'>
          <Text className='inbox-page__link' onClick={() => void Taro.navigateTo({ url: '/packages/inbox/pages/overview/index' })} {...testId('open-compliance-overview')}>
            各支部组织生活 ›
          </Text>
        </View>
      ) : null}
      <ComplianceView c={detail} />
    </View>
  )
}
