/**
 * Delivering claimed reminders: the inbox item first (always), then a subscription message when the person has
 * quota. Shared by the timer run and notices.send. Reminder states are described in store.ts.
 */
import type { ReminderKind } from '../../../types/subscription-templates'
import type { Port } from '../port'
import { chunks, insertNew, subscriptionId, type ReminderLogDoc, type ReminderState } from './store'

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
 * Messages in flight at once. One: a run that dies leaves at most one message `sending` (then `uncertain`), and that
 * one went out or not — so after a crash every reminder still reaches the outbox exactly once or, for that one, at
 * most once. More in flight would finish sooner but leave up to that many unsent; a run that cannot send everything
 * within its budget leaves the rest queued for the next hourly run instead.
 */
export const SEND_CONCURRENCY = 1

/**
 * Sends the messages of queued reminders, a few at a time. Per message: spend one quota (a conditional decrement:
 * none left → the reminder stays inbox-only), mark `sending`, send, record the outcome. 43101 zeroes the person's
 * quota for the template; a refused or failed send gives the spent quota back (WeChat did not use it).
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
  let next = 0

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

  async function worker() {
    while (next < queued.length) {
      if (budget.deadline && Date.now() > budget.deadline) return
      await one(queued[next++])
    }
  }
  await Promise.all(Array.from({ length: Math.min(budget.concurrency ?? SEND_CONCURRENCY, queued.length) }, worker))
  result.left = queued.length - next
  return result
}
