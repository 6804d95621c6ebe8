import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { PlanList } from '../../../../features/work-plans/components/plan-list'
import { usePlansStore } from '../../../../features/work-plans/store'
import { assignPage, importPage, progressPage } from '../../routes'
import '../plans.scss'
import './index.scss'

export default function PlansPage() {
  const session = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const items = usePlansStore((s) => s.items)
  const status = usePlansStore((s) => s.status)
  const error = usePlansStore((s) => s.error)
  const load = usePlansStore((s) => s.load)

  useEffect(() => {
    if (session === 'ready' && isAdmin) void load()
  }, [session, isAdmin, load])
  useDidShow(() => {
    if (useSessionStore.getState().status === 'ready' && usePlansStore.getState().status === 'ready') void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  if (session !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以管理工作要点' />
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    // desk (docs/layout.md): on a wide window the plans stand in columns (./index.scss).
    <View className='plans-page desk'>
      <View className='plans-page__bar'>
        <Button type='primary' size='large' block onClick={() => go(importPage())} {...testId('plan-import-new')}>
          ＋ 导入新的工作要点
        </Button>
      </View>
      {status === 'error' ? (
        <ErrorState message={error ?? '加载失败'} onRetry={() => void load()} />
      ) : status !== 'ready' ? (
        <LoadingState />
      ) : items.length ? (
        <PlanList items={items} onOpen={(p) => go(importPage(p.id))} onAssign={(p) => go(assignPage(p.id))} onProgress={(p) => go(progressPage(p.id))} />
      ) : (
        <EmptyState title='还没有工作要点' hint='粘贴全文或选择 .docx 文件导入年度工作要点' />
      )}
    </View>
  )
}
