/**
 * 意见反馈 (contract: types/actions/feedback.ts; docs/feedback.md): anyone signed in sends a suggestion or a complaint
 * to the committee; the committee answers it (已答复) and closes it (已关闭); the sender sees the answer and the state
 * (inbox and 我的 → 意见反馈, src/packages/feedback).
 * Idempotent by clientRequestId: a retried send returns the item already written. At most 5 a Beijing day, held by
 * slots in rate_limits when sends race (takeSlot), and not the same text twice in 10 minutes (feedback-limit.ts).
 */
import { createHash } from 'node:crypto'
import { ROLES } from '../../../types/domain'
import { defineAction } from '../framework/action'
import { AppError } from '../framework/errors'
import { collection, insertNew, isDuplicateKey, loadOne, readAll } from '../framework/data'
import type { FeedbackDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import { actorName } from '../organisation/audit'
import { beijingDayStart, dailyLimitRefusal, FEEDBACK_REPEAT_MINUTES, feedbackRefusal, feedbackSlotIds, feedbackTextHoldId, feedbackWindowStart, repeatedRefusal } from './feedback-limit'

const present = (f: FeedbackDoc) => ({
  id: f._id,
  kind: f.kind,
  body: f.body,
  fromName: f.fromName,
  branchName: f.branchName,
  status: f.status,
  createdAt: new Date(f.createdAt).toISOString(),
  answer: f.answer,
  answeredBy: f.answeredBy?.name ?? null,
  answeredAt: f.answeredAt ? new Date(f.answeredAt).toISOString() : null,
})

async function load(port: Port, id: string): Promise<FeedbackDoc | null> {
  return (await loadOne(port, 'feedback', id)) ?? null
}

/**
 * Takes one of the sender's slots of the day for item `feedbackId` (feedback-limit.ts feedbackSlotIds), or refuses
 * with DAILY_LIMIT. Each slot is a document with a deterministic _id: the database inserts it once, so of any number of
 * sends at the same instant at most FEEDBACK_DAILY_LIMIT hold one. The search starts after the `storedToday` items
 * read (items written before slots existed count too). A slot is never given back: a send that fails after taking
 * it (the item's insert failing) leaves it used, and the sender one send fewer that day — unless the send is retried
 * with its clientRequestId (the page keeps it with the draft): the retry finds its own slot and uses it.
 */
async function takeSlot(port: Port, openid: string, feedbackId: string, now: Date, storedToday: number): Promise<void> {
  const ids = feedbackSlotIds(openid, now)
  const taken = await readAll(port, 'rate_limits', { _id: port.db.command.in(ids) })
  if (taken.some((d) => 'feedbackId' in d && d.feedbackId === feedbackId)) return
  const seen = new Set(taken.map((d) => d._id))
  for (const slot of ids.slice(storedToday)) {
    if (seen.has(slot)) continue
    try {
      await collection(port, 'rate_limits').add({ data: { _id: slot, feedbackId, at: now } })
      return
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  const refusal = dailyLimitRefusal()
  throw new AppError('RATE_LIMITED', refusal.message, refusal.details)
}

/**
 * Holds `body` (as comparableText) for the sender for FEEDBACK_REPEAT_MINUTES, for item `feedbackId`, or refuses with
 * REPEATED: a document with a deterministic _id (feedback-limit.ts feedbackTextHoldId), so of two sends of the same text
 * at the same instant one holds it. A hold older than the window is taken over, conditionally (one taker). A retry of
 * the same item (its clientRequestId) finds its own hold. Returns the release, for a send that then stores nothing.
 */
async function holdText(port: Port, openid: string, body: string, feedbackId: string, now: Date): Promise<() => Promise<void>> {
  const id = feedbackTextHoldId(openid, body)
  const holds = collection(port, 'rate_limits')
  const release = async () => {
    await holds.where({ _id: id, feedbackId, at: now }).remove()
  }
  try {
    await holds.add({ data: { _id: id, feedbackId, at: now } })
    return release
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const doc = await loadOne(port, 'rate_limits', id)
  const held = doc && 'feedbackId' in doc ? doc : undefined
  if (held?.feedbackId === feedbackId) {
    // The same item retried: hold it afresh from now.
    await holds.where({ _id: id, feedbackId }).update({ data: { at: now } })
    return release
  }
  const since = held ? now.getTime() - new Date(held.at).getTime() : Infinity
  const windowMs = FEEDBACK_REPEAT_MINUTES * 60_000
  if (held && since < windowMs) {
    const refusal = repeatedRefusal(Math.max(1, Math.ceil((windowMs - since) / 60_000)))
    throw new AppError('RATE_LIMITED', refusal.message, refusal.details)
  }
  const { stats } = await holds.where(held ? { _id: id, at: held.at } : { _id: id }).update({ data: { feedbackId, at: now } })
  if (stats.updated !== 1) {
    const refusal = repeatedRefusal(FEEDBACK_REPEAT_MINUTES)
    throw new AppError('RATE_LIMITED', refusal.message, refusal.details)
  }
  return release
}

export const sendFeedback = defineAction({
  name: 'feedback.send',
  // Anyone the platform identified who holds a role; a stranger has no branch or committee to write to yet.
  roles: ROLES,
  scope: { kind: 'authenticated' },
  async handler({ kind, body, branchId, clientRequestId }, ctx) {
    const { port } = ctx
    const _id = createHash('sha256').update(`feedback\u0000${ctx.caller.openid}\u0000${clientRequestId}`).digest('hex').slice(0, 32)
    const prior = await load(port, _id)
    if (prior) return present(prior)
    // At most 5 a Beijing day, and not the same text twice in 10 minutes (feedback-limit.ts): RATE_LIMITED, nothing written.
    const now = port.now()
    const recent = await readAll(port, 'feedback', { openid: ctx.caller.openid, createdAt: port.db.command.gte(feedbackWindowStart(now)) }, { fields: ['body', 'createdAt'] })
    const refusal = feedbackRefusal(recent, body, now)
    if (refusal) throw new AppError('RATE_LIMITED', refusal.message, refusal.details)
    let branchName: string | null = null
    if (branchId) {
      if (!ctx.caller.memberships.some((m) => m.branchId === branchId)) throw new AppError('FORBIDDEN', '只能就自己所在的支部提出意见')
      branchName = (await loadOne(port, 'branches', branchId))?.name ?? null
    }
    const doc: FeedbackDoc = { _id, openid: ctx.caller.openid, fromName: await actorName(ctx), kind, body, branchId: branchId ?? null, branchName, status: 'open', createdAt: now, answer: null, answeredBy: null, answeredAt: null }
    // The read above refuses the sixth send made after five; sends racing in the same instant all read fewer. A slot
    // taken before the item is written holds the limit for them: no slot, no item.
    // The same for the repeat check: the text is held for 10 minutes by the first of them (holdText).
    const ofToday = recent.filter((f) => new Date(f.createdAt).getTime() >= beijingDayStart(now).getTime()).length
    const release = await holdText(port, ctx.caller.openid, body, _id, now)
    try {
      await takeSlot(port, ctx.caller.openid, _id, now, ofToday)
      await insertNew(port, 'feedback', [{ ...doc }])
    } catch (error) {
      // Nothing stored: the text is not held against the sender (the slot, once taken, stays: see takeSlot).
      await release().catch(() => undefined)
      throw error
    }
    return present((await load(port, _id)) ?? doc)
  },
})

export const myFeedback = defineAction({
  name: 'feedback.mine',
  roles: ROLES,
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    const rows = await readAll(port, 'feedback', { openid: caller.openid }, { sortBy: 'createdAt' })
    return { items: rows.reverse().map(present) }
  },
})

export const listFeedback = defineAction({
  name: 'feedback.list',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ status, cursor, limit }, { port }) {
    const _ = port.db.command
    const conditions: unknown[] = [{ status }]
    if (cursor) {
      const c = decodeCursor(cursor, 'time')
      conditions.push(afterCursor(_, 'createdAt', c.key, c.id, 'asc'))
    }
    const { data } = await collection(port, 'feedback').where(_.and(...conditions) as Record<string, unknown>).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit + 1).get()
    const page = pageOf(data, limit, (f) => new Date(f.createdAt).getTime())
    return { items: page.items.map(present), nextCursor: page.nextCursor }
  },
})

