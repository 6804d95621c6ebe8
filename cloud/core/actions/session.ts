import { collection, loadOne, readAll } from '../framework/data'
import { checkTexts } from '../framework/writes'
import { PARTY_STATUS_LABELS, ROLE_LABELS, type PartyStatus, type RoleGrant } from '../../../types/domain'
import { defineAction, type ActionContext } from '../framework/action'
import { recordAudit } from '../organisation/audit'
import { claim } from '../framework/claims'
import { AppError, isCollectionMissing } from '../framework/errors'
import type { InviteDoc, JoinRequestDoc, MemberDoc, JoinRateDoc, Membership } from '../framework/model'
import type { Port } from '../framework/port'
import { assertOneBranch, ensureRosterEntry, grantRole, loadBranch } from '../organisation/store'
import { INVITE_REFUSALS, inviteStatus, loadInvite } from './invites'

/** Wrong codes allowed from one person within the window before joining is paused. */
export const JOIN_MAX_FAILURES = 5
export const JOIN_WINDOW_MS = 15 * 60 * 1000

async function branchNames(port: Port, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const _ = port.db.command
  const branches = await readAll(port, 'branches', { _id: _.in(ids) })
  return new Map(branches.map((b) => [b._id, b.name]))
}

export async function describeRoles(port: Port, openid: string, memberships: Membership[]): Promise<RoleGrant[]> {
  const ids = [...new Set(memberships.map((m) => m.branchId).filter((id): id is string => !!id))]
  const [names, entries] = await Promise.all([
    branchNames(port, ids),
    ids.length ? readAll(port, 'members', { openid, state: 'active' }) : Promise.resolve([] as MemberDoc[]),
  ])
  return memberships.map((m) => {
    if (!m.branchId) return { role: m.role }
    const entry = entries.find((e) => e.branchId === m.branchId)
    return {
      role: m.role,
      branchId: m.branchId,
      branchName: names.get(m.branchId) ?? '（已删除的支部）',
      ...(m.title ? { title: m.title } : {}),
      ...(entry ? { memberId: entry._id } : {}),
    }
  })
}

/** The caller's roster entries marked 转出, latest first, with the branch's name. */
async function transfersOf(port: Port, openid: string): Promise<{ branchName: string; on: string | null; reason: string | null }[]> {
  const entries = await readAll(port, 'members', { openid, state: 'transferred' })
  if (entries.length === 0) return []
  const names = await branchNames(port, [...new Set(entries.map((e) => e.branchId))])
  return entries
    .sort((a, b) => (b.transferredOn ?? '').localeCompare(a.transferredOn ?? ''))
    .map((e) => ({ branchName: names.get(e.branchId) ?? '原支部', on: e.transferredOn ?? null, reason: e.transferReason ?? null }))
}

export const getSession = defineAction({
  name: 'session.get',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    // Before org.bootstrap the collections do not exist: the caller is simply nobody yet, so the app can offer
    // the welcome screen (join, or 首次部署：初始化党委) instead of an error.
    const none = (error: unknown) => {
      if (isCollectionMissing(error)) return { data: [] }
      throw error
    }
    const [users, committees, roles] = await Promise.all([
      collection(port, 'users').where({ _id: caller.openid }).limit(1).get().catch(none),
      collection(port, 'committees').limit(1).get().catch(none),
      describeRoles(port, caller.openid, caller.memberships),
    ])
    const user = users.data[0]
    const committee = committees.data[0]
    // Someone with no role left who was transferred out (转出) is told so on their next visit, not greeted as a stranger.
    const transfers = roles.length || !committee ? [] : await transfersOf(port, caller.openid)
    return { openid: caller.openid, name: user?.name ?? null, committeeName: committee?.name ?? null, roles, transfers }
  },
})

export const updateProfile = defineAction({
  name: 'session.updateProfile',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ name }, { port, caller }) {
    // Shown to the whole branch (or committee): it passes the platform's text check like any published text.
    await checkTexts(port, caller.openid, [['name', '姓名', name]])
    const { data } = await collection(port, 'users').where({ _id: caller.openid }).limit(1).get()
    const createdAt = data[0]?.createdAt ?? port.now()
    await collection(port, 'users').doc(caller.openid).set({ data: { name, createdAt } })
    return { name }
  },
})

