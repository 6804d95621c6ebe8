import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { testId } from '../../lib/test-id'
import { selectHasRoles, selectIsCommitteeAdmin, useSessionStore } from '../../features/session/store'
import { useSessionBootstrap } from '../../features/session/use-session'
import { CompactList } from '../../features/work-points/components/compact-list'
import { useWorkPointsStore } from '../../features/work-points/store'
import './index.scss'

/** Tab page, main package: a compact list; search, the point itself and 工作要点管理 live in packages/plans. */
const go = (url: string) => void Taro.navigateTo({ url: `/packages/plans/pages/${url}` })
/** This year in Beijing: its plan is listed first. */
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

export default function WorkPointsPage() {
  const status = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const hasRoles = useSessionStore(selectHasRoles)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const { items, status: list, error, load } = useWorkPointsStore()
  const reload = () => void (branchId && load(branchId))

  useEffect(reload, [status, branchId])
  useDidShow(reload)

  if (status !== 'ready') return <LoadingState />
  // Someone still waiting to join (or not joined) has no branch and no points yet: say so instead of a blank page.
  if (!hasRoles) return <EmptyState title='加入支部后，这里列出支部的工作要点' />
  return (
    <View className='wpp'>
      {isAdmin ? (
        <Text className='wpp__a' onClick={() => go('plans/index')} {...testId('open-plans-admin')}>
          工作要点管理：导入、发布、分派 ›
        </Text>
      ) : null}
      {!branchId ? (
        isAdmin ? (
          <EmptyState title='在首页“各支部”中选一个支部，查看它的要点' />
        ) : null
      ) : list === 'error' ? (
        <ErrorState message={error ?? '加载失败'} onRetry={reload} />
      ) : list !== 'ready' && !items.length ? (
        <LoadingState />
      ) : items.length ? (
        <View>
          <Text className='wpp__a' onClick={() => go('my-points/index')} {...testId('open-point-search')}>
            按截止日期 / 搜索 / 筛选 ›
          </Text>
          <CompactList items={items} onPick={(a) => go(`point/index?id=${a.id}`)} year={thisYear()} />
        </View>
      ) : (
        <EmptyState title='暂无工作要点' />
      )}
    </View>
  )
}
