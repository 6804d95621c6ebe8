/**
 * 全部活动: every session of the current branch, newest first, as a virtual list that loads the next page (cursor
 * pagination) as the reader nears the end. Opened from the 活动 tab, which shows only the latest page.
 */
import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { useSessionStore } from '../../../../features/session/store'
import { useCurrentBranchLoad, useSessionBootstrap } from '../../../../features/session/use-session'
import { RecordRows } from '../../../../features/activities/components/record-rows'
import { useRecordsStore } from '../../../../features/activities/records-store'
import '../activities.scss'

export default function RecordsPage() {
  const status = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const items = useRecordsStore((s) => s.items)
  const listStatus = useRecordsStore((s) => s.status)
  const error = useRecordsStore((s) => s.error)
  const nextCursor = useRecordsStore((s) => s.nextCursor)
  const loadingMore = useRecordsStore((s) => s.loadingMore)
  const moreError = useRecordsStore((s) => s.moreError)
  const load = useRecordsStore((s) => s.load)
  const loadMore = useRecordsStore((s) => s.loadMore)
  // The list fills the window below the navigation bar (the page does not scroll).
  const height = useMemo(() => Math.max(320, Taro.getWindowInfo().windowHeight), [])

  useCurrentBranchLoad(load)

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  if (!branchId) return <EmptyState title='请选择支部' hint='在首页的支部列表中选择一个支部查看活动' />
  if (listStatus === 'error' && !items.length) return <ErrorState message={error ?? '加载失败'} onRetry={() => load(branchId, true)} />
  if (listStatus !== 'ready' && !items.length) return <LoadingState />
  if (!items.length) return <EmptyState title='还没有活动' hint='支部记录活动后会显示在这里' />

  return (
    <View className='act-records'>
      <RecordRows items={items} hasMore={!!nextCursor} loadingMore={loadingMore} moreError={moreError} onMore={() => void loadMore()} height={height} />
    </View>
  )
}
