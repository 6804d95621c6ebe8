import { collection, loadOne, recordOf, readAll } from '../framework/data'
import type { PartyStatus, Role } from '../../../types/domain'
import { defineAction } from '../framework/action'
import { isCommitteeAdmin } from '../framework/access'
import { recordAudit } from '../organisation/audit'
import { AppError } from '../framework/errors'
import { newInviteCode } from '../organisation/invite-code'
import type { InviteDoc, Membership } from '../framework/model'
import type { Port } from '../framework/port'
import { loadActiveBranch, loadBranch, loadGroup } from '../organisation/store'

export const MANAGERS = ['committee_admin', 'secretary'] as const
/** The page a scanned invitation opens; its `scene` is the code. */
export const JOIN_PAGE = 'pages/home/index'

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'used_up'

export function inviteStatus(invite: InviteDoc, now: Date): InviteStatus {
  if (invite.revoked) return 'revoked'
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired'
  if (invite.uses >= invite.maxUses) return 'used_up'
  return 'active'
}

/** Why a code cannot be used, in words a person can act on. */
export const INVITE_REFUSALS: Record<Exclude<InviteStatus, 'active'>, string> = {
  revoked: '该邀请码已被撤销，请向支部书记索取新的邀请码',
  expired: '该邀请码已过期，请向支部书记索取新的邀请码',
  used_up: '该邀请码的使用次数已用完',
}

export function presentInvite(invite: InviteDoc, branchName: string, now: Date) {
  return {
    code: invite._id,
    branchId: invite.branchId,
    branchName,
    role: invite.role,
    title: invite.title ?? null,
    groupId: invite.groupId ?? null,
    requiresApproval: !!invite.requiresApproval,
    partyStatus: invite.partyStatus ?? null,
    maxUses: invite.maxUses,
    uses: invite.uses,
    expiresAt: new Date(invite.expiresAt).toISOString(),
    revoked: invite.revoked,
    status: inviteStatus(invite, now),
    createdAt: new Date(invite.createdAt).toISOString(),
  }
}

/**
 * Which roles a caller may hand out: the committee any branch role; a secretary members and 支委 of their branch.
 * Deciding a join request grants the same role, so joinRequests.decide applies this rule too.
 */
export function mayInvite(committee: boolean, role: Role): boolean {
  if (committee) return role !== 'committee_admin'
  return role === 'member' || role === 'branch_committee'
}

export async function loadInvite(port: Port, code: string): Promise<InviteDoc | undefined> {
  return loadOne(port, 'invites', code)
}

/**
 * The party status a code records its joiners with. Someone joining without approval is recorded at once, so the code
 * must say 正式 or 预备 (a reviewer found every open join recorded as 正式党员); with approval the secretary chooses
 * when approving. Codes for 支委委员 admit 正式党员 only: 预备党员 have no right to be elected (《中国共产党章程》第七条).
 * Callers that leave it out of a member code get 正式党员, as before, and the form always sends it.
 */
export function inviteePartyStatus(input: { role: Role; requiresApproval: boolean; partyStatus?: PartyStatus }): PartyStatus | null {
  const { role, requiresApproval, partyStatus } = input
  if (role !== 'member' && role !== 'branch_committee') {
    if (partyStatus) throw new AppError('INVALID_INPUT', '只有党员和支委委员的邀请可以设置党员身份', { field: 'partyStatus' })
    return null
  }
  if (requiresApproval) {
    if (partyStatus) throw new AppError('INVALID_INPUT', '需书记审核的邀请在审核时再确定党员身份', { field: 'partyStatus' })
    return null
  }
  if (role === 'branch_committee' && partyStatus === 'probationary') {
    throw new AppError('INVALID_INPUT', '预备党员没有表决权、选举权和被选举权（《中国共产党章程》第七条），支委委员的邀请只能用于正式党员', { field: 'partyStatus' })
  }
  return partyStatus ?? 'full'
}

