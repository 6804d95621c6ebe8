import Taro from '@tarojs/taro'
import { useState } from 'react'
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

/** Who sees an entry: everyone, people on the current branch's roster, its ledger keepers, committee admins, everyone but them, or the pipeline's keepers. */
type Who = 'all' | 'roster' | 'ledger' | 'admin' | 'notAdmin' | 'pipeline'
/** Sections of entries into the sub-packages: [label, page under packages/, who, test id]. */
const MORE: [string, [string, string, Who, string][]][] = [
  ['党费', [['我的党费', 'dues/pages/member', 'roster', 'my-dues'], ['党费台账', 'dues/pages/ledger', 'ledger', 'dues-ledger']]],
  ['发展党员', [['发展党员工作', 'recruitment/pages/list', 'pipeline', 'recruitment']]],
  ['组织关系', [['组织关系转接', 'transfers/pages/list', 'all', 'transfers']]],
  ['换届', [['支委会换届', 'terms/pages/term', 'pipeline', 'terms']]],
  ['民主评议', [['民主评议党员', 'appraisal/pages/list', 'roster', 'appraisal']]],
  ['提醒与通知', [['订阅提醒', 'inbox/pages/subscribe', 'all', 'subscribe'], ['发布通知', 'inbox/pages/notice', 'admin', 'notice'], ['记录审核', 'reviews/pages/queue', 'admin', 'review-queue']]],
  // The committee answers the feedback (its inbox), it does not send itself suggestions.
  ['意见反馈', [['向党委提意见', 'feedback/pages/mine', 'notAdmin', 'feedback'], ['意见建议处理', 'feedback/pages/list', 'admin', 'feedback-list']]],
  ['党委设置', [['优秀比例与党费提醒', 'committee/pages/settings', 'admin', 'committee-settings']]],
]

export default function MePage() {
  const status = useSessionBootstrap()
  const [joining, setJoining] = useState(false)
  const error = useSessionStore((s) => s.error)
  const load = useSessionStore((s) => s.load)
  const hasRoles = useSessionStore(selectHasRoles)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  // 党费: a member of the current branch sees their own; its secretary and 支委 open the ledger.
  const onRoster = useSessionStore((s) => s.roles.some((r) => r.memberId && r.branchId === s.currentBranchId))
  const keepsLedger = useSessionStore((s) => currentRolesOf(s).some((r) => r === 'secretary' || r === 'branch_committee'))

  // 发展党员: the current branch's secretary and 支委 (the committee from any branch).
  const keepsPipeline = useSessionStore((s) => s.roles.some((r) => r.branchId === s.currentBranchId && (r.role === 'secretary' || r.role === 'branch_committee')))

  const sees: Record<Who, boolean> = { all: true, roster: onRoster, ledger: keepsLedger, admin: isAdmin, notAdmin: !isAdmin, pipeline: keepsPipeline || isAdmin }

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
          {/* Someone already in a branch rarely needs the form (a guide's or a second role's code): one button opens it. */}
          <Section title={hasRoles ? '邀请码' : '加入支部'}>
            {hasRoles && !joining ? (
              <Button type='plain' block onClick={() => setJoining(true)} {...testId('show-join')}>
                我有邀请码
              </Button>
            ) : (
              <JoinForm compact />
            )}
          </Section>
          {/* One list of the sub-package entries (the main package is at its size limit: a row of data, not a block of JSX, each). */}
          {MORE.map(([title, rows]) => {
            const shown = rows.filter(([, , who]) => sees[who])
            return shown.length ? (
              <Section key={title} title={title}>
                {shown.map(([label, page, , id], i) => (
                  <Button key={label} type='plain' block className={i ? 'me__next' : undefined} onClick={() => void Taro.navigateTo({ url: `/packages/${page}/index` })} {...testId(`open-${id}`)}>
                    {label}
                  </Button>
                ))}
              </Section>
            ) : null
          })}
        </>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? <DevIdentityPicker /> : null}
      <Text className='me__version'>支部工作台 v{APP_VERSION}</Text>
      <PrivacyDialog />
    </View>
  )
}
