// The cloud database's server side: database.* actions as wx-server-sdk 4.0.2 (@cloudbase/database 1.4)
// sends them, with MongoDB semantics from mingo.
import crypto from 'node:crypto'
import { EJSON, BSONRegExp } from 'bson'
import { Query, Aggregator } from 'mingo'
import { update as applyUpdate } from 'mingo/updater'
import type { Store, Doc, Op } from './store'
import { MemIndexes } from './mem-index'
import type { IndexDecl } from '../indexes'

export class CloudError extends Error {
  constructor(public code: string, message: string) { super(message) }
}

const COLLECTION_NOT_EXIST = 'DATABASE_COLLECTION_NOT_EXIST'
const REQUEST_FAILED = 'DATABASE_REQUEST_FAILED'
const INVALID_PARAM = 'INVALID_PARAM'

export function newId(): string {
  return crypto.randomBytes(16).toString('hex')
}

/** EJSON text (or object) → JS values with RegExp and server dates resolved. */
export function decode(value: unknown, now: number): any {
  if (value === undefined || value === null || value === '') return undefined
  const parsed = typeof value === 'string' ? EJSON.parse(value, { relaxed: true }) : EJSON.deserialize(value as any, { relaxed: true })
  return fix(parsed, now)
}

function fix(v: any, now: number): any {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date || v instanceof RegExp) return v
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''))
  if (Array.isArray(v)) return v.map((x) => fix(x, now))
  if (Buffer.isBuffer(v) || ArrayBuffer.isView(v)) return v
  if ((v as any)._bsontype) {
    const t = (v as any)._bsontype
    if (t === 'Long' || t === 'Int32' || t === 'Double') return Number(v.valueOf?.() ?? v)
    if (t === 'ObjectId') return v.toHexString()
    return v
  }
  const keys = Object.keys(v)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const off = Number(v.$tcb_server_date?.offset ?? 0) || 0
    return new Date(now + off)
  }
  const out: any = {}
  for (const k of keys) out[k] = fix(v[k], now)
  return out
}

export function encodeDoc(doc: unknown): string {
  return EJSON.stringify(doc as any, { relaxed: false })
}

function clone<T>(v: T): T {
  return structuredClone(v)
}

export class Database {
  /** Told of every query (get, count, update, remove) with its collection's size: the index report (index-check.ts). */
  onQuery?: (collection: string, query: unknown, order: Record<string, unknown> | undefined, size: number) => void

  /** In-memory indexes of the declared fields (mem-index.ts), kept up to date by the store's change feed. */
  readonly indexes: MemIndexes
  /** How the last query was answered: the indexed field that named its candidates, or null for a scan of them all. */
  lastPlan: { collection: string; field: string | null; examined: number } | undefined

  constructor(private store: Store, private envId: string, declared?: IndexDecl[]) {
    this.indexes = new MemIndexes(store.collections, declared)
    store.onChange = (collection, before, after) => this.indexes.change(collection, before, after)
  }

  private seen(collection: string, c: Map<string, Doc>, query: unknown, order?: Record<string, unknown>) {
    this.onQuery?.(collection, query, order, c.size)
  }

