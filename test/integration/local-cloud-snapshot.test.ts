/**
 * Snapshots (cloud/local/snapshot.ts): a local cloud with seeded data, an uploaded file, subscription grants and
 * messages in the outbox is exported when it stops; another starts from the snapshot and holds the same (its own
 * export is the same, file for file); a snapshot can be the seed of an empty data directory; importing into a data
 * directory that has data is refused.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../support/local-cloud'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-test-'))
const first = path.join(tmp, 'first')
const second = path.join(tmp, 'second')
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

// An undefined field comes back null, as it does after any restart of the local cloud (its data log is EJSON).
const noNulls = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(noNulls) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, noNulls(x)])) : v
const json = async (url: string) => noNulls(await (await fetch(url)).json())
const tree = (dir: string, rel = ''): string[] =>
  fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`])).sort()

test('export on exit, import, export again: every collection, stored file, grant and outbox entry round-trips', async () => {
  const a = await startLocalCloud({ env: { LOCALCLOUD_SEED_REMINDERS: '1', LOCALCLOUD_EXPORT: first }, timeoutMs: 90000 })
  let outbox: unknown[] = []
  let identities: unknown
  try {
    const form = new FormData()
    form.append('cloudPath', 'u/snapshot.png')
    form.append('file', new Blob([new Uint8Array([1, 2, 3, 4])]), 'snapshot.png')
    expect((await fetch(`${a.url}/cloud/storage`, { method: 'POST', body: form, headers: { 'x-dev-openid': 'dev-secretary-1' } })).status).toBe(200)
    const tomorrow8 = new Date(`${new Date(Date.now() + 8 * 3600e3 + 86400000).toISOString().slice(0, 10)}T08:00:00+08:00`)
    const run = await (await fetch(`${a.url}/cloud/triggers/reminders?now=${encodeURIComponent(tomorrow8.toISOString())}`, { method: 'POST' })).json()
    expect(run.ok).toBe(true)
    outbox = (await json(`${a.url}/dev/outbox`)) as unknown[]
    expect(outbox.length).toBeGreaterThan(0)
    identities = await json(`${a.url}/dev/identities`)
  } finally {
    await a.stop()
  }
  const info = JSON.parse(fs.readFileSync(path.join(first, 'snapshot.json'), 'utf8'))
  expect(info).toMatchObject({ format: 'branch-desk-localcloud-snapshot', version: 1, files: expect.any(Number) })
  for (const c of ['users', 'memberships', 'reminder_log', 'inbox', '__outbox', '__subscription_grants', '__storage_owners']) expect(info.collections[c]).toBeGreaterThan(0)
  expect(tree(first)).toContain('storage/u/snapshot.png')

  const b = await startLocalCloud({ seed: false, env: { LOCALCLOUD_IMPORT: first, LOCALCLOUD_EXPORT: second } })
  try {
    expect(await json(`${b.url}/dev/outbox`)).toEqual(outbox)
    expect(await json(`${b.url}/dev/identities`)).toEqual(identities)
    expect(new Uint8Array(await (await fetch(`${b.url}/storage/u/snapshot.png`, { headers: { 'x-dev-openid': 'dev-secretary-1' } })).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4]))
    // The owner came along: another person may not replace the file, its uploader may.
    const again = (who: string) => {
      const form = new FormData()
      form.append('cloudPath', 'u/snapshot.png')
      form.append('file', new Blob([new Uint8Array([9])]), 'snapshot.png')
      return fetch(`${b.url}/cloud/storage`, { method: 'POST', body: form, headers: { 'x-dev-openid': who } }).then((r) => r.status)
    }
    expect(await again('dev-member-2a')).toBe(409)
  } finally {
    await b.stop()
  }
  // Importing into a data directory that has data is refused.
  await expect(startLocalCloud({ dataDir: b.dataDir, seed: false, env: { LOCALCLOUD_IMPORT: first }, timeoutMs: 30000 })).rejects.toThrow(/快照只导入到空的数据目录/)
  expect(tree(second)).toEqual(tree(first))
  for (const f of tree(first).filter((x) => x !== 'snapshot.json')) expect([f, fs.readFileSync(path.join(second, f)).equals(fs.readFileSync(path.join(first, f)))]).toEqual([f, true])
  expect(JSON.parse(fs.readFileSync(path.join(second, 'snapshot.json'), 'utf8')).collections).toEqual(info.collections)

  // A snapshot as the seed of an empty data directory.
  const c = await startLocalCloud({ env: { LOCALCLOUD_SEED_SNAPSHOT: first } })
  try {
    expect(await json(`${c.url}/dev/outbox`)).toEqual(outbox)
  } finally {
    await c.stop()
  }
})
