// Every acknowledged write survives kill -9; a torn last line of the log is ignored.

import fs from 'node:fs'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { startLocalCloud, sdkFor, REPO_ROOT } from '../support/local-cloud'


const N = 2000

test(`kill -9 mid-stream loses no acknowledged write (of ${N} written one by one)`, async () => {
  const lc = await startLocalCloud({ seed: false })
  try {
    const cloud = sdkFor(lc.url)
    await cloud.database().createCollection('acks')
    // A child writer acknowledges writes one by one through the real SDK and prints each ack.
    const writer = `
      const adminUrl = process.argv[1]
      Object.assign(process.env, { TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }), TCB_ENV: 'local-dev', SCF_NAMESPACE: 'local-dev',
        TENCENTCLOUD_REGION: 'ap-shanghai', TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_SECRETID: 'a', TENCENTCLOUD_SECRETKEY: 'b', SILENCE: 'true' })
      const cloud = require('wx-server-sdk'); cloud.init({ env: 'local-dev' })
      const coll = cloud.database().collection('acks')
      ;(async () => {
        for (let i = 0; i < ${N}; i++) {
          try { await coll.add({ data: { _id: 'w' + i, i, payload: 'x'.repeat(i % 50) } }) } catch (e) { process.exit(0) }
          process.stdout.write('ACK ' + i + '\\n')
        }
      })()
    `
    const child = spawn(process.execPath, ['-e', writer, lc.adminUrl], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const acked = new Set<number>()
    let killed = false
    let buf = ''
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString()
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = /^ACK (\d+)$/.exec(buf.slice(0, nl))
        buf = buf.slice(nl + 1)
        if (m) acked.add(Number(m[1]))
      }
      if (!killed && acked.size >= N / 5) { killed = true; void lc.kill9() }
    })
    await done
    expect(killed).toBe(true)
    expect(acked.size).toBeGreaterThanOrEqual(N / 5)
    expect(acked.size).toBeLessThan(N)

    await lc.restart()
    const c2 = sdkFor(lc.url)
    const coll = c2.database().collection('acks')
    const total = (await coll.count()).total
    expect(total).toBeGreaterThanOrEqual(acked.size)
    const present = new Set<number>()
    for (let skip = 0; skip < total; skip += 1000) {
      const page = await coll.orderBy('i', 'asc').skip(skip).limit(1000).field({ i: true }).get()
      for (const d of page.data) present.add(d.i)
    }
    const missing = [...acked].filter((i) => !present.has(i))
    expect(missing).toEqual([])
  } finally {
    await lc.stop()
  }
})

test('a torn last line is ignored and the data before it is intact', async () => {
  const lc = await startLocalCloud({ seed: false })
  try {
    let cloud = sdkFor(lc.url)
    const db = cloud.database()
    await db.createCollection('torn')
    for (let i = 0; i < 20; i++) await db.collection('torn').add({ data: { _id: `t${i}`, i } })
    await lc.stop()
    const log = path.join(lc.dataDir, 'log.jsonl')
    fs.appendFileSync(log, '{"o":"p","c":"torn","d":{"_id":"half","i":')
    await lc.restart()
    expect(lc.output()).toMatch(/torn last line/)
    cloud = sdkFor(lc.url)
    const coll = cloud.database().collection('torn')
    expect((await coll.count()).total).toBe(20)
    expect((await coll.doc('t19').get()).data).toEqual({ _id: 't19', i: 19 })
    // the store keeps working after the torn line: new writes land and survive another restart
    await coll.add({ data: { _id: 'after', i: 99 } })
    await cloud.openapi.subscribeMessage.send({ touser: 'o-keep', templateId: 'T', data: { thing1: { value: 'x' } } })
    await lc.restart()
    const outbox = await (await fetch(`${lc.url}/dev/outbox`)).json()
    expect(outbox).toEqual([expect.objectContaining({ touser: 'o-keep', templateId: 'T' })])
    const coll2 = sdkFor(lc.url).database().collection('torn')
    expect((await coll2.count()).total).toBe(21)
    expect((await coll2.doc('after').get()).data.i).toBe(99)
  } finally {
    await lc.stop()
  }
})
