import { defineAction } from '../action'
import { isCommitteeAdmin } from '../access'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import type { JoinRequestDoc, MemberDoc } from '../model'
import { afterCursor, decodeCursor, escapeRegExp, pageOf } from '../paging'
import { expectedAttendees, votingMembers } from '../roster'
import {
  endGrants,
  grantRole,
  loadActiveBranch,
  loadGroup,
  loadMember,
  presentMembers,
  presentOne,
  readAll,
} from '../roster-store'
import { admit } from './session'

const MANAGERS = ['committee_admin', 'secretary'] as const
/** Who may read a branch's roster: its committee and leaders, and the committee's guides. Members see their own entry. */
const ROSTER_READERS = ['committee_admin', 'secretary', 'branch_committee', 'guide'] as const
const memberRecord = { kind: 'record', collection: 'members', noun: '党员' } as const

export const listMembers = defineAction({
  name: 'members.list',
  roles: ROSTER_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, q, groupId, state, cursor, limit }, { port }) {
    const _ = port.db.command
    const conditions: unknown[] = [{ branchId }]
    if (state !== 'all') conditions.push({ state })
    if (groupId) conditions.push({ groupId })
    if (q) conditions.push({ name: port.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) })
    if (cursor) {
      const c = decodeCursor(cursor)
      conditions.push(afterCursor(_, 'name', String(c.key), c.id, 'asc'))
    }
    const { data } = await port.db
      .collection('members')
      .where(_.and(...conditions) as Record<string, unknown>)
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data as unknown as MemberDoc[], limit, (m) => m.name)
    return { items: await presentMembers(port, branchId, page.items), nextCursor: page.nextCursor }
  },
})

export const getMember = defineAction({
  name: 'members.get',
  roles: ROSTER_READERS,
  // A member reads their own entry while they are of the branch (any active role there).
  scope: { ...memberRecord, idOf: (input) => input.memberId, ownerField: 'openid', ownerRoles: 'any' },
  async handler(_input, { port, record }) {
    return presentOne(port, record as unknown as MemberDoc)
  },
})

function assertActive(member: MemberDoc) {
  if (member.state !== 'active') throw new AppError('CONFLICT', `${member.name} 已转出，档案只读`)
}

export const updateMember = defineAction({
  name: 'members.update',
  roles: MANAGERS,
  scope: { ...memberRecord, idOf: (input) => input.memberId },
  async handler({ memberId, ...changes }, ctx) {
    const { port } = ctx
    const before = ctx.record as unknown as MemberDoc
    assertActive(before)
    await loadActiveBranch(port, before.branchId)
    if (changes.groupId) await loadGroup(port, changes.groupId, before.branchId)
    const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
    const after = { ...before, ...patch } as MemberDoc
    if (after.partyStatus === 'full' && after.joinedPartyOn && after.confirmedOn && after.confirmedOn < after.joinedPartyOn) {
      throw new AppError('INVALID_INPUT', '转正日期不能早于入党日期')
    }
    if (Object.keys(patch).length === 0) return presentOne(port, before)
    await port.db.collection('members').doc(memberId).update({ data: { ...patch, updatedAt: port.now() } })
    const pick = (m: MemberDoc) => Object.fromEntries(Object.keys(patch).map((k) => [k, (m as unknown as Record<string, unknown>)[k] ?? null]))
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'member.updated',
      summary: `修改 ${before.name} 的信息（${Object.keys(patch).join('、')}）`,
      target: { kind: 'member', id: memberId },
      before: pick(before),
      after: pick(after),
    })
    return presentOne(port, after)
  },
})

export const setPosts = defineAction({
  name: 'members.setPosts',
  roles: MANAGERS,
  scope: { ...memberRecord, idOf: (input) => input.memberId },
  async handler({ memberId, posts, groupLeader }, ctx) {
    const { port } = ctx
    const before = ctx.record as unknown as MemberDoc
    assertActive(before)
    await loadActiveBranch(port, before.branchId)
    if (groupLeader && !before.groupId) throw new AppError('INVALID_INPUT', '请先把该党员分到一个党小组，再设为党小组长')
    if (posts.length > 0 && !before.openid) throw new AppError('CONFLICT', `${before.name} 尚未加入小程序，不能担任支委`)
    const unique = [...new Set(posts)]
    await port.db.collection('members').doc(memberId).update({ data: { posts: unique, groupLeader, updatedAt: port.now() } })
    if (before.openid) {
      // Holding any committee post is what makes a person a 支委 (branch_committee) in access control.
      if (unique.length > 0) await grantRole(port, before.openid, before.branchId, 'branch_committee')
      else await endGrants(port, before.openid, before.branchId, 'revoked', 'branch_committee')
    }
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'member.posts',
      summary: `设置 ${before.name} 的职务：${unique.length ? unique.join('、') : '无支委职务'}${groupLeader ? '，党小组长' : ''}`,
      target: { kind: 'member', id: memberId },
      before: { posts: before.posts ?? [], groupLeader: !!before.groupLeader },
      after: { posts: unique, groupLeader },
    })
    return presentOne(port, { ...before, posts: unique, groupLeader })
  },
})

