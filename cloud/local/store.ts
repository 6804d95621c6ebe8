// Append-only JSON-lines store: one line per acknowledged write (or per transaction),
// collections in memory, replayed at start, torn last line tolerated, compaction at startup.
import fs from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'

export type Doc = Record<string, any> & { _id: string }
export type Op =
  | { o: 'c'; c: string } // create collection
  | { o: 'p'; c: string; d: Doc } // put (insert or replace) a document
  | { o: 'd'; c: string; id: string } // delete a document

const LOG = 'log.jsonl'

export class Store {
  readonly dir: string
  readonly collections = new Map<string, Map<string, Doc>>()
  private fd = -1
  private fsync: boolean
  logBytes = 0

  constructor(dir: string, opts: { fsync?: boolean } = {}) {
    this.dir = dir
    this.fsync = !!opts.fsync
  }

  open(): void {
    fs.mkdirSync(this.dir, { recursive: true })
    const file = path.join(this.dir, LOG)
    let text = ''
    try { text = fs.readFileSync(file, 'utf8') } catch { /* new store */ }
    let good = 0
    let pos = 0
    let lineNo = 0
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos)
      const end = nl === -1 ? text.length : nl
      const line = text.slice(pos, end)
      lineNo++
      if (line.trim()) {
        let parsed: any
        try { parsed = JSON.parse(line) } catch { parsed = undefined }
        if (parsed === undefined) {
          if (nl === -1) {
            console.warn(`[localcloud] store: ignoring torn last line ${lineNo} of ${file} (${line.length} bytes)`)
            break
          }
          console.warn(`[localcloud] store: skipping unreadable line ${lineNo} of ${file}`)
        } else {
          const ops: any[] = Array.isArray(parsed.t) ? parsed.t : [parsed]
          for (const op of ops) this.apply(this.decode(op))
        }
      }
      if (nl === -1) { good = text.length; break }
      pos = nl + 1
      good = pos
    }
    // byte offset of the good prefix (text is utf8; convert char offset)
    const goodBytes = Buffer.byteLength(text.slice(0, good), 'utf8')
    const totalBytes = Buffer.byteLength(text, 'utf8')
    if (goodBytes < totalBytes) fs.truncateSync(file, goodBytes)
    this.logBytes = goodBytes
    this.maybeCompact(file)
    this.fd = fs.openSync(file, 'a')
  }

  private maybeCompact(file: string): void {
    if (this.logBytes < 1 << 20) return
    const lines: string[] = []
    let live = 0
    for (const [c, docs] of this.collections) {
      lines.push(JSON.stringify({ o: 'c', c }))
      for (const d of docs.values()) lines.push(JSON.stringify(this.encode({ o: 'p', c, d })))
    }
    for (const l of lines) live += l.length + 1
    if (this.logBytes < live * 2) return
    const tmp = file + '.tmp'
    const fd = fs.openSync(tmp, 'w')
    fs.writeSync(fd, lines.length ? lines.join('\n') + '\n' : '')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.renameSync(tmp, file)
    try { const dfd = fs.openSync(this.dir, 'r'); fs.fsyncSync(dfd); fs.closeSync(dfd) } catch { /* not all platforms */ }
    console.warn(`[localcloud] store: compacted log ${this.logBytes} → ${live} bytes`)
    this.logBytes = live
  }

  private encode(op: Op): any {
    return op.o === 'p' ? { o: 'p', c: op.c, d: EJSON.serialize(op.d, { relaxed: true }) } : op
  }
  private decode(op: any): Op {
    return op.o === 'p' ? { o: 'p', c: op.c, d: EJSON.deserialize(op.d, { relaxed: true }) as Doc } : op
  }

  private apply(op: Op): void {
    if (op.o === 'c') {
      if (!this.collections.has(op.c)) this.collections.set(op.c, new Map())
    } else if (op.o === 'p') {
      let coll = this.collections.get(op.c)
      if (!coll) { coll = new Map(); this.collections.set(op.c, coll) }
      coll.set(op.d._id, op.d)
    } else if (op.o === 'd') {
      this.collections.get(op.c)?.delete(op.id)
    }
  }

  /** Durably log then apply; returns only after the line is written (and fdatasync'd if asked). */
  commit(ops: Op[]): void {
    if (!ops.length) return
    const enc = ops.map((o) => this.encode(o))
    const line = (enc.length === 1 ? JSON.stringify(enc[0]) : JSON.stringify({ t: enc })) + '\n'
    const buf = Buffer.from(line, 'utf8')
    let off = 0
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off)
    if (this.fsync) fs.fdatasyncSync(this.fd)
    this.logBytes += buf.length
    for (const op of ops) this.apply(op)
  }

  isEmpty(): boolean {
    return this.collections.size === 0
  }

  close(): void {
    if (this.fd >= 0) { try { fs.closeSync(this.fd) } catch { /* ignore */ } this.fd = -1 }
  }
}
