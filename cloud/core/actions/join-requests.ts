/**
 * joinRequests.*: requests to join a branch made with an invitation that needs approval, and the secretary's (or
 * committee's) decision. The contract is types/actions/organisation.ts; the page is docs/organisation.md.
 */
import { collection, recordOf, readAll } from '../framework/data'
import { checkTexts } from '../framework/writes'
import { defineAction } from '../framework/action'
import { isCommitteeAdmin } from '../framework/access'
import { recordAudit } from '../organisation/audit'
import { AppError } from '../framework/errors'
import type { JoinRequestDoc } from '../framework/model'
import { ROLE_LABELS } from '../../../types/domain'
import { postRefusal } from '../organisation/roster'
import { assertOneBranch, loadActiveBranch } from '../organisation/store'
import { mayInvite, MANAGERS } from './invites'
import { admit } from './session'

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
  async handler({ branchId }, { port, caller }) {
    const requests = await readAll(port, 'join_requests', { branchId, status: 'pending' }, { sortBy: 'createdAt' })
    // A secretary sees the requests they may decide: those for roles they may invite (not secretary or guide).
    const committee = isCommitteeAdmin(caller.memberships)
    return { items: requests.filter((r) => mayInvite(committee, r.role)).map(presentRequest) }
  },
})

export const decideJoinRequest = defineAction({
  name: 'joinRequests.decide',
  roles: MANAGERS,
  scope: { kind: 'record', collection: 'join_requests', noun: '入支部申请', idOf: (input) => input.requestId },
  async handler({ requestId, approve, reason, partyStatus }, ctx) {
    const { port } = ctx
    const request = recordOf(ctx, 'join_requests')
    await checkTexts(port, ctx.caller.openid, [['reason', '理由', reason]])
    // Approving grants the request's role: only who may invite to that role may decide (a secretary neither creates
    // nor sees committee invitations for secretaries and guides).
    if (!mayInvite(isCommitteeAdmin(ctx.caller.memberships), request.role)) {
      throw new AppError('FORBIDDEN', '支部书记和党建指导员的入支部申请由党委审批')
    }
    if (request.status !== 'pending') throw new AppError('CONFLICT', '该申请已经处理过了')
    // The roster records 正式 / 预备: approving must say which, never default to 正式 (a 预备党员 has no vote).
    if (approve && request.role !== 'guide' && !partyStatus) {
      throw new AppError('INVALID_INPUT', `请选择 ${request.name} 是正式党员还是预备党员`, { field: 'partyStatus' })
    }
    if (approve && (request.role === 'branch_committee' || request.role === 'secretary') && partyStatus === 'probationary') {
      throw new AppError('CONFLICT', `${postRefusal({ name: request.name, partyStatus })?.replace('支委职务', `${ROLE_LABELS[request.role]}`)}；请拒绝此申请，改发党员邀请`, { field: 'partyStatus' })
    }
    await loadActiveBranch(port, request.branchId)
    // One person, one branch: they may have joined another branch (or been transferred) since they asked.
    if (approve && request.role !== 'guide') await assertOneBranch(port, request.openid, request.branchId, { who: request.name })
    const decided = { status: approve ? ('approved' as const) : ('rejected' as const), decidedBy: ctx.caller.openid, reason: reason ?? null }
    // Only a still-pending request changes: two secretaries deciding at once cannot both win.
    const { stats } = await collection(port, 'join_requests')
      .where({ _id: requestId, status: 'pending' })
      .update({ data: { ...decided, decidedAt: port.now() } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '该申请已经处理过了')
    if (approve) {
      await admit(ctx, { openid: request.openid, name: request.name }, {
        branchId: request.branchId,
        role: request.role,
        title: request.title ?? null,
        groupId: request.groupId ?? null,
        ...(partyStatus ? { partyStatus } : {}),
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

export const JOIN_REQUEST_ACTIONS = [listJoinRequests, decideJoinRequest] as const
