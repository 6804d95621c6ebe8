/**
 * The local cloud's in-memory indexes: the fields cloud/indexes.ts declares (the first field of each index, as
 * index-check.ts decides which index serves a query) and `_id`, per collection, kept up to date on every put and
 * delete of the store (add, update, remove, the log's replay at start, a snapshot import; compaction rewrites only
 * the log). A query with an equality, `$in` or range ($gt/$gte/$lt/$lte) condition on an indexed field is answered
 * from the documents the index names instead of testing every document of the collection.
 *
 * The index only narrows: it names a superset of the documents that can match (values it cannot key — objects,
 * nested arrays, NaN — are always named), the whole query is still tested on each (db.ts, mingo), and the survivors
 * come back in the collection's own order (the order a scan of the Map gives: first insertion of the `_id`), so the
 * result, its sort, skip and limit are exactly the scan's. test/unit/local-cloud-mem-index.test.ts checks that on
 * randomised data.
 *
 * Semantics followed (mingo 7, as the scan): equality matches a value, an element of an array value, or null for a
 * missing field; `$in` the same for any listed value; a range compares only values of the bound's own type
 * (string, number, date), element by element in arrays.
 */
import { INDEXES, type IndexDecl } from '../indexes'
import type { Doc } from './store'

type Key = string
const NIL: Key = 'z'

