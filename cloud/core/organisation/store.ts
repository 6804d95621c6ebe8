/**
 * Data access for rosters and role grants, shared by the actions that change them. Grants (`memberships`) are
 * what access control reads; roster entries (`members`) are the branch's people. Both are kept as history:
 * nothing here deletes.
 */
import type { MemberSummary, PartyStatus, Role } from '../../../types/domain'
import { collection, loadOr404, readAll } from '../framework/data'
import { AppError, unlessMissing } from '../framework/errors'
import type { BranchDoc, GroupDoc, MemberDoc, Membership } from '../framework/model'
import type { Port } from '../framework/port'
import { presentMember } from './roster'
import { beijingDate } from '../framework/time'

export async function loadBranch(port: Port, branchId: string): Promise<BranchDoc> {
  return loadOr404(port, 'branches', branchId, '支部不存在')
}

export async function loadActiveBranch(port: Port, branchId: string): Promise<BranchDoc> {
  const branch = await loadBranch(port, branchId)
  if (branch.status !== 'active') throw new AppError('CONFLICT', `「${branch.name}」已撤销，不能再修改`)
  return branch
}

export async function groupNames(port: Port, branchId: string): Promise<Map<string, string>> {
  const groups = await readAll(port, 'groups', { branchId })
  return new Map(groups.map((g) => [g._id, g.name]))
}

export async function loadGroup(port: Port, groupId: string, branchId: string): Promise<GroupDoc> {
  return loadOr404(port, 'groups', groupId, '党小组不存在，或不属于该支部', { branchId })
}

/** Active roles in `branchId` per openid. */
export async function rolesByOpenid(port: Port, branchId: string, openids: string[]): Promise<Map<string, Role[]>> {
  const roles = new Map<string, Role[]>()
  if (openids.length === 0) return roles
  const _ = port.db.command
  const grants = await readAll(port, 'memberships', { branchId, status: 'active', openid: _.in(openids) })
  for (const g of grants) roles.set(g.openid, [...(roles.get(g.openid) ?? []), g.role])
  return roles
}

export async function presentMembers(port: Port, branchId: string, docs: MemberDoc[]): Promise<MemberSummary[]> {
  const openids = docs.map((d) => d.openid).filter((o): o is string => !!o)
  const [names, roles] = await Promise.all([groupNames(port, branchId), rolesByOpenid(port, branchId, openids)])
  return docs.map((d) => presentMember(d, names, d.openid && d.state === 'active' ? (roles.get(d.openid) ?? []) : []))
}

export async function presentOne(port: Port, doc: MemberDoc): Promise<MemberSummary> {
  return (await presentMembers(port, doc.branchId, [doc]))[0]
}

export async function loadMember(port: Port, memberId: string): Promise<MemberDoc> {
  return loadOr404(port, 'members', memberId, '党员不存在')
}

/** The active roster entry of `openid` in `branchId`, if any. */
export async function findActiveEntry(port: Port, branchId: string, openid: string): Promise<MemberDoc | undefined> {
  const { data } = await collection(port, 'members').where({ branchId, openid, state: 'active' }).limit(1).get()
  return data[0]
}

/**
 * One person, one branch (党章第八条: every member belongs to one 支部; 组织关系 moves only by a letter): refuses
 * putting `openid` on the roster of `branchId` while they are active on another branch's roster, or while a letter
 * of theirs is in transit (they are between branches until the receiver acts). Every path that makes someone active
 * on a roster calls it before writing anything: session.join (invitations, incl. the code transfers.receive makes),
 * joinRequests.decide, transfers.accept and transfers.return. Guides (第一书记 / 党建指导员) and the committee are on
 * no roster and are not checked. `who` is 「你」 for the person themself, else their name. `exceptTransfer`: the
 * letter being acted on. Test: test/integration/organisation-one-branch.test.ts.
 */
