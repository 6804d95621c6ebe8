/**
 * Delivering claimed reminders: the inbox item first (always), then a subscription message when the person has
 * quota. Shared by the timer run and notices.send. Reminder states are described in store.ts.
 */
import type { ReminderKind } from '../../../types/subscription-templates'
import type { Port } from '../framework/port'
import { subscriptionId } from './store'
import { chunks, insertNew } from '../framework/data'
import type { ReminderLogDoc, ReminderState } from '../framework/model'

/** Sends of one reminder before it is given up (transient errors only). */
export const MAX_ATTEMPTS = 3

export type SendOutcome = 'sent' | 'no_quota' | 'rejected' | 'failed' | 'retry'

/**
 * What an errcode from subscribeMessage.send means for us:
 * 0 sent; 43101 the user has no quota (refused, or spent) — never retried; 47003 the data does not fit the
 * template — never retried (values are fitted, so this means a template mismatch); negative codes are the SDK's
 * own (network, timeout, cloud system errors) and 45009/45011 rate limits — transient, retried by the next run;
 * anything else (40003 bad openid, 40037 bad template id, 41030 bad page…) is permanent.
 */
export function classifySend(errCode: number): SendOutcome {
  if (errCode === 0) return 'sent'
  if (errCode === 43101) return 'no_quota'
  if (errCode === 47003) return 'rejected'
  if (errCode < 0 || errCode === 45009 || errCode === 45011 || errCode === -1) return 'retry'
  return 'failed'
}

/** Totals per outcome and per `kind:outcome` (no dots: the database reads a dotted key as a nested path). */
export type Counts = Record<string, number>
export const bump = (counts: Counts, kind: ReminderKind | string, outcome: string, n = 1) => {
  counts[outcome] = (counts[outcome] ?? 0) + n
  counts[`${kind}:${outcome}`] = (counts[`${kind}:${outcome}`] ?? 0) + n
}

async function setState(port: Port, ids: string[], state: ReminderState, now: Date) {
  const _ = port.db.command
  for (const chunk of chunks(ids, 500)) {
    await port.db.collection('reminder_log').where({ _id: _.in(chunk) }).update({ data: { state, updatedAt: now } })
  }
}

/**
 * Writes the inbox items of claimed reminders (idempotent: the item's _id is the dedupe key), then moves each to
 * `queued` (a message is wanted) or `inbox_only`. Returns the queued ones.
 */
export async function writeInbox(port: Port, logs: ReminderLogDoc[], now: Date, counts: Counts): Promise<ReminderLogDoc[]> {
  const items = logs
    .filter((l) => l.inbox)
    .map((l) => ({ _id: l._id, openid: l.openid, kind: l.kind, ...l.inbox!, createdAt: now, dedupeKey: l._id }))
  await insertNew(port, 'inbox', items)
  for (const l of logs) if (l.inbox) bump(counts, l.kind, 'inbox')
  const queued = logs.filter((l) => l.wantsMessage)
  const inboxOnly = logs.filter((l) => !l.wantsMessage)
  await setState(port, queued.map((l) => l._id), 'queued', now)
  await setState(port, inboxOnly.map((l) => l._id), 'inbox_only', now)
  for (const l of inboxOnly) bump(counts, l.kind, 'no_subscription')
  return queued
}

/**
 * Messages in flight at once (a setting: the reminders function's REMINDER_SEND_CONCURRENCY overrides it).
 *
 * Why 16: a message costs one subscribeMessage.send (~100 ms in WeChat's cloud) and three database writes (~30 ms
 * each: spend quota, mark `sending`, record the outcome), ~190 ms in all. The cold run after a long pause at 1,000
 * branches owes ~2,200 messages and has spent ~15 s reading, planning and claiming, leaving ~30 s of its 45 s budget:
 * 2,200 × 0.19 s ÷ 30 s ≈ 14 in flight; 16 leaves some room. The price is the guarantee after a kill: up to this many
 * reminders are left `sending` (then `uncertain`, never re-sent: at most once, and the inbox has them). 16 also stays
 * well below what one function instance's outgoing connections and WeChat's per-minute limits allow (45009 is
 * retried by the next run anyway).
 */
