/**
 * Keyset pagination: a cursor names the last row of a page by its sort key and _id, so pages stay stable while
 * rows are added (skip/offset would repeat or drop rows). Cursors are opaque base64url JSON to the client.
 */
import { AppError } from './errors'
import type { Command } from './port'

export interface Cursor {
  key: string | number
  id: string
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url')

/** What a cursor's key must be for the sort it continues: a name, a number, or an instant (ISO text or epoch ms). */
type KeyKind = 'text' | 'number' | 'time'
type KeyOf<K extends KeyKind> = K extends 'text' ? string : K extends 'number' ? number : Date

const badCursor = () => new AppError('INVALID_INPUT', '分页参数无效，请刷新列表')

/**
 * Reads a cursor back, checking its key against the sort it continues. Cursors come from the client, so a crafted
 * one (a key that is no date, NaN, an object…) must be refused as INVALID_INPUT here, not fail later in the query.
 */
export function decodeCursor(raw: string): Cursor
export function decodeCursor<K extends KeyKind>(raw: string, kind: K): { key: KeyOf<K>; id: string }
export function decodeCursor(raw: string, kind?: KeyKind): { key: string | number | Date; id: string } {
  let c: Partial<Cursor> | null
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor> | null
  } catch {
    throw badCursor()
  }
  if (!c || typeof c !== 'object' || typeof c.id !== 'string' || c.id.length === 0 || c.id.length > 200) throw badCursor()
  const { key, id } = c
  if (kind === undefined) {
    if (typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key))) return { key, id }
  } else if (kind === 'text') {
    if (typeof key === 'string') return { key, id }
  } else if (kind === 'number') {
    if (typeof key === 'number' && Number.isFinite(key)) return { key, id }
  } else if (typeof key === 'string' || typeof key === 'number') {
    const at = new Date(key)
    if (!Number.isNaN(at.getTime())) return { key: at, id }
  }
  throw badCursor()
}

/** The condition "after the cursor" for a sort on (field, _id), ascending or descending. */
export function afterCursor(_: Command, field: string, key: unknown, id: string, order: 'asc' | 'desc'): unknown {
  const beyond = order === 'asc' ? _.gt : _.lt
  return _.or({ [field]: beyond.call(_, key) }, { [field]: key, _id: beyond.call(_, id) })
}

/** Splits a `limit + 1` fetch into the page and the cursor of the next one. */
export function pageOf<T extends { _id: string }>(rows: T[], limit: number, keyOf: (row: T) => string | number) {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: keyOf(last), id: last._id }) : null
  return { items, nextCursor }
}

/** Text typed into a search box, made safe to embed in a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
