import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../components/button'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { testId } from '../../lib/test-id'
import { BranchSwitcher } from '../../features/session/components/branch-switcher'
import { selectCanWrite, selectHasRoles, useSessionStore } from '../../features/session/store'
import { useCurrentBranchLoad, useSessionBootstrap } from '../../features/session/use-session'
import { ActivityList } from '../../features/activities/components/activity-list'
import { useActivitiesStore } from '../../features/activities/store'
import './index.scss'

const EDIT_PAGE = '/packages/activities/pages/edit/index'
const PKG = '/packages/activities/pages/'

export default function ActivitiesPage() {
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const hasRoles = useSessionStore(selectHasRoles)
  const canWrite = useSessionStore(selectCanWrite)
  const branchId = useSessionStore((s) => s.currentBranchId)
  const load = useActivitiesStore((s) => s.load)

  useCurrentBranchLoad(load)
  usePullDownRefresh(async () => {
    if (branchId) await load(branchId, true)
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  if (!hasRoles) return <EmptyState title='尚未加入支部' hint='请到首页输入邀请码加入支部' />
  if (!branchId) return <EmptyState title='请选择支部' hint='在首页的支部列表中选择一个支部查看活动' />

  return (
    <View className='activities-page'>
      <View className='activities-page__bar'>
        <BranchSwitcher />
        <Button size='normal' onClick={() => Taro.navigateTo({ url: `${PKG}upcoming/index` })} {...testId('open-calendar')}>
          日程
        </Button>
        {canWrite ? (
          <Button size='normal' onClick={() => Taro.navigateTo({ url: `${PKG}plan/index` })} {...testId('plan-activity')}>
            计划
          </Button>
        ) : null}
        {canWrite ? (
          <Button type='primary' size='normal' onClick={() => Taro.navigateTo({ url: EDIT_PAGE })} {...testId('record-activity')}>
            记录
          </Button>
        ) : null}
      </View>
      <ActivityList emptyHint={canWrite ? '点“记录活动”记下支部开展的第一次活动' : '支部记录活动后会显示在这里'} />
    </View>
  )
}
