/**
 * The typed data access (cloud/core/framework/data.ts) without a cloud: which errors are duplicate-_id rejections,
 * readAll's keyset paging past one page and its sorting, loadOne / loadOr404.
 */
import { isDuplicateKey, loadOne, loadOr404, readAll, READ_PAGE } from '../../cloud/core/framework/data'
import type { Port } from '../../cloud/core/framework/port'

describe('isDuplicateKey', () => {
  test('the SDK error of a duplicate _id: its text is in errMsg (and in message only on the SDK class)', () => {
    const text = 'E11000 duplicate key error collection: env.notices index: _id_ dup key: { _id: "n1" }'
    // As the SDK relays it from the server (a plain object or an Error whose message is generic).
    expect(isDuplicateKey({ errCode: -502001, errMsg: text })).toBe(true)
    expect(isDuplicateKey(Object.assign(new Error('errCode: -502001 database request fail'), { errCode: -502001, errMsg: text }))).toBe(true)
    // The SDK's own class repeats errMsg in message.
    expect(isDuplicateKey(new Error(`errCode: -502001 | errMsg: ${text}`))).toBe(true)
  })

  test('other failures are not: the same errCode, or the word "duplicate" elsewhere', () => {
    expect(isDuplicateKey({ errCode: -502001, errMsg: 'database request fail: timeout' })).toBe(false)
    expect(isDuplicateKey({ code: 'DATABASE_REQUEST_FAILED', errCode: -502001 })).toBe(false)
    expect(isDuplicateKey(new Error('duplicate clientRequestId in the queue'))).toBe(false)
    expect(isDuplicateKey(undefined)).toBe(false)
    expect(isDuplicateKey('E11000')).toBe(false)
  })
})

/** A tiny in-memory database: where with equality, _.gt / _.in / _.and; orderBy; limit; field; and counting calls. */
function fakePort(rows: Record<string, Record<string, unknown>[]>) {
  type Cond = { op: 'gt' | 'in'; v: unknown } | { op: 'and'; all: Record<string, unknown>[] }
  const isCond = (v: unknown): v is Cond => !!v && typeof v === 'object' && 'op' in (v as object)
  const matches = (doc: Record<string, unknown>, where: Record<string, unknown> | Cond): boolean => {
    if (isCond(where) && where.op === 'and') return where.all.every((w) => matches(doc, w))
    return Object.entries(where).every(([k, v]) => {
      if (isCond(v) && v.op === 'gt') return String(doc[k]) > String(v.v)
      if (isCond(v) && v.op === 'in') return (v.v as unknown[]).includes(doc[k])
      return doc[k] === v
    })
  }
  let gets = 0
  const query = (name: string, where: Record<string, unknown> = {}, max = 100, fields?: string[]): any => ({
    where: (w: Record<string, unknown>) => query(name, w, max, fields),
    orderBy: () => query(name, where, max, fields),
    limit: (n: number) => query(name, where, n, fields),
    field: (p: Record<string, boolean>) => query(name, where, max, Object.keys(p)),
    async get() {
      gets++
      const hit = (rows[name] ?? []).filter((d) => matches(d, where)).sort((a, b) => String(a._id).localeCompare(String(b._id)))
      const page = hit.slice(0, max)
      return { data: fields ? page.map((d) => Object.fromEntries(fields.map((f) => [f, d[f]]))) : page }
    },
  })
  const port = {
    db: {
      collection: (name: string) => query(name),
      command: {
        gt: (v: unknown) => ({ op: 'gt', v }),
        in: (v: unknown[]) => ({ op: 'in', v }),
        and: (...all: Record<string, unknown>[]) => ({ op: 'and', all }),
      },
    },
  } as unknown as Port
  return { port, gets: () => gets }
}

describe('readAll', () => {
  const members = Array.from({ length: READ_PAGE * 2 + 5 }, (_, i) => ({
    _id: `m${String(i).padStart(5, '0')}`,
    branchId: i % 2 ? 'b1' : 'b2',
    name: `党员${(READ_PAGE * 3 - i) % 997}`,
    state: 'active',
  }))

  test('reads every matching row across pages, by keyset on _id (no row twice, none left out)', async () => {
    const { port, gets } = fakePort({ members })
    const all = await readAll(port, 'members', { state: 'active' })
    expect(all).toHaveLength(members.length)
    expect(new Set(all.map((m) => m._id)).size).toBe(members.length)
    expect(gets()).toBe(3)
    const b1 = await readAll(port, 'members', { branchId: 'b1' })
    expect(b1.map((m) => m._id)).toEqual(members.filter((m) => m.branchId === 'b1').map((m) => m._id))
  })

  test('sortBy orders by the field, then _id; fields reads only those (and _id)', async () => {
    const { port } = fakePort({ members })
    const sorted = await readAll(port, 'members', { branchId: 'b2' }, { sortBy: 'name' })
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]]
      expect(a.name < b.name || (a.name === b.name && a._id < b._id)).toBe(true)
    }
    const slim = await readAll(port, 'members', { branchId: 'b1' }, { fields: ['name'] })
    expect(Object.keys(slim[0]).sort()).toEqual(['_id', 'name'])
  })
})

describe('loadOne / loadOr404', () => {
  const branches = [{ _id: 'b1', name: '第一支部', status: 'active' }]
  test('one document by _id, with extra conditions; NOT_FOUND with the given sentence', async () => {
    const { port } = fakePort({ branches })
    expect(await loadOne(port, 'branches', 'b1')).toMatchObject({ name: '第一支部' })
    expect(await loadOne(port, 'branches', 'b1', { status: 'archived' })).toBeUndefined()
    await expect(loadOr404(port, 'branches', 'nope', '支部不存在')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '支部不存在' })
  })
})
