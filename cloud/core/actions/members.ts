/**
 * members.*: a branch's roster — list, read, edit, posts (支委职务), transfer out and the secretary's hand-over. Pure roster
 * rules are cloud/core/organisation/roster.ts; the contract is types/actions/organisation.ts; the page is docs/organisation.md.
 */
import { ROSTER_READERS } from '../../../types/roles'
import { checkTexts } from '../framework/writes'
import { defineAction, type ActionContext } from '../framework/action'
import { isCommitteeAdmin } from '../framework/access'
import { recordAudit } from '../organisation/audit'
import { claim } from '../framework/claims'
import { AppError, invalid } from '../framework/errors'
import type { MemberDoc } from '../framework/model'
import { decodeCursor, encodeCursor, escapeRegExp } from '../framework/paging'
import { compareRoster, parseRosterCursorKey, rosterCursorKey, rosterRank } from '../organisation/roster-order'
import { collection, insertNew, readAll as readDocs, recordOf, readAll } from '../framework/data'
import { postRefusal, withPostChange } from '../organisation/roster'
import { beijingDate } from '../framework/time'
import { dateText } from '../../../types/time-text'
import { endGrants, grantRole, loadActiveBranch, loadBranch, loadGroup, loadMember, presentMembers, presentOne } from '../organisation/store'
import { MANAGERS } from './invites'
import { confirmationRefusal } from '../recruitment/rules'
import { attendanceInYear, marksByMember } from '../leave/attendance'

/** The words the audit log uses for a roster entry's fields (never its keys). */
const MEMBER_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  partyStatus: '党员状态',
  joinedPartyOn: '入党日期',
  confirmedOn: '转正日期',
  joinedBranchOn: '转入本支部日期',
  groupId: '党小组',
  phone: '手机号',
}
/** Who may read a branch's roster: its committee and leaders, and the committee's guides. Members see their own entry. */
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
    // The roster's order (organisation/roster-order.ts: 书记 and 支委 by post, 正式, 预备, each by pinyin) is no order
    // the database can sort by, so the branch's matching entries are read whole (a branch's roster: tens, a few
    // hundred at most) and sorted here; the cursor names the last row by its band, name and id.
    const after = cursor ? decodeCursor(cursor, 'text') : null
    const from = after ? parseRosterCursorKey(after.key) : null
    if (after && !from) throw invalid('分页参数无效，请刷新列表')
    const [docs, secretaries] = await Promise.all([
      readAll(port, 'members', (conditions.length > 1 ? _.and(...conditions) : conditions[0]) as Record<string, unknown>),
      readAll(port, 'memberships', { branchId, status: 'active', role: 'secretary' }, { fields: ['openid'] }),
    ])
    const secretary = new Set(secretaries.map((g) => g.openid))
    const keyed = docs
      .map((doc) => ({ doc, key: { rank: rosterRank(doc, !!doc.openid && secretary.has(doc.openid)), name: doc.name, id: doc._id } }))
      .sort((a, b) => compareRoster(a.key, b.key))
    const rest = after && from ? keyed.filter((k) => compareRoster(k.key, { ...from, id: after.id }) > 0) : keyed
    const page = rest.slice(0, limit)
    const last = page[page.length - 1]
    const nextCursor = rest.length > limit && last ? encodeCursor({ key: rosterCursorKey(last.key), id: last.key.id }) : null
    return { items: await presentMembers(port, branchId, page.map((k) => k.doc)), nextCursor }
  },
})

/**
 * The roster's 出勤率: each member's attendance in the year (present ÷ expected, leave apart), counted by the same
 * rules as a member's own page (cloud/core/leave/attendance.ts; leave.attendance) from the year's recorded sessions.
 */
export const rosterAttendance = defineAction({
  name: 'members.attendance',
  roles: ROSTER_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, year: asked }, { port }) {
    const _ = port.db.command
    const year = asked ?? Number(beijingDate(port.now()).slice(0, 4))
    const sessions = await readDocs(
      port,
      'activities',
      _.and({ branchId, status: 'recorded', deleted: false }, { startAt: _.gte(new Date(`${year}-01-01T00:00:00+08:00`)) }, { startAt: _.lt(new Date(`${year + 1}-01-01T00:00:00+08:00`)) }) as Record<string, unknown>,
      { sortBy: 'startAt', fields: ['startAt', 'attendance'] },
    )
    const items = [...marksByMember(sessions)].map(([memberId, marks]) => ({ memberId, ...attendanceInYear(marks, year) }))
    return { year, items }
  },
})

