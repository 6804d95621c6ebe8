// Uploads stream to a temporary file under a size cap, a few at a time. They used to be buffered whole (64 MB each,
// any number at once), so a handful of parallel uploads could take the process's memory.
import fs from 'node:fs'
import type http from 'node:http'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'

export class UploadError extends Error {
  constructor(public status: number, public code: 'INVALID_INPUT' | 'RATE_LIMITED' | 'CONFLICT' | 'FORBIDDEN', message: string) { super(message) }
}

/** At most `active` uploads stream at once and `waiting` more queue; past that an upload is refused (503). */
export class UploadGate {
  private running = 0
  private queue: Array<() => void> = []
  constructor(readonly active = 4, readonly waiting = 8) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.active) {
      if (this.queue.length >= this.waiting) throw new UploadError(503, 'RATE_LIMITED', `同时上传的文件过多（${this.active} 个上传中，${this.waiting} 个排队），请稍后重试`)
      await new Promise<void>((resolve) => this.queue.push(resolve))
    } else {
      this.running++
    }
    try {
      return await work()
    } finally {
      const next = this.queue.shift()
      if (next) next() // the slot passes straight to the next in line
      else this.running--
    }
  }
}

const mb = (n: number) => `${Math.round((n / (1 << 20)) * 10) / 10} MB`

/**
 * Reads the rest of a request whose upload is refused, so the client gets the answer instead of a reset, but only up
 * to `slack` bytes: a larger body is cut off.
 */
function discard(req: http.IncomingMessage, slack: number): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded || req.destroyed) { resolve(); return }
    let seen = 0
    req.on('data', (c: Buffer) => { seen += c.length; if (seen > slack) { req.destroy(); resolve() } })
    req.on('end', () => resolve())
    req.on('close', () => resolve())
    req.resume()
  })
}

const SLACK = 1 << 20

/** A client that went away while its upload waited for a slot. */
function gone(req: http.IncomingMessage): boolean {
  return req.destroyed && !req.complete
}

/** A raw body (the SDK's PUT to the upload URL) into `tmp`, refused past `limit` bytes. */
export async function receiveRaw(req: http.IncomingMessage, tmp: string, limit: number): Promise<number> {
  if (gone(req)) throw new UploadError(400, 'INVALID_INPUT', '上传中断')
  const declared = Number(req.headers['content-length'])
  if (declared > limit) {
    await discard(req, SLACK)
    throw new UploadError(413, 'INVALID_INPUT', `文件超过上限 ${mb(limit)}`)
  }
  let size = 0
  let tooBig = false
  const out = fs.createWriteStream(tmp)
  try {
    await pipeline(req, async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        size += chunk.length
        if (size > limit) { tooBig = true; return }
        yield chunk
      }
    }, out)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
  if (tooBig) {
    fs.rmSync(tmp, { force: true })
    await discard(req, SLACK)
    throw new UploadError(413, 'INVALID_INPUT', `文件超过上限 ${mb(limit)}`)
  }
  return size
}

export interface MultipartUpload {
  fields: Record<string, string>
  /** The `file` part, streamed to `tmp`. */
  file?: { tmp: string; filename: string; size: number }
}

/** multipart/form-data with one `file` part (into `tmp`) and a few small fields, refused past `limit` bytes of file. */
export async function receiveMultipart(req: http.IncomingMessage, tmp: string, limit: number): Promise<MultipartUpload> {
  if (gone(req)) throw new UploadError(400, 'INVALID_INPUT', '上传中断')
  const declared = Number(req.headers['content-length'])
  if (declared > limit + SLACK) {
    await discard(req, SLACK)
    throw new UploadError(413, 'INVALID_INPUT', `文件超过上限 ${mb(limit)}`)
  }
  let bb: busboy.Busboy
  try {
    bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: limit, files: 1, fields: 8, fieldSize: 4096, parts: 10 } })
  } catch (e: any) {
    throw new UploadError(400, 'INVALID_INPUT', `上传不是合法的 multipart/form-data：${e?.message ?? e}`)
  }
  const fields: Record<string, string> = {}
  let file: MultipartUpload['file']
  let tooBig = false
  const writes: Promise<void>[] = []
  bb.on('field', (name, value) => { fields[name] = value })
  bb.on('file', (name, stream, info) => {
    if (name !== 'file' || file) { stream.resume(); return }
    const f = { tmp, filename: info.filename ?? '', size: 0 }
    file = f
    stream.on('data', (c: Buffer) => { f.size += c.length })
    stream.on('limit', () => { tooBig = true })
    const written = pipeline(stream, fs.createWriteStream(tmp))
    written.catch(() => { /* awaited below, or the upload already failed */ })
    writes.push(written)
  })
  try {
    await new Promise<void>((resolve, reject) => {
      bb.on('close', () => resolve())
      bb.on('error', (e: any) => reject(new UploadError(400, 'INVALID_INPUT', `上传不是合法的 multipart/form-data：${e?.message ?? e}`)))
      req.on('close', () => { if (!req.complete) reject(new UploadError(400, 'INVALID_INPUT', '上传中断')) })
      req.pipe(bb)
    })
    await Promise.all(writes)
  } catch (e) {
    req.unpipe(bb)
    bb.destroy()
    fs.rmSync(tmp, { force: true })
    await discard(req, SLACK)
    throw e
  }
  if (tooBig) {
    fs.rmSync(tmp, { force: true })
    throw new UploadError(413, 'INVALID_INPUT', `文件超过上限 ${mb(limit)}`)
  }
  return { fields, file }
}