/** Where the sender reads their items and the answers (the inbox item opens it). */
const MINE_PAGE = '/packages/feedback/pages/mine/index'

export const answerFeedback = defineAction({
  name: 'feedback.answer',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ feedbackId, answer }, ctx) {
    const { port } = ctx
    const f = await load(port, feedbackId)
    if (!f) throw new AppError('NOT_FOUND', '意见不存在')
    if (f.status === 'answered') throw new AppError('CONFLICT', '这条意见已经答复过了')
    if (f.status === 'closed') throw new AppError('CONFLICT', '这条意见已经关闭，不能再答复')
    const now = port.now()
    const answeredBy = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const { stats } = await port.db.collection('feedback').where({ _id: feedbackId, status: 'open' }).update({ data: { status: 'answered', answer, answeredBy, answeredAt: now } })
    if (stats.updated === 0) throw new AppError('CONFLICT', '这条意见已经答复过了')
    await insertNew(port, 'inbox', [
      { _id: `feedback_answered_${feedbackId}`, openid: f.openid, kind: 'feedback_answered', title: `党委已答复你的${f.kind === 'complaint' ? '投诉' : '建议'}`, body: answer, page: MINE_PAGE, createdAt: now, dedupeKey: `feedback_answered:${feedbackId}` },
    ])
    return present({ ...f, status: 'answered', answer, answeredBy, answeredAt: now })
  },
})

export const closeFeedback = defineAction({
  name: 'feedback.close',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ feedbackId }, { port }) {
    const f = await load(port, feedbackId)
    if (!f) throw new AppError('NOT_FOUND', '意见不存在')
    if (f.status === 'closed') throw new AppError('CONFLICT', '这条意见已经关闭了')
    const _ = port.db.command
    const { stats } = await port.db.collection('feedback').where({ _id: feedbackId, status: _.in(['open', 'answered']) }).update({ data: { status: 'closed' } })
    if (stats.updated === 0) throw new AppError('CONFLICT', '这条意见已经关闭了')
    return present({ ...f, status: 'closed' })
  },
})

export const FEEDBACK_ACTIONS = [sendFeedback, myFeedback, listFeedback, answerFeedback, closeFeedback] as const
