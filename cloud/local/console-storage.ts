// The console's 存储文件 view (console.ts): the files the local cloud stores under <data>/storage/<cloudPath>
// (storage.ts), with who uploaded each (`__storage_owners`: a user's openid, '' for a function through the SDK), and
// one file's bytes. Dev only, behind the console's Host/Origin checks. A stored file is served as the local cloud
// serves it to the app (storage.ts): raster images inline, everything else as a sandboxed download, never as a page.
import fs from 'node:fs'
import path from 'node:path'
import type http from 'node:http'
import type { Store } from './store'
import { contentTypeOf, servedInline } from './storage'

const OWNERS = '__storage_owners'

export interface StorageFile {
  path: string
  size: number
  mtime: string
  type: string
  image: boolean
  /** The uploader's openid, '' when a function stored it, null when unknown. */
  owner: string | null
}

const rootOf = (store: Store) => path.join(store.dir, 'storage')

/** Every stored file, by path (uploads still streaming, under storage/.uploading, are left out). */
export function storageFiles(store: Store): { files: StorageFile[]; bytes: number } {
  const root = rootOf(store)
  const owners = store.collections.get(OWNERS)
  const files: StorageFile[] = []
  const walk = (dir: string, prefix: string) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name
      if (!prefix && e.name === '.uploading') continue
      if (e.isDirectory()) walk(path.join(dir, e.name), rel)
      else if (e.isFile()) {
        const st = fs.statSync(path.join(dir, e.name))
        const owner = owners?.get(rel)
        files.push({ path: rel, size: st.size, mtime: st.mtime.toISOString(), type: contentTypeOf(rel), image: servedInline(rel), owner: owner ? String(owner.openid ?? '') : null })
      }
    }
  }
  walk(root, '')
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { files, bytes: files.reduce((n, f) => n + f.size, 0) }
}

type Send = (res: http.ServerResponse, status: number, body: unknown, type?: string) => void

/** One stored file's bytes, or 404; `cloudPath` may not leave storage/ (no '..', no absolute path, not .uploading). */
export function serveStorageFile(store: Store, cloudPath: string, res: http.ServerResponse, send: Send) {
  const parts = cloudPath.replace(/\\/g, '/').split('/')
  const bad = !cloudPath || parts.some((s) => s === '' || s === '.' || s === '..') || parts[0] === '.uploading'
  const root = rootOf(store)
  const file = path.join(root, ...parts)
  if (bad || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `没有这个文件：${cloudPath}` } })
    return
  }
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('content-security-policy', 'sandbox')
  if (!servedInline(cloudPath)) res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(parts[parts.length - 1])}`)
  send(res, 200, fs.readFileSync(file), servedInline(cloudPath) ? contentTypeOf(cloudPath) : 'application/octet-stream')
}
