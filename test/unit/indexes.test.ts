/**
 * Indexes as code (cloud/indexes.ts): docs/deployment.md's table lists exactly the declared indexes, and the local
 * cloud's check (cloud/local/index-check.ts) tells a query an index serves from one it does not.
 */
import fs from 'node:fs'
import path from 'node:path'
import { INDEXES, describeIndex } from '../../cloud/indexes'
import { servingIndex } from '../../cloud/local/index-check'

/** The table under "## Database indexes": collection → its indexes as field lists (notes in parentheses dropped). */
function documented(): Map<string, Set<string>> {
  const text = fs.readFileSync(path.join(__dirname, '../../docs/deployment.md'), 'utf8')
  const section = text.slice(text.indexOf('## Database indexes'))
  const rows = section.split('\n').filter((l) => /^\| [a-z_]+/.test(l))
  const out = new Map<string, Set<string>>()
  for (const row of rows) {
    const [, coll, cell] = row.split('|').map((x) => x.trim())
    if (coll === 'collection') continue
    const name = coll.replace(/\s*\(.*\)$/, '')
    const set = out.get(name) ?? new Set<string>()
    for (const piece of cell.replace(/\((?!desc\))[^)]*\)/g, '').split(';')) {
      const fields = [...piece.matchAll(/`([^`]+)`( \(desc\))?/g)].map((m) => `\`${m[1]}\`${m[2] ?? ''}`)
      if (fields.length) set.add(fields.join(' + '))
    }
    out.set(name, set)
  }
  return out
}

test('docs/deployment.md lists every declared index and nothing else', () => {
  const declared = new Map<string, Set<string>>()
  for (const i of INDEXES) declared.set(i.collection, (declared.get(i.collection) ?? new Set()).add(describeIndex(i)))
  const doc = documented()
  const asObject = (m: Map<string, Set<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]).sort())
  expect(asObject(doc)).toEqual(asObject(declared))
})

test('an index serves equality, $in, ranges and not-equal on its first field; regex and other fields do not', () => {
  expect(servingIndex('members', { branchId: 'b1', state: 'active' })).toMatchObject({ collection: 'members' })
  expect(servingIndex('members', { branchId: { $in: ['b1', 'b2'] } })).not.toBeNull()
  // The timer's open assignments (reminders/run.ts loadDaily).
  expect(servingIndex('assignments', { $and: [{ state: { $ne: 'done' } }, { dueOn: { $lte: '2026-12-29' } }] })).not.toBeNull()
  expect(servingIndex('assignments', { $and: [{ pointSeq: 3 }, { dueOn: { $lte: '2026-12-29' } }] })).toBeNull()
  expect(servingIndex('members', { name: /王/ })).toBeNull()
  // An `$and` with an `$or` no index serves is still served by its other parts (exports.ts write's claim); alone it is not.
  expect(servingIndex('export_jobs', { $and: [{ _id: 'j1', status: 'running' }, { $or: [{ writingSince: null }, { writingSince: { $lt: new Date() } }] }] })).toBe('_id')
  expect(servingIndex('members', { $and: [{ branchId: 'b1' }, { $or: [{ name: /王/ }, { phone: '1' }] }] })).toMatchObject({ collection: 'members' })
  expect(servingIndex('members', { $and: [{ $or: [{ partyStatus: 'full' }, { phone: '1' }] }] })).toBeNull()
  expect(servingIndex('members', { partyStatus: 'full' })).toBeNull()
  // The reminders run's every active member (declared for it since the catalog test found it).
  expect(servingIndex('members', { state: 'active' })).toMatchObject({ fields: [{ field: 'state' }, { field: 'branchId' }] })
  expect(servingIndex('members', { _id: { $in: ['a'] }, name: /王/ })).toBe('_id')
  expect(servingIndex('members', { $or: [{ branchId: 'b1' }, { openid: 'o1' }] })).toBe('_id')
  expect(servingIndex('members', { $or: [{ branchId: 'b1' }, { name: 'x' }] })).toBeNull()
  expect(servingIndex('branches', {}, { status: 1 })).not.toBeNull()
  // Sorted by `name` alone: the committee's list with the archived branches (branches.list includeArchived).
  expect(servingIndex('branches', {}, { name: 1 })).toMatchObject({ fields: [{ field: 'name' }, { field: '_id' }] })
  expect(servingIndex('branches', {}, { kind: 1 })).toBeNull()
  expect(servingIndex('nobody_declared', { a: 1 })).toBeNull()
})
