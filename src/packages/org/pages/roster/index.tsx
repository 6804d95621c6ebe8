import { useEffect, useMemo } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { isCommitteeAdmin, rolesInBranch, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { RosterFilters, RosterList } from '../../../../features/members/components/roster'
import { useRosterStore } from '../../../../features/members/roster-store'
import { memberPage } from '../../routes'
import '../org.scss'
import './index.scss'

export default function RosterPage() {
  const branchId = decodeURIComponent(useRouter().params.branchId ?? '')
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const roles = useSessionStore((s) => s.roles)
  const mayRead = useMemo(() => isCommitteeAdmin(roles) || rolesInBranch(roles, branchId).length > 0, [roles, branchId])
  const load = useRosterStore((s) => s.load)
  const loadMore = useRosterStore((s) => s.loadMore)
  const loadGroups = useRosterStore((s) => s.loadGroups)

  useEffect(() => {
    if (status === 'ready' && branchId && mayRead) {
      void load(branchId)
      void loadGroups(branchId)
    }
  }, [status, branchId, mayRead, load, loadGroups])
  useDidShow(() => {
    const s = useRosterStore.getState()
    if (s.scope?.branchId === branchId && s.status === 'ready') void load(branchId)
  })
  useReachBottom(() => void loadMore())
  usePullDownRefresh(async () => {
    await load(branchId)
    Taro.stopPullDownRefresh()
  })

  if (!branchId) return <ErrorState message='缺少支部编号' />
  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  if (!mayRead) return <EmptyState title='无权查看该支部的名册' />
  return (
    // desk (docs/layout.md): on a wide window the roster fills the width, its members in columns (./index.scss).
    <View className='org-page desk'>
      <RosterFilters />
      <RosterList onOpen={(m) => void Taro.navigateTo({ url: memberPage(m.id) })} />
    </View>
  )
}