  private coll(name: unknown): Map<string, Doc> {
    if (typeof name !== 'string' || !name) throw new CloudError(INVALID_PARAM, 'collectionName is required')
    const c = this.store.collections.get(name)
    if (!c) throw new CloudError(COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`)
    return c
  }

  private matches(name: string, c: Map<string, Doc>, query: any): Doc[] {
    const q = query && typeof query === 'object' ? query : {}
    if (typeof q._id === 'string' && Object.keys(q).length === 1) {
      const d = c.get(q._id)
      this.indexes.stats.point++
      this.lastPlan = { collection: name, field: '_id', examined: d ? 1 : 0 }
      return d ? [d] : []
    }
    const mq = new Query(q)
    // Equality, `$in` and range conditions on a declared field (and `_id`) take their candidates from the in-memory
    // indexes (mem-index.ts): a superset of the matches in the collection's order, each still tested in full, so the
    // result is the scan's.
    const plan = this.indexes.plan(name, q)
    if (plan) this.indexes.stats.indexed++
    else this.indexes.stats.scanned++
    const source: Iterable<Doc> = plan ? plan.docs : c.values()
    this.lastPlan = { collection: name, field: plan?.field ?? null, examined: plan ? plan.docs.length : c.size }
    const out: Doc[] = []
    const test = plan?.test
    if (test) for (const d of source) { if (!test.has(d._id) || mq.test(d)) out.push(d) }
    else for (const d of source) if (mq.test(d)) out.push(d)
    return out
  }

  handle(action: string, p: any): any {
    const now = Date.now()
    switch (action) {
      case 'database.getDocument': return this.get(p, now)
      case 'database.insertDocument': return this.insert(p, now)
      case 'database.modifyDocument': return this.modify(p, now)
      case 'database.removeDocument': return this.remove(p, now)
      case 'database.calculateDocument': return this.count(p, now)
      case 'database.aggregateDocuments': return this.aggregate(p, now)
      case 'database.addCollection': return this.addCollection(p)
      default: return undefined
    }
  }

  get(p: any, now: number) {
    if (p.transactionId) throw new CloudError(INVALID_PARAM, 'transactions are not supported by the local cloud')
    const c = this.coll(p.collectionName)
    const query = decode(p.query, now)
    const order = decode(p.order, now)
    this.seen(p.collectionName, c, query, order)
    let docs = this.matches(p.collectionName, c, query)
    const projection = decode(p.projection, now)
    const offset = Number(p.offset) || 0
    let limit = p.limit === undefined ? 100 : Number(p.limit)
    if (!(limit > 0)) limit = 100
    if (limit > 1000) limit = 1000
    if (order && Object.keys(order).length) docs = firstOfOrder(docs, order, offset + limit)
    let cursor = new Query({}).find<Doc>(docs, projection && Object.keys(projection).length ? projection : undefined)
    if (order && Object.keys(order).length) cursor = cursor.sort(order)
    if (offset) cursor = cursor.skip(offset)
    cursor = cursor.limit(limit)
    const list = cursor.all().map(encodeDoc)
    return { data: { list } }
  }

  insert(p: any, now: number) {
    const c = this.coll(p.collectionName)
    const items: any[] = Array.isArray(p.data) ? p.data : [p.data]
    const ops: Op[] = []
    const ids: string[] = []
    const seen = new Set<string>()
    for (const raw of items) {
      const doc = decode(raw, now)
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new CloudError(INVALID_PARAM, 'data must be an object')
      if (doc._id === undefined || doc._id === null || doc._id === '') doc._id = newId()
      const id = String(doc._id)
      doc._id = id
      if (c.has(id) || seen.has(id)) throw this.duplicate(p.collectionName, id)
      seen.add(id)
      ids.push(id)
      ops.push({ o: 'p', c: p.collectionName, d: doc })
    }
    this.store.commit(ops)
    return { data: { insertedIds: ids } }
  }

  private duplicate(coll: string, id: string) {
    return new CloudError(REQUEST_FAILED, `E11000 duplicate key error collection: ${this.envId}.${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`)
  }

  modify(p: any, now: number) {
    const c = this.coll(p.collectionName)
    const query = decode(p.query, now) ?? {}
    const data = decode(p.data, now) ?? {}
    const merge = p.merge !== false
    const multi = p.queryType === 'DOC' ? false : p.multi !== false
    const upsert = !!p.upsert
    if ('_id' in data && merge) delete data._id
    this.seen(p.collectionName, c, query)
    const hits = this.matches(p.collectionName, c, query)
    const targets = multi ? hits : hits.slice(0, 1)
    const ops: Op[] = []
    let updated = 0
    let upsertId: string | undefined
    const modifier = merge ? toModifier(data) : null
    for (const d of targets) {
      let next: Doc
      if (!merge) {
        next = { ...clone(data), _id: d._id }
        if (encodeDoc(next) === encodeDoc(d)) continue
      } else {
        next = clone(d)
        const changed = applyUpdate(next, modifier as any, undefined, undefined, { cloneMode: 'deep' } as any)
        if (!changed || (Array.isArray(changed) && changed.length === 0)) continue
        next._id = d._id
      }
      ops.push({ o: 'p', c: p.collectionName, d: next })
      updated++
    }
    if (!targets.length && upsert) {
      const base: any = {}
      for (const [k, v] of Object.entries(query)) if (!k.startsWith('$') && (v === null || typeof v !== 'object' || v instanceof Date)) setPath(base, k, v)
      let next: Doc
      if (!merge) next = { ...base, ...clone(data) }
      else { next = base; applyUpdate(next, modifier as any) }
      if (next._id === undefined) next._id = newId()
      next._id = String(next._id)
      upsertId = next._id
      ops.push({ o: 'p', c: p.collectionName, d: next })
    }
    this.store.commit(ops)
    const out: any = { updated }
    if (upsertId !== undefined) out.upsert_id = upsertId
    return { data: out }
  }

  remove(p: any, now: number) {
    const c = this.coll(p.collectionName)
    const query = decode(p.query, now) ?? {}
    const multi = p.queryType === 'DOC' ? false : p.multi !== false
    this.seen(p.collectionName, c, query)
    const hits = this.matches(p.collectionName, c, query)
    const targets = multi ? hits : hits.slice(0, 1)
    this.store.commit(targets.map((d) => ({ o: 'd', c: p.collectionName, id: d._id }) as Op))
    return { data: { deleted: targets.length } }
  }

  count(p: any, now: number) {
    const c = this.coll(p.collectionName)
    const query = decode(p.query, now)
    this.seen(p.collectionName, c, query)
    return { data: { total: this.matches(p.collectionName, c, query).length } }
  }

  aggregate(p: any, now: number) {
    const c = this.coll(p.collectionName)
    const stages = (Array.isArray(p.stages) ? p.stages : []).map((s: any) => ({ [s.stageKey]: decode(s.stageValue, now) }))
    const store = this.store
    const agg = new Aggregator(stages, {
      collectionResolver: (name: string) => Array.from(store.collections.get(name)?.values() ?? []),
    } as any)
    const list = agg.run(Array.from(c.values())).map(encodeDoc)
    return { data: { list } }
  }

  addCollection(p: any) {
    const name = p.collectionName
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new CloudError(INVALID_PARAM, `invalid collection name: ${name}`)
    if (this.store.collections.has(name)) throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`)
    this.store.commit([{ o: 'c', c: name }])
    return {}
  }
}

function toModifier(data: any): any {
  const mod: any = {}
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) mod[k] = { ...(mod[k] || {}), ...(v as any) }
    else mod.$set = { ...(mod.$set || {}), [k]: v }
  }
  return mod
}

