/**
 * transfers.*: 组织关系转接 (docs/transfers.md; contract types/actions/transfers.ts; rules ../transfers/rules.ts).
 *
 * Who: the secretary and the 组织委员 of a branch (the post that keeps 组织 work, 支部工作条例第十条) and the committee
 * issue, accept, return and record; the 支委 read their branch's list; the member reads their own letter. A transfer
 * spans two branches, so its access is checked here against both (a record of neither branch is NOT_FOUND).
 * Every step writes the audit log of each branch it touches. Writes are idempotent by clientRequestId (dispatch →
 * framework/writes.ts runOnce); a transfer is named by the request key, so even a run taken over makes one.
 */
import { dateText } from '../../../types/time-text'
import { isCommitteeAdmin } from '../framework/access'
import { defineAction, type ActionContext } from '../framework/action'
import { collection, insertNew, loadOne, readAll, recordOf } from '../framework/data'
import { AppError, forbidden, invalid, unlessMissing } from '../framework/errors'
import type { InboxDoc, InviteDoc } from '../framework/model'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import { beijingDate } from '../framework/time'
import { checkTexts } from '../framework/writes'
import { actorName, recordAudit } from '../organisation/audit'
import { newInviteCode } from '../organisation/invite-code'
import { withPostChange } from '../organisation/roster'
import { assertOneBranch, endGrants, findActiveEntry, grantRole, loadActiveBranch, loadBranch, loadGroup, newMemberDoc } from '../organisation/store'
import { handOverRecruit } from '../recruitment/handover'
import { buildTransferLetter, letterFileName } from '../transfers/letter'
import { idCardFacts, issueRefusal, isExpired, receiptDueOn, receiveRefusal, TRANSFER_DEFAULTS, validUntil, type TransferSettings } from '../transfers/rules'
import { loadSettings, presentDetail, presentSummary, saveSettings, STATE_LABELS, type TransferDoc } from '../transfers/store'
import { storeDocument } from './exports'

const READERS = ['committee_admin', 'secretary', 'branch_committee'] as const
export const TRANSFER_PAGE = (id: string) => `/packages/transfers/pages/detail/index?id=${id}`
const TRANSFER_LIST_PAGE_IN = '/packages/transfers/pages/list/index?direction=in'
/** How long the invitation of a member transferred in from outside stays open (invites.ts allows up to 90). */
const INVITE_DAYS = 30

/** The committee, the branch's secretary, or its 组织委员: who issues, accepts and sees transfer letters. */
async function keeper(ctx: ActionContext, branchId: string | null): Promise<boolean> {
  const { memberships, openid } = ctx.caller
  if (isCommitteeAdmin(memberships)) return true
  if (!branchId) return false
  if (memberships.some((m) => m.branchId === branchId && m.role === 'secretary' && m.status === 'active')) return true
  if (!memberships.some((m) => m.branchId === branchId && m.status === 'active')) return false
  const entry = await findActiveEntry(ctx.port, branchId, openid)
  return !!entry && (entry.posts ?? []).includes('组织委员')
}
const KEEPERS_ONLY = '只有支部书记、组织委员或党委可以办理组织关系转接'

async function actor(ctx: ActionContext) {
  return { openid: ctx.caller.openid, name: await actorName(ctx) }
}

/** A transfer the caller may see: a keeper of either branch, the committee, or the member themself; else NOT_FOUND. */
async function loadVisible(ctx: ActionContext, transferId: string): Promise<{ t: TransferDoc; from: boolean; to: boolean; own: boolean }> {
  const t = await loadOne(ctx.port, 'transfers', transferId).catch(() => undefined)
  if (!t) throw new AppError('NOT_FOUND', '转接记录不存在')
  // A withdrawn letter is no longer the receiving branch's business: it no longer sees it (its audit log keeps it).
  const [from, to] = await Promise.all([keeper(ctx, t.fromBranchId), t.state === 'withdrawn' ? false : keeper(ctx, t.toBranchId)])
  const own = !!t.openid && t.openid === ctx.caller.openid
  if (!from && !to && !own) throw new AppError('NOT_FOUND', '转接记录不存在')
  return { t, from, to, own }
}

function show(ctx: ActionContext, t: TransferDoc, v: { from: boolean; to: boolean }) {
  return presentDetail(t, beijingDate(ctx.port.now()), { accept: v.to, receipt: v.from, invite: v.to })
}

