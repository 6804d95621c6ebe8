/**
 * Delivering claimed reminders: the inbox item first (always), then a subscription message when the person has
 * quota. Shared by the timer run and notices.send. Reminder states are described in store.ts.
 */
import type { ReminderKind } from '../../../types/subscription-templates'
import type { Port } from '../framework/port'
import { subscriptionId } from './store'
import { insertNew } from '../framework/data'
import { inChunks } from './pool'
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

/**
 * Write round trips in flight at once when claiming and writing inbox items (one insert of 100 documents, or one
 * state update of up to 500 ids, each). Why 4: at ~30 ms a round trip the 13,000 claims and inbox items of a cold
 * 1,000-branch run are 260 inserts, ~8 s one at a time and ~2 s four at a time; more would only queue behind the
 * database's own limit on one function's connections and compete with the messages being sent meanwhile (which
 * matter more: they are what the 45 s budget is for). Claims and inbox writes are idempotent (_id = dedupe key), so
 * running them side by side changes nothing about what a kill leaves.
 */
export const WRITE_CONCURRENCY = 4

async function setState(port: Port, ids: string[], state: ReminderState, now: Date) {
  const _ = port.db.command
  await inChunks(ids, 500, WRITE_CONCURRENCY, (chunk) => port.db.collection('reminder_log').where({ _id: _.in(chunk) }).update({ data: { state, updatedAt: now } }))
}

/** insertNew (framework/data.ts) in batches of 100, WRITE_CONCURRENCY batches at a time; the _ids inserted. */
export async function insertAll<T extends { _id: string }>(port: Port, name: 'reminder_log' | 'inbox', docs: T[]): Promise<Set<string>> {
  const parts = await inChunks(docs, 100, WRITE_CONCURRENCY, (chunk) => insertNew(port, name, chunk))
  return new Set(parts.flatMap((p) => [...p]))
}

/**
 * Writes the inbox items of claimed reminders (idempotent: the item's _id is the dedupe key), then moves each to
 * `queued` (a message is wanted) or `inbox_only`. Returns the queued ones.
 */
export async function writeInbox(port: Port, logs: ReminderLogDoc[], now: Date, counts: Counts): Promise<ReminderLogDoc[]> {
  const items = logs
    .filter((l) => l.inbox)
    .map((l) => ({ _id: l._id, openid: l.openid, kind: l.kind, ...l.inbox!, createdAt: now, dedupeKey: l._id }))
  await insertAll(port, 'inbox', items)
  for (const l of logs) if (l.inbox) bump(counts, l.kind, 'inbox')
  const queued = logs.filter((l) => l.wantsMessage)
  const inboxOnly = logs.filter((l) => !l.wantsMessage)
  // Each state update only after every inbox item is in: a reminder is never `queued` (sendable) without its item.
  await Promise.all([setState(port, queued.map((l) => l._id), 'queued', now), setState(port, inboxOnly.map((l) => l._id), 'inbox_only', now)])
  for (const l of inboxOnly) bump(counts, l.kind, 'no_subscription')
  return queued
}

/**
 * Messages in flight at once (a setting: the reminders function's REMINDER_SEND_CONCURRENCY overrides it).
 *
 * Why 20: a message costs one subscribeMessage.send (~100 ms in WeChat's cloud) and three database writes (~30 ms
 * each: spend quota and mark `sending` side by side, then record the outcome), ~160 ms in all. The cold run after a
 * long pause at 1,000 branches owes ~3,200 messages (assignments, compliance gaps, 换届, sessions) and starts sending
 * ~5 s in (reads and planning; the claims go on beside the sends, run.ts), leaving ~40 s of its 45 s budget:
 * 3,200 × 0.16 s ÷ 40 s ≈ 13 in flight at the least; 20 finishes in ~26 s and leaves room for a slower day. At 20 the
 * sends keep ~11 database calls in flight on average (20 × 90 ms of database per 160 ms), which with the claims'
 * WRITE_CONCURRENCY stays near the 20 simultaneous database connections of the smallest plan (基础版; its 30 QPS
 * cannot carry a 1,000-branch cold run at any concurrency: ~13,000 writes — a larger plan is needed at that size).
 * The price is the guarantee after a kill: up to this many reminders are left `sending` (then `uncertain`, never
 * re-sent: at most once, and the inbox has them). WeChat's rate limits (45009/45011) are retried by the next run.
 */
export const SEND_CONCURRENCY = 20

/** A usable concurrency from a setting (a string from the environment, or a number), else the default. */
export function sendConcurrency(setting: unknown): number {
  const n = Number(setting)
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : SEND_CONCURRENCY
}

/**
 * Sends the messages of queued reminders, `concurrency` at a time (sendQueued; the timer run uses startSending to
 * begin while later pages are still being claimed). Per message: spend one quota (a conditional decrement: none
 * left → the reminder stays inbox-only), mark `sending`, send, record the outcome. 43101 zeroes the person's quota
 * for the template; a refused or failed send gives the spent quota back (WeChat did not use it).
 */
export async function sendQueued(
  port: Port,
  queued: ReminderLogDoc[],
  now: Date,
  counts: Counts,
  budget: { deadline?: number; concurrency?: number } = {},
): Promise<SendResult> {
  const sender = startSending(port, now, counts, budget)
  sender.push(queued)
  return sender.close()
}

