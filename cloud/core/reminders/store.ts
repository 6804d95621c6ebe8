/**
 * Reminders' ids and reads. Their documents (subscriptions, reminder_log, notices) are in framework/model.ts with
 * every other; reads and inserts go through framework/data.ts.
 */
import { readRows } from '../framework/data'
import type { Port } from '../framework/port'

export const subscriptionId = (openid: string, templateId: string) => `${openid}_${templateId}`

/**
 * @deprecated Read typed with framework/data.ts readAll (`fields` as a list). This is its paging (keyset on _id,
 * 1,000 rows a round trip) for collections not yet in model.ts DocMap.
 */
export async function readPaged<T>(port: Port, collection: string, where: Record<string, unknown>, fields?: Record<string, boolean>): Promise<T[]> {
  const rows = await readRows<T & { _id: string }>(port, collection, where, fields ? { fields: Object.keys(fields) } : {})
  return rows
}

/** @deprecated Import insertNew from framework/data.ts. */
export { insertNew } from '../framework/data'
