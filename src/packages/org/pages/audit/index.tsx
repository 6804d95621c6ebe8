import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { useSessionStore } from '../../../../features/session/store'
import { AuditList } from '../../../../features/audit/components/audit-list'
import { useAuditStore } from '../../../../features/audit/store'
import '../org.scss'

export default function AuditPage() {
  const branchId = decodeURIComponent(useRouter().params.branchId ?? '') || null
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const load = useAuditStore((s) => s.load)
  const loadMore = useAuditStore((s) => s.loadMore)

  useEffect(() => {
    if (status === 'ready') void load(branchId)
  }, [status, branchId, load])
  useReachBottom(() => void loadMore())
  usePullDownRefresh(async () => {
    await load(branchId)
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  return (
    <View className='org-page'>
      <AuditList />
    </View>
  )
}
