/**
 * What the dues and the attendance reminders share (cloud/core/dues/reminders.ts, cloud/core/leave/reminders.ts):
 * a run of months (unpaid / missed without leave) reaching a level tells the branch's secretary once per level and
 * month, in the inbox only — both toward the six months of 党章 第九条 (自行脱党), so there is time to talk.
 */
import { insertNew } from '../framework/data'
import type { InboxDoc } from '../framework/model'
import type { Port } from '../framework/port'

export type InboxItem = InboxDoc & { _id: string }

/** The highest of `levels` that `run` reaches, or null (levels in any order). */
export function levelReached(run: number, levels: readonly number[]): number | null {
  let reached: number | null = null
  for (const level of [...levels].sort((a, b) => a - b)) if (run >= level) reached = level
  return reached
}

/** The secretary's inbox item for one member's run; `key` is its _id and dedupe key (level and month inside). */
export function secretaryFlag(item: { key: string; branchId: string; kind: string; title: string; body: string; page: string }): InboxItem {
  return { _id: item.key, branchId: item.branchId, roles: ['secretary'], kind: item.kind, title: item.title, body: item.body, page: item.page, createdAt: new Date(0), dedupeKey: item.key }
}

/** Writes the planned items stamped `now`, skipping those already there (a second run the same day adds nothing). */
export async function writeFlags(port: Port, items: InboxItem[], now: Date): Promise<number> {
  if (!items.length) return 0
  return (await insertNew(port, 'inbox', items.map((i) => ({ ...i, createdAt: now })))).size
}