/** The wrong-code counter `join:<openid>` (its _id prefix says it is one). */
async function loadJoinRate(port: Port, id: string): Promise<JoinRateDoc | undefined> {
  const doc = await loadOne(port, 'rate_limits', id)
  return doc && 'failures' in doc ? doc : undefined
}

/** Refuses a caller who typed too many wrong codes recently; codes cannot be guessed one by one. */
async function checkJoinRate(port: Port, openid: string): Promise<void> {
  const limit = await loadJoinRate(port, `join:${openid}`)
  if (!limit) return
  const elapsed = port.now().getTime() - new Date(limit.windowStart).getTime()
  if (elapsed < JOIN_WINDOW_MS && limit.failures >= JOIN_MAX_FAILURES) {
    const minutes = Math.ceil((JOIN_WINDOW_MS - elapsed) / 60000)
    throw new AppError('RATE_LIMITED', `邀请码输错次数过多，请 ${minutes} 分钟后再试`)
  }
}

async function recordWrongCode(port: Port, openid: string): Promise<void> {
  const id = `join:${openid}`
  const ref = collection(port, 'rate_limits')
  const limit = await loadJoinRate(port, id)
  const now = port.now()
  if (!limit || now.getTime() - new Date(limit.windowStart).getTime() >= JOIN_WINDOW_MS) {
    await ref.doc(id).set({ data: { failures: 1, windowStart: now } })
  } else {
    await ref.doc(id).update({ data: { failures: port.db.command.inc(1) } })
  }
}

/** Spends one use of an invitation; the condition and the increment are one write, so uses never overrun. */
async function spendUse(port: Port, invite: InviteDoc): Promise<void> {
  const _ = port.db.command
  const spent = await collection(port, 'invites')
    .where({ _id: invite._id, revoked: false, uses: _.lt(invite.maxUses) })
    .update({ data: { uses: _.inc(1) } })
  if (spent.stats.updated !== 1) throw new AppError('CONFLICT', INVITE_REFUSALS.used_up)
}

/** Makes `openid` what the invitation grants: a role grant, and a roster entry for branch people. */
export async function admit(
  ctx: ActionContext,
  who: { openid: string; name: string },
  grant: { branchId: string; role: Membership['role']; title?: string | null; groupId: string | null; partyStatus?: PartyStatus; memberId?: string },
): Promise<void> {
  const { port } = ctx
  await grantRole(port, who.openid, grant.branchId, grant.role, grant.title ?? undefined)
  // Guides (第一书记 / 党建指导员) help a branch from outside: they are not on its roster.
  if (grant.role !== 'guide') {
    const entry = await ensureRosterEntry(port, { branchId: grant.branchId, openid: who.openid, name: who.name, groupId: grant.groupId, partyStatus: grant.partyStatus, memberId: grant.memberId })
    if (grant.role === 'branch_committee' || grant.role === 'secretary') {
      await grantRole(port, who.openid, grant.branchId, 'member')
    }
    await recordAudit(ctx, {
      branchId: grant.branchId,
      action: 'member.joined',
      summary: `${who.name} 加入支部（${ROLE_LABELS[grant.role]}${grant.partyStatus ? `，${PARTY_STATUS_LABELS[grant.partyStatus]}` : ''}）`,
      target: { kind: 'member', id: entry._id },
      before: null,
      after: { name: who.name, role: grant.role, groupId: grant.groupId },
    })
  } else {
    await recordAudit(ctx, {
      branchId: grant.branchId,
      action: 'guide.appointed',
      summary: `${who.name} 任${grant.title ?? '党建指导员'}`,
      target: { kind: 'user', id: who.openid },
      before: null,
      after: { name: who.name, title: grant.title },
    })
  }
}

