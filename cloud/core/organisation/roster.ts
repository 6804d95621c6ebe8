/**
 * The roster's numbers other features need, in one place: who is expected at a meeting (the branch, or one party
 * group) and who may vote in a 支部党员大会 (正式党员 only; 预备党员 attend without a vote). Pure functions of the
 * roster; the data access lives in store.ts.
 */
import type { MemberSummary, Role } from '../../../types/domain'
import type { MemberDoc } from '../framework/model'
import { addMonths, PROBATION_MONTHS } from '../recruitment/rules'

/** Members expected at a meeting: active ones, of the whole branch or of one party group. */
export function expectedAttendees(members: readonly MemberDoc[], groupId?: string | null): MemberDoc[] {
  return members.filter((m) => m.state === 'active' && (!groupId || m.groupId === groupId))
}

/**
 * The roster as it stood on the Beijing date `date` (YYYY-MM-DD): who belonged to the branch that day, with their
 * party status and 支委 posts of that day, so a session recorded afterwards expects the people of its own day.
 * - A member belongs from `joinedBranchOn` (and from `joinedPartyOn`: not yet a party member, not expected) to the
 *   day before `transferredOn` (转出 that day: gone).
 * - A 正式党员 whose 转正 (`confirmedOn`) came after `date` was then a 预备党员 (no vote, 党章第七条).
 * - Posts come from `postHistory`: the last entry that began on or before `date`.
 * Entries returned are marked active (they were, that day). Unknown dates (legacy entries) count as "always".
 */
export function rosterAsOf(members: readonly MemberDoc[], date: string): MemberDoc[] {
  const out: MemberDoc[] = []
  for (const m of members) {
    if (m.joinedBranchOn && m.joinedBranchOn > date) continue
    if (m.joinedPartyOn && m.joinedPartyOn > date) continue
    if (m.state !== 'active' && !(m.transferredOn && m.transferredOn > date)) continue
    const partyStatus = m.partyStatus === 'full' && m.confirmedOn && m.confirmedOn > date ? 'probationary' : m.partyStatus
    out.push({ ...m, state: 'active', partyStatus, posts: postsOn(m, date) })
  }
  return out
}

/** A member's 支委 posts on `date`, from their dated history (the current posts where none was kept). */
export function postsOn(m: Pick<MemberDoc, 'posts' | 'postHistory'>, date: string): string[] {
  if (!m.postHistory?.length) return m.posts ?? []
  let held: string[] = []
  for (const h of m.postHistory) if (h.on === null || h.on <= date) held = h.posts
  return held
}

/**
 * The history after a change of posts taking effect on `on` (任职/免职日期; the secretary may give an earlier day
 * than today when entering an existing committee). The state before is kept as "since before" the first time;
 * entries stay in date order, and a second change on one day replaces the first.
 */
export function withPostChange(m: Pick<MemberDoc, 'posts' | 'postHistory'>, on: string, posts: string[]): { on: string | null; posts: string[] }[] {
  const history = (m.postHistory?.length ? [...m.postHistory] : [{ on: null, posts: m.posts ?? [] }]).filter((h) => h.on !== on)
  history.push({ on, posts })
  return history.sort((a, b) => (a.on ?? '').localeCompare(b.on ?? ''))
}

/**
 * Whether a role grant (支部书记 / 支委) still stood on the Beijing date `date`: active, or ended after that day began.
 * Its start is not used: a grant starts when the person joined the app, which for an existing committee is not the
 * day they took office (their posts carry that date, withPostChange).
 */
export function grantHeldOn(g: { status: string; endedAt?: Date | string | null }, date: string): boolean {
  if (g.status === 'active') return true
  return !!g.endedAt && new Date(g.endedAt).getTime() > Date.parse(`${date}T00:00:00+08:00`)
}

/**
 * Why a member may not hold a 支委 post, or null. 《中国共产党章程》第七条: 预备党员的权利同正式党员一样，但没有表决权、
 * 选举权和被选举权 — a 支委 is elected, so a 预备党员 cannot be one.
 */
export function postRefusal(m: Pick<MemberDoc, 'name' | 'partyStatus'>): string | null {
  if (m.partyStatus === 'probationary') return `${m.name} 是预备党员。预备党员没有表决权、选举权和被选举权（《中国共产党章程》第七条），不能担任支委职务`
  return null
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
    joinedBranchOn: m.joinedBranchOn ?? null,
    // 党章第七条: the 预备期 is a year from the 入党日期 (the admitting 支部大会); the roster shows when 转正 is due.
    probationEndsOn: m.partyStatus === 'probationary' && m.joinedPartyOn ? addMonths(m.joinedPartyOn, PROBATION_MONTHS) : null,
  }
}