export const transferOut = defineAction({
  name: 'members.transferOut',
  roles: MANAGERS,
  scope: { ...memberRecord, idOf: (input) => input.memberId },
  async handler({ memberId, on, reason }, ctx) {
    const { port, caller } = ctx
    const before = ctx.record as unknown as MemberDoc
    assertActive(before)
    if (before.openid === caller.openid) throw new AppError('CONFLICT', '不能把自己转出；请先移交书记职务')
    const after: MemberDoc = { ...before, state: 'transferred', transferredOn: on, transferReason: reason, groupLeader: false }
    await port.db
      .collection('members')
      .doc(memberId)
      .update({ data: { state: 'transferred', transferredOn: on, transferReason: reason, groupLeader: false, updatedAt: port.now() } })
    // Access follows the roster: the person's grants in this branch end now, so their next call is refused.
    if (before.openid) await endGrants(port, before.openid, before.branchId, 'transferred')
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'member.transferred',
      summary: `${before.name} 转出（${on}）：${reason}`,
      target: { kind: 'member', id: memberId },
      before: { state: 'active' },
      after: { state: 'transferred', transferredOn: on, transferReason: reason },
    })
    return presentOne(port, after)
  },
})

export const handOverSecretary = defineAction({
  name: 'members.handOverSecretary',
  roles: MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, toMemberId }, ctx) {
    const { port, caller } = ctx
    await loadActiveBranch(port, branchId)
    const target = await loadMember(port, toMemberId)
    if (target.branchId !== branchId) throw new AppError('NOT_FOUND', '党员不存在')
    assertActive(target)
    if (!target.openid) throw new AppError('CONFLICT', `${target.name} 尚未加入小程序，不能接任书记`)
    const current = await readAll<{ openid: string }>(port, 'memberships', { branchId, role: 'secretary', status: 'active' })
    if (current.some((g) => g.openid === target.openid)) throw new AppError('CONFLICT', `${target.name} 已经是支部书记`)
    for (const g of current) await endGrants(port, g.openid, branchId, 'revoked', 'secretary')
    await grantRole(port, target.openid, branchId, 'secretary')
    await recordAudit(ctx, {
      branchId,
      action: 'secretary.handover',
      summary: `支部书记职务移交给 ${target.name}${isCommitteeAdmin(caller.memberships) ? '（党委操作）' : ''}`,
      target: { kind: 'member', id: toMemberId },
      before: { secretaries: current.map((g) => g.openid) },
      after: { secretaries: [target.openid] },
    })
    return { secretary: await presentOne(port, target) }
  },
})

export const attendanceBasis = defineAction({
  name: 'roster.attendanceBasis',
  roles: ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'],
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, groupId }, { port }) {
    if (groupId) await loadGroup(port, groupId, branchId)
    const roster = await readAll<MemberDoc>(port, 'members', { branchId, state: 'active' }, 'name')
    const expected = expectedAttendees(roster, groupId)
    return {
      expected: expected.map((m) => ({ memberId: m._id, name: m.name, partyStatus: m.partyStatus })),
      expectedCount: expected.length,
      votingCount: votingMembers(roster).length,
    }
  },
})

const presentRequest = (r: JoinRequestDoc) => ({
  id: r._id,
  branchId: r.branchId,
  name: r.name,
  role: r.role,
  groupId: r.groupId ?? null,
  status: r.status,
  createdAt: new Date(r.createdAt).toISOString(),
  decidedBy: r.decidedBy ?? null,
  reason: r.reason ?? null,
})

export const listJoinRequests = defineAction({
  name: 'joinRequests.list',
  roles: MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port }) {
    const requests = await readAll<JoinRequestDoc>(port, 'join_requests', { branchId, status: 'pending' }, 'createdAt')
    return { items: requests.map(presentRequest) }
  },
})

export const decideJoinRequest = defineAction({
  name: 'joinRequests.decide',
  roles: MANAGERS,
  scope: { kind: 'record', collection: 'join_requests', noun: '入支部申请', idOf: (input) => input.requestId },
  async handler({ requestId, approve, reason }, ctx) {
    const { port } = ctx
    const request = ctx.record as unknown as JoinRequestDoc
    if (request.status !== 'pending') throw new AppError('CONFLICT', '该申请已经处理过了')
    await loadActiveBranch(port, request.branchId)
    const decided = { status: approve ? ('approved' as const) : ('rejected' as const), decidedBy: ctx.caller.openid, reason: reason ?? null }
    // Only a still-pending request changes: two secretaries deciding at once cannot both win.
    const { stats } = await port.db
      .collection('join_requests')
      .where({ _id: requestId, status: 'pending' })
      .update({ data: { ...decided, decidedAt: port.now() } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '该申请已经处理过了')
    if (approve) {
      await admit(ctx, { openid: request.openid, name: request.name }, {
        branchId: request.branchId,
        role: request.role,
        groupId: request.groupId ?? null,
      })
    } else {
      await recordAudit(ctx, {
        branchId: request.branchId,
        action: 'join.rejected',
        summary: `拒绝 ${request.name} 的入支部申请${reason ? `：${reason}` : ''}`,
        target: { kind: 'join_request', id: requestId },
        before: { status: 'pending' },
        after: { status: 'rejected', reason: reason ?? null },
      })
    }
    return presentRequest({ ...request, ...decided })
  },
})
