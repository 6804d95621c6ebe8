/**
 * The local cloud's clock offset is kept (cloud/local/clock.ts persistClock): it survives a restart of the local
 * cloud and comes with a snapshot (`__clock`, exported and imported like every collection). And the console's
 * 存储文件 API (cloud/local/console-storage.ts): the stored files with size and uploader, one file's bytes (images
 * inline, the rest as a download), nothing outside storage/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { uploadFile } from '../support/api'

const DAY = 86400000
const clockOf = async (url: string) => (await (await fetch(`${url}/dev/clock`)).json()) as { now: string; offsetMs: number }
const setClock = async (url: string, change: Record<string, unknown>) => {
  const res = await fetch(`${url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) })
  expect(res.status).toBe(200)
  return (await res.json()) as { now: string; offsetMs: number }
}

describe('the clock offset', () => {
  const handles: LocalCloudHandle[] = []
  afterAll(async () => {
    for (const h of handles) await h.stop()
  })

  test('survives a restart: the set time goes on from where it was', async () => {
    const cloud = await startLocalCloud({ seed: false })
    handles.push(cloud)
    expect((await clockOf(cloud.url)).offsetMs).toBe(0)
    const set = await setClock(cloud.url, { advance: '30d' })
    expect(set.offsetMs).toBeGreaterThanOrEqual(30 * DAY - 1000)
    await cloud.restart()
    const after = await clockOf(cloud.url)
    expect(after.offsetMs).toBe(set.offsetMs)
    expect(Date.parse(after.now) - Date.now()).toBeGreaterThan(29 * DAY)
    // Back to the machine's time is kept too.
    await setClock(cloud.url, { reset: true })
    await cloud.restart()
    expect((await clockOf(cloud.url)).offsetMs).toBe(0)
  }, 120000)

  test('is in a snapshot: exported on exit, imported into a new data directory', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clock-snap-')), 'snap')
    const a = await startLocalCloud({ seed: false, env: { LOCALCLOUD_EXPORT: dir } })
    handles.push(a)
    const set = await setClock(a.url, { set: '2027-03-01T08:00:00+08:00' })
    await a.stop()
    const kept = fs.readFileSync(path.join(dir, 'collections', '__clock.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(kept).toEqual([expect.objectContaining({ _id: 'offset', offsetMs: set.offsetMs })])
    const b = await startLocalCloud({ seed: false, env: { LOCALCLOUD_IMPORT: dir } })
    handles.push(b)
    const clock = await clockOf(b.url)
    expect(clock.offsetMs).toBe(set.offsetMs)
    // Functions see it too: a server date written now is on 1 March 2027 (Beijing), give or take the test's own time.
    const db = sdkFor(b.url).database()
    await db.createCollection('clock_probe').catch(() => undefined)
    const { _id } = await db.collection('clock_probe').add({ data: { at: db.serverDate() } })
    const { data } = await db.collection('clock_probe').doc(_id).get()
    expect(new Date(data.at).getTime() - Date.parse('2027-03-01T08:00:00+08:00')).toBeLessThan(120000)
  }, 120000)
})

describe('the console: storage files', () => {
  let cloud: LocalCloudHandle
  beforeAll(async () => {
    cloud = await startLocalCloud({ seed: false })
  }, 60000)
  afterAll(() => cloud?.stop())

  test('lists the stored files with size and uploader, opens one, and reads nothing outside storage/', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    await uploadFile(cloud.url, png, 'a.png', 'image/png', 'activities/b1/a.png', 'dev-secretary-1')
    const text = Buffer.from('支部工作台\n', 'utf8')
    await sdkFor(cloud.url).uploadFile({ cloudPath: 'exports/名单.txt', fileContent: text })

    const list = (await (await fetch(`${cloud.url}/_console/api/storage`)).json()) as { files: Array<Record<string, unknown>>; bytes: number }
    expect(list.files).toEqual([
      expect.objectContaining({ path: 'activities/b1/a.png', size: png.length, image: true, type: 'image/png', owner: 'dev-secretary-1' }),
      expect.objectContaining({ path: 'exports/名单.txt', size: text.length, image: false, owner: '' }),
    ])
    expect(list.bytes).toBe(png.length + text.length)

    const image = await fetch(`${cloud.url}/_console/api/storage/activities/b1/a.png`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true)
    const file = await fetch(`${cloud.url}/_console/api/storage/${encodeURIComponent('exports')}/${encodeURIComponent('名单.txt')}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await file.arrayBuffer()).equals(text)).toBe(true)

    for (const bad of ['..%2Flog.jsonl', '%2E%2E/log.jsonl', 'activities/..%2F..%2Flog.jsonl', 'nope.txt']) {
      expect((await fetch(`${cloud.url}/_console/api/storage/${bad}`)).status).toBe(404)
    }
  }, 60000)
})