/** Moves a transfer on only from the state it was read in, so two keepers cannot both accept (or accept and return). */
async function advance(ctx: ActionContext, t: TransferDoc, data: Partial<TransferDoc>, what: string): Promise<TransferDoc> {
  const line = { at: ctx.port.now(), by: await actor(ctx), what }
  const { stats } = await collection(ctx.port, 'transfers')
    .where({ _id: t._id, state: t.state })
    .update({ data: { ...data, history: ctx.port.db.command.push([line]), updatedAt: ctx.port.now() } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '这份转接刚被他人处理，请刷新后查看')
  return { ...t, ...data, history: [...t.history, line] }
}

async function audit(ctx: ActionContext, branchIds: (string | null)[], action: string, summary: string, t: TransferDoc, after: Record<string, unknown>) {
  for (const branchId of [...new Set(branchIds)].filter((b): b is string => !!b)) {
    await recordAudit(ctx, { branchId, action, summary, target: { kind: 'transfer', id: t._id }, before: null, after: { letterNo: t.letterNo, ...after } })
  }
}

async function tell(ctx: ActionContext, items: InboxDoc[]) {
  await insertNew(ctx.port, 'inbox', items.map((i) => ({ ...i, _id: i.dedupeKey, createdAt: ctx.port.now() })))
}

/**
 * Inbox items to a branch's secretary that asked for a step now taken (「…转入待接收」 once the letter is accepted or
 * withdrawn) go, with the marks of the secretaries who read them (a mark left behind would count against the
 * reader's next unread item). Marks are removed by their ids (inbox.ts: `<openid>__<item>`), which needs no index.
 */
async function retire(ctx: ActionContext, branchId: string, itemIds: string[]) {
  const { port } = ctx
  const _ = port.db.command
  await collection(port, 'inbox').where({ _id: _.in(itemIds) }).remove().catch(unlessMissing(undefined))
  const readers = await readAll(port, 'memberships', { branchId, status: 'active', role: 'secretary' }, { fields: ['openid'] })
  const marks = readers.flatMap((r) => itemIds.map((id) => `${r.openid}__${id}`))
  if (marks.length) await collection(port, 'inbox_reads').where({ _id: _.in(marks) }).remove().catch(unlessMissing(undefined))
}
const incomingItem = (transferId: string) => `transfer:${transferId}:issued:to`

/**
 * What a retried write answers (framework/writes.ts runOnce): the letter as it is now, not as it was — a retry of
 * 开具 after the letter was withdrawn says 已撤回, not 待接收 — for whoever may still see it.
 */
async function replayTransfer(first: { id: string }, _input: unknown, ctx: ActionContext) {
  const v = await loadVisible(ctx, first.id)
  return show(ctx, v.t, v)
}

/**
 * Whether the member holds the branch's secretary role (an active 书记 grant): 转出 only once it is handed over, or
 * the branch is left without a secretary while its term still names them 书记 (支部工作条例第十条: the branch's
 * committee has a 书记). The rule applies to whoever issues — the secretary themself or the committee.
 */
async function holdsSecretary(ctx: ActionContext, openid: string | null, branchId: string): Promise<boolean> {
  if (!openid) return false
  const { total } = await collection(ctx.port, 'memberships').where({ openid, branchId, role: 'secretary', status: 'active' }).count()
  return total > 0
}
const SECRETARY_FIRST = '书记转出请先移交书记职务'

export const issueTransfer = defineAction({
  name: 'transfers.issue',
  roles: READERS,
  scope: { kind: 'record', collection: 'members', noun: '党员', idOf: (input) => input.memberId },
  async handler(input, ctx) {
    const { port, caller } = ctx
    const m = recordOf(ctx, 'members')
    if (!(await keeper(ctx, m.branchId))) throw forbidden(KEEPERS_ONLY)
    const key = ctx.requestKey ?? `${m._id}:${input.letterNo}`
    const prior = await loadOne(port, 'transfers', key).catch(() => undefined)
    if (prior) return show(ctx, prior, { from: true, to: await keeper(ctx, prior.toBranchId) })
    if (m.state !== 'active') throw new AppError('CONFLICT', `${m.name} 已转出，不能再开具介绍信`)
    if (m.openid && m.openid === caller.openid) throw new AppError('CONFLICT', `不能为自己开具转出介绍信；${SECRETARY_FIRST}`)
    if (await holdsSecretary(ctx, m.openid, m.branchId)) throw new AppError('CONFLICT', `${m.name} 是本支部书记，${SECRETARY_FIRST}`, { rule: 'secretary' })
    if (!!input.toBranchId === !!input.toOrgName) throw invalid('请选择接收的支部，或填写本系统以外的接收党组织名称（二选一）', { field: 'toBranchId' })
    const from = await loadActiveBranch(port, m.branchId)
    let toName = input.toOrgName ?? ''
    if (input.toBranchId) {
      if (input.toBranchId === m.branchId) throw invalid('不能转往本支部', { field: 'toBranchId' })
      toName = (await loadActiveBranch(port, input.toBranchId)).name
    }
    const settings = await loadSettings(port)
    const validDays = input.validDays ?? settings.validDays
    const today = beijingDate(port.now())
    const refusal = issueRefusal({ issuedOn: input.issuedOn, duesPaidTo: input.duesPaidTo, validDays }, today)
    if (refusal) throw invalid(refusal.message, { field: refusal.field })
    await checkTexts(port, caller.openid, [['letterNo', '介绍信编号', input.letterNo], ['toOrgName', '接收党组织', input.toOrgName], ['reason', '转出原因', input.reason]])
    const { data: same } = await collection(port, 'transfers').where({ fromBranchId: m.branchId, letterNo: input.letterNo }).limit(1).get().catch(() => ({ data: [] as TransferDoc[] }))
    if (same.length) throw new AppError('CONFLICT', `介绍信编号「${input.letterNo}」已用于 ${same[0].memberName} 的转出，请核对编号`, { field: 'letterNo' })
    const now = port.now()
    const by = await actor(ctx)
    const inside = !!input.toBranchId
    const t: TransferDoc = {
      _id: key,
      kind: inside ? 'inside' : 'to_outside',
      state: 'in_transit',
      letterNo: input.letterNo,
      memberId: m._id,
      memberName: m.name,
      openid: m.openid,
      fromBranchId: m.branchId,
      fromName: from.name,
      toBranchId: input.toBranchId ?? null,
      toName,
      issuedOn: input.issuedOn,
      validUntil: validUntil(input.issuedOn, validDays),
      duesPaidTo: input.duesPaidTo,
      reason: input.reason ?? null,
      partyStatus: m.partyStatus,
      joinedPartyOn: m.joinedPartyOn,
      confirmedOn: m.confirmedOn,
      receiptDueOn: inside ? null : receiptDueOn(input.issuedOn),
      receiptOn: null,
      receiptNote: null,
      returnReason: null,
      newMemberId: null,
      inviteCode: null,
      history: [{ at: now, by, what: `开具介绍信 ${input.letterNo}，转往「${toName}」（有效期至 ${dateText(validUntil(input.issuedOn, validDays))}，党费交至 ${monthText(input.duesPaidTo)}）` }],
      createdAt: now,
      updatedAt: now,
    }
    await port.db.createCollection('transfers').catch(() => undefined)
    await insertNew(port, 'transfers', [t])
    // The member leaves the roster as transferred (their records stay); only one letter per active member: the
    // update is conditional, and a second letter at the same time is withdrawn.
    const postHistory = (m.posts ?? []).length ? withPostChange(m, input.issuedOn, []) : m.postHistory
    const reason = `转往「${toName}」（介绍信 ${input.letterNo}）${input.reason ? `：${input.reason}` : ''}`
    const { stats } = await collection(port, 'members')
      .where({ _id: m._id, state: 'active' })
      .update({ data: { state: 'transferred', transferredOn: input.issuedOn, transferReason: reason.slice(0, 100), groupLeader: false, posts: [], ...(postHistory ? { postHistory: port.db.command.set(postHistory) } : {}), updatedAt: now } })
    if (stats.updated !== 1) {
      await collection(port, 'transfers').where({ _id: key }).remove()
      throw new AppError('CONFLICT', `${m.name} 刚被转出，请刷新后查看`)
    }
    if (m.openid) {
      await endGrants(port, m.openid, m.branchId, 'transferred')
      await tell(ctx, [
        { openid: m.openid, kind: 'transferred_out', title: `你的组织关系已从「${from.name}」转出`, body: `介绍信 ${input.letterNo}，转往「${toName}」，有效期至 ${dateText(t.validUntil)}；党费交至 ${monthText(input.duesPaidTo)}。你在原支部的记录保留。`, page: TRANSFER_PAGE(key), createdAt: now, dedupeKey: `transfer:${key}:issued:member` },
      ])
    }
    if (inside) {
      await tell(ctx, [
        { branchId: input.toBranchId, roles: ['secretary'], kind: 'transfer_incoming', title: `${m.name} 的组织关系转入待接收`, body: `「${from.name}」开具介绍信 ${input.letterNo}（有效期至 ${dateText(t.validUntil)}），请核对后接收或退回。`, page: TRANSFER_PAGE(key), createdAt: now, dedupeKey: incomingItem(key) },
      ])
    }
    await audit(ctx, [m.branchId, t.toBranchId], 'transfer.issued', `${m.name} 转出至「${toName}」（介绍信 ${input.letterNo}，${dateText(input.issuedOn)}）${(m.posts ?? []).length ? `；免去支委职务：${m.posts.join('、')}` : ''}`, t, { memberId: m._id, to: toName, issuedOn: input.issuedOn, validUntil: t.validUntil, duesPaidTo: t.duesPaidTo })
    return show(ctx, t, { from: true, to: await keeper(ctx, t.toBranchId) })
  },
  replay: replayTransfer,
})

const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

export const listTransfers = defineAction({
  name: 'transfers.list',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, direction, cursor, limit }, ctx) {
    const { port } = ctx
    const _ = port.db.command
    // A letter withdrawn before it was accepted disappears from the receiving branch's list (transfers.withdraw).
    const conditions: unknown[] = [branchId ? (direction === 'in' ? { toBranchId: branchId, state: _.neq('withdrawn') } : { fromBranchId: branchId }) : { state: 'in_transit' }]
    if (cursor) {
      const c = decodeCursor(cursor, 'text')
      conditions.push(afterCursor(_, 'issuedOn', c.key, c.id, 'desc'))
    }
    const rows = await collection(port, 'transfers')
      .where(_.and(...conditions) as Record<string, unknown>)
      .orderBy('issuedOn', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get()
      .then((r) => r.data)
      .catch(unlessMissing([] as TransferDoc[]))
    const page = pageOf(rows, limit, (t) => t.issuedOn)
    const today = beijingDate(port.now())
    return { items: page.items.map((t) => presentSummary(t, today)), nextCursor: page.nextCursor }
  },
})