export const createInvite = defineAction({
  name: 'invites.create',
  roles: MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, role, title, groupId, requiresApproval, partyStatus, maxUses, expiresInDays }, ctx) {
    const { port, caller } = ctx
    if (!mayInvite(isCommitteeAdmin(caller.memberships), role)) {
      throw new AppError('FORBIDDEN', '支部书记只能邀请党员或支委委员；支部书记和党建指导员由党委邀请')
    }
    if (role === 'guide' && !title) throw new AppError('INVALID_INPUT', '请选择称谓：第一书记或党建指导员')
    if (role !== 'guide' && title) throw new AppError('INVALID_INPUT', '只有党建指导员的邀请可以设置称谓')
    const joinsAs = inviteePartyStatus({ role, requiresApproval, partyStatus })
    const branch = await loadActiveBranch(port, branchId)
    if (groupId) await loadGroup(port, groupId, branchId)
    const now = port.now()
    const invite: InviteDoc = {
      _id: newInviteCode(),
      branchId,
      role,
      title: title ?? null,
      groupId: groupId ?? null,
      requiresApproval,
      partyStatus: joinsAs,
      maxUses,
      uses: 0,
      expiresAt: new Date(now.getTime() + expiresInDays * 24 * 3600 * 1000),
      createdBy: caller.openid,
      createdAt: now,
      revoked: false,
    }
    await collection(port, 'invites').add({ data: { ...invite } })
    await recordAudit(ctx, {
      branchId,
      action: 'invite.created',
      summary: `生成邀请码（${role === 'guide' ? title : role}，可用 ${maxUses} 次，${expiresInDays} 天内有效）`,
      target: { kind: 'invite', id: invite._id },
      before: null,
      after: { role, title: invite.title, maxUses, expiresAt: invite.expiresAt.toISOString(), requiresApproval, partyStatus: joinsAs },
    })
    return presentInvite(invite, branch.name, now)
  },
})

export const listInvites = defineAction({
  name: 'invites.list',
  roles: MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port, caller }) {
    const branch = await loadBranch(port, branchId)
    const invites = await readAll(port, 'invites', { branchId }, { sortBy: 'createdAt' })
    const committee = isCommitteeAdmin(caller.memberships)
    const now = port.now()
    // A secretary sees the invitations they may hand out; the committee sees all (secretary and guide codes too).
    const visible = invites.filter((i) => committee || mayInvite(false, i.role))
    return { items: visible.reverse().map((i) => presentInvite(i, branch.name, now)) }
  },
})

/** A secretary may act only on the kinds of invitation they may hand out (not the committee's secretary codes). */
function assertManages(invite: InviteDoc, memberships: Membership[]) {
  if (!mayInvite(isCommitteeAdmin(memberships), invite.role)) throw new AppError('NOT_FOUND', '邀请码不存在')
}

export const revokeInvite = defineAction({
  name: 'invites.revoke',
  roles: MANAGERS,
  scope: { kind: 'record', collection: 'invites', noun: '邀请码', idOf: (input) => input.code },
  async handler({ code }, ctx) {
    const { port, caller } = ctx
    const invite = recordOf(ctx, 'invites')
    assertManages(invite, caller.memberships)
    const branch = await loadBranch(port, invite.branchId)
    if (!invite.revoked) {
      await collection(port, 'invites').doc(code).update({ data: { revoked: true, revokedAt: port.now() } })
      await recordAudit(ctx, {
        branchId: invite.branchId,
        action: 'invite.revoked',
        summary: `撤销邀请码 ${code}`,
        target: { kind: 'invite', id: code },
        before: { revoked: false },
        after: { revoked: true },
      })
    }
    return presentInvite({ ...invite, revoked: true }, branch.name, port.now())
  },
})

export const inviteQr = defineAction({
  name: 'invites.qr',
  roles: MANAGERS,
  scope: { kind: 'record', collection: 'invites', noun: '邀请码', idOf: (input) => input.code },
  async handler({ code }, { port, caller, record }) {
    const invite = recordOf({ record }, 'invites')
    assertManages(invite, caller.memberships)
    const status = inviteStatus(invite, port.now())
    if (status !== 'active') throw new AppError('CONFLICT', INVITE_REFUSALS[status])
    // The image is made once per code and kept in storage; the scene (≤ 32 characters) is the code itself.
    const cloudPath = `invites/${code}.png`
    let fileID = (invite as InviteDoc & { qrFileID?: string }).qrFileID
    if (!fileID) {
      fileID = await port.storage.upload(cloudPath, await port.openapi.createQrCode(code, JOIN_PAGE))
      await collection(port, 'invites').doc(code).update({ data: { qrFileID: fileID } })
    }
    const urls = await port.storage.getTempFileURLs([fileID])
    const url = urls.get(fileID)
    if (!url) throw new AppError('INTERNAL', '二维码暂时无法显示，请稍后再试')
    return { fileID, url }
  },
})

export const INVITE_ACTIONS = [createInvite, listInvites, revokeInvite, inviteQr] as const
