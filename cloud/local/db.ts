// The cloud database's server side: database.* actions as wx-server-sdk 4.0.2 (@cloudbase/database 1.4)
// sends them, with MongoDB semantics from mingo.
import crypto from 'node:crypto'
import { EJSON, BSONRegExp } from 'bson'
import { Query, Aggregator } from 'mingo'
import { update as applyUpdate } from 'mingo/updater'
import type { Store, Doc, Op } from './store'

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

  constructor(private store: Store, private envId: string) {}

  private seen(collection: string, c: Map<string, Doc>, query: unknown, order?: Record<string, unknown>) {
    this.onQuery?.(collection, query, order, c.size)
  }

  private coll(name: unknown): Map<string, Doc> {
    if (typeof name !== 'string' || !name) throw new CloudError(INVALID_PARAM, 'collectionName is required')
    const c = this.store.collections.get(name)
    if (!c) throw new CloudError(COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`)
    return c
  }

  private matches(c: Map<string, Doc>, query: any): Doc[] {
    const q = query && typeof query === 'object' ? query : {}
    if (typeof q._id === 'string' && Object.keys(q).length === 1) {
      const d = c.get(q._id)
      return d ? [d] : []
    }
    const mq = new Query(q)
    // `_id: { $in: [...] }` is an index lookup in the cloud: look the ids up instead of testing every document (the
    // whole query still applies to each). Without it a timer run's batched id queries cost O(collection × list).
    const ids = q._id && typeof q._id === 'object' && !Array.isArray(q._id) && Object.keys(q._id).length === 1 ? q._id.$in : undefined
    if (Array.isArray(ids) && ids.every((x: unknown) => typeof x === 'string')) {
      const hits: Doc[] = []
      for (const id of new Set<string>(ids)) {
        const d = c.get(id)
        if (d && mq.test(d)) hits.push(d)
      }
      return hits
    }
    const out: Doc[] = []
    for (const d of c.values()) if (mq.test(d)) out.push(d)
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
    const docs = this.matches(c, query)
    const projection = decode(p.projection, now)
    const offset = Number(p.offset) || 0
    let limit = p.limit === undefined ? 100 : Number(p.limit)
    if (!(limit > 0)) limit = 100
    if (limit > 1000) limit = 1000
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
    const hits = this.matches(c, query)
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
    const hits = this.matches(c, query)
    const targets = multi ? hits : hits.slice(0, 1)
    this.store.commit(targets.map((d) => ({ o: 'd', c: p.collectionName, id: d._id }) as Op))
    return { data: { deleted: targets.length } }
  }

  count(p: any, now: number) {
    const c = this.coll(p.collectionName)
    const query = decode(p.query, now)
    this.seen(p.collectionName, c, query)
    return { data: { total: this.matches(c, query).length } }
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
