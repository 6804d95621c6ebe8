/**
 * Snapshots of a local cloud: every collection (with the local cloud's own: `__outbox`, `__subscription_grants`,
 * `__storage_owners`) and every stored file, in a directory that can be read, diffed and committed as a fixture.
 *
 * Format (version 1):
 *   <dir>/snapshot.json                 { format: "branch-desk-localcloud-snapshot", version: 1, createdAt, envId,
 *                                         collections: { <name>: <documents> }, files: <count> }
 *   <dir>/collections/<name>.jsonl      one document a line, relaxed EJSON as the data log keeps them (dates as
 *                                       {"$date": …}; an undefined field is null, as after any restart), in
 *                                       the order they were inserted; an empty collection is an empty file
 *   <dir>/storage/<cloudPath>           the stored files, byte for byte
 *
 * `npm run cloud -- --export <dir>` writes one when the local cloud stops; `--import <dir>` (or
 * LOCALCLOUD_SEED_SNAPSHOT as the seed) starts an empty data directory from one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'
import type { Doc, Op, Store } from './store'

export const SNAPSHOT_FORMAT = 'branch-desk-localcloud-snapshot'

export interface SnapshotInfo {
  format: typeof SNAPSHOT_FORMAT
  version: 1
  createdAt: string
  envId: string
  collections: Record<string, number>
  files: number
}

function filesUnder(root: string, rel = ''): string[] {
  const out: string[] = []
  let entries: fs.Dirent[] = []
  try { entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }) } catch { return out }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) {
      if (!rel && e.name === '.uploading') continue // uploads still streaming are not files yet
      out.push(...filesUnder(root, r))
    } else if (e.isFile()) out.push(r)
  }
  return out.sort()
}

/** Writes the store and the storage directory to `dir`: absent, empty, or an earlier snapshot (replaced). */
export function exportSnapshot(store: Store, storageRoot: string, dir: string, envId: string): SnapshotInfo {
  const target = path.resolve(dir)
  if (fs.existsSync(target) && fs.readdirSync(target).length && !fs.existsSync(path.join(target, 'snapshot.json'))) {
    throw new Error(`${target} 不是空目录，也不是快照：不覆盖`)
  }
  // Written beside the target, then renamed: a half-written snapshot is never taken for one.
  const tmp = `${target}.partial-${process.pid}`
  fs.rmSync(tmp, { recursive: true, force: true })
  fs.mkdirSync(path.join(tmp, 'collections'), { recursive: true })
  const collections: Record<string, number> = {}
  for (const name of [...store.collections.keys()].sort()) {
    // In the order the local cloud holds them (insertion order: what a query without orderBy returns).
    const docs = [...store.collections.get(name)!.values()]
    const text = docs.map((d) => EJSON.stringify(d, { relaxed: true })).join('\n')
    fs.writeFileSync(path.join(tmp, 'collections', `${name}.jsonl`), docs.length ? `${text}\n` : '')
    collections[name] = docs.length
  }
  const files = filesUnder(storageRoot)
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(tmp, 'storage', f)), { recursive: true })
    fs.copyFileSync(path.join(storageRoot, f), path.join(tmp, 'storage', f))
  }
  const info: SnapshotInfo = { format: SNAPSHOT_FORMAT, version: 1, createdAt: new Date().toISOString(), envId, collections, files: files.length }
  fs.writeFileSync(path.join(tmp, 'snapshot.json'), `${JSON.stringify(info, null, 2)}\n`)
  fs.rmSync(target, { recursive: true, force: true })
  fs.renameSync(tmp, target)
  return info
}

/** Reads a snapshot into an empty store and storage directory. */
export function importSnapshot(store: Store, storageRoot: string, dir: string): SnapshotInfo {
  const source = path.resolve(dir)
  let info: SnapshotInfo
  try {
    info = JSON.parse(fs.readFileSync(path.join(source, 'snapshot.json'), 'utf8'))
  } catch (e) {
    throw new Error(`${source} 不是本地云快照（读不到 snapshot.json：${(e as Error).message}）`)
  }
  if (info.format !== SNAPSHOT_FORMAT || info.version !== 1) throw new Error(`${source}: 不认识的快照格式 ${info.format} ${info.version}`)
  if (!store.isEmpty()) throw new Error('数据目录里已有数据：快照只导入到空的数据目录（换一个 LOCALCLOUD_DATA，或先删掉它）')
  for (const name of Object.keys(info.collections)) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new Error(`快照里的集合名不合法: ${name}`)
    const lines = fs.readFileSync(path.join(source, 'collections', `${name}.jsonl`), 'utf8').split('\n').filter((l) => l.trim())
    let ops: Op[] = [{ o: 'c', c: name }]
    for (const line of lines) {
      ops.push({ o: 'p', c: name, d: EJSON.parse(line, { relaxed: true }) as Doc })
      if (ops.length >= 1000) {
        store.commit(ops)
        ops = []
      }
    }
    if (ops.length) store.commit(ops)
  }
  for (const f of filesUnder(path.join(source, 'storage'))) {
    fs.mkdirSync(path.dirname(path.join(storageRoot, f)), { recursive: true })
    fs.copyFileSync(path.join(source, 'storage', f), path.join(storageRoot, f))
  }
  return info
}