export const joinWithInvite = defineAction({
  name: 'session.join',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ code, name }, ctx) {
    const { port, caller } = ctx
    await checkJoinRate(port, caller.openid)
    const invite = await loadInvite(port, code)
    if (!invite) {
      await recordWrongCode(port, caller.openid)
      throw new AppError('NOT_FOUND', '邀请码不正确，请核对后重新输入')
    }
    const status = inviteStatus(invite, port.now())
    const branchDoc = await loadBranch(port, invite.branchId)
    const branch = branchDoc.name
    const holds = caller.memberships.some((m) => m.branchId === invite.branchId && m.role === invite.role)
    if (holds) {
      return { roles: await describeRoles(port, caller.openid, caller.memberships), pending: false, branchName: branch }
    }
    if (status !== 'active') throw new AppError('CONFLICT', INVITE_REFUSALS[status])
    // A branch that was 撤销 takes nobody in: its invitations end with it.
    if (branchDoc.status !== 'active') throw new AppError('CONFLICT', `「${branch}」已撤销，这个邀请码已失效`)
    // The name goes on the roster and into join requests: checked before a use is spent or anything is written.
    await checkTexts(port, caller.openid, [['name', '姓名', name]])

    // One join per (branch, person) at a time: twenty taps at once used to pass the "holds" check together and each
    // spend a use and write a roster entry. The others only report what the first one did.
    const release = await claim(port, `join:${invite.branchId}:${caller.openid}`)
    if (!release) {
      // Another call of this person is joining this branch right now: it spends the use and writes the entry.
      const memberships = await readAll(port, 'memberships', { openid: caller.openid, status: 'active' })
      return { roles: await describeRoles(port, caller.openid, memberships), pending: invite.requiresApproval, branchName: branch }
    }
    try {
      return await joinClaimed(ctx, invite, name, branch)
    } finally {
      await release()
    }
  },
})

/** The join itself, run by the one call that holds the (branch, person) claim. */
async function joinClaimed(ctx: ActionContext, invite: InviteDoc, name: string, branch: string) {
  const { port, caller } = ctx
  // Read again under the claim: a call that finished just before may already have granted the role.
  const current = await readAll(port, 'memberships', { openid: caller.openid, status: 'active' })
  if (current.some((m) => m.branchId === invite.branchId && m.role === invite.role)) {
    return { roles: await describeRoles(port, caller.openid, current), pending: false, branchName: branch }
  }
  // One person, one branch: someone on another branch's roster (or whose letter is in transit) is refused before a
  // use is spent or a request made. Guides are on no roster.
  if (invite.role !== 'guide') await assertOneBranch(port, caller.openid, invite.branchId)
  const users = await collection(port, 'users').where({ _id: caller.openid }).limit(1).get()
  const user = users.data[0]
  await collection(port, 'users').doc(caller.openid).set({ data: { name, createdAt: user?.createdAt ?? port.now() } })

  if (invite.requiresApproval) {
    const pending = await collection(port, 'join_requests')
      .where({ openid: caller.openid, branchId: invite.branchId, status: 'pending' })
      .count()
    if (pending.total === 0) {
      await spendUse(port, invite)
      const request: Omit<JoinRequestDoc, '_id'> = {
        branchId: invite.branchId,
        openid: caller.openid,
        name,
        role: invite.role,
        title: invite.title ?? null,
        groupId: invite.groupId ?? null,
        inviteCode: invite._id,
        status: 'pending',
        createdAt: port.now(),
        decidedBy: null,
        reason: null,
      }
      await collection(port, 'join_requests').add({ data: { ...request } })
    }
    return { roles: await describeRoles(port, caller.openid, caller.memberships), pending: true, branchName: branch }
  }

  await spendUse(port, invite)
  await admit(ctx, { openid: caller.openid, name }, {
    branchId: invite.branchId,
    role: invite.role,
    title: invite.title,
    groupId: invite.groupId ?? null,
    // Chosen when the code was made (invites.ts inviteePartyStatus); codes from before record 正式党员 as they did.
    ...(invite.partyStatus ? { partyStatus: invite.partyStatus } : {}),
    // 转入 from outside (transfers.receive): they join as the entry recorded from their letter.
    ...(invite.memberId ? { memberId: invite.memberId } : {}),
  })
  const memberships = await readAll(port, 'memberships', { openid: caller.openid, status: 'active' })
  return { roles: await describeRoles(port, caller.openid, memberships), pending: false, branchName: branch }
}

export const SESSION_ACTIONS = [getSession, joinWithInvite, updateProfile] as const
