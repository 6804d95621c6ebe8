// Append-only JSON-lines store: one line per acknowledged write (or per transaction),
// collections in memory, replayed at start as a stream, torn last line tolerated, compacted at start and while running.
import fs from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'

export type Doc = Record<string, any> & { _id: string }
export type Op =
  | { o: 'c'; c: string } // create collection
  | { o: 'p'; c: string; d: Doc } // put (insert or replace) a document
  | { o: 'd'; c: string; id: string } // delete a document

const LOG = 'log.jsonl'
/** No compaction below this log size. */
const COMPACT_MIN = 1 << 20

export class Store {
  readonly dir: string
  readonly collections = new Map<string, Map<string, Doc>>()
  private fd = -1
  private fsync: boolean
  /** Bytes read per step when the log is replayed. */
  private chunkBytes: number
  logBytes = 0
  /** The log size at which maybeCompact looks again. */
  private compactAt = COMPACT_MIN

  constructor(dir: string, opts: { fsync?: boolean; chunkBytes?: number } = {}) {
    this.dir = dir
    this.fsync = !!opts.fsync
    this.chunkBytes = opts.chunkBytes ?? 4 << 20
  }

  open(): void {
    fs.mkdirSync(this.dir, { recursive: true })
    const file = path.join(this.dir, LOG)
    let fd: number
    try {
      fd = fs.openSync(file, 'r')
    } catch (e: any) {
      // Only a missing log means a new store. Anything else (permissions, a directory in its place …) must stop the
      // start: treating it as empty used to start blank and seed on top of the real data.
      if (e?.code !== 'ENOENT') throw new Error(`[localcloud] store: cannot read ${file}: ${e?.message ?? e}`)
      fd = -1
    }
    let good = 0
    let total = 0
    let endsWithNewline = true
    if (fd >= 0) {
      try {
        ;({ good, total, endsWithNewline } = this.replay(fd, file))
      } finally {
        fs.closeSync(fd)
      }
    }
    if (good < total) fs.truncateSync(file, good)
    this.logBytes = good
    this.fd = fs.openSync(file, 'a')
    // A last line that parsed but was never terminated: the next append must start on a line of its own.
    if (!endsWithNewline) this.append(Buffer.from('\n'))
    this.compactAt = COMPACT_MIN
    this.maybeCompact()
  }

