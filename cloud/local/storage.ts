// File storage: bytes under <data>/storage/<cloudPath>, fileIDs cloud://<env>.<bucket>/<cloudPath>.
import fs from 'node:fs'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.svg': 'image/svg+xml', '.bmp': 'image/bmp', '.ico': 'image/x-icon',
  '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg', '.mp4': 'video/mp4', '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword', '.xls': 'application/vnd.ms-excel', '.md': 'text/markdown; charset=utf-8',
}

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Raster images a browser only ever draws: these may be shown inline. Everything else a user stored (.html, .svg,
 * .pdf, unknown types …) is served as a download, so nothing uploaded runs as a page on the app's origin.
 */
const INLINE = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp'])
export function servedInline(cloudPath: string): boolean {
  return INLINE.has(path.extname(cloudPath).toLowerCase())
}

export class Storage {
  readonly root: string
  readonly bucket: string
  constructor(dataDir: string, private envId: string) {
    this.root = path.join(dataDir, 'storage')
    this.bucket = `${envId}-1300000000`
    fs.mkdirSync(this.root, { recursive: true })
  }

  /** Normalised cloud path or undefined when it would escape the storage root. */
  clean(cloudPath: string): string | undefined {
    const p = String(cloudPath ?? '').replace(/\\/g, '/').replace(/^\/+/, '')
    if (!p || p.split('/').some((s) => s === '..' || s === '.' || s === '')) return undefined
    if (p.split('/')[0] === '.uploading') return undefined // where uploads stream before they are placed
    return p
  }

  fileID(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`
  }

  cloudPathOf(fileID: string): string | undefined {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(String(fileID ?? ''))
    return m ? this.clean(m[1]) : undefined
  }

  filePath(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'))
  }

  write(cloudPath: string, bytes: Buffer): string {
    const p = this.clean(cloudPath)
    if (!p) throw new Error(`invalid cloudPath: ${cloudPath}`)
    const file = this.filePath(p)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
    fs.writeFileSync(tmp, bytes)
    fs.renameSync(tmp, file)
    return this.fileID(p)
  }

  /** A temporary file inside the storage root (same filesystem, so place() is a rename). */
  tempPath(): string {
    const dir = path.join(this.root, '.uploading')
    fs.mkdirSync(dir, { recursive: true })
    return path.join(dir, `${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`)
  }

  /** Moves a finished temporary file to its cloud path (replacing what was there) and answers its fileID. */
  place(tmp: string, cloudPath: string): string {
    const file = this.filePath(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.renameSync(tmp, file)
    return this.fileID(cloudPath)
  }

  exists(cloudPath: string): boolean {
    try { return fs.statSync(this.filePath(cloudPath)).isFile() } catch { return false }
  }

  remove(cloudPath: string): boolean {
    try { fs.unlinkSync(this.filePath(cloudPath)); return true } catch { return false }
  }
}