export const myTransfers = defineAction({
  name: 'transfers.mine',
  // A member transferred out holds no role any more and still reads their own letter.
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    const rows = await readAll(port, 'transfers', { openid: caller.openid }, { sortBy: 'issuedOn' }).catch(unlessMissing([] as TransferDoc[]))
    const today = beijingDate(port.now())
    return { items: rows.reverse().map((t) => presentSummary(t, today)) }
  },
})

export const getTransfer = defineAction({
  name: 'transfers.get',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ transferId }, ctx) {
    const v = await loadVisible(ctx, transferId)
    // Reads of a letter by anyone but its member are in the audit log (personal data: 入党日期, 转正日期).
    if (!v.own || v.from || v.to) await audit(ctx, [v.from ? v.t.fromBranchId : null, v.to ? v.t.toBranchId : null], 'transfer.read', `查看 ${v.t.memberName} 的组织关系介绍信（${v.t.letterNo}）`, v.t, {})
    return show(ctx, v.t, v)
  },
})

export const acceptTransfer = defineAction({
  name: 'transfers.accept',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ transferId, joinedBranchOn, groupId }, ctx) {
    const { port } = ctx
    const v = await loadVisible(ctx, transferId)
    const t = v.t
    if (!v.to) throw forbidden('只有接收支部的书记、组织委员或党委可以接收')
    if (t.kind !== 'inside') throw invalid('只有本系统内支部之间的转接需要接收', { field: 'transferId' })
    if (t.state !== 'in_transit') throw new AppError('CONFLICT', `这份转接${STATE_LABELS[t.kind][t.state]}，不能再接收`)
    const today = beijingDate(port.now())
    if (isExpired(t.validUntil, today)) throw new AppError('CONFLICT', `介绍信已过有效期（有效期至 ${dateText(t.validUntil)}），请退回并由原支部重新开具`, { rule: 'expired' })
    const on = joinedBranchOn ?? today
    if (on > today) throw invalid('转入日期不能晚于今天', { field: 'joinedBranchOn' })
    if (on < t.issuedOn) throw invalid('转入日期不能早于介绍信开具日期', { field: 'joinedBranchOn' })
    const to = await loadActiveBranch(port, t.toBranchId!)
    if (groupId) await loadGroup(port, groupId, to._id)
    // One person, one branch: someone who is on another roster (joined by an invitation meanwhile) is not added twice.
    if (t.openid) {
      const active = await readAll(port, 'members', { openid: t.openid, state: 'active' }, { fields: ['branchId'] })
      if (active.length) {
        const names = await Promise.all(active.map((a) => loadBranch(port, a.branchId).then((b) => b.name)))
        throw new AppError('CONFLICT', `${t.memberName} 目前在「${names.join('、')}」的花名册中，一名党员不能同时在两个支部`)
      }
      await assertOneBranch(port, t.openid, to._id, { who: t.memberName, exceptTransfer: t._id })
    }
    const newMemberId = `${t._id}-in`
    const after = await advance(ctx, t, { state: 'accepted', newMemberId }, `「${to.name}」接收（转入日期 ${dateText(on)}）`)
    const entry = { ...newMemberDoc({ branchId: to._id, openid: t.openid, name: t.memberName, partyStatus: t.partyStatus, joinedPartyOn: t.joinedPartyOn, groupId: groupId ?? null, joinedBranchOn: on }, port.now()), confirmedOn: t.confirmedOn }
    await insertNew(port, 'members', [{ _id: newMemberId, ...entry }])
    // A 预备党员's 发展党员 file goes with them: the receiving branch records the 转正 (recruitment/handover.ts).
    const recruitId = t.partyStatus === 'probationary' && t.memberId ? await handOverRecruit(port, { fromBranchId: t.fromBranchId!, fromMemberId: t.memberId, toBranchId: to._id, toMemberId: newMemberId, by: await actor(ctx), what: `组织关系由「${t.fromName}」转入「${to.name}」（介绍信 ${t.letterNo}，${dateText(on)}），发展党员档案随转，由「${to.name}」继续记录预备期和转正` }) : null
    if (recruitId) {
      const line = { at: port.now(), by: await actor(ctx), what: `发展党员档案（预备期、转正）随转至「${to.name}」` }
      await collection(port, 'transfers').doc(t._id).update({ data: { recruitId, history: port.db.command.push([line]) } })
      Object.assign(after, { recruitId, history: [...after.history, line] })
    }
    if (t.openid) {
      await grantRole(port, t.openid, to._id, 'member')
      await tell(ctx, [{ openid: t.openid, kind: 'transfer_accepted', title: `你的组织关系已转入「${to.name}」`, body: `转入日期：${dateText(on)}。入党日期、转正日期和党员身份按介绍信保留。`, page: TRANSFER_PAGE(t._id), createdAt: port.now(), dedupeKey: `transfer:${t._id}:accepted:member` }])
    }
    // The receiving secretary's 「待接收」 item is done: it goes (and the 「即将过期」 one: accept in time). When someone
    // else accepted (the 组织委员, the committee), the secretary is told so in its place.
    await retire(ctx, to._id, [incomingItem(t._id), `transfer_expiry:${t._id}:soon:to`])
    if (!ctx.caller.memberships.some((g) => g.branchId === to._id && g.role === 'secretary' && g.status === 'active')) {
      await tell(ctx, [{ branchId: to._id, roles: ['secretary'], kind: 'transfer_accepted', title: `${t.memberName} 的组织关系已转入本支部`, body: `${(await actor(ctx)).name}已接收「${t.fromName}」开具的介绍信 ${t.letterNo}，转入日期 ${dateText(on)}。`, page: TRANSFER_PAGE(t._id), createdAt: port.now(), dedupeKey: `transfer:${t._id}:accepted:to` }])
    }
    await tell(ctx, [{ branchId: t.fromBranchId!, roles: ['secretary'], kind: 'transfer_accepted', title: `${t.memberName} 的组织关系已被「${to.name}」接收`, body: `介绍信 ${t.letterNo}，转入日期 ${dateText(on)}。`, page: TRANSFER_PAGE(t._id), createdAt: port.now(), dedupeKey: `transfer:${t._id}:accepted:from` }])
    await audit(ctx, [t.toBranchId, t.fromBranchId], 'transfer.accepted', `「${to.name}」接收 ${t.memberName} 的组织关系（介绍信 ${t.letterNo}，转入日期 ${dateText(on)}）${recruitId ? '；发展党员档案随转' : ''}`, t, { newMemberId, joinedBranchOn: on, partyStatus: t.partyStatus, recruitId })
    return show(ctx, after, v)
  },
  replay: replayTransfer,
})

