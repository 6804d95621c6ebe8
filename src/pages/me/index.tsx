import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { APP_VERSION } from '../../lib/app-version'
import { PrivacyDialog } from '../../components/privacy-dialog'
import { ErrorState, LoadingState } from '../../components/states'
import { Section } from '../../components/section'
import { BranchSwitcher } from '../../features/session/components/branch-switcher'
import { DevIdentityPicker } from '../../features/session/components/dev-identity-picker'
import { JoinForm } from '../../features/session/components/join-form'
import { ProfileEditor } from '../../features/session/components/profile-editor'
import { RoleList } from '../../features/session/components/role-list'
import { currentRolesOf, selectHasRoles, selectIsCommitteeAdmin, useSessionStore } from '../../features/session/store'
import { useSessionBootstrap } from '../../features/session/use-session'
import { testId } from '../../lib/test-id'
import { Button } from '../../components/button'
import './index.scss'

const go = (page: string) => void Taro.navigateTo({ url: `/packages/inbox/pages/${page}/index` })
const goDues = (page: string) => void Taro.navigateTo({ url: `/packages/dues/pages/${page}/index` })

export default function MePage() {
  const status = useSessionBootstrap()
  const error = useSessionStore((s) => s.error)
  const load = useSessionStore((s) => s.load)
  const hasRoles = useSessionStore(selectHasRoles)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  // 党费: a member of the current branch sees their own; its secretary and 支委 open the ledger.
  const onRoster = useSessionStore((s) => s.roles.some((r) => r.memberId && r.branchId === s.currentBranchId))
  const keepsLedger = useSessionStore((s) => currentRolesOf(s).some((r) => r === 'secretary' || r === 'branch_committee'))

  // 发展党员: the current branch's secretary and 支委 (the committee from any branch).
  const keepsPipeline = useSessionStore((s) => s.roles.some((r) => r.branchId === s.currentBranchId && (r.role === 'secretary' || r.role === 'branch_committee')))

  return (
    <View className='me'>
      {status === 'idle' || status === 'loading' ? <LoadingState /> : null}
      {status === 'error' ? <ErrorState message={error ?? '加载失败'} onRetry={load} /> : null}
      {status === 'ready' ? (
        <>
          <ProfileEditor />
          {hasRoles ? (
            <View className='me__switch'>
              <Text className='me__switch-label'>当前支部</Text>
              <BranchSwitcher />
            </View>
          ) : null}
          <Section title='我的支部与职务'>
            <RoleList />
          </Section>
          <Section title='加入支部'>
            <JoinForm compact />
          </Section>
          {onRoster || keepsLedger ? (
            <Section title='党费'>
              {onRoster ? (
                <Button type='plain' block onClick={() => goDues('member')} {...testId('open-my-dues')}>
                  我的党费
                </Button>
              ) : null}
              {keepsLedger ? (
                <Button type='plain' block className='me__next' onClick={() => goDues('ledger')} {...testId('open-dues-ledger')}>
                  党费台账
                </Button>
              ) : null}
            </Section>
          ) : null}
          {keepsPipeline || isAdmin ? (
            <Section title='发展党员'>
              <Button type='plain' block onClick={() => void Taro.navigateTo({ url: '/packages/recruitment/pages/list/index' })} {...testId('open-recruitment')}>
                发展党员工作
              </Button>
            </Section>
          ) : null}
          <Section title='提醒与通知'>
            <Button type='plain' block onClick={() => go('subscribe')} {...testId('open-subscribe')}>
              订阅提醒
            </Button>
            {isAdmin ? (
              <Button type='plain' block className='me__next' onClick={() => go('notice')} {...testId('open-notice')}>
                发布通知
              </Button>
            ) : null}
            {isAdmin ? (
              <Button type='plain' block className='me__next' onClick={() => void Taro.navigateTo({ url: '/packages/reviews/pages/queue/index' })} {...testId('open-review-queue')}>
                记录审核
              </Button>
            ) : null}
          </Section>
        </>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? <DevIdentityPicker /> : null}
      <Text className='me__version'>支部工作台 v{APP_VERSION}</Text>
      <PrivacyDialog />
    </View>
  )
}
