// Issue 15 item 14: a log past V8's string limit (0x1fffffe8 characters, ~512 MiB) could not be read as one string;
// the error was taken for "no log yet", so the local cloud started empty and seeded on top. It is now replayed in
// chunks, and compacted at start.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sdkFor, startLocalCloud } from '../support/local-cloud'

jest.setTimeout(300000)

test('a log of more than 512 MiB loads (and is compacted) instead of starting empty and re-seeding', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-big-'))
  const log = path.join(dataDir, 'log.jsonl')
  try {
    // 520 rewrites of one 1 MiB document: 546 MB of log for 1 MiB of live data.
    const text = 'x'.repeat(1 << 20)
    const fd = fs.openSync(log, 'w')
    fs.writeSync(fd, JSON.stringify({ o: 'c', c: 'notes' }) + '\n')
    for (let rev = 0; rev < 520; rev++) fs.writeSync(fd, JSON.stringify({ o: 'p', c: 'notes', d: { _id: 'big', rev, text } }) + '\n')
    fs.closeSync(fd)
    const size = fs.statSync(log).size
    expect(size).toBeGreaterThan(0x1fffffe8)

    const started = Date.now()
    const lc = await startLocalCloud({ dataDir, seed: true, timeoutMs: 240000 })
    const seconds = (Date.now() - started) / 1000
    try {
      const db = sdkFor(lc.url).database()
      const { data } = await db.collection('notes').doc('big').get()
      expect([data.rev, data.text.length]).toEqual([519, 1 << 20])
      // Not seeded on top: the seed's collections are not there.
      await expect(db.collection('users').get()).rejects.toThrow(/not exist/i)
      expect(fs.statSync(log).size).toBeLessThan(2 << 20)
      console.log(`local cloud started on a ${(size / (1 << 20)).toFixed(0)} MiB log in ${seconds.toFixed(1)} s; log now ${fs.statSync(log).size} bytes`)
    } finally {
      await lc.stop()
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