export interface SendResult {
  sent: number
  noQuota: number
  failed: number
  /** Queued messages not started (the deadline passed, or a round trip failed): the next run sends them. */
  left: number
  /** When the last message's outcome was recorded (Date.now()), if any was. */
  lastAt?: number
}

export interface Sender {
  /** More queued reminders (each already claimed, its inbox item written and its state `queued`). */
  push(queued: ReminderLogDoc[]): void
  /** No more will come: resolves when every started message has its outcome (rejects with the first failure). */
  close(): Promise<SendResult>
  /** Stops starting messages (the run failed elsewhere); those in flight finish. */
  abort(): void
  /** Resolves once every message pushed so far has started (or the sender stopped: deadline, failure, abort). */
  drained(): Promise<void>
}

/**
 * A sender fed while it runs: `concurrency` workers take messages as they are pushed.
 *
 * The messages of one person and template go one after another (a *lane*), in the order they were pushed: a 43101
 * zeroes that quota before the lane's next message tries to spend it, so WeChat is asked once, not once per worker,
 * and a given-back quota never races a zeroing. A lane pushed to while a worker has it gets the new messages on the
 * same worker; different people's lanes run side by side. A kill leaves at most `concurrency` messages `sending`:
 * each worker has one lane and one message at a time, and marks it `sending` only once its quota is spent.
 */
export function startSending(
  port: Port,
  now: Date,
  counts: Counts,
  budget: { deadline?: number; concurrency?: number; onError?: (error: unknown) => void } = {},
): Sender {
  const _ = port.db.command
  const subs = port.db.collection('subscriptions')
  const log = port.db.collection('reminder_log')
  const result: SendResult = { sent: 0, noQuota: 0, failed: 0, left: 0 }
  const width = budget.concurrency ?? SEND_CONCURRENCY
  /** Lanes with messages not yet started, by subscription id; `ready` lists those no worker holds, oldest first. */
  const lanes = new Map<string, ReminderLogDoc[]>()
  const ready: string[] = []
  let pushed = 0
  let started = 0
  let closed = false
  let failure: { error: unknown } | undefined
  let broken = false
  let wake: (() => void) | undefined
  const signal = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  let drainWaiters: (() => void)[] = []
  const checkDrained = () => {
    if (!drainWaiters.length || (started < pushed && !stop())) return
    const list = drainWaiters
    drainWaiters = []
    for (const resolve of list) resolve()
  }

  async function one(r: ReminderLogDoc) {
    const subId = subscriptionId(r.openid, r.templateId)
    // Spending the quota and marking the reminder `sending` are independent round trips: side by side, a message
    // costs one database latency less (~160 ms instead of ~190 at production latency). Both are done before the send;
    // a kill between them leaves this one reminder `sending` (then `uncertain`, not re-sent), as a kill during the
    // send would — still one per worker.
    const [spent] = await Promise.all([
      subs.where({ _id: subId, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1), updatedAt: now } }),
      log.doc(r._id).update({ data: { state: 'sending', attempts: (r.attempts ?? 0) + 1, updatedAt: now } }),
    ])
    if (!spent.stats.updated) {
      // No quota left after all (spent elsewhere since the run read it): the reminder stays inbox-only, unsent.
      await log.doc(r._id).update({ data: { state: 'inbox_only', attempts: r.attempts ?? 0, updatedAt: now } })
      bump(counts, r.kind, 'no_subscription')
      result.noQuota += 1
      return
    }
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
    result.lastAt = Date.now()
    if (outcome === 'sent') result.sent += 1
    else if (outcome === 'no_quota') result.noQuota += 1
    else result.failed += 1
  }

  // A failed round trip stops every worker at its next message: the run ends failed, as one killed mid-way would.
  const stop = () => broken || (budget.deadline !== undefined && Date.now() > budget.deadline)
  async function worker() {
    for (;;) {
      if (stop()) return
      const key = ready.shift()
      if (key === undefined) {
        if (closed) return
        await new Promise<void>((resolve) => {
          const before = wake
          wake = () => {
            before?.()
            resolve()
          }
        })
        continue
      }
      const lane = lanes.get(key)!
      while (lane.length && !stop()) {
        const r = lane.shift()!
        started += 1
        checkDrained()
        try {
          await one(r)
        } catch (error) {
          failure ??= { error }
          broken = true
          budget.onError?.(error)
          signal()
          return
        }
      }
      lanes.delete(key)
    }
  }
  const workers = Array.from({ length: Math.max(1, width) }, async () => {
    try {
      await worker()
    } finally {
      checkDrained()
    }
  })

  return {
    push(queued) {
      for (const r of queued) {
        const k = subscriptionId(r.openid, r.templateId)
        const lane = lanes.get(k)
        if (lane) lane.push(r)
        else {
          lanes.set(k, [r])
          ready.push(k)
        }
      }
      pushed += queued.length
      if (queued.length) signal()
    },
    async close() {
      closed = true
      signal()
      await Promise.all(workers)
      result.left = pushed - started
      if (failure) throw failure.error
      return result
    },
    abort() {
      broken = true
      signal()
      checkDrained()
    },
    drained() {
      return new Promise<void>((resolve) => {
        drainWaiters.push(resolve)
        checkDrained()
      })
    },
  }
}