/** One person, one branch: back on the sending roster only if they are on no other (this letter aside). */
async function mayPutBack(ctx: ActionContext, t: TransferDoc) {
  if (t.openid) await assertOneBranch(ctx.port, t.openid, t.fromBranchId!, { who: t.memberName, exceptTransfer: t._id })
}
/**
 * The member back on the sending roster after a letter that did not take effect (returned, sent back from outside,
 * withdrawn): active again as before the letter, as a member — posts are not restored (the 支委 may have been filled
 * meanwhile; the secretary sets them again) — and able to act in the branch again.
 */
async function putBack(ctx: ActionContext, t: TransferDoc) {
  const { port } = ctx
  await collection(port, 'members')
    .where({ _id: t.memberId!, state: 'transferred' })
    .update({ data: { state: 'active', transferredOn: null, transferReason: null, updatedAt: port.now() } })
  if (t.openid) await grantRole(port, t.openid, t.fromBranchId!, 'member')
}

export const returnTransfer = defineAction({
  name: 'transfers.return',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ transferId, reason, returnedOn }, ctx) {
    const { port } = ctx
    const v = await loadVisible(ctx, transferId)
    const t = v.t
    if (t.kind === 'to_outside') return sentBack(ctx, v, reason, returnedOn)
    if (!v.to) throw forbidden('只有接收支部的书记、组织委员或党委可以退回')
    if (t.kind !== 'inside') throw invalid('只有本系统内支部之间的转接可以在这里退回', { field: 'transferId' })
    if (t.state !== 'in_transit') throw new AppError('CONFLICT', `这份转接${STATE_LABELS[t.kind][t.state]}，不能再退回`)
    await checkTexts(port, ctx.caller.openid, [['reason', '退回原因', reason]])
    await mayPutBack(ctx, t)
    const after = await advance(ctx, t, { state: 'returned', returnReason: reason }, `「${t.toName}」退回：${reason}`)
    // The letter is void: the member is back on the sending branch's roster.
    await putBack(ctx, t)
    await tell(ctx, [{ branchId: t.fromBranchId!, roles: ['secretary'], kind: 'transfer_returned', title: `${t.memberName} 的介绍信被「${t.toName}」退回`, body: `退回原因：${reason}。${t.memberName} 已回到本支部花名册，如需转出请重新开具介绍信。`, page: TRANSFER_PAGE(t._id), createdAt: port.now(), dedupeKey: `transfer:${t._id}:returned` }])
    await audit(ctx, [t.toBranchId, t.fromBranchId], 'transfer.returned', `「${t.toName}」退回 ${t.memberName} 的介绍信（${t.letterNo}）：${reason}`, t, { reason })
    return show(ctx, after, v)
  },
  replay: replayTransfer,
})

