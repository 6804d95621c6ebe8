// One local cloud per data directory. A second `npm run cloud` on the same directory used to read and compact the
// log before it failed to bind its port; the first then appended to a deleted file and lost every later write. The
// lock is taken before anything in the directory is read and held until close.
//
// The lock is a listening Unix socket, so the kernel drops it when the holder dies (kill -9 included): no stale lock
// file to guess about. On Linux it lives in the abstract namespace (no file at all), named after the directory's real
// path; elsewhere it is `<data>/.lock.sock`, and a socket nobody answers on is a dead holder's and is replaced.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import crypto from 'node:crypto'

export class DataDirLocked extends Error {}

export interface DirLock {
  /** Tells a later contender who holds the directory (answered on the lock socket). */
  describe(text: string): void
  release(): Promise<void>
}

function socketPath(realDir: string): string {
  if (process.platform === 'linux') return `\0branch-desk-localcloud:${crypto.createHash('sha256').update(realDir).digest('hex')}`
  return path.join(realDir, '.lock.sock')
}

/** What the holder says about itself, or '' when nobody answers (within a second). */
function askHolder(where: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = ''
    const sock = net.connect({ path: where })
    const done = (v: string | undefined) => { clearTimeout(t); sock.destroy(); resolve(v) }
    const t = setTimeout(() => done(text), 1000)
    sock.setEncoding('utf8')
    sock.on('data', (d: string) => { text += d })
    sock.on('end', () => done(text))
    sock.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? undefined : text))
  })
}

function listen(server: net.Server, where: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => resolve(e)
    server.once('error', onError)
    server.listen({ path: where, exclusive: true }, () => { server.off('error', onError); resolve(undefined) })
  })
}

export async function lockDataDir(dir: string): Promise<DirLock> {
  fs.mkdirSync(dir, { recursive: true })
  const real = fs.realpathSync(dir)
  const where = socketPath(real)
  let about = `pid ${process.pid}`
  const server = net.createServer((sock) => { sock.end(about) })
  server.unref()
  for (let attempt = 0; ; attempt++) {
    const err = await listen(server, where)
    if (!err) break
    if (err.code !== 'EADDRINUSE') throw err
    const holder = await askHolder(where)
    if (holder === undefined && !where.startsWith('\0') && attempt === 0) {
      // A socket file left by a holder that died: nobody listens on it.
      try { fs.unlinkSync(where) } catch { /* gone already */ }
      continue
    }
    throw new DataDirLocked(`数据目录 ${real} 正被另一个本地云使用（${holder || '未应答'}）；同一数据目录只能运行一个本地云：先停止它，或用 LOCALCLOUD_DATA 指定另一个目录`)
  }
  return {
    describe(text: string) { about = text },
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