export const SEND_CONCURRENCY = 16

/** A usable concurrency from a setting (a string from the environment, or a number), else the default. */
export function sendConcurrency(setting: unknown): number {
  const n = Number(setting)
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : SEND_CONCURRENCY
}

/**
 * Sends the messages of queued reminders, `concurrency` at a time. Per message: spend one quota (a conditional
 * decrement: none left → the reminder stays inbox-only), mark `sending`, send, record the outcome. 43101 zeroes the
 * person's quota for the template; a refused or failed send gives the spent quota back (WeChat did not use it).
 *
 * The messages of one person and template go one after another (a *lane*), in the queue's order, as they did when
 * everything went one at a time: a 43101 zeroes that quota before the lane's next message tries to spend it, so
 * WeChat is asked once, not once per worker, and a given-back quota never races a zeroing. Different people's lanes
 * run side by side. A kill leaves at most `concurrency` messages `sending`: each worker has one lane and one message.
 */
export async function sendQueued(
  port: Port,
  queued: ReminderLogDoc[],
  now: Date,
  counts: Counts,
  budget: { deadline?: number; concurrency?: number } = {},
): Promise<{ sent: number; noQuota: number; failed: number; left: number }> {
  const _ = port.db.command
  const subs = port.db.collection('subscriptions')
  const log = port.db.collection('reminder_log')
  const result = { sent: 0, noQuota: 0, failed: 0, left: 0 }
  const lanes = new Map<string, ReminderLogDoc[]>()
  for (const r of queued) {
    const k = subscriptionId(r.openid, r.templateId)
    const lane = lanes.get(k)
    if (lane) lane.push(r)
    else lanes.set(k, [r])
  }
  const order = [...lanes.values()]
  let nextLane = 0
  let started = 0

  async function one(r: ReminderLogDoc) {
    const subId = subscriptionId(r.openid, r.templateId)
    const spent = await subs.where({ _id: subId, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1), updatedAt: now } })
    if (!spent.stats.updated) {
      await log.doc(r._id).update({ data: { state: 'inbox_only', updatedAt: now } })
      bump(counts, r.kind, 'no_subscription')
      result.noQuota += 1
      return
    }
    await log.doc(r._id).update({ data: { state: 'sending', attempts: (r.attempts ?? 0) + 1, updatedAt: now } })
    const { errCode, errMsg } = await port.openapi.sendSubscribeMessage({ touser: r.openid, templateId: r.templateId, page: r.page, data: r.data })
    let outcome = classifySend(errCode)
    if (outcome === 'retry' && (r.attempts ?? 0) + 1 >= MAX_ATTEMPTS) outcome = 'failed'
    await log.doc(r._id).update({
      data: { state: outcome, updatedAt: now, lastError: errCode === 0 ? null : { errCode, errMsg: String(errMsg).slice(0, 200) } },
    })
    if (outcome === 'no_quota') {
      // WeChat says the person has none left (refused, or our count drifted): believe it until they accept again.
      await subs.doc(subId).update({ data: { remaining: 0, updatedAt: now } })
    } else if (outcome !== 'sent') {
      await subs.doc(subId).update({ data: { remaining: _.inc(1), updatedAt: now } })
    }
    bump(counts, r.kind, outcome)
    if (outcome === 'sent') result.sent += 1
    else if (outcome === 'no_quota') result.noQuota += 1
    else result.failed += 1
  }

  // A failed round trip stops every worker at its next message: the run ends failed, as one killed mid-way would.
  let broken = false
  const stop = () => broken || (budget.deadline !== undefined && Date.now() > budget.deadline)
  async function worker() {
    while (nextLane < order.length && !stop()) {
      const lane = order[nextLane++]
      for (const r of lane) {
        if (stop()) break
        started += 1
        try {
          await one(r)
        } catch (error) {
          broken = true
          throw error
        }
      }
    }
  }
  const width = Math.min(budget.concurrency ?? SEND_CONCURRENCY, order.length)
  await Promise.all(Array.from({ length: width }, worker))
  result.left = queued.length - started
  return result
}
