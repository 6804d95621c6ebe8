/**
 * `npm run dev`'s promise for cloud/: when a bundle is rebuilt (index.js rewritten), the running local cloud runs the
 * new code on the next call — no restart — and its data is still there.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callFunction, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let lc: LocalCloudHandle
const functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-reload-fns-'))
const bundle = path.join(functionsDir, 'version', 'index.js')

function writeBundle(version: number, at: Date) {
  fs.mkdirSync(path.dirname(bundle), { recursive: true })
  fs.writeFileSync(bundle, `exports.main = async () => ({ version: ${version} })\n`)
  fs.utimesSync(bundle, at, at) // what a rebuild does to the file; explicit so a coarse clock cannot hide it
}

beforeAll(async () => {
  writeBundle(1, new Date(Date.now() - 60_000))
  lc = await startLocalCloud({ seed: false, env: { LOCALCLOUD_FUNCTIONS: functionsDir } })
})
afterAll(async () => {
  await lc?.stop()
  fs.rmSync(functionsDir, { recursive: true, force: true })
})

test('a rewritten bundle runs on the next call, and the data written before is kept', async () => {
  expect(await callFunction(lc.url, 'version')).toEqual({ version: 1 })
  const db = sdkFor(lc.url).database()
  await db.createCollection('notes')
  await db.collection('notes').add({ data: { _id: 'kept', text: '改代码前写下的' } })

  writeBundle(2, new Date())
  expect(await callFunction(lc.url, 'version')).toEqual({ version: 2 })
  expect((await db.collection('notes').doc('kept').get()).data).toMatchObject({ text: '改代码前写下的' })
})

test('an unchanged bundle is not loaded again (module state survives between calls)', async () => {
  fs.writeFileSync(bundle, 'let calls = 0\nexports.main = async () => ({ calls: ++calls })\n')
  fs.utimesSync(bundle, new Date(Date.now() + 1000), new Date(Date.now() + 1000))
  expect(await callFunction(lc.url, 'version')).toEqual({ calls: 1 })
  expect(await callFunction(lc.url, 'version')).toEqual({ calls: 2 })
})