/**
 * 对方退回: a letter to an organisation outside this deployment came back (a wrong name, the member did not go): the
 * sending branch records it with the reason and the day; the member is back on its roster as before the letter, and
 * the 回执 reminders stop (they read only letters in transit).
 */
async function sentBack(ctx: ActionContext, v: { t: TransferDoc; from: boolean; to: boolean }, reason: string, returnedOn: string | undefined) {
  const { port } = ctx
  const t = v.t
  if (!v.from) throw forbidden('只有转出支部的书记、组织委员或党委可以登记对方退回')
  if (t.state !== 'in_transit') throw new AppError('CONFLICT', `这份转接${STATE_LABELS[t.kind][t.state]}，不能再登记退回`)
  const today = beijingDate(port.now())
  const on = returnedOn ?? today
  if (on > today) throw invalid('退回日期不能晚于今天', { field: 'returnedOn' })
  if (on < t.issuedOn) throw invalid('退回日期不能早于介绍信开具日期', { field: 'returnedOn' })
  await checkTexts(port, ctx.caller.openid, [['reason', '退回原因', reason]])
  await mayPutBack(ctx, t)
  const after = await advance(ctx, t, { state: 'returned', returnReason: reason }, `「${t.toName}」退回介绍信（${dateText(on)}）：${reason}`)
  await putBack(ctx, t)
  if (t.openid) await tell(ctx, [{ openid: t.openid, kind: 'transfer_returned', title: `你的介绍信被「${t.toName}」退回`, body: `退回原因：${reason}。你已回到「${t.fromName}」，如需转出请联系支部重新开具介绍信。`, page: TRANSFER_PAGE(t._id), createdAt: port.now(), dedupeKey: `transfer:${t._id}:returned:member` }])
  await audit(ctx, [t.fromBranchId], 'transfer.returned', `登记「${t.toName}」退回 ${t.memberName} 的介绍信（${t.letterNo}，${dateText(on)}）：${reason}`, t, { reason, returnedOn: on })
  return show(ctx, after, v)
}

