/**
 * Typed data access: the one way core reads and writes its collections. `collection(port, 'activities')` is the
 * SDK's query builder typed by the collection's document (model.ts DocMap), so `get()` answers ActivityDoc[]
 * without a cast; `readAll` reads every row of a query; `loadOne` / `loadOr404` read one document by _id;
 * `insertNew` inserts documents with their own _ids, skipping those already there; `isDuplicateKey` tells a
 * duplicate-_id insert from other failures. docs/architecture.md "Data access" says when to use which.
 */
import { AppError } from './errors'
import type { CollectionName, DocMap, TypedCollectionName } from './model'
import type { Doc, Port } from './port'

/** A document as stored: its _id is always there once read back. */
export type Stored<T> = T & { _id: string }
/** A document to insert: its _id may be chosen (a deterministic id) or left to the database. */
export type NewDoc<T> = T extends unknown ? Omit<T, '_id'> & { _id?: string } : never

/** Conditions and update data stay open: they carry `db.command` operators and dotted paths. */
type Where = Record<string, unknown>

export interface TypedQuery<T> {
  where(query: Where): TypedQuery<T>
  orderBy(field: string, order: 'asc' | 'desc'): TypedQuery<T>
  skip(n: number): TypedQuery<T>
  limit(n: number): TypedQuery<T>
  /** A projection: the answer then holds only these fields (readAll's `fields` types that; here it stays T). */
  field(projection: Record<string, boolean | 0 | 1>): TypedQuery<T>
  get(): Promise<{ data: Stored<T>[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Where }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface TypedDocRef<T> {
  get(): Promise<{ data: Stored<T> }>
  set(options: { data: NewDoc<T> }): Promise<unknown>
  update(options: { data: Where }): Promise<{ stats: { updated: number } }>
  remove(): Promise<unknown>
}

export interface TypedCollection<T> extends TypedQuery<T> {
  doc(id: string): TypedDocRef<T>
  add(options: { data: NewDoc<T> }): Promise<{ _id: string }>
}

export type DocOf<N extends TypedCollectionName> = DocMap[N]

/** The collection `name`, typed by what it holds (model.ts DocMap). */
export function collection<N extends TypedCollectionName>(port: Port, name: N): TypedCollection<DocMap[N]> {
  // The one place a stored document gets its type: DocMap says what each collection holds, and every write goes
  // through the same typed accessor, so what is read back is what was written.
  return port.db.collection(name) as unknown as TypedCollection<DocMap[N]>
}

/** Rows a round trip: the most one server-side get() answers. */
export const READ_PAGE = 1000

type Sortable = string | number | Date | null | undefined
const rank = (v: Sortable) => (v instanceof Date ? v.getTime() : v)

/** Sorts ascending by `field` as the database orders it (code points for text, instants for dates), then by _id. */
export function sortByField<T extends { _id: string }>(rows: T[], field: keyof T & string): T[] {
  return rows.sort((a, b) => {
    const x = rank(a[field] as Sortable)
    const y = rank(b[field] as Sortable)
    if (x !== y) {
      if (x === undefined || x === null) return -1
      if (y === undefined || y === null) return 1
      return x < y ? -1 : 1
    }
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
  })
}

export interface ReadAllOptions<T, K extends keyof T & string> {
  /** Only these fields (and _id) are read. */
  fields?: readonly K[]
  /** Sorted by this field (then _id) once read; otherwise in _id order. */
  sortBy?: keyof T & string
}

/**
 * Every row matching `where`, READ_PAGE rows a round trip, paged by keyset on _id (skip() slows down with depth on
 * a real database and repeats or drops rows while others write; a range on _id does neither).
 */
export async function readAll<N extends TypedCollectionName, K extends keyof DocMap[N] & string>(
  port: Port,
  name: N,
  where: Where,
  options: ReadAllOptions<DocMap[N], K> & { fields: readonly K[] },
): Promise<Stored<Pick<DocMap[N], K>>[]>
export async function readAll<N extends TypedCollectionName>(
  port: Port,
  name: N,
  where: Where,
  options?: ReadAllOptions<DocMap[N], never>,
): Promise<Stored<DocMap[N]>[]>
export async function readAll<N extends TypedCollectionName>(
  port: Port,
  name: N,
  where: Where,
  options: ReadAllOptions<DocMap[N], keyof DocMap[N] & string> = {},
): Promise<Stored<DocMap[N]>[]> {
  return readRows<Stored<DocMap[N]>>(port, name, where, options)
}

/**
 * readAll's paging for a collection not yet in DocMap (the caller names the row type). Prefer readAll: a new
 * collection adds its document to model.ts DocMap and reads typed.
 */
export async function readRows<T extends { _id: string }>(
  port: Port,
  name: string,
  where: Where,
  options: { fields?: readonly string[]; sortBy?: string } = {},
): Promise<T[]> {
  const _ = port.db.command
  const rows: T[] = []
  let last: string | undefined
  for (;;) {
    const condition = last === undefined ? where : (_.and(where, { _id: _.gt(last) }) as Where)
    // The caller names the row type of a collection outside DocMap: the one place it is taken on trust.
    let q = (port.db.collection(name) as unknown as TypedQuery<T>).where(condition).orderBy('_id', 'asc').limit(READ_PAGE)
    if (options.fields) q = q.field({ ...Object.fromEntries(options.fields.map((f) => [f, true])), _id: true })
    const { data } = await q.get()
    rows.push(...data)
    if (data.length < READ_PAGE) break
    last = String(data[data.length - 1]._id)
  }
  return options.sortBy ? sortByField(rows, options.sortBy as keyof T & string) : rows
}

/**
 * The record a `record`-scoped action is about (access.ts loaded and checked it), typed by its collection — the
 * one the action's scope names.
 */
export function recordOf<N extends TypedCollectionName>(ctx: { record?: Doc }, name: N): Stored<DocMap[N]> {
  if (!ctx.record) throw new AppError('INTERNAL', `操作未声明 ${name} 记录范围`)
  // access.ts read ctx.record from the collection the action's scope names (an untyped Doc there, as access serves
  // every collection); the caller names that same collection, so this is the document DocMap says it holds.
  return ctx.record as unknown as Stored<DocMap[N]>
}

/** The document `id` of `name` (and matching `also`, e.g. its branch), or undefined. */
export async function loadOne<N extends TypedCollectionName>(port: Port, name: N, id: string, also: Where = {}): Promise<Stored<DocMap[N]> | undefined> {
  const { data } = await collection(port, name).where({ ...also, _id: id }).limit(1).get()
  return data[0]
}

/** The document `id` of `name`, or NOT_FOUND with `missing` (a sentence a person can act on, e.g. 支部不存在). */
export async function loadOr404<N extends TypedCollectionName>(port: Port, name: N, id: string, missing: string, also: Where = {}): Promise<Stored<DocMap[N]>> {
  const doc = await loadOne(port, name, id, also)
  if (!doc) throw new AppError('NOT_FOUND', missing)
  return doc
}

/**
 * Whether a database error is a duplicate-_id rejection. The SDK's errors carry the database's text in `errMsg`
 * (`message` repeats it only on the SDK's own error class; a relayed or cloned error has errMsg alone), and the
 * text is MongoDB's: "E11000 duplicate key error …". errCode -502001 is any failed request, so it decides nothing;
 * the word "duplicate" alone is not enough either (another failure may mention it).
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errMsg?: unknown; message?: unknown } | null | undefined
  const text = `${typeof e?.errMsg === 'string' ? e.errMsg : ''} ${typeof e?.message === 'string' ? e.message : ''}`
  return /E11000|duplicate key/i.test(text)
}

/** Splits a list into chunks (for `_.in` lists and batch inserts). */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/**
 * Inserts documents with their own _ids in batches (one round trip per batch). A batch that meets an existing _id
 * is retried one by one; duplicates are skipped. Returns the _ids this call inserted.
 */
export async function insertNew<T extends { _id: string }>(port: Port, name: CollectionName, docs: T[], batch = 100): Promise<Set<string>> {
  const inserted = new Set<string>()
  const coll = port.db.collection(name)
  for (const chunk of chunks(docs, batch)) {
    try {
      // The SDK accepts an array (one insertDocument request); the Port types add() for one document.
      await coll.add({ data: chunk as unknown as Record<string, unknown> })
      for (const d of chunk) inserted.add(d._id)
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      for (const d of chunk) {
        try {
          await coll.add({ data: { ...d } })
          inserted.add(d._id)
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
        }
      }
    }
  }
  return inserted
}