export async function assertOneBranch(
  port: Port,
  openid: string,
  branchId: string,
  opts: { who?: string; exceptTransfer?: string } = {},
): Promise<void> {
  const who = opts.who ?? '你'
  const active = await readAll(port, 'members', { openid, state: 'active' }, { fields: ['branchId'] })
  const elsewhere = [...new Set(active.filter((e) => e.branchId !== branchId).map((e) => e.branchId))]
  if (elsewhere.length) {
    const names = await Promise.all(elsewhere.map((id) => loadBranch(port, id).then((b) => b.name, () => '另一个党支部')))
    throw new AppError(
      'CONFLICT',
      `${who}已是「${names.join('、')}」的党员：一名党员只能在一个党支部。转到本支部请由原支部办理组织关系转出`,
      { rule: 'one_branch' },
    )
  }
  // Before the first letter the collection may not exist: nobody is in transit.
  const letters = await readAll(port, 'transfers', { openid, state: 'in_transit' }, { fields: ['toName'] }).catch(unlessMissing([]))
  const open = letters.find((t) => t._id !== opts.exceptTransfer)
  if (open) {
    throw new AppError('CONFLICT', `${who === '你' ? '你' : who + ' '}的组织关系正在转往「${open.toName}」，请等待接收支部办理`, { rule: 'in_transit' })
  }
}

/**
 * A new roster entry as of `now`: active, no posts, not transferred, 转正 not yet recorded. Who joins by an
 * invitation (ensureRosterEntry) and who is admitted through the 发展党员 pipeline (recruitment.ts enrol) start alike.
 */
export function newMemberDoc(
  fields: Pick<MemberDoc, 'branchId' | 'openid' | 'name' | 'partyStatus' | 'joinedPartyOn' | 'groupId' | 'joinedBranchOn'>,
  now: Date,
): Omit<MemberDoc, '_id'> {
  return {
    ...fields,
    confirmedOn: null,
    phone: null,
    posts: [],
    groupLeader: false,
    state: 'active',
    transferredOn: null,
    transferReason: null,
    createdAt: now,
    updatedAt: now,
  }
}

/** Puts a person on the roster (once) when they join a branch as a member, 支委 or secretary. */
export async function ensureRosterEntry(
  port: Port,
  entry: { branchId: string; openid: string; name: string; groupId: string | null; partyStatus?: PartyStatus; memberId?: string },
): Promise<MemberDoc> {
  const existing = await findActiveEntry(port, entry.branchId, entry.openid)
  if (existing) return existing
  // An entry made for them before they joined (转入 from outside, transfers.receive): they become it, once.
  if (entry.memberId) {
    const { stats } = await collection(port, 'members')
      .where({ _id: entry.memberId, branchId: entry.branchId, openid: null, state: 'active' })
      .update({ data: { openid: entry.openid, updatedAt: port.now() } })
    if (stats.updated === 1) return loadMember(port, entry.memberId)
  }
  const now = port.now()
  const doc = newMemberDoc(
    {
      branchId: entry.branchId,
      openid: entry.openid,
      name: entry.name,
      // As the approving secretary said (joinRequests.decide asks); an invitation without approval, as before.
      partyStatus: entry.partyStatus ?? 'full',
      joinedPartyOn: null,
      groupId: entry.groupId,
      // Sessions before this day do not expect them (roster.ts rosterAsOf); the secretary can correct it.
      joinedBranchOn: beijingDate(now),
    },
    now,
  )
  const { _id } = await collection(port, 'members').add({ data: { ...doc } })
  return { _id, ...doc }
}

/** Grants `role` in `branchId` to `openid` unless an active grant exists. */
export async function grantRole(port: Port, openid: string, branchId: string, role: Role, title?: string): Promise<boolean> {
  const { total } = await collection(port, 'memberships').where({ openid, branchId, role, status: 'active' }).count()
  if (total > 0) return false
  const grant: Membership = { openid, branchId, role, status: 'active', since: port.now(), ...(title ? { title } : {}) }
  await collection(port, 'memberships').add({ data: { ...grant } })
  return true
}

/** Ends active grants of `openid` in `branchId` (all roles, or one), keeping them as history. */
export async function endGrants(
  port: Port,
  openid: string,
  branchId: string,
  status: 'transferred' | 'revoked',
  role?: Role,
): Promise<number> {
  const where: Record<string, unknown> = { openid, branchId, status: 'active', ...(role ? { role } : {}) }
  const { stats } = await collection(port, 'memberships').where(where).update({ data: { status, endedAt: port.now() } })
  return stats.updated
}