/**
 * 撤回: the sending branch takes back a letter not yet accepted (inside) or not yet answered by a 回执 (to outside),
 * with a reason. The member stays in the branch (back on its roster as before the letter); the letter and its
 * history are kept, state 撤回; a receiving branch of this deployment no longer lists or reads it, and its
 * secretary is told. Both audit logs keep it.
 */
export const withdrawTransfer = defineAction({
  name: 'transfers.withdraw',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ transferId, reason }, ctx) {
    const { port } = ctx
    const v = await loadVisible(ctx, transferId)
    const t = v.t
    if (!v.from) throw forbidden('只有转出支部的书记、组织委员或党委可以撤回介绍信')
    if (t.kind === 'from_outside') throw invalid('从本系统以外转入的介绍信不能撤回', { field: 'transferId' })
    if (t.state !== 'in_transit') throw new AppError('CONFLICT', t.kind === 'inside' && t.state === 'accepted' ? `「${t.toName}」已接收，不能再撤回` : `这份转接${STATE_LABELS[t.kind][t.state]}，不能再撤回`)
    await checkTexts(port, ctx.caller.openid, [['reason', '撤回原因', reason]])
    await mayPutBack(ctx, t)
    const after = await advance(ctx, t, { state: 'withdrawn', withdrawReason: reason }, `「${t.fromName}」撤回介绍信：${reason}`)
    await putBack(ctx, t)
    const told: InboxDoc[] = []
    if (t.openid) told.push({ openid: t.openid, kind: 'transfer_withdrawn', title: `你的组织关系介绍信已撤回`, body: `「${t.fromName}」撤回了介绍信 ${t.letterNo}（原因：${reason}），你仍在本支部。`, page: TRANSFER_PAGE(t._id), createdAt: port.now(), dedupeKey: `transfer:${t._id}:withdrawn:member` })
    if (t.kind === 'inside' && t.toBranchId) {
      // The receiving secretary's 「待接收」 message goes; a line without the letter's page says why.
      await retire(ctx, t.toBranchId, [incomingItem(t._id), `transfer_expiry:${t._id}:soon:to`])
      told.push({ branchId: t.toBranchId, roles: ['secretary'], kind: 'transfer_withdrawn', title: `${t.memberName} 的组织关系转入已撤回`, body: `「${t.fromName}」撤回了介绍信 ${t.letterNo}（原因：${reason}），无需接收。`, page: TRANSFER_LIST_PAGE_IN, createdAt: port.now(), dedupeKey: `transfer:${t._id}:withdrawn:to` })
    }
    await tell(ctx, told)
    await audit(ctx, [t.fromBranchId, t.toBranchId], 'transfer.withdrawn', `「${t.fromName}」撤回 ${t.memberName} 的介绍信（${t.letterNo}，转往「${t.toName}」）：${reason}`, t, { reason })
    return show(ctx, after, v)
  },
  replay: replayTransfer,
})
/**
 * The printable 介绍信 (.docx: 存根, 介绍信, 回执 on one A4 page; transfers/letter.ts), for the sending branch's keepers,
 * stored as a finished export (actions/exports.ts storeDocument) and opened by the app like the record book. Sex,
 * age, nation and ID number are not on the roster: given for this print (an ID number gives sex and age; a wrong
 * check digit is refused), not stored; missing ones are blank lines on the paper. Audited: the file carries them.
 */
