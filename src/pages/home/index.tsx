import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/button'
import { ErrorState, LoadingState } from '../../components/states'
import { PrivacyDialog } from '../../components/privacy-dialog'
import { Section } from '../../components/section'
import { testId } from '../../lib/test-id'
import { BranchSwitcher } from '../../features/session/components/branch-switcher'
import { DevIdentityPicker } from '../../features/session/components/dev-identity-picker'
import { DevWelcome, useNeedsDevWelcome } from '../../features/session/components/dev-welcome'
import { TransferredNotice } from '../../features/session/components/transferred-notice'
import { JoinForm } from '../../features/session/components/join-form'
import { safeDecode } from '../../features/session/invite-code'
import { currentRolesOf, selectCanWrite, selectHasRoles, selectIsCommitteeAdmin, useSessionStore } from '../../features/session/store'
import { useCurrentBranchLoad, useSessionBootstrap } from '../../features/session/use-session'
import { RecentActivities } from '../../features/activities/components/recent-activities'
import { useActivitiesStore } from '../../features/activities/store'
import { HomeReminders } from '../../features/reminders/components/home-reminders'
import { HomeTodo } from '../../features/todo/components/home-todo'
import { useTodo, type Todo } from '../../features/todo/use-todo'
import './index.scss'

const EDIT_PAGE = '/packages/activities/pages/edit/index'
const BRANCHES_PAGE = '/packages/org/pages/branches/index'
const branchPage = (id: string) => `/packages/org/pages/branch/index?id=${encodeURIComponent(id)}`

/**
 * 记录活动: a planned session that has started and waits for its record (待办's 待记录) is what a secretary means
 * nearly always, so it is offered first; 记录其他活动 opens an empty record as before (the walk found the button
 * ignoring today's session).
 */
async function recordActivity(todo: Todo | null) {
  const waiting = (todo?.items ?? []).filter((i) => i.kind === 'to_record').slice(0, 5)
  if (!waiting.length) return void Taro.navigateTo({ url: EDIT_PAGE })
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: [...waiting.map((i) => `记录：${i.title}`), '记录其他活动'] })
    void Taro.navigateTo({ url: waiting[tapIndex]?.page ?? EDIT_PAGE })
  } catch {
    // cancelled
  }
}

export default function HomePage() {
  const status = useSessionBootstrap()
  // Opened from an invitation's wxacode: its scene is the code.
  const scene = useRouter().params.scene
  const sceneCode = scene ? safeDecode(scene) : ''
  const error = useSessionStore((s) => s.error)
  const name = useSessionStore((s) => s.name)
  const committeeName = useSessionStore((s) => s.committeeName)
  const currentBranchId = useSessionStore((s) => s.currentBranchId)
  const hasRoles = useSessionStore(selectHasRoles)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const canWrite = useSessionStore(selectCanWrite)
  const isSecretary = useSessionStore((s) => currentRolesOf(s).includes('secretary'))
  const loadSession = useSessionStore((s) => s.load)
  const loadActivities = useActivitiesStore((s) => s.load)

  useCurrentBranchLoad(loadActivities)
  const todo = useTodo(currentBranchId, status === 'ready' && hasRoles)

  usePullDownRefresh(async () => {
    await loadSession()
    const s = useSessionStore.getState()
    if (s.currentBranchId) await loadActivities(s.currentBranchId, true)
    Taro.stopPullDownRefresh()
  })

  // H5 under the local cloud, first visit: nobody chosen yet is a welcome, not an error (never in the mini-program).
  const needsWelcome = useNeedsDevWelcome()
  const devPicker = process.env.TARO_ENV === 'h5' ? <DevIdentityPicker /> : null

  if (needsWelcome) return <DevWelcome />

  if (status === 'idle' || (status === 'loading' && !name && !hasRoles)) return <LoadingState />
  if (status === 'error')
    return (
      <View>
        <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
        {devPicker}
      </View>
    )
  if (!hasRoles)
    return (
      <View className='home'>
        <TransferredNotice />
        <JoinForm initialCode={sceneCode} />
        {/* Only a deployment without a committee yet needs its first administrator (session.get's committeeName). */}
        {committeeName ? null : (
          <Text
            className='home__bootstrap'
            onClick={() => Taro.navigateTo({ url: '/packages/org/pages/bootstrap/index' })}
            {...testId('open-bootstrap')}
          >
            首次部署：初始化党委
          </Text>
        )}
        {devPicker}
        <PrivacyDialog />
      </View>
    )

  return (
    <View className='home'>
      <View className='home__hero'>
        <Text className='home__greeting' {...testId('greeting')}>
          {name ? `${name}，你好` : '你好'}
        </Text>
        {committeeName ? <Text className='home__committee'>{committeeName}</Text> : null}
        <View className='home__branch'>
          <BranchSwitcher />
        </View>
      </View>

      <HomeTodo todo={todo} />
      <HomeReminders branchId={currentBranchId} manages={canWrite} />

      {canWrite ? (
        <View className='home__actions'>
          <Button type='primary' size='large' block onClick={() => void recordActivity(todo)} {...testId('home-record-activity')}>
            记录活动
          </Button>
        </View>
      ) : null}

      {isAdmin || (isSecretary && currentBranchId) ? (
        <View
          className='home__card'
          onClick={() => void Taro.navigateTo({ url: isAdmin ? BRANCHES_PAGE : branchPage(currentBranchId ?? '') })}
          {...testId('home-manage')}
        >
          <View className='home__card-main'>
            <Text className='home__card-title'>支部管理</Text>
            <Text className='home__card-hint'>{isAdmin ? '新建支部、邀请书记、任命指导员' : '党小组、邀请党员、名册与职务'}</Text>
          </View>
          <Text className='home__card-arrow'>›</Text>
        </View>
      ) : null}

      {isAdmin ? (
        <View className='home__card' onClick={() => void Taro.navigateTo({ url: '/packages/committee/pages/dashboard/index' })} {...testId('home-dashboard')}>
          <View className='home__card-main'>
            <Text className='home__card-title'>党委看板</Text>
            <Text className='home__card-hint'>各支部得分、逾期与活动，导出年度考核表</Text>
          </View>
          <Text className='home__card-arrow'>›</Text>
        </View>
      ) : null}

      {currentBranchId ? (
        <Section
          title='支部活动'
          extra={
            <Text className='home__more' onClick={() => Taro.switchTab({ url: '/pages/activities/index' })}>
              全部 ›
            </Text>
          }
        >
          <RecentActivities />
        </Section>
      ) : null}

      {isAdmin ? (
        // The branch list lives in the org sub-package (the main package stays small): one tap away.
        <View className='home__card' onClick={() => void Taro.navigateTo({ url: `${BRANCHES_PAGE}?pick=activities` })} {...testId('home-pick-branch')}>
          <View className='home__card-main'>
            <Text className='home__card-title'>查看支部活动</Text>
            <Text className='home__card-hint'>{currentBranchId ? '换一个支部查看' : '选择一个支部，查看它的活动'}</Text>
          </View>
          <Text className='home__card-arrow'>›</Text>
        </View>
      ) : null}
      <View className='home__bottom' />
      <PrivacyDialog />
    </View>
  )
}