export const getMember = defineAction({
  name: 'members.get',
  roles: ROSTER_READERS,
  // A member reads their own entry while they are of the branch (any active role there).
  scope: { ...memberRecord, idOf: (input) => input.memberId, ownerField: 'openid', ownerRoles: 'any' },
  async handler(_input, { port, record }) {
    return presentOne(port, recordOf({ record }, 'members'))
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
    const before = recordOf(ctx, 'members')
    assertActive(before)
    await loadActiveBranch(port, before.branchId)
    if (changes.groupId) await loadGroup(port, changes.groupId, before.branchId)
    // Shown to the whole branch (or committee): it passes the platform's text check like any published text.
    await checkTexts(port, ctx.caller.openid, [['name', '姓名', changes.name]])
    const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
    const after = { ...before, ...patch } as MemberDoc
    // 入党 / 转正 dates and status together (recruitment/rules.ts): a 转正 before 入党 was accepted on a 预备党员.
    const refusal = confirmationRefusal(after)
    if (refusal) throw new AppError('INVALID_INPUT', refusal, { field: 'confirmedOn' })
    if ((after.posts ?? []).length > 0 && postRefusal(after)) {
      throw new AppError('CONFLICT', `${postRefusal(after)}；请先在「职务」中免去其支委职务`, { field: 'partyStatus' })
    }
    if (Object.keys(patch).length === 0) return presentOne(port, before)
    await collection(port, 'members').doc(memberId).update({ data: { ...patch, updatedAt: port.now() } })
    const pick = (m: MemberDoc) => Object.fromEntries(Object.keys(patch).map((k) => [k, m[k as keyof MemberDoc] ?? null]))
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'member.updated',
      summary: `修改 ${before.name} 的信息（${Object.keys(patch).map((k) => MEMBER_FIELD_LABELS[k] ?? k).join('、')}）`,
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
  async handler({ memberId, posts, groupLeader, since }, ctx) {
    const { port } = ctx
    const before = recordOf(ctx, 'members')
    assertActive(before)
    await loadActiveBranch(port, before.branchId)
    if (groupLeader && !before.groupId) throw new AppError('INVALID_INPUT', '请先把该党员分到一个党小组，再设为党小组长')
    if (posts.length > 0 && !before.openid) throw new AppError('CONFLICT', `${before.name} 尚未加入小程序，不能担任支委`)
    const refusal = posts.length > 0 ? postRefusal(before) : null
    if (refusal) throw new AppError('CONFLICT', refusal, { field: 'posts' })
    const unique = [...new Set(posts)]
    const changed = JSON.stringify([...unique].sort()) !== JSON.stringify([...(before.posts ?? [])].sort())
    // Posts are dated (roster.ts postsOn) so a 支委会 recorded later expects the committee of its own day.
    const today = beijingDate(port.now())
    if (since && since > today) throw new AppError('INVALID_INPUT', '任职日期不能晚于今天', { field: 'since' })
    const postHistory = changed ? withPostChange(before, since ?? today, unique) : before.postHistory
    await collection(port, 'members')
      .doc(memberId)
      .update({ data: { posts: unique, groupLeader, ...(postHistory ? { postHistory: port.db.command.set(postHistory) } : {}), updatedAt: port.now() } })
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
    const before = recordOf(ctx, 'members')
    assertActive(before)
    if (before.openid === caller.openid) throw new AppError('CONFLICT', '不能把自己转出；请先移交书记职务')
    // 转出 is recorded when it has happened: not ahead of today (Beijing). (Not checked against 转入本支部日期: people
    // who joined the app today have often been in the branch for years, and that date is corrected afterwards.)
    if (on > beijingDate(port.now())) throw invalid('转出日期不能晚于今天', { field: 'on' })
    await checkTexts(port, caller.openid, [['reason', '转出原因', reason]])
    // Posts end with the membership (a 支委 of a branch belongs to it); the history keeps what they held until `on`.
    const postHistory = (before.posts ?? []).length ? withPostChange(before, on, []) : before.postHistory
    const after: MemberDoc = { ...before, state: 'transferred', transferredOn: on, transferReason: reason, groupLeader: false, posts: [], ...(postHistory ? { postHistory } : {}) }
    await collection(port, 'members')
      .doc(memberId)
      .update({
        data: {
          state: 'transferred',
          transferredOn: on,
          transferReason: reason,
          groupLeader: false,
          posts: [],
          ...(postHistory ? { postHistory: port.db.command.set(postHistory) } : {}),
          updatedAt: port.now(),
        },
      })
    // Access follows the roster: the person's grants in this branch end now, so their next call is refused.
    if (before.openid) {
      await endGrants(port, before.openid, before.branchId, 'transferred')
      // They are told on their next visit (session.get's transfers, and this inbox item), not greeted as a stranger.
      const branch = await loadBranch(port, before.branchId)
      const dedupeKey = `transferred:${memberId}:${on}`
      await insertNew(port, 'inbox', [
        {
          _id: dedupeKey,
          openid: before.openid,
          kind: 'transferred_out',
          title: `你已从「${branch.name}」转出`,
          body: `转出日期：${dateText(on)}；原因：${reason}。你在该支部的记录保留。如已转入新的支部，请向新支部书记索取邀请码加入；如有疑问，请联系原支部书记。`,
          page: '/pages/home/index',
          createdAt: port.now(),
          dedupeKey,
        },
      ])
    }
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'member.transferred',
      summary: `${before.name} 转出（${dateText(on)}）：${reason}${(before.posts ?? []).length ? `；免去支委职务：${before.posts.join('、')}` : ''}`,
      target: { kind: 'member', id: memberId },
      before: { state: 'active', posts: before.posts ?? [] },
      after: { state: 'transferred', transferredOn: on, transferReason: reason, posts: [] },
    })
    return presentOne(port, after)
  },
})