export const printLetter = defineAction({
  name: 'transfers.letter',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ transferId, ...given }, ctx) {
    const { port } = ctx
    const v = await loadVisible(ctx, transferId)
    const t = v.t
    if (!v.from || t.kind === 'from_outside') throw forbidden('只有转出支部的书记、组织委员或党委可以打印介绍信')
    if (t.state === 'withdrawn' || t.state === 'returned') throw new AppError('CONFLICT', `这份介绍信${STATE_LABELS[t.kind][t.state]}，不能再打印`)
    const facts = { ...given }
    if (given.idNumber) {
      const id = idCardFacts(given.idNumber, beijingDate(port.now()))
      if (!id) throw invalid('身份证号码有误（校验位或出生日期不对），请核对', { field: 'idNumber' })
      if (given.gender && given.gender !== id.gender) throw invalid(`性别与身份证号码不符（号码为${id.gender}性）`, { field: 'gender' })
      facts.gender = id.gender
      facts.age = given.age ?? id.age
    }
    await checkTexts(port, ctx.caller.openid, [['ethnicity', '民族', given.ethnicity]])
    const bytes = await buildTransferLetter(t, facts)
    const from = t.fromBranchId ? await loadBranch(port, t.fromBranchId).catch(() => null) : null
    const job = await storeDocument(port, { _id: `transfer-letter-${t._id}`, kind: 'transferLetter', year: Number(t.issuedOn.slice(0, 4)), branchId: t.fromBranchId, branchName: from?.name ?? t.fromName, createdByOpenid: ctx.caller.openid, fileName: letterFileName(t) }, bytes, 'docx')
    await audit(ctx, [t.fromBranchId], 'transfer.printed', `打印 ${t.memberName} 的组织关系介绍信（${t.letterNo}）${given.idNumber ? '，含身份证号码' : ''}`, t, { withId: !!given.idNumber })
    return job
  },
})

export const recordReceipt = defineAction({
  name: 'transfers.receipt',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ transferId, receivedOn, note }, ctx) {
    const { port } = ctx
    const v = await loadVisible(ctx, transferId)
    const t = v.t
    if (!v.from) throw forbidden('只有转出支部的书记、组织委员或党委可以登记回执')
    if (t.kind !== 'to_outside') throw invalid('只有转往本系统以外的介绍信需要登记回执', { field: 'transferId' })
    if (t.state !== 'in_transit') throw new AppError('CONFLICT', `这份转接${STATE_LABELS[t.kind][t.state]}，回执已登记`)
    if (receivedOn > beijingDate(port.now())) throw invalid('回执日期不能晚于今天', { field: 'receivedOn' })
    if (receivedOn < t.issuedOn) throw invalid('回执日期不能早于介绍信开具日期', { field: 'receivedOn' })
    await checkTexts(port, ctx.caller.openid, [['note', '说明', note]])
    const after = await advance(ctx, t, { state: 'completed', receiptOn: receivedOn, receiptNote: note ?? null }, `登记回执（${dateText(receivedOn)}）${note ? `：${note}` : ''}`)
    await audit(ctx, [t.fromBranchId], 'transfer.receipt', `登记 ${t.memberName} 的介绍信回执（${t.letterNo}，${dateText(receivedOn)}）`, t, { receiptOn: receivedOn })
    return show(ctx, after, v)
  },
  replay: replayTransfer,
})

