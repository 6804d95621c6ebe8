// Issue 15 item 13: a second local cloud on the same data directory compacted the log before it failed to bind; the
// running one then wrote to a deleted file and lost every later write (0 of 31 survived a restart). Now the second
// one stops at the directory's lock, before reading anything.
import fs from 'node:fs'
import path from 'node:path'
import { sdkFor, startLocalCloud } from '../support/local-cloud'

jest.setTimeout(90000)

test('a second local cloud on the same data directory exits with a message and leaves the log alone; the first keeps every write', async () => {
  const first = await startLocalCloud({ seed: false })
  const log = path.join(first.dataDir, 'log.jsonl')
  try {
    const coll = () => sdkFor(first.url).database().collection('notes')
    await sdkFor(first.url).database().createCollection('notes')
    // 1.5 MB written for 50 KB of live data: before the lock (and before compaction while running, item 14) the log
    // stood at 1.5 MiB, which the second instance's start-up compaction rewrote under the first one's append handle.
    for (let i = 0; i < 30; i++) await coll().doc('big').set({ data: { rev: i, text: 'x'.repeat(50_000) } })
    const before = fs.statSync(log)
    const bytes = fs.readFileSync(log)

    const second = startLocalCloud({ dataDir: first.dataDir, seed: false })
    await expect(second).rejects.toThrow(/正被另一个本地云使用（pid \d+，http:\/\/127\.0\.0\.1:\d+）/)
    const after = fs.statSync(log)
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs])
    expect(fs.readFileSync(log).equals(bytes)).toBe(true)

    for (let i = 0; i < 31; i++) await coll().add({ data: { _id: `later-${i}`, i } })
    await first.restart()
    const { total } = await coll().where({ i: sdkFor(first.url).database().command.gte(0) }).count()
    expect(total).toBe(31)
    expect((await coll().doc('big').get()).data.rev).toBe(29)
  } finally {
    await first.stop()
  }
})

test('the lock goes with its holder: after kill -9 the directory starts again', async () => {
  const lc = await startLocalCloud({ seed: false })
  try {
    await sdkFor(lc.url).database().createCollection('kept')
    await lc.kill9()
    await lc.restart()
    const { data } = await sdkFor(lc.url).database().collection('kept').get()
    expect(data).toEqual([])
  } finally {
    await lc.stop()
  }
})
