import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { testId } from '../../lib/test-id'
import { selectIsCommitteeAdmin, useSessionStore } from '../../features/session/store'
import { useSessionBootstrap } from '../../features/session/use-session'
import { CompactList } from '../../features/work-points/components/compact-list'
import { useWorkPointsStore } from '../../features/work-points/store'
import './index.scss'

/** Tab page, main package: a compact list; search, the point itself and 工作要点管理 live in packages/plans. */
const go = (url: string) => void Taro.navigateTo({ url: `/packages/plans/pages/${url}` })

export default function WorkPointsPage() {
  const status = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const { items, status: listStatus, error, load } = useWorkPointsStore()

  useEffect(() => {
    if (status === 'ready' && branchId) void load(branchId)
  }, [status, branchId, load])
  useDidShow(() => void (branchId && load(branchId)))
  usePullDownRefresh(async () => {
    if (branchId) await load(branchId)
    Taro.stopPullDownRefresh()
  })

  if (status !== 'ready') return status === 'error' ? <ErrorState message={useSessionStore.getState().error ?? ''} onRetry={useSessionStore.getState().load} /> : <LoadingState />
  return (
    <View className='wpp'>
      {isAdmin ? (
        <Text className='wpp__a' onClick={() => go('plans/index')} {...testId('open-plans-admin')}>
          工作要点管理 ›
        </Text>
      ) : null}
      {branchId ? (
        <Text className='wpp__a' onClick={() => go('my-points/index')} {...testId('open-point-search')}>
          搜索 / 筛选 ›
        </Text>
      ) : null}
      {!branchId ? null : listStatus === 'error' ? (
        <ErrorState message={error ?? ''} onRetry={() => void load(branchId)} />
      ) : listStatus !== 'ready' ? (
        <LoadingState />
      ) : items.length ? (
        <CompactList items={items} onPick={(a) => go(`point/index?id=${a.id}`)} />
      ) : (
        <EmptyState title='暂无工作要点' />
      )}
    </View>
  )
}