  /**
   * Replays the log chunk by chunk (a whole-file string cannot exceed V8's ~512 MiB limit; the log can). Answers the
   * byte length of the good prefix: a torn last line (a write cut short by a crash) is left out.
   */
  private replay(fd: number, file: string): { good: number; total: number; endsWithNewline: boolean } {
    const chunk = Buffer.alloc(this.chunkBytes)
    let carry: Buffer = Buffer.alloc(0)
    let pos = 0 // bytes read so far
    let good = 0 // end of the last complete, applied line
    let lineNo = 0
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos)
      if (n === 0) break
      pos += n
      let data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n)
      let start = 0
      for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
        lineNo++
        this.applyLine(data.subarray(start, nl), lineNo, file, false)
        good += nl - start + 1
        start = nl + 1
      }
      carry = Buffer.from(data.subarray(start))
      data = Buffer.alloc(0)
    }
    if (carry.length === 0) return { good, total: pos, endsWithNewline: true }
    lineNo++
    if (this.applyLine(carry, lineNo, file, true)) return { good: pos, total: pos, endsWithNewline: false }
    return { good, total: pos, endsWithNewline: true }
  }

  /** Applies one line; false when it does not parse (a torn last line, or a damaged one that is skipped). */
  private applyLine(bytes: Buffer, lineNo: number, file: string, last: boolean): boolean {
    const line = bytes.toString('utf8')
    if (!line.trim()) return true
    let parsed: any
    try { parsed = JSON.parse(line) } catch { parsed = undefined }
    if (parsed === undefined) {
      if (last) console.warn(`[localcloud] store: ignoring torn last line ${lineNo} of ${file} (${bytes.length} bytes)`)
      else console.warn(`[localcloud] store: skipping unreadable line ${lineNo} of ${file}`)
      return false
    }
    const ops: any[] = Array.isArray(parsed.t) ? parsed.t : [parsed]
    for (const op of ops) this.apply(this.decode(op))
    return true
  }

  private append(buf: Buffer): void {
    let off = 0
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off)
    this.logBytes += buf.length
  }

  /**
   * Rewrites the log as one line per live document when it has grown to at least twice that (and 1 MiB) — at start
   * and whenever a commit takes it past the next check, so a long-running instance does not grow without bound. Only
   * the process holding the data directory's lock (lock.ts) gets here. Written in batches (a whole-store string could
   * pass V8's limit), fsync'd and renamed over the log; the append handle is then reopened on the new file.
   */
  private maybeCompact(): void {
    if (this.logBytes < this.compactAt) return
    const file = path.join(this.dir, LOG)
    const tmp = file + '.tmp'
    const out = fs.openSync(tmp, 'w')
    let live = 0
    try {
      let batch: string[] = []
      let batchBytes = 0
      const flush = () => {
        if (!batch.length) return
        const buf = Buffer.from(batch.join(''), 'utf8')
        let off = 0
        while (off < buf.length) off += fs.writeSync(out, buf, off)
        live += buf.length
        batch = []
        batchBytes = 0
      }
      const push = (line: string) => {
        batch.push(line + '\n')
        batchBytes += line.length
        if (batchBytes > 4 << 20) flush()
      }
      for (const [c, docs] of this.collections) {
        push(JSON.stringify({ o: 'c', c }))
        for (const d of docs.values()) push(JSON.stringify(this.encode({ o: 'p', c, d })))
      }
      flush()
      if (this.logBytes < live * 2) {
        // Mostly live data: not worth a rewrite yet. Look again when the log has doubled.
        fs.closeSync(out)
        fs.rmSync(tmp, { force: true })
        this.compactAt = Math.max(COMPACT_MIN, 2 * this.logBytes)
        return
      }
      fs.fsyncSync(out)
    } catch (e) {
      try { fs.closeSync(out) } catch { /* closed */ }
      fs.rmSync(tmp, { force: true })
      throw e
    }
    fs.closeSync(out)
    fs.renameSync(tmp, file)
    try { const dfd = fs.openSync(this.dir, 'r'); fs.fsyncSync(dfd); fs.closeSync(dfd) } catch { /* not all platforms */ }
    if (this.fd >= 0) fs.closeSync(this.fd)
    this.fd = fs.openSync(file, 'a')
    console.warn(`[localcloud] store: compacted log ${this.logBytes} → ${live} bytes`)
    this.logBytes = live
    this.compactAt = Math.max(COMPACT_MIN, 2 * live)
  }

  private encode(op: Op): any {
    return op.o === 'p' ? { o: 'p', c: op.c, d: EJSON.serialize(op.d, { relaxed: true }) } : op
  }
  private decode(op: any): Op {
    return op.o === 'p' ? { o: 'p', c: op.c, d: EJSON.deserialize(op.d, { relaxed: true }) as Doc } : op
  }

  /**
   * Told of every document put or deleted in memory — by a commit, the replay at start, an import — after the change
   * (the local cloud's in-memory indexes, mem-index.ts). Compaction rewrites only the log and tells nothing.
   */
  onChange?: (collection: string, before: Doc | undefined, after: Doc | undefined) => void

  private apply(op: Op): void {
    if (op.o === 'c') {
      if (!this.collections.has(op.c)) this.collections.set(op.c, new Map())
    } else if (op.o === 'p') {
      let coll = this.collections.get(op.c)
      if (!coll) { coll = new Map(); this.collections.set(op.c, coll) }
      const before = coll.get(op.d._id)
      coll.set(op.d._id, op.d)
      this.onChange?.(op.c, before, op.d)
    } else if (op.o === 'd') {
      const coll = this.collections.get(op.c)
      const before = coll?.get(op.id)
      if (before) {
        coll!.delete(op.id)
        this.onChange?.(op.c, before, undefined)
      }
    }
  }

  /** Durably log then apply; returns only after the line is written (and fdatasync'd if asked). */
  commit(ops: Op[]): void {
    if (!ops.length) return
    const enc = ops.map((o) => this.encode(o))
    const line = (enc.length === 1 ? JSON.stringify(enc[0]) : JSON.stringify({ t: enc })) + '\n'
    this.append(Buffer.from(line, 'utf8'))
    if (this.fsync) fs.fdatasyncSync(this.fd)
    for (const op of ops) this.apply(op)
    try {
      this.maybeCompact()
    } catch (e) {
      // The write above is durable and acknowledged; a failed rewrite only leaves the longer log in place.
      console.error('[localcloud] store: compaction failed, the log stays as it is:', e)
      this.compactAt = Math.max(COMPACT_MIN, 2 * this.logBytes)
    }
  }

  isEmpty(): boolean {
    return this.collections.size === 0
  }

  close(): void {
    if (this.fd >= 0) { try { fs.closeSync(this.fd) } catch { /* ignore */ } this.fd = -1 }
  }
}
