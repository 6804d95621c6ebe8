/**
 * The roster's numbers other features need, in one place: who is expected at a meeting (the branch, or one party
 * group) and who may vote in a 支部党员大会 (正式党员 only; 预备党员 attend without a vote). Pure functions of the
 * roster; the data access lives in roster-store.ts.
 */
import type { MemberSummary, Role } from '../../types/domain'
import type { MemberDoc } from './model'

/** Members expected at a meeting: active ones, of the whole branch or of one party group. */
export function expectedAttendees(members: readonly MemberDoc[], groupId?: string | null): MemberDoc[] {
  return members.filter((m) => m.state === 'active' && (!groupId || m.groupId === groupId))
}

/** Members with voting rights at a 支部党员大会. */
export function votingMembers(members: readonly MemberDoc[]): MemberDoc[] {
  return members.filter((m) => m.state === 'active' && m.partyStatus === 'full')
}

/** A 支部党员大会 that votes needs more than half of the members with voting rights present. */
export function hasQuorum(presentVoters: number, votingCount: number): boolean {
  return votingCount > 0 && presentVoters * 2 > votingCount
}

/** 138****5678: enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

export function presentMember(m: MemberDoc, groupNames: Map<string, string>, roles: Role[]): MemberSummary {
  return {
    id: m._id,
    branchId: m.branchId,
    name: m.name,
    bound: !!m.openid,
    partyStatus: m.partyStatus,
    joinedPartyOn: m.joinedPartyOn ?? null,
    confirmedOn: m.confirmedOn ?? null,
    groupId: m.groupId ?? null,
    groupName: m.groupId ? (groupNames.get(m.groupId) ?? null) : null,
    phoneMasked: maskPhone(m.phone ?? null),
    posts: m.posts ?? [],
    groupLeader: !!m.groupLeader,
    roles,
    state: m.state,
    transferredOn: m.transferredOn ?? null,
    transferReason: m.transferReason ?? null,
  }
}
