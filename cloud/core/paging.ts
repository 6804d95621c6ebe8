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

export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor
    if ((typeof c.key === 'string' || typeof c.key === 'number') && typeof c.id === 'string') return c
  } catch {
    /* fall through */
  }
  throw new AppError('INVALID_INPUT', '分页参数无效，请刷新列表')
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