/** The key of a scalar value (null and missing share one); undefined for what is not keyed (objects, arrays, NaN). */
function keyOf(v: unknown): Key | undefined {
  if (v === null || v === undefined) return NIL
  switch (typeof v) {
    case 'string': return 's' + v
    case 'number': return Number.isNaN(v) ? undefined : 'n' + String(v)
    case 'boolean': return v ? 'bt' : 'bf'
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : 'd' + v.getTime()
  return undefined
}

type RangeType = 'string' | 'number' | 'date'
function rangeTypeOf(v: unknown): RangeType | undefined {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : 'number'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : 'date'
  return undefined
}
const comparable = (v: unknown): string | number => (v instanceof Date ? v.getTime() : (v as string | number))

/** First position in `arr` whose value is not below `x` (strict: above `x`). */
function bound(arr: Array<string | number>, x: string | number, strict: boolean): number {
  let lo = 0
  let hi = arr.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (arr[mid] < x || (strict && arr[mid] === x)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** One field of one collection: value key → ids, the sorted distinct values per type, and what it cannot key. */
class FieldIndex {
  readonly buckets = new Map<Key, Set<string>>()
  /** Documents whose value is not keyed (an object, NaN, an array holding one): always candidates. */
  readonly other = new Set<string>()
  /** Documents whose value is an array: candidates of every range (its elements may meet each bound apart). */
  readonly arrays = new Set<string>()
  readonly sorted: Record<RangeType, Array<string | number>> = { string: [], number: [], date: [] }

  constructor(readonly field: string) {}

  private keys(doc: Doc): { keys: unknown[]; other: boolean; array: boolean } {
    const v = doc[this.field]
    if (!Array.isArray(v)) return keyOf(v) === undefined ? { keys: [], other: true, array: false } : { keys: [v], other: false, array: false }
    const keys: unknown[] = []
    let other = false
    for (const el of v) {
      if (keyOf(el) === undefined) other = true
      else keys.push(el)
    }
    return { keys, other, array: true }
  }

  add(doc: Doc): void {
    const id = doc._id
    const { keys, other, array } = this.keys(doc)
    if (other) this.other.add(id)
    if (array) this.arrays.add(id)
    for (const v of keys) {
      const k = keyOf(v)!
      let b = this.buckets.get(k)
      if (!b) {
        b = new Set()
        this.buckets.set(k, b)
        const t = rangeTypeOf(v)
        if (t) {
          const arr = this.sorted[t]
          const x = comparable(v)
          arr.splice(bound(arr, x, false), 0, x)
        }
      }
      b.add(id)
    }
  }

  remove(doc: Doc): void {
    const id = doc._id
    const { keys } = this.keys(doc)
    this.other.delete(id)
    this.arrays.delete(id)
    for (const v of keys) {
      const k = keyOf(v)!
      const b = this.buckets.get(k)
      if (!b) continue
      b.delete(id)
      if (b.size === 0) {
        this.buckets.delete(k)
        const t = rangeTypeOf(v)
        if (t) {
          const arr = this.sorted[t]
          const x = comparable(v)
          const at = bound(arr, x, false)
          if (arr[at] === x) arr.splice(at, 1)
        }
      }
    }
  }

  /** Ids that can equal one of `values`, with their count; undefined when one of them is not a keyable scalar. */
  equal(values: unknown[]): Set<string>[] | undefined {
    const out: Set<string>[] = [this.other]
    for (const v of values) {
      const k = keyOf(v)
      if (k === undefined) return undefined
      const b = this.buckets.get(k)
      if (b) out.push(b)
    }
    return out
  }

  /** Ids that can hold a value of the bounds' type within them. */
  range(type: RangeType, lo: { x: unknown; strict: boolean } | undefined, hi: { x: unknown; strict: boolean } | undefined): Set<string>[] {
    const arr = this.sorted[type]
    const from = lo ? bound(arr, comparable(lo.x), lo.strict) : 0
    const to = hi ? bound(arr, comparable(hi.x), !hi.strict) : arr.length
    const out: Set<string>[] = [this.other, this.arrays]
    const prefix = type === 'string' ? 's' : type === 'number' ? 'n' : 'd'
    for (let i = from; i < to; i++) {
      const b = this.buckets.get(prefix + String(arr[i]))
      if (b) out.push(b)
    }
    return out
  }
}

export interface Plan {
  /** The field whose index named the candidates ('_id' included). */
  field: string
  /** The candidates, in the collection's order. */
  docs: Doc[]
  /**
   * When the whole query is one equality or `$in` on the field: the candidates that must still be tested (those whose
   * value the index could not key); every other candidate matches by its bucket alone. Undefined: test them all.
   */
  test?: Set<string>
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte'])

function isOps(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp) && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((o) => o.startsWith('$'))
}

/** One collection's indexes and each document's place in the collection's order. */
class CollectionIndex {
  readonly fields = new Map<string, FieldIndex>()
  private seq = new Map<string, number>()
  private next = 0

  constructor(fields: string[], private docs: Map<string, Doc>) {
    for (const f of fields) this.fields.set(f, new FieldIndex(f))
    for (const d of docs.values()) this.put(undefined, d)
  }

  put(before: Doc | undefined, after: Doc): void {
    if (before) for (const f of this.fields.values()) f.remove(before)
    else this.seq.set(after._id, this.next++)
    for (const f of this.fields.values()) f.add(after)
  }

  delete(before: Doc): void {
    for (const f of this.fields.values()) f.remove(before)
    this.seq.delete(before._id)
  }

  /** The candidates of the one condition that names the fewest; undefined when no condition can use an index. */
  plan(query: unknown): Plan | undefined {
    const best = this.candidates(query)
    if (!best) return undefined
    const ids = best.sets.length === 1 ? best.sets[0] : new Set<string>()
    if (best.sets.length > 1) for (const s of best.sets) for (const id of s) ids.add(id)
    let docs: Doc[]
    if (ids.size * 8 > this.docs.size) {
      // Much of the collection: walk it in order and keep the named ones (no sort).
      docs = []
      for (const d of this.docs.values()) if (ids.has(d._id)) docs.push(d)
    } else {
      const order: Array<[number, Doc]> = []
      for (const id of ids) {
        const d = this.docs.get(id)
        if (d) order.push([this.seq.get(id)!, d])
      }
      order.sort((a, b) => a[0] - b[0])
      docs = order.map((x) => x[1])
    }
    return { field: best.field, docs, ...(best.exact ? { test: best.exact } : {}) }
  }

  /** The one condition of a query that is exactly an equality or `$in` on an indexed field: its field's unkeyed ids. */
  private exactly(query: Record<string, unknown>): Set<string> | undefined {
    const keys = Object.keys(query)
    if (keys.length !== 1 || keys[0].startsWith('$')) return undefined
    const f = this.fields.get(keys[0])
    if (!f) return undefined
    const v = query[keys[0]]
    if (!isOps(v)) return Array.isArray(v) || v instanceof RegExp || keyOf(v) === undefined ? undefined : f.other
    const ops = Object.keys(v)
    if (ops.length !== 1) return undefined
    if (ops[0] === '$eq') return Array.isArray(v.$eq) || v.$eq instanceof RegExp || keyOf(v.$eq) === undefined ? undefined : f.other
    if (ops[0] === '$in' && Array.isArray(v.$in) && v.$in.every((x) => keyOf(x) !== undefined)) return f.other
    return undefined
  }

  private candidates(query: unknown, top = true): { field: string; sets: Set<string>[]; size: number; exact?: Set<string> } | undefined {
    if (!query || typeof query !== 'object' || Array.isArray(query)) return undefined
    if (top) {
      const exact = this.exactly(query as Record<string, unknown>)
      if (exact) {
        const [field] = Object.keys(query)
        const c = this.condition(this.fields.get(field)!, (query as Record<string, unknown>)[field])
        if (c) return { ...c, size: 0, sets: c.sets.filter((x) => x.size > 0), exact }
      }
    }
    let best: { field: string; sets: Set<string>[]; size: number } | undefined
    const consider = (c: { field: string; sets: Set<string>[] } | undefined) => {
      if (!c) return
      const size = c.sets.reduce((n, s) => n + s.size, 0)
      if (!best || size < best.size) best = { ...c, size }
    }
    for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
      if (k === '$and' && Array.isArray(v)) {
        // Parts that are only bounds of one indexed field are merged below (each alone would name half the collection).
        const isBounds = (part: unknown) => {
          if (!part || typeof part !== 'object' || Array.isArray(part)) return false
          const keys = Object.keys(part)
          const ops = (part as Record<string, unknown>)[keys[0]]
          return keys.length === 1 && this.fields.has(keys[0]) && isOps(ops) && Object.keys(ops).every((o) => RANGE_OPS.has(o))
        }
        for (const part of v) if (!isBounds(part)) consider(this.candidates(part, false))
        // The SDK's `_.gt(a).and(_.lt(b))` is { $and: [{ f: { $gt: a } }, { f: { $lt: b } }] }: one range of both bounds
        // (any of the bounds narrows to a superset of what meets them all).
        const ranges = new Map<string, Record<string, unknown>>()
        for (const part of v) {
          if (!part || typeof part !== 'object' || Array.isArray(part)) continue
          for (const [f, ops] of Object.entries(part as Record<string, unknown>)) {
            if (!this.fields.has(f) || !isOps(ops) || !Object.keys(ops).every((o) => RANGE_OPS.has(o))) continue
            ranges.set(f, { ...(ranges.get(f) ?? {}), ...ops })
          }
        }
        for (const [f, ops] of ranges) consider(this.condition(this.fields.get(f)!, ops))
      } else if (k === '$or' && Array.isArray(v) && v.length) {
        // Served when every branch is: the union of theirs.
        const parts = v.map((part) => this.candidates(part, false))
        if (parts.every((p) => p)) consider({ field: [...new Set(parts.map((p) => p!.field))].join('|'), sets: parts.flatMap((p) => p!.sets) })
      } else if (!k.startsWith('$')) {
        const f = this.fields.get(k)
        if (f) consider(this.condition(f, v))
      }
    }
    return best
  }

  private condition(f: FieldIndex, v: unknown): { field: string; sets: Set<string>[] } | undefined {
    if (!isOps(v)) {
      if (Array.isArray(v) || v instanceof RegExp) return undefined
      const sets = f.equal([v])
      return sets && { field: f.field, sets }
    }
    if ('$eq' in v) {
      const x = v.$eq
      if (Array.isArray(x) || x instanceof RegExp) return undefined
      const sets = f.equal([x])
      return sets && { field: f.field, sets }
    }
    if (Array.isArray(v.$in)) {
      const sets = f.equal(v.$in)
      return sets && { field: f.field, sets }
    }
    let type: RangeType | undefined
    let lo: { x: unknown; strict: boolean } | undefined
    let hi: { x: unknown; strict: boolean } | undefined
    for (const [op, x] of Object.entries(v)) {
      if (!RANGE_OPS.has(op)) continue
      const t = rangeTypeOf(x)
      if (!t) return undefined // a bound of another type (null, boolean, …): the scan decides
      if (type && t !== type) continue // each bound compares only its own type: one type's range is a superset
      type = t
      if (op === '$gt' || op === '$gte') {
        const cand = { x, strict: op === '$gt' }
        if (!lo || comparable(x) > comparable(lo.x) || (comparable(x) === comparable(lo.x) && cand.strict)) lo = cand
      } else {
        const cand = { x, strict: op === '$lt' }
        if (!hi || comparable(x) < comparable(hi.x) || (comparable(x) === comparable(hi.x) && cand.strict)) hi = cand
      }
    }
    if (!type) return undefined
    return { field: f.field, sets: f.range(type, lo, hi) }
  }
}

/** Every collection's indexes, from the declarations (and `_id`). */
export class MemIndexes {
  private byCollection = new Map<string, CollectionIndex>()
  private declared = new Map<string, string[]>()
  /** How many queries each path answered (tests and the bench read it). */
  readonly stats = { indexed: 0, scanned: 0, point: 0 }

  constructor(private collections: Map<string, Map<string, Doc>>, indexes: IndexDecl[] = INDEXES) {
    for (const i of indexes) {
      const first = i.fields[0]?.field
      if (!first || first.includes('.')) continue
      const list = this.declared.get(i.collection) ?? ['_id']
      if (!list.includes(first)) list.push(first)
      this.declared.set(i.collection, list)
    }
  }

  private of(name: string): CollectionIndex | undefined {
    let ci = this.byCollection.get(name)
    if (!ci) {
      const docs = this.collections.get(name)
      if (!docs) return undefined
      ci = new CollectionIndex(this.declared.get(name) ?? ['_id'], docs)
      this.byCollection.set(name, ci)
    }
    return ci
  }

  /** The store's change feed (Store.onChange): before and after of one document. */
  change(collection: string, before: Doc | undefined, after: Doc | undefined): void {
    const ci = this.byCollection.get(collection) // built lazily: a collection never queried costs nothing
    if (!ci) return
    if (after) ci.put(before, after)
    else if (before) ci.delete(before)
  }

  /** The indexed fields of a collection. */
  fieldsOf(collection: string): string[] {
    return this.declared.get(collection) ?? ['_id']
  }

  plan(collection: string, query: unknown): Plan | undefined {
    return this.of(collection)?.plan(query)
  }
}