export const handOverSecretary = defineAction({
  name: 'members.handOverSecretary',
  roles: MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, toMemberId }, ctx) {
    const { port } = ctx
    await loadActiveBranch(port, branchId)
    const target = await loadMember(port, toMemberId)
    if (target.branchId !== branchId) throw new AppError('NOT_FOUND', '党员不存在')
    assertActive(target)
    if (!target.openid) throw new AppError('CONFLICT', `${target.name} 尚未加入小程序，不能接任书记`)
    // 支部书记 is a 支委 post, elected: the same rule as any post (a 预备党员 cannot be elected).
    const refusal = postRefusal(target)
    if (refusal) throw new AppError('CONFLICT', refusal.replace('支委职务', '支部书记'), { field: 'toMemberId' })
    return handOverSecretaryTo(ctx, branchId, toMemberId, target as MemberDoc & { openid: string })
  },
})

/**
 * The one way the secretary's role changes hands (members.handOverSecretary, and terms.syncRoles after a 换届选举):
 * the former secretaries' grants end and `target`'s begins, audited. One handover per branch at a time: two at once
 * each ended the old grant and granted their own successor, leaving two secretaries. The second is told to look again.
 */
export async function handOverSecretaryTo(ctx: ActionContext, branchId: string, toMemberId: string, target: MemberDoc & { openid: string }) {
  const release = await claim(ctx.port, `secretary:${branchId}`)
  if (!release) throw new AppError('CONFLICT', '书记职务正在移交中，请刷新后查看')
  try {
    return await handOver(ctx, branchId, toMemberId, target)
  } finally {
    await release()
  }
}

async function handOver(ctx: ActionContext, branchId: string, toMemberId: string, target: MemberDoc & { openid: string }) {
  const { port, caller } = ctx
  const current = await readAll(port, 'memberships', { branchId, role: 'secretary', status: 'active' })
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
}

export const MEMBER_ACTIONS = [listMembers, rosterAttendance, getMember, updateMember, setPosts, transferOut, handOverSecretary] as const