function setPath(obj: any, p: string, v: unknown) {
  const parts = p.split('.')
  let o = obj
  for (let i = 0; i < parts.length - 1; i++) o = o[parts[i]] ??= {}
  o[parts[parts.length - 1]] = v
}

/** A sort value mingo orders by type rank and value alone (no arrays or objects, whose comparison is not a total order). */
function isScalar(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v)) || (v instanceof Date && !Number.isNaN(v.getTime()))
}

/**
 * A page of a sorted query over many matches: only the documents that can be among its first `need` go to mingo's
 * sort, so a page of 20 over 100,000 matches sorts a few dozen. mingo's $sort is a stable sort by the keys, last key
 * first, each a total order when every value is a scalar; the documents whose first key is at or before the `need`-th
 * smallest (or largest, descending) value, kept in their order, sort to the same first `need` as all of them. Used
 * only when that holds: every sort value a scalar, the first key present in each document with one type (string,
 * number or date), top-level keys; otherwise (and for small sets) all of them are sorted as before.
 */
export function firstOfOrder(docs: Doc[], order: Record<string, unknown>, need: number): Doc[] {
  if (docs.length < 200 || need > 2000 || need * 2 > docs.length) return docs
  const keys = Object.keys(order)
  if (keys.some((k) => k.includes('.') || k.startsWith('$'))) return docs
  const first = keys[0]
  const desc = order[first] === -1
  const type = typeof docs[0][first] === 'string' ? 'string' : typeof docs[0][first] === 'number' ? 'number' : docs[0][first] instanceof Date ? 'date' : undefined
  if (!type) return docs
  const values: Array<string | number> = new Array(docs.length)
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]
    for (const k of keys) if (!isScalar(d[k])) return docs
    const v = d[first]
    if (type === 'date') {
      if (!(v instanceof Date)) return docs
      values[i] = v.getTime()
    } else {
      if (typeof v !== type || (type === 'number' && Number.isNaN(v))) return docs
      values[i] = v
    }
  }
  // The `need` best values, kept sorted (best first); the last of them is the cut.
  const before = (a: string | number, b: string | number) => (desc ? a > b : a < b)
  const best: Array<string | number> = []
  for (const v of values) {
    if (best.length === need && !before(v, best[need - 1])) continue
    let lo = 0
    let hi = best.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(best[mid], v) || best[mid] === v) lo = mid + 1
      else hi = mid
    }
    best.splice(lo, 0, v)
    if (best.length > need) best.pop()
  }
  const cut = best[best.length - 1]
  const out: Doc[] = []
  for (let i = 0; i < docs.length; i++) if (values[i] === cut || before(values[i], cut)) out.push(docs[i])
  return out
}
