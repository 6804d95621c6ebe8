/**
 * Which declared index (cloud/indexes.ts) serves a query, as WeChat's database would choose one: an index serves a
 * query when its first field is constrained by an equality, `$in`, a range ($gt/$gte/$lt/$lte) or `$ne`/`$nin`, or
 * the query has no condition and is sorted by that field; `_id` is always indexed. A `$or` is served when each
 * branch is. `$exists` and regular expressions constrain nothing an index can use here.
 *
 * The local cloud reports queries no index serves on collections of more than UNINDEXED_FROM documents (server.ts:
 * a warning once per query shape, and `GET /dev/unindexed`), which in WeChat's cloud grow slow and then fail.
 */
import { INDEXES, type IndexDecl } from '../indexes'

/** Below this many documents a full scan is cheap in the cloud too: not reported. */
export const UNINDEXED_FROM = 300

// $ne / $nin too: MongoDB (under WeChat's database) scans an index around the excluded values.
const USABLE = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte', '$ne', '$nin'])

/** The fields a query constrains usefully for an index (flattening `$and`); undefined for an unserved `$or`. */
function constrained(query: unknown, served: (q: unknown) => boolean): Set<string> | undefined {
  const out = new Set<string>()
  if (!query || typeof query !== 'object') return out
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const part of v) {
        // A part no index serves (an `$or` of unindexed branches) narrows nothing, but the other parts of the
        // `$and` still do: `_.and({ _id }, _.or({ a: null }, { a: _.lt(t) }))` is served by `_id`.
        constrained(part, served)?.forEach((x) => out.add(x))
      }
    } else if (k === '$or' && Array.isArray(v)) {
      if (!v.every((part) => served(part))) return undefined
      out.add('$or')
    } else if (!k.startsWith('$')) {
      const isOps = v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp) && !Array.isArray(v) && Object.keys(v).every((o) => o.startsWith('$'))
      if (!isOps) {
        if (!(v instanceof RegExp)) out.add(k)
      } else if (Object.keys(v as object).some((o) => USABLE.has(o))) out.add(k)
    }
  }
  return out
}

/** The index that serves a query on `collection` ('_id', an IndexDecl), or null when none does. */
export function servingIndex(collection: string, query: unknown, order?: Record<string, unknown>, indexes: IndexDecl[] = INDEXES): IndexDecl | '_id' | null {
  const mine = indexes.filter((i) => i.collection === collection)
  const served = (q: unknown): boolean => servingIndex(collection, q, undefined, indexes) !== null
  const fields = constrained(query, served)
  if (!fields) return null
  if (fields.has('_id') || fields.has('$or')) return '_id'
  const hit = mine.find((i) => fields.has(i.fields[0].field))
  if (hit) return hit
  if (fields.size === 0) {
    const first = order ? Object.keys(order)[0] : undefined
    if (first === '_id') return '_id'
    const sorted = first ? mine.find((i) => i.fields[0].field === first) : undefined
    if (sorted) return sorted
  }
  return null
}

/** A query's shape for reports: its fields, not its values. */
export function queryShape(query: unknown): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length ? [strip(v[0])] : []
    if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]))
    return '?'
  }
  return JSON.stringify(strip(query ?? {}))
}
