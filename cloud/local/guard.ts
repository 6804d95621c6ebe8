// The local cloud's control plane is reachable by anything on this machine, browsers included. These checks keep a
// web page from using it: Host (a rebound DNS name reaches 127.0.0.1 with its own Host), Origin (a page on another
// local origin posts with its own Origin, even no-cors), the JSON content type (a no-cors POST can only send
// text/plain, form-urlencoded or multipart) and the per-run admin secret (only the functions, through
// TCB_CONTEXT_CNFG, and whoever started the process know it).
import crypto from 'node:crypto'
import type http from 'node:http'

export interface GuardError {
  status: number
  code: 'FORBIDDEN' | 'INVALID_INPUT'
  message: string
}

/** The Host values this server answers to: loopback names with its own port, nothing else. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
}

/** Host and Origin of any request. A request without Origin is not a browser's cross-origin one (browsers send it on every non-GET). */
export function checkHostAndOrigin(req: http.IncomingMessage, hosts: Set<string>): GuardError | undefined {
  const host = String(req.headers.host ?? '').toLowerCase()
  if (!hosts.has(host)) return { status: 403, code: 'FORBIDDEN', message: `本地云只接受 Host 为 ${[...hosts].join(' / ')} 的请求（收到 ${host || '空'}）` }
  const origin = req.headers.origin
  if (origin !== undefined) {
    let ok = false
    try {
      const o = new URL(String(origin))
      ok = o.protocol === 'http:' && hosts.has(o.host) && o.pathname === '/' && `${o.protocol}//${o.host}` === String(origin).toLowerCase()
    } catch { ok = false }
    if (!ok) return { status: 403, code: 'FORBIDDEN', message: `本地云不接受来自其他来源的请求（Origin: ${String(origin)}）` }
  }
  return undefined
}

/** JSON endpoints take only application/json (optionally with a charset), which a no-cors page cannot send. */
export function checkJson(req: http.IncomingMessage): GuardError | undefined {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/json') return undefined
  return { status: 415, code: 'INVALID_INPUT', message: `请求需要 Content-Type: application/json（收到 ${type || '空'}）` }
}

export function newSecret(): string {
  return crypto.randomBytes(24).toString('hex')
}

/** Constant-time comparison of a presented secret with the run's. */
export function sameSecret(given: string | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(secret).digest()
  return crypto.timingSafeEqual(a, b)
}

/** The token the SDK carries back on an upload to the URL /admin handed out (storage.getUploadMetadata): one per cloudPath. */
export function uploadToken(secret: string, cloudPath: string): string {
  return crypto.createHmac('sha256', secret).update(`upload:${cloudPath}`).digest('hex')
}

/** The signature on a getTempFileURL link to `cloudPath` that works until `expires` (seconds since 1970). */
export function readToken(secret: string, cloudPath: string, expires: number): string {
  return crypto.createHmac('sha256', secret).update(`read:${cloudPath}:${expires}`).digest('hex')
}
