import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { testId } from '../../lib/test-id'
import { selectHasRoles, selectIsCommitteeAdmin, useSessionStore } from '../../features/session/store'
import { useSessionBootstrap } from '../../features/session/use-session'
import { AssignmentList } from '../../features/work-points/components/assignment-list'
import { useWorkPointsStore } from '../../features/work-points/store'
import './index.scss'

const PLANS = '/packages/plans/pages'

export default function WorkPointsPage() {
  const status = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const hasRoles = useSessionStore(selectHasRoles)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const branchName = useSessionStore((s) => s.currentBranchName)
  const items = useWorkPointsStore((s) => s.items)
  const listStatus = useWorkPointsStore((s) => s.status)
  const listError = useWorkPointsStore((s) => s.error)
  const load = useWorkPointsStore((s) => s.load)

  useEffect(() => {
    if (status === 'ready' && branchId) void load(branchId)
  }, [status, branchId, load])
  useDidShow(() => {
    const s = useSessionStore.getState()
    if (s.status === 'ready' && s.currentBranchId) void load(s.currentBranchId)
  })
  usePullDownRefresh(async () => {
    if (branchId) await load(branchId)
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  if (!hasRoles) return <EmptyState title='尚未加入支部' hint='请到首页输入邀请码加入支部' />

  const go = (url: string) => void Taro.navigateTo({ url: `${PLANS}/${url}` })
  return (
    <View className='wp-page'>
      {isAdmin ? (
        <View className='wp-page__card' onClick={() => go('plans/index')} {...testId('open-plans-admin')}>
          <Text className='wp-page__card-title'>工作要点管理</Text>
          <Text className='wp-page__card-hint'>导入、发布、下发，查看各支部进展 ›</Text>
        </View>
      ) : null}
      {branchId ? (
        <View className='wp-page__bar'>
          <Text className='wp-page__branch'>{branchName ?? ''}</Text>
          <Text className='wp-page__search' onClick={() => go('my-points/index')} {...testId('open-point-search')}>
            搜索 / 筛选 ›
          </Text>
        </View>
      ) : null}
      {!branchId ? (
        isAdmin ? null : <EmptyState title='请选择支部' />
      ) : listStatus === 'error' ? (
        <ErrorState message={listError ?? '加载失败'} onRetry={() => void load(branchId)} />
      ) : listStatus !== 'ready' ? (
        <LoadingState />
      ) : items.length ? (
        <AssignmentList items={items} onPick={(a) => go(`point/index?id=${encodeURIComponent(a.id)}`)} />
      ) : (
        <EmptyState title='暂无工作要点' hint='党委下发工作要点后会显示在这里' />
      )}
    </View>
  )
}
