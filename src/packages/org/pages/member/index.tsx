import { useEffect, useMemo } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { MemberSummary } from '../../../../../types/domain'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import { isCommitteeAdmin, rolesInBranch, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { MemberCard, MemberManage } from '../../../../features/members/components/member-detail'
import { MemberAttendance } from '../../../../features/leave/components/member-attendance'
import { MemberAppraisal } from '../../../../features/appraisal/components/member-appraisal'
import { TransferIssueEntry } from '../../../../features/transfers/components/issue-entry'
import { useMemberStore } from '../../../../features/members/member-store'
import { useBranchDetailStore } from '../../../../features/branches/detail-store'
import { selectRosterBranch, useRosterStore } from '../../../../features/members/roster-store'
import '../org.scss'

export default function MemberPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const status = useSessionBootstrap()
  const roles = useSessionStore((s) => s.roles)
  const loadSession = useSessionStore((s) => s.load)
  const member = useMemberStore((s) => (s.memberId === id ? s.member : null))
  const memberStatus = useMemberStore((s) => s.status)
  const error = useMemberStore((s) => s.error)
  const load = useMemberStore((s) => s.load)
  const groups = useRosterStore((s) => s.groups)
  const rosterBranch = useRosterStore(selectRosterBranch)
  const loadGroups = useRosterStore((s) => s.loadGroups)
  const changedInRoster = useRosterStore((s) => s.changed)
  const branchId = member?.branchId ?? null
  // The branch's 启用日期, for 加入本支部 (a day before it reads 「（启用前）」): read with the branch when not already.
  const branchStartedOn = useBranchDetailStore((s) => (s.branchId === branchId ? (s.detail?.branch.startedOn ?? null) : null))
  const branchLoaded = useBranchDetailStore((s) => s.branchId === branchId && s.status !== 'idle')
  const isAdmin = isCommitteeAdmin(roles)
  const isSecretary = useMemo(() => rolesInBranch(roles, branchId).includes('secretary'), [roles, branchId])
  // A 支委 may be the 组织委员, who issues letters too (the server says: TransferIssueEntry).
  const isCommitteeMember = useMemo(() => rolesInBranch(roles, branchId).includes('branch_committee'), [roles, branchId])

  useEffect(() => {
    if (status === 'ready' && id) void load(id)
  }, [status, id, load])
  useEffect(() => {
    if (branchId && (rosterBranch !== branchId || !groups.length) && (isAdmin || isSecretary)) void loadGroups(branchId)
  }, [branchId, isAdmin, isSecretary])

  useEffect(() => {
    if (branchId && !branchLoaded) void useBranchDetailStore.getState().load(branchId)
  }, [branchId])

  const onChanged = (m: MemberSummary) => {
    changedInRoster(m)
    // Handing over the secretary's post changes the caller's own roles.
    if (m.roles.includes('secretary') && !member?.roles.includes('secretary')) void loadSession()
  }

  if (!id) return <ErrorState message='缺少党员编号' />
  if (!member) return memberStatus === 'error' ? <ErrorState message={error ?? '加载失败'} onRetry={() => load(id)} /> : <LoadingState />
  return (
    <View className='org-page'>
      <Section>
        <MemberCard m={member} branchStartedOn={branchStartedOn} />
      </Section>
      <MemberAttendance memberId={id} />
      <MemberAppraisal memberId={id} />
      {!isAdmin && !isSecretary && isCommitteeMember && branchId ? <TransferIssueEntry memberId={id} branchId={branchId} active={member.state === 'active'} /> : null}
      <MemberManage groups={rosterBranch === branchId ? groups : []} canEdit={isAdmin || isSecretary} isSecretary={isSecretary} onChanged={onChanged} />
      <View className='org-page__bottom' />
    </View>
  )
}
