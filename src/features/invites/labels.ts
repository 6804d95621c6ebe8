/** How invitations read on screen. */
import type { ActionOutput } from '../../../types/actions'
import { ROLE_LABELS } from '../../../types/domain'

export type Invite = ActionOutput<'invites.create'>
export type InviteStatus = Invite['status']
export type JoinRequest = ActionOutput<'joinRequests.decide'>

export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = {
  active: '有效',
  expired: '已过期',
  revoked: '已撤销',
  used_up: '已用完',
}

/** 支部书记 / 党员 / 第一书记 … (a guide invitation reads as its title). */
export const inviteRoleLabel = (invite: Pick<Invite, 'role' | 'title'>) =>
  invite.role === 'guide' && invite.title ? invite.title : ROLE_LABELS[invite.role]

/**
 * The status as the person looking at it should see it now: the server's word, except that an invitation whose
 * time ran out since it was loaded reads 已过期.
 */
export function inviteStatusNow(invite: Pick<Invite, 'status' | 'expiresAt' | 'uses' | 'maxUses' | 'revoked'>, now: Date = new Date()): InviteStatus {
  if (invite.revoked) return 'revoked'
  if (invite.status !== 'active') return invite.status
  if (invite.uses >= invite.maxUses) return 'used_up'
  if (Date.parse(invite.expiresAt) <= now.getTime()) return 'expired'
  return 'active'
}

/** What an invitation may be made for, by who is making it. */
export interface InvitePreset {
  key: string
  label: string
  role: 'secretary' | 'guide' | 'member' | 'branch_committee'
  title?: '第一书记' | '党建指导员'
  maxUses: number
  expiresInDays: number
}

export const COMMITTEE_PRESETS: InvitePreset[] = [
  { key: 'secretary', label: '支部书记', role: 'secretary', maxUses: 1, expiresInDays: 7 },
  { key: 'first-secretary', label: '第一书记', role: 'guide', title: '第一书记', maxUses: 1, expiresInDays: 7 },
  { key: 'guide', label: '党建指导员', role: 'guide', title: '党建指导员', maxUses: 1, expiresInDays: 7 },
]

export const SECRETARY_PRESETS: InvitePreset[] = [
  { key: 'member', label: '党员', role: 'member', maxUses: 30, expiresInDays: 7 },
  { key: 'branch_committee', label: '支委委员', role: 'branch_committee', maxUses: 1, expiresInDays: 7 },
]

/** Field errors of the invitation form (empty = valid). */
export function validateInviteForm(v: { maxUses: string; expiresInDays: string }): { maxUses?: string; expiresInDays?: string } {
  const errors: { maxUses?: string; expiresInDays?: string } = {}
  const uses = Number(v.maxUses)
  const days = Number(v.expiresInDays)
  if (!/^\d+$/.test(v.maxUses.trim()) || uses < 1) errors.maxUses = '可用次数至少 1 次'
  else if (uses > 500) errors.maxUses = '可用次数最多 500 次'
  if (!/^\d+$/.test(v.expiresInDays.trim()) || days < 1) errors.expiresInDays = '有效期至少 1 天'
  else if (days > 90) errors.expiresInDays = '有效期最长 90 天'
  return errors
}