export const receiveTransfer = defineAction({
  name: 'transfers.receive',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input, ctx) {
    const { port, caller } = ctx
    if (!(await keeper(ctx, input.branchId))) throw forbidden(KEEPERS_ONLY)
    const key = ctx.requestKey ?? `${input.branchId}:${input.letterNo}`
    const prior = await loadOne(port, 'transfers', key).catch(() => undefined)
    if (prior) return show(ctx, prior, { from: false, to: true })
    const branch = await loadActiveBranch(port, input.branchId)
    const today = beijingDate(port.now())
    const arrivedOn = input.arrivedOn ?? today
    const refusal = receiveRefusal({ ...input, arrivedOn }, today)
    if (refusal) throw invalid(refusal.message, { field: refusal.field })
    await checkTexts(port, caller.openid, [['letterNo', '介绍信编号', input.letterNo], ['fromOrgName', '转出党组织', input.fromOrgName], ['name', '姓名', input.name]])
    const { data: same } = await collection(port, 'transfers').where({ toBranchId: input.branchId, letterNo: input.letterNo }).limit(1).get().catch(() => ({ data: [] as TransferDoc[] }))
    if (same.length) throw new AppError('CONFLICT', `介绍信编号「${input.letterNo}」已登记（${same[0].memberName}），请核对编号`, { field: 'letterNo' })
    const now = port.now()
    const by = await actor(ctx)
    const memberId = `${key}-in`
    const code = newInviteCode()
    const t: TransferDoc = {
      _id: key,
      kind: 'from_outside',
      state: 'completed',
      letterNo: input.letterNo,
      memberId: null,
      memberName: input.name,
      openid: null,
      fromBranchId: null,
      fromName: input.fromOrgName,
      toBranchId: input.branchId,
      toName: branch.name,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
      duesPaidTo: input.duesPaidTo,
      reason: null,
      partyStatus: input.partyStatus,
      joinedPartyOn: input.joinedPartyOn,
      confirmedOn: input.confirmedOn ?? null,
      receiptDueOn: null,
      receiptOn: null,
      receiptNote: null,
      returnReason: null,
      newMemberId: memberId,
      inviteCode: code,
      history: [{ at: now, by, what: `登记「${input.fromOrgName}」开具的介绍信 ${input.letterNo}，${input.name} 转入（${dateText(arrivedOn)}），生成邀请码` }],
      createdAt: now,
      updatedAt: now,
    }
    const entry = { ...newMemberDoc({ branchId: input.branchId, openid: null, name: input.name, partyStatus: input.partyStatus, joinedPartyOn: input.joinedPartyOn, groupId: null, joinedBranchOn: arrivedOn }, now), confirmedOn: input.confirmedOn ?? null }
    const invite: InviteDoc = { _id: code, branchId: input.branchId, role: 'member', title: null, groupId: null, requiresApproval: false, partyStatus: input.partyStatus, memberId, maxUses: 1, uses: 0, expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000), createdBy: caller.openid, createdAt: now, revoked: false }
    await port.db.createCollection('transfers').catch(() => undefined)
    await insertNew(port, 'members', [{ _id: memberId, ...entry }])
    await collection(port, 'invites').add({ data: { ...invite } })
    await insertNew(port, 'transfers', [t])
    await audit(ctx, [input.branchId], 'transfer.received', `登记转入：${input.name}（「${input.fromOrgName}」介绍信 ${input.letterNo}，${dateText(arrivedOn)}），生成邀请码`, t, { memberId, from: input.fromOrgName, arrivedOn, partyStatus: input.partyStatus })
    return show(ctx, t, { from: false, to: true })
  },
  replay: replayTransfer,
})

export const transferBranches = defineAction({
  name: 'transfers.branches',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, ctx) {
    if (!(await keeper(ctx, branchId))) throw forbidden(KEEPERS_ONLY)
    const rows = await readAll(ctx.port, 'branches', { status: 'active' }, { fields: ['name'], sortBy: 'name' })
    return { items: rows.filter((b) => b._id !== branchId).map((b) => ({ id: b._id, name: b.name })) }
  },
})

const presentSettings = (s: TransferSettings) => ({ ...s, defaults: TRANSFER_DEFAULTS })

export const getTransferSettings = defineAction({
  name: 'transfers.settings',
  roles: READERS,
  scope: { kind: 'authenticated' },
  async handler({ branchId }, ctx) {
    const settings = presentSettings(await loadSettings(ctx.port))
    // The roster's member page asks whether to offer 开具介绍信 (the secretary, the 组织委员, the committee).
    return branchId ? { ...settings, mayIssue: await keeper(ctx, branchId) } : settings
  },
})

export const setTransferSettings = defineAction({
  name: 'transfers.setSettings',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ validDays }, ctx) {
    const before = await loadSettings(ctx.port)
    await saveSettings(ctx.port, { validDays })
    await recordAudit(ctx, { branchId: null, action: 'transfers.settings', summary: `组织关系介绍信默认有效期改为 ${validDays} 天`, target: { kind: 'settings', id: 'transfers' }, before, after: { validDays } })
    return presentSettings({ validDays })
  },
})

export const TRANSFER_ACTIONS = [issueTransfer, listTransfers, myTransfers, getTransfer, acceptTransfer, returnTransfer, withdrawTransfer, printLetter, recordReceipt, receiveTransfer, transferBranches, getTransferSettings, setTransferSettings] as const
