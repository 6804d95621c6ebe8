import { useEffect, useMemo } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PrivacyDialog } from '../../../../components/privacy-dialog'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { isCommitteeAdmin, rolesInBranch, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { BranchArchive, BranchInfo } from '../../../../features/branches/components/branch-info'
import { GroupList } from '../../../../features/branches/components/group-list'
import { useBranchDetailStore } from '../../../../features/branches/detail-store'
import { InviteForm } from '../../../../features/invites/components/invite-form'
import { InviteList } from '../../../../features/invites/components/invite-list'
import { JoinRequests } from '../../../../features/invites/components/join-requests'
import { COMMITTEE_PRESETS, SECRETARY_PRESETS } from '../../../../features/invites/labels'
import { useInvitesStore } from '../../../../features/invites/store'
import { GreetingsSetting } from '../../../../features/terms/components/greetings-setting'
import { auditPage, rosterPage } from '../../routes'
import '../org.scss'

export default function BranchPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const status = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const roles = useSessionStore((s) => s.roles)
  const isAdmin = isCommitteeAdmin(roles)
  const branchRoles = useMemo(() => rolesInBranch(roles, id), [roles, id])
  const isSecretary = branchRoles.includes('secretary')
  const canManage = isAdmin || isSecretary
  const mayRead = canManage || branchRoles.length > 0

  const detail = useBranchDetailStore((s) => (s.branchId === id ? s.detail : null))
  const detailStatus = useBranchDetailStore((s) => s.status)
  const detailError = useBranchDetailStore((s) => s.error)
  const loadDetail = useBranchDetailStore((s) => s.load)
  const loadInvites = useInvitesStore((s) => s.load)
  const pendingRequests = useInvitesStore((s) => (s.branchId === id ? s.requests.filter((r) => r.status === 'pending').length : 0))

  const refresh = async () => {
    await Promise.all([loadDetail(id), canManage ? loadInvites(id) : null])
  }
  useEffect(() => {
    if (status === 'ready' && id && mayRead) void refresh()
  }, [status, id, mayRead, canManage])
  useDidShow(() => {
    if (useSessionStore.getState().status === 'ready' && id && mayRead) void loadDetail(id)
  })
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })

  if (!id) return <ErrorState message='缺少支部编号' />
  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  if (!mayRead) return <EmptyState title='无权查看该支部' hint='只有党委和本支部的书记可以管理支部' />
  if (!detail) return detailStatus === 'error' ? <ErrorState message={detailError ?? '加载失败'} onRetry={() => loadDetail(id)} /> : <LoadingState />

  const archived = detail.branch.status === 'archived'
  const groups = detail.groups.map((g) => ({ id: g.id, name: g.name }))
  const presets = [...(isAdmin ? COMMITTEE_PRESETS : []), ...(isSecretary ? SECRETARY_PRESETS : [])]

  // Everyday work first: people waiting to join (when there are any), the roster and records, groups, invitations;
  // 撤销支部 last and closed (BranchArchive).
  const requests = (
    <Section title={pendingRequests ? `入支申请（${pendingRequests} 人待审核）` : '入支申请'}>
      <JoinRequests onDecided={() => void loadDetail(id)} />
    </Section>
  )
  const managing = canManage && !archived
  return (
    <View className='org-page' {...testId('branch-page')}>
      <Section>
        <BranchInfo canAdminister={isAdmin} />
      </Section>

      {managing && pendingRequests ? requests : null}

      <View className='org-page__links'>
        <View className='org-page__link' onClick={() => void Taro.navigateTo({ url: rosterPage(id) })} {...testId('open-roster')}>
          <Text className='org-page__link-title'>党员名册 ›</Text>
          <Text className='org-page__link-hint'>在册 {detail.counts.active} 人</Text>
        </View>
        {canManage ? (
          <View className='org-page__link' onClick={() => void Taro.navigateTo({ url: auditPage(id) })} {...testId('open-audit')}>
            <Text className='org-page__link-title'>变更记录 ›</Text>
            <Text className='org-page__link-hint'>谁在何时改了什么</Text>
          </View>
        ) : null}
        {canManage ? (
          <View
            className='org-page__link'
            onClick={() => void Taro.navigateTo({ url: `/packages/committee/pages/export/index?kind=recordBook&branchId=${encodeURIComponent(id)}&year=${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}` })}
            {...testId('open-record-book-export')}
          >
            <Text className='org-page__link-title'>导出记录本 ›</Text>
            <Text className='org-page__link-hint'>本年组织生活记录本（Word）</Text>
          </View>
        ) : null}
      </View>

      <Section title='党小组'>
        <GroupList canEdit={managing} />
      </Section>

      {/* Branch settings (the secretary's and the committee's): 政治生日 greetings. */}
      {managing ? <GreetingsSetting branchId={id} /> : null}

      {managing ? (
        <>
          <Section title={isAdmin && !isSecretary ? '邀请支部书记 / 任命第一书记、党建指导员' : '邀请加入'}>
            <Text className='org-page__note'>
              {isAdmin && !isSecretary ? '生成邀请码发给本人，对方在小程序首页输入或扫码即可加入。' : '生成邀请码发给党员，对方在小程序首页输入邀请码或扫码加入。'}
            </Text>
            <InviteForm presets={presets} groups={groups} />
          </Section>
          <Section title='邀请码'>
            <InviteList groups={groups} />
          </Section>
          {pendingRequests ? null : requests}
        </>
      ) : null}
      {isAdmin && !archived ? (
        <Section title='撤销支部'>
          <BranchArchive />
        </Section>
      ) : null}
      <View className='org-page__bottom' />
      <PrivacyDialog />
    </View>
  )
}
