// Issue 15 item 14: the local cloud's log. A log that could not be read as one string (512 MiB and more) or at all
// started an empty store that was then seeded on top; the log was compacted only at start.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store } from '../../cloud/local/store'

const dirs: string[] = []
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-store-'))
  dirs.push(d)
  return d
}
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }) })
const quiet = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined)
const docs = (s: Store, c: string) => Array.from(s.collections.get(c)?.values() ?? [])

test('a missing log is a new, empty store', () => {
  const s = new Store(tempDir())
  s.open()
  expect(s.isEmpty()).toBe(true)
  s.close()
})

test('a log that exists but cannot be read stops the start instead of opening an empty store', () => {
  const dir = tempDir()
  fs.mkdirSync(path.join(dir, 'log.jsonl')) // EISDIR on read
  expect(() => new Store(dir).open()).toThrow(/cannot read .*log\.jsonl|EISDIR/)
})

test('the log is read in chunks: lines and multi-byte characters cut at any chunk boundary replay the same', () => {
  const dir = tempDir()
  const w = new Store(dir)
  w.open()
  w.commit([{ o: 'c', c: 'people' }])
  for (let i = 0; i < 40; i++) w.commit([{ o: 'p', c: 'people', d: { _id: `p${i}`, name: `党员${'𠀀汉'.repeat(i % 7)}${i}`, n: i } }])
  w.commit([{ o: 'd', c: 'people', id: 'p3' }])
  w.close()
  const whole = new Store(dir)
  whole.open()
  whole.close()
  for (const chunkBytes of [1, 2, 3, 7, 64, 1000]) {
    const r = new Store(dir, { chunkBytes })
    r.open()
    expect([chunkBytes, docs(r, 'people')]).toEqual([chunkBytes, docs(whole, 'people')])
    r.close()
  }
  expect(docs(whole, 'people')).toHaveLength(39)
  expect(whole.collections.get('people')?.get('p10')?.name).toBe(`党员${'𠀀汉'.repeat(3)}10`)
})

test('a torn last line is cut off and the next write starts a line of its own', () => {
  const dir = tempDir()
  const w = new Store(dir)
  w.open()
  w.commit([{ o: 'c', c: 'k' }, { o: 'p', c: 'k', d: { _id: 'a', v: 1 } }])
  w.close()
  const log = path.join(dir, 'log.jsonl')
  const good = fs.statSync(log).size
  fs.appendFileSync(log, '{"o":"p","c":"k","d":{"_id":"b","v"')
  const warn = quiet()
  const r = new Store(dir, { chunkBytes: 5 })
  r.open()
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('torn last line'))
  warn.mockRestore()
  expect(fs.statSync(log).size).toBe(good)
  r.commit([{ o: 'p', c: 'k', d: { _id: 'c', v: 3 } }])
  r.close()
  const again = new Store(dir)
  again.open()
  expect(docs(again, 'k').map((d) => d._id)).toEqual(['a', 'c'])
  again.close()
})

test('a last line that is whole but unterminated is kept, and the next write does not run into it', () => {
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, 'log.jsonl'), '{"o":"c","c":"k"}\n{"o":"p","c":"k","d":{"_id":"a","v":1}}')
  const r = new Store(dir)
  r.open()
  r.commit([{ o: 'p', c: 'k', d: { _id: 'b', v: 2 } }])
  r.close()
  const again = new Store(dir)
  again.open()
  expect(docs(again, 'k').map((d) => d._id)).toEqual(['a', 'b'])
  again.close()
})

test('a running store compacts once its log is twice the live data (and 1 MiB): 6 MB of rewrites of one document stay under 2 MiB', () => {
  const dir = tempDir()
  const log = path.join(dir, 'log.jsonl')
  const s = new Store(dir)
  s.open()
  s.commit([{ o: 'c', c: 'k' }])
  const warn = quiet()
  let largest = 0
  for (let i = 0; i < 600; i++) {
    s.commit([{ o: 'p', c: 'k', d: { _id: 'doc', rev: i, text: 'x'.repeat(10_000) } }, { o: 'p', c: 'k', d: { _id: `small${i % 5}`, i } }])
    largest = Math.max(largest, fs.statSync(log).size)
  }
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('compacted log'))
  warn.mockRestore()
  expect(largest).toBeLessThan(2 << 20)
  expect(s.logBytes).toBe(fs.statSync(log).size)
  // Writes after a compaction go to the new file, and all of it replays.
  s.commit([{ o: 'p', c: 'k', d: { _id: 'last', ok: true } }])
  s.close()
  const again = new Store(dir)
  again.open()
  expect(again.collections.get('k')?.get('doc')?.rev).toBe(599)
  expect(again.collections.get('k')?.get('last')?.ok).toBe(true)
  expect(docs(again, 'k')).toHaveLength(7)
  again.close()
})

test('a log that is mostly live data is not rewritten on every write', () => {
  const dir = tempDir()
  const s = new Store(dir)
  s.open()
  s.commit([{ o: 'c', c: 'k' }])
  const warn = quiet()
  for (let i = 0; i < 300; i++) s.commit([{ o: 'p', c: 'k', d: { _id: `d${i}`, text: 'y'.repeat(10_000) } }])
  expect(warn).not.toHaveBeenCalled()
  warn.mockRestore()
  s.close()
})
