import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Segments, TextInput } from '../../../../components/form'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { AssignmentList } from '../../../../features/work-points/components/assignment-list'
import { STATUS_FILTERS, filterAssignments, type AssignmentStatus } from '../../../../features/work-points/logic'
import { useWorkPointsStore } from '../../../../features/work-points/store'
import { pointPage } from '../../routes'
import '../plans.scss'

export default function MyPointsPage() {
  const session = useSessionBootstrap()
  const branchId = useSessionStore((s) => s.currentBranchId)
  const items = useWorkPointsStore((s) => s.items)
  const error = useWorkPointsStore((s) => s.error)
  const list = useWorkPointsStore((s) => s.status)
  const load = useWorkPointsStore((s) => s.load)
  const [q, setQ] = useState('')
  const [filter, setFilter] = useState<AssignmentStatus | 'all'>('all')
  const [order, setOrder] = useState<'plan' | 'due'>('plan')

  useEffect(() => {
    if (session === 'ready' && branchId && useWorkPointsStore.getState().scope !== branchId) void load(branchId)
  }, [session, branchId, load])

  if (session !== 'ready') return <LoadingState />
  if (!branchId) return <EmptyState title='请选择支部' />
  if (list === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={() => void load(branchId)} />
  if (list !== 'ready' && !items.length) return <LoadingState />
  const shown = filterAssignments(items, filter, q)
  return (
    <View className='plans-page'>
      <View className='plans-page__search'>
        <TextInput value={q} onChange={setQ} placeholder='搜索要点标题、部分' id='point-search' />
        <View style={{ height: '16px' }} />
        <Segments options={STATUS_FILTERS} value={filter} onChange={(v) => setFilter(v as AssignmentStatus | 'all')} id='point-filter' />
        <View style={{ height: '16px' }} />
        <Segments
          options={[
            { value: 'plan', label: '按工作要点' },
            { value: 'due', label: '按截止日期' },
          ]}
          value={order}
          onChange={(v) => setOrder(v as 'plan' | 'due')}
          id='point-order'
        />
      </View>
      {shown.length ? (
        <AssignmentList items={shown} byDue={order === 'due'} onPick={(a) => void Taro.navigateTo({ url: pointPage(a.id) })} />
      ) : (
        <EmptyState title={items.length ? '没有符合条件的要点' : '暂无工作要点'} />
      )}
    </View>
  )
}
