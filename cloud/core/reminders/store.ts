/**
 * Documents of the reminders work, and paged reads sized for the timer (1,000 rows a round trip: the most one
 * server-side get() returns).
 */
import type { Role } from '../../../types/domain'
import type { ReminderKind } from '../../../types/subscription-templates'
import type { Port } from '../framework/port'

/** subscriptions/<openid>_<templateId>: what the person granted, and how many messages may still be sent. */
export interface SubscriptionDoc {
  _id: string
  openid: string
  templateId: string
  remaining: number
  lastResult: 'accept' | 'reject' | 'ban' | 'filter' | null
  updatedAt: Date
}

export const subscriptionId = (openid: string, templateId: string) => `${openid}_${templateId}`

/**
 * The state of one reminder, `reminder_log/<dedupe key>`. Inserting it *claims* the reminder: a duplicate-key
 * insert means another run has it. States:
 *   claimed → (inbox written) → queued (has quota: a message is due) | inbox_only (no quota: done)
 *   queued → sending (quota spent, message on its way) → sent | no_quota (43101) | rejected (47003) |
 *            failed (a permanent error) | retry (transient: the next run tries again, up to MAX_ATTEMPTS)
 *   sending found by a later run → uncertain: the run died around the send; it is not sent again (a push is
 *   at most once; the inbox item is there either way).
 */
export type ReminderState =
  | 'claimed'
  | 'queued'
  | 'inbox_only'
  | 'sending'
  | 'sent'
  | 'no_quota'
  | 'rejected'
  | 'failed'
  | 'retry'
  | 'uncertain'

export interface ReminderLogDoc {
  _id: string
  kind: ReminderKind
  openid: string
  subject: string
  milestone: string
  runId: string
  state: ReminderState
  /** Whether the person had quota for the template when planned (a message is wanted). */
  wantsMessage: boolean
  inbox: { title: string; body: string; page: string } | null
  templateId: string
  page: string
  data: Record<string, { value: string }>
  attempts: number
  lastError: { errCode: number; errMsg: string } | null
  createdAt: Date
  updatedAt: Date
}

/** A committee notice: its inbox item is written at once; messages go out now and, if any are left, in the next run. */
export interface NoticeDoc {
  _id: string
  title: string
  body: string
  allBranches: boolean
  branchIds: string[]
  roles: Role[]
  by: { openid: string; name: string }
  fromName: string
  clientRequestId: string
  status: 'sending' | 'sent'
  createdAt: Date
}

export const RUN_PAGE = 1000

/** Every row of a query, 1,000 a round trip, in _id order (stable while the run writes elsewhere). */
export async function readPaged<T>(
  port: Port,
  collection: string,
  where: Record<string, unknown>,
  fields?: Record<string, boolean>,
): Promise<T[]> {
  const rows: T[] = []
  let last: string | undefined
  const _ = port.db.command
  for (;;) {
    // Keyset paging on _id: skip() grows slower with depth on a real database; a range on _id does not.
    const condition = last === undefined ? where : (_.and(where, { _id: _.gt(last) }) as Record<string, unknown>)
    let q = port.db.collection(collection).where(condition).orderBy('_id', 'asc').limit(RUN_PAGE)
    if (fields) q = q.field({ ...fields, _id: true })
    const { data } = await q.get()
    rows.push(...(data as unknown as T[]))
    if (data.length < RUN_PAGE) return rows
    last = String(data[data.length - 1]._id)
  }
}

/** Splits a list into chunks (for `_.in` lists and batch inserts). */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** Whether a database error is a duplicate-key rejection (the _id exists). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errMsg?: string; message?: string; errCode?: number | string }
  const text = `${e?.errMsg ?? ''} ${e?.message ?? ''}`
  return /E11000|duplicate key|DUPLICATE/i.test(text)
}

/**
 * Inserts documents with their own _ids in batches (one round trip per batch). A batch that meets an existing _id
 * is retried one by one; duplicates are skipped. Returns the _ids this call inserted.
 */
export async function insertNew(port: Port, collection: string, docs: Array<Record<string, unknown> & { _id: string }>, batch = 100): Promise<Set<string>> {
  const inserted = new Set<string>()
  const coll = port.db.collection(collection)
  for (const chunk of chunks(docs, batch)) {
    try {
      // The SDK accepts an array (one insertDocument request); the Port types add() for one document.
      await coll.add({ data: chunk as unknown as Record<string, unknown> })
      for (const d of chunk) inserted.add(d._id)
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      for (const d of chunk) {
        try {
          await coll.add({ data: d })
          inserted.add(d._id)
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
        }
      }
    }
  }
  return inserted
}
