// The local cloud: one HTTP server standing in for WeChat's 云开发 (the SDK's wire it answers: docs/sdk-wire.md).
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { Store, type Doc } from './store'
import { Database, CloudError } from './db'
import { Functions, NotFound } from './functions'
import { OpenApi, type OutboxMessage } from './openapi'
import { Storage, contentTypeOf, servedInline } from './storage'
import { UploadError, UploadGate, receiveMultipart, receiveRaw } from './uploads'
import { parseMultipart } from './multipart'
import { listActions } from './catalog'
import { startTimers, type Timers } from './timers'
import { lockDataDir } from './lock'
import { delay, latencyFromEnv, type Latency } from './latency'
import { Clock, clockChange, clockScript, persistClock } from './clock'
import { exportSnapshot, importSnapshot } from './snapshot'
import { createConsole } from './console'
import { queryShape, servingIndex, UNINDEXED_FROM } from './index-check'
import { describeIndex } from '../indexes'
import { allowedHosts, checkHostAndOrigin, checkJson, newSecret, readToken, sameSecret, uploadToken, type GuardError } from './guard'
import { TEMP_URL_DEFAULT_SECONDS, clientMayRead, clientMayWrite, clientMayWriteAt } from '../storage-rules'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'

const ROOT = path.resolve(__dirname, '../..')
/** The request log's names of the database actions. */
const DB_OPS: Record<string, string> = {
  'database.getDocument': 'get', 'database.calculateDocument': 'count', 'database.modifyDocument': 'update',
  'database.removeDocument': 'remove', 'database.insertDocument': 'add', 'database.aggregateDocuments': 'aggregate',
  'database.addCollection': 'addCollection',
}
const OUTBOX = '__outbox'
const GRANTS = '__subscription_grants'
/** Who uploaded each client-uploaded file (cloudPath → openid; '' = a function through the SDK). */
const OWNERS = '__storage_owners'

export interface LocalCloudOptions {
  port?: number
  dataDir?: string
  functionsDir?: string
  envId?: string
  appId?: string
  seed?: boolean
  timers?: boolean
  fsync?: boolean
  debug?: boolean
  staticDir?: string
  /** The per-run secret in /admin's URL (TCB_CONTEXT_CNFG); random when not given. */
  adminSecret?: string
  /** Largest file one upload may carry (default 20 MB). */
  uploadLimitBytes?: number
  /** Added latency per database / openapi call (latency.ts; default from LOCALCLOUD_LATENCY and friends). */
  latency?: Latency
  /** Start an empty data directory from this snapshot (snapshot.ts); refused when the directory has data. */
  importDir?: string
  /** The seed of an empty data directory: this snapshot instead of seed.ts. */
  seedSnapshot?: string
}

export interface LocalCloud {
  url: string
  /** `<url>/admin/<secret>`: what the SDK posts to (TCB_CONTEXT_CNFG.URL). */
  adminUrl: string
  /** Writes a snapshot of every collection and stored file (snapshot.ts). */
  exportTo(dir: string): void
  close(): Promise<void>
}

/**
 * What a function's event may weigh here: far above any the app sends (a pasted work plan is tens of KB; files go to
 * storage), and above the bad-input suite's oversized payloads, which the actions themselves must refuse.
 */
const EVENT_LIMIT = 16 << 20
/** The small JSON bodies of /dev/* and pushes. */
const SMALL_LIMIT = 1 << 20

/**
 * A request body, buffered (JSON and the SDK's server API; files stream, uploads.ts). Past `limit` it is refused with
 * 413; the rest is read and dropped up to 1 MiB more (so the client gets the answer), then the connection is cut.
 */
function readBody(req: http.IncomingMessage, limit = 64 << 20): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (over) { if (size > limit + (1 << 20)) req.destroy(); return }
      if (size > limit) {
        over = true
        chunks.length = 0
        reject(new UploadError(413, 'INVALID_INPUT', `请求体超过上限 ${Math.round((limit / (1 << 20)) * 10) / 10} MB`))
        return
      }
      chunks.push(c)
    })
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks)) })
    req.on('error', reject)
  })
}

/** Reads a request body and drops it; past `limit` bytes the connection is cut. */
function drain(req: http.IncomingMessage, limit: number): Promise<void> {
  return new Promise((resolve) => {
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) { req.destroy(); resolve() }
    })
    req.on('end', () => resolve())
    req.on('error', () => resolve())
  })
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') {
  if (res.headersSent) return
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' && !type.startsWith('application/json') ? body : JSON.stringify(body ?? null))
  res.writeHead(status, { 'content-type': type, 'content-length': buf.length })
  res.end(buf)
}

function refuse(res: http.ServerResponse, e: GuardError) {
  return send(res, e.status, { ok: false, error: { code: e.code, message: e.message } })
}

function applyProcessEnv(adminUrl: string, envId: string) {
  const set: Record<string, string> = {
    // The SDK posts every server API call to this URL (adding ?env=…&seqId=…), so the secret in its path reaches
    // /admin from the functions and from nothing that was not told it.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_REGION: process.env.TENCENTCLOUD_REGION || 'ap-shanghai',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: process.env.TENCENTCLOUD_SECRETID || 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: process.env.TENCENTCLOUD_SECRETKEY || 'local-secret-key',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    TCB_CONTEXT_KEYS: 'TCB_SEQID',
  }
  Object.assign(process.env, set)
}

export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const envId = opts.envId ?? 'local-dev'
  const appId = opts.appId ?? 'wxlocal0000000000'
  const dataDir = path.resolve(opts.dataDir ?? path.join(ROOT, '.localcloud'))
  const functionsDir = path.resolve(opts.functionsDir ?? path.join(ROOT, 'cloud/functions'))
  const staticDir = path.resolve(opts.staticDir ?? path.join(ROOT, 'dist-h5'))
  const debug = !!opts.debug
  const latency: Latency = { ...(opts.latency ?? latencyFromEnv()) }
  // The local cloud's time (clock.ts): the functions, server dates, triggers, timers and the served H5 app follow it.
  const clock = new Clock()
  const secret = opts.adminSecret || newSecret()
  let hosts = new Set<string>()

  // Before anything in the directory is read: a second instance must not touch (or compact) the first one's log.
  const lock = await lockDataDir(dataDir)
  const store = new Store(dataDir, { fsync: opts.fsync })
  try {
    store.open()
  } catch (e) {
    await lock.release()
    throw e
  }
  const db = new Database(store, envId)
  const storage = new Storage(dataDir, envId)
  const fromSnapshot = opts.importDir ?? (store.isEmpty() && opts.seed !== false ? opts.seedSnapshot : undefined)
  if (fromSnapshot) {
    try {
      const info = importSnapshot(store, storage.root, fromSnapshot)
      console.log(`[localcloud] started from snapshot ${fromSnapshot} (${Object.keys(info.collections).length} collections, ${info.files} files)`)
    } catch (e) {
      store.close()
      await lock.release()
      throw e
    }
  }
  // The clock's offset survives a restart and comes with a snapshot (clock.ts persistClock).
  persistClock(clock, store)
  const wasEmpty = store.isEmpty()
  // Queries no declared index serves (cloud/indexes.ts) on a collection past UNINDEXED_FROM documents, by shape.
  const unindexed = new Map<string, { collection: string; query: string; from: string; count: number; size: number }>()
  let queryFrom = ''
  // LOCALCLOUD_UNINDEXED_FROM=0 reports every unindexed query whatever its collection's size, empty ones too (the
  // catalog test does).
  const unindexedFrom = /^\d+$/.test(process.env.LOCALCLOUD_UNINDEXED_FROM ?? '') ? Number(process.env.LOCALCLOUD_UNINDEXED_FROM) : UNINDEXED_FROM
  // The declared index serving the last query (the request log's "索引" column): '_id', its fields, or null.
  let lastIndex: string | null | undefined
  db.onQuery = (collection, query, order, size) => {
    const serving = collection.startsWith('__') ? '_id' : servingIndex(collection, query, order)
    lastIndex = serving === '_id' ? '_id' : serving ? describeIndex(serving).replace(/`/g, '') : null
    if ((unindexedFrom > 0 && size <= unindexedFrom) || collection.startsWith('__') || serving) return
    const shape = queryShape(query)
    const key = `${collection} ${shape}`
    const seen = unindexed.get(key)
    if (seen) { seen.count += 1; seen.size = size; return }
    unindexed.set(key, { collection, query: shape, from: queryFrom, count: 1, size })
    console.warn(`[localcloud] no index serves ${collection} ${shape} (${size} documents${queryFrom ? `, from ${queryFrom}` : ''}): declare one in cloud/indexes.ts`)
  }
  const uploadLimit = opts.uploadLimitBytes ?? 20 << 20
  const uploads = new UploadGate()
  // Who uploaded each file, for the storage rule (cloud/storage-rules.ts): a client may replace, and read by fileID,
  // only a file it uploaded; functions (the SDK, admin rights) may replace any, and their files have no owner ('').
  const owners = {
    get: (cp: string): string | undefined => store.collections.get(OWNERS)?.get(cp)?.openid,
    set(cp: string, openid: string) {
      const ops: any[] = []
      if (!store.collections.has(OWNERS)) ops.push({ o: 'c', c: OWNERS })
      ops.push({ o: 'p', c: OWNERS, d: { _id: cp, openid } as Doc })
      store.commit(ops)
    },
    remove(cp: string) {
      if (store.collections.get(OWNERS)?.has(cp)) store.commit([{ o: 'd', c: OWNERS, id: cp }])
    },
  }
  const functions = new Functions(functionsDir, appId)
  let url = ''
  /** A getTempFileURL link: the path with its expiry (by the local clock) and a signature only this run can make. */
  const signedFileUrl = (cp: string, maxAgeSeconds: number): string => {
    const expires = Math.floor(clock.now().getTime() / 1000) + Math.floor(maxAgeSeconds)
    return `${url}/storage/${cp.split('/').map(encodeURIComponent).join('/')}?t=${expires}&sign=${readToken(secret, cp, expires)}`
  }
  const outbox = {
    add(m: OutboxMessage) {
      const ops: any[] = []
      if (!store.collections.has(OUTBOX)) ops.push({ o: 'c', c: OUTBOX })
      ops.push({ o: 'p', c: OUTBOX, d: { _id: crypto.randomBytes(16).toString('hex'), ...m } as Doc })
      store.commit(ops)
    },
    list() {
      return Array.from(store.collections.get(OUTBOX)?.values() ?? []).map(({ _id, ...m }) => m)
    },
  }
  // WeChat's per-user grants of one-time subscription messages (see openapi.ts Grants and POST /dev/subscriptions).
  const grantKey = (openid: string, templateId: string) => `${openid}|${templateId}`
  const grants = {
    count(openid: string, templateId: string) {
      return Number(store.collections.get(GRANTS)?.get(grantKey(openid, templateId))?.n ?? 0)
    },
    add(openid: string, templateId: string, n: number) {
      const next = Math.max(0, grants.count(openid, templateId) + n)
      const ops: any[] = []
      if (!store.collections.has(GRANTS)) ops.push({ o: 'c', c: GRANTS })
      ops.push({ o: 'p', c: GRANTS, d: { _id: grantKey(openid, templateId), openid, templateId, n: next } as Doc })
      store.commit(ops)
      return next
    },
    take(openid: string, templateId: string) {
      if (grants.count(openid, templateId) <= 0) return false
      grants.add(openid, templateId, -1)
      return true
    },
  }
  const knownTemplates = new Map(Object.values(SUBSCRIPTION_TEMPLATES).map((t) => [t.id, Object.values(t.keywords).map((k) => k.key)]))
  // A message push comes from the platform (no user, not a client source) and after the call that caused it has
  // its answer — as in WeChat, where the verdict arrives seconds later — but before that call's caller hears back.
  const push = (fn: string, event: unknown) => functions.invoke(fn, event, { openid: '', source: 'wx_message' })
  const openapi = new OpenApi(path.join(__dirname, 'sensitive-words.txt'), outbox, () => url, grants, knownTemplates, async (event, fn, invocation) => {
    if (!invocation || !functions.afterInvocation(invocation, () => push(fn, event))) await push(fn, event)
  })

  // The console at /_console (console.ts): its request log wraps functions.invoke, so it is made before any call.
  const consoleRoutes = createConsole({ store, functions, outbox, identities, fireTrigger, now: () => clock.now() }, send)

  async function admin(req: http.IncomingMessage, u: URL): Promise<{ status: number; body: unknown; type?: string }> {
    const ctype = String(req.headers['content-type'] ?? '')
    // The SDK sends JSON, or multipart for wx.openApi.
    if (!ctype.startsWith('multipart/form-data')) {
      const bad = checkJson(req)
      if (bad) return { status: bad.status, body: { code: 'INVALID_PARAM', message: bad.message } }
    }
    const raw = await readBody(req)
    const caller = functions.caller(u.searchParams.get('seqId') ?? undefined)
    const requestId = crypto.randomBytes(8).toString('hex')
    let p: any
    if (ctype.startsWith('multipart/form-data')) {
      p = {}
      for (const part of parseMultipart(raw, ctype)) p[part.name] = part.filename !== undefined || part.contentType ? part.data : part.data.toString('utf8')
    } else {
      try { p = JSON.parse(raw.toString('utf8') || '{}') } catch { return { status: 200, body: { code: 'INVALID_PARAM', message: 'request body is not JSON', requestId } } }
    }
    const action = String(p.action ?? '')
    if (debug) console.log(`[localcloud] /admin ${action} ${p.collectionName ?? p.function_name ?? p.apiName ?? ''}${caller ? ` (from ${caller.fn})` : ''}`)
    try {
      if (action.startsWith('database.')) {
        // The round trip's production cost (latency.ts), before the work: an answer is never given early.
        const started = performance.now()
        await delay(latency.dbMs)
        queryFrom = caller?.fn ?? ''
        lastIndex = undefined
        db.lastPlan = undefined
        let code = 'OK'
        try {
          const r = db.handle(action, p)
          if (r === undefined) return { status: 200, body: { code: 'INVALID_PARAM', message: `local cloud does not support ${action}`, requestId } }
          return { status: 200, body: { requestId, ...r } }
        } catch (e) {
          code = e instanceof CloudError ? e.code : 'SYS_ERR'
          throw e
        } finally {
          // The console's request log (console.ts): each database call of the invocation, its time and its index.
          caller?.calls?.push({
            op: DB_OPS[action] ?? action.slice('database.'.length),
            collection: String(p.collectionName ?? ''),
            ms: Math.round((performance.now() - started) * 10) / 10,
            ...(lastIndex !== undefined ? { index: lastIndex, examined: (db.lastPlan as Database['lastPlan'])?.examined } : {}),
            ...(code !== 'OK' ? { code } : {}),
          })
        }
      }
      switch (action) {
        case 'functions.invokeFunction': {
          let event: unknown = {}
          if (p.request_data) { try { event = JSON.parse(p.request_data) } catch { event = p.request_data } }
          try {
            const result = await functions.invoke(String(p.function_name), event, { openid: caller?.openid ?? '', source: 'scf' })
            return { status: 200, body: { requestId, data: { response_data: result === undefined ? '' : JSON.stringify(result) } } }
          } catch (e: any) {
            if (e instanceof NotFound) return { status: 200, body: { code: 'FUNCTIONS_REQUEST_FAIL', message: `FunctionName not found: ${p.function_name}`, requestId } }
            return { status: 200, body: { code: 'FUNCTIONS_EXECUTE_FAIL', message: String(e?.stack ?? e?.message ?? e), requestId } }
          }
        }
        case 'storage.getUploadMetadata': {
          const cp = storage.clean(p.path)
          if (!cp) return { status: 200, body: { code: 'INVALID_PARAM', message: `invalid cloudPath: ${p.path}`, requestId } }
          return {
            status: 200,
            body: {
              requestId,
              data: {
                url: `${url}/storage-upload/${cp.split('/').map(encodeURIComponent).join('/')}`,
                // The SDK sends authorization back on its PUT to url; /storage-upload takes only this cloudPath's token.
                token: 'local', authorization: uploadToken(secret, cp), fileId: storage.fileID(cp), cosFileId: 'local',
                download_url: signedFileUrl(cp, TEMP_URL_DEFAULT_SECONDS),
              },
            },
          }
        }
        case 'storage.batchGetDownloadUrl': {
          const list = (Array.isArray(p.file_list) ? p.file_list : []).map((f: any) => {
            const fileID = typeof f === 'string' ? f : f?.fileid
            const cp = storage.cloudPathOf(fileID)
            if (!cp || !storage.exists(cp)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
            const maxAge = typeof f === 'object' && Number(f?.max_age) > 0 ? Number(f.max_age) : TEMP_URL_DEFAULT_SECONDS
            return { fileID, tempFileURL: signedFileUrl(cp, maxAge), code: 'SUCCESS' }
          })
          return { status: 200, body: { requestId, data: { download_list: list } } }
        }
        case 'storage.batchDeleteFile': {
          const list = (Array.isArray(p.fileid_list) ? p.fileid_list : []).map((fileID: string) => {
            const cp = storage.cloudPathOf(fileID)
            if (!cp || !storage.remove(cp)) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
            owners.remove(cp)
            return { fileID, code: 'SUCCESS' }
          })
          return { status: 200, body: { requestId, data: { delete_list: list } } }
        }
        case 'wx.openApi': {
          await delay(latency.openapiMs)
          const data = Buffer.isBuffer(p.requestData) ? p.requestData : Buffer.from(String(p.requestData ?? ''), 'latin1')
          const buf = await openapi.handle(String(p.apiName), data, caller ? { fn: caller.fn, openid: caller.openid, id: caller.id } : undefined)
          return { status: 200, body: buf, type: 'application/octet-stream' }
        }
        default:
          return { status: 200, body: { code: 'INVALID_PARAM', message: `local cloud does not support action ${action}`, requestId } }
      }
    } catch (e: any) {
      if (e instanceof CloudError) return { status: 200, body: { code: e.code, message: e.message, requestId } }
      console.error(`[localcloud] /admin ${action} failed:`, e)
      return { status: 200, body: { code: 'SYS_ERR', message: String(e?.message ?? e), requestId } }
    }
  }

  async function identities() {
    const users = store.collections.get('users')
    const memberships = store.collections.get('memberships')
    if (!users && !memberships) return []
    const byOpenid = new Map<string, { openid: string; name: string; roles: Array<{ role: string; branchId?: string }>; branchNames?: string[] }>()
    for (const u of users?.values() ?? []) byOpenid.set(String(u._id), { openid: String(u._id), name: String(u.name ?? u._id), roles: [] })
    for (const m of memberships?.values() ?? []) {
      if (m.status !== 'active' || !m.openid) continue
      let who = byOpenid.get(m.openid)
      if (!who) { who = { openid: m.openid, name: m.openid, roles: [] }; byOpenid.set(m.openid, who) }
      who.roles.push(m.branchId === null || m.branchId === undefined ? { role: m.role } : { role: m.role, branchId: m.branchId })
    }
    // Where each person serves, by name: the first screen offers people as "李建国 · 湖南省计算机学会党支部".
    const branches = store.collections.get('branches')
    for (const who of byOpenid.values()) {
      const names = who.roles.map((r) => (r.branchId ? branches?.get(r.branchId)?.name : undefined)).filter((n): n is string => typeof n === 'string')
      if (names.length) who.branchNames = Array.from(new Set(names))
    }
    const committee = (x: { roles: Array<{ role: string }> }) => (x.roles.some((r) => r.role === 'committee_admin' || r.role === 'committee') ? 0 : 1)
    return Array.from(byOpenid.values()).sort((a, b) => committee(a) - committee(b) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
  }

  function serveFile(res: http.ServerResponse, file: string, type?: string, head = false, extra: http.OutgoingHttpHeaders = {}) {
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } })
      res.writeHead(200, { 'content-type': type ?? contentTypeOf(file), 'content-length': st.size, 'cache-control': 'no-cache', ...extra })
      if (head) return res.end()
      fs.createReadStream(file).pipe(res)
    })
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const p = u.pathname
    if (debug && !p.startsWith('/admin')) console.log(`[localcloud] ${method} ${p}`)
    const bad = checkHostAndOrigin(req, hosts)
    if (bad) return refuse(res, bad)
    if (p === '/healthz') return send(res, 200, { ok: true })
    if (await consoleRoutes(req, res, u)) return
    if (p === '/admin' || p.startsWith('/admin/')) {
      if (method !== 'POST') return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `未找到 ${method} ${p}` } })
      if (!sameSecret(p.slice('/admin/'.length), secret)) return refuse(res, { status: 403, code: 'FORBIDDEN', message: '/admin 需要本次运行的密钥（云函数从 TCB_CONTEXT_CNFG 得到它）' })
      const r = await admin(req, u)
      return send(res, r.status, r.body, r.type)
    }
    let m = /^\/cloud\/functions\/([^/]+)$/.exec(p)
    if (m && method === 'POST') {
      const name = decodeURIComponent(m[1])
      if (!functions.info(name)) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } })
      const notJson = checkJson(req)
      if (notJson) return refuse(res, notJson)
      const raw = await readBody(req, EVENT_LIMIT)
      let event: unknown = {}
      try { event = raw.length ? JSON.parse(raw.toString('utf8')) : {} } catch { return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是合法的 JSON' } }) }
      const openid = String(req.headers['x-dev-openid'] ?? '')
      try {
        const result = await functions.invoke(name, event, { openid })
        return send(res, 200, result === undefined ? null : result)
      } catch (e: any) {
        console.error(`[localcloud] function ${name} threw:`, e)
        return send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e?.message ?? e) } })
      }
    }
    m = /^\/cloud\/triggers\/([^/]+)$/.exec(p)
    if (m && method === 'POST') {
      const name = decodeURIComponent(m[1])
      const info = functions.info(name)
      if (!info) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } })
      await readBody(req, SMALL_LIMIT)
      const nowParam = u.searchParams.get('now')
      const now = nowParam ? new Date(nowParam) : new Date()
      if (Number.isNaN(now.getTime())) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `now 不是合法的时间: ${nowParam}` } })
      try {
        return send(res, 200, (await fireTrigger(name, now)) ?? null)
      } catch (e: any) {
        console.error(`[localcloud] trigger ${name} threw:`, e)
        return send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e?.message ?? e) } })
      }
    }
    m = /^\/cloud\/messages\/([^/]+)$/.exec(p)
    if (m && method === 'POST') {
      // A message push (e.g. Event wxa_media_check) delivered to a function as the platform delivers it.
      const name = decodeURIComponent(m[1])
      if (!functions.info(name)) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } })
      const notJson = checkJson(req)
      if (notJson) return refuse(res, notJson)
      let event: unknown
      const body = await readBody(req, SMALL_LIMIT)
      try { event = JSON.parse(body.toString('utf8') || '{}') } catch { return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是合法的 JSON' } }) }
      return send(res, 200, (await push(name, event)) ?? null)
    }
    m = /^\/storage-upload\/(.+)$/.exec(p)
    if (m && (method === 'PUT' || method === 'POST')) {
      const cp = storage.clean(decodeURIComponent(m[1]))
      if (!cp || !sameSecret(String(req.headers.authorization ?? ''), uploadToken(secret, cp))) {
        return send(res, 403, '<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>upload token does not match</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>', 'application/xml')
      }
      try {
        await uploads.run(async () => {
          const tmp = storage.tempPath()
          await receiveRaw(req, tmp, uploadLimit)
          storage.place(tmp, cp)
          owners.set(cp, '')
        })
      } catch (e) {
        if (!(e instanceof UploadError)) throw e
        return send(res, e.status, `<?xml version="1.0" encoding="utf-8"?><Error><Code>${e.status === 413 ? 'EntityTooLarge' : 'SlowDown'}</Code><Message>${e.message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`, 'application/xml')
      }
      res.writeHead(200, { 'content-length': 0 })
      return res.end()
    }
    if (p === '/cloud/storage' && method === 'POST') {
      const ctype = String(req.headers['content-type'] ?? '')
      if (!ctype.startsWith('multipart/form-data')) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '需要 multipart/form-data' } })
      const openid = String(req.headers['x-dev-openid'] ?? '')
      // wx.cloud.uploadFile always comes from a signed-in user, as a function call does (dispatch.ts refuses a call
      // without one): an upload with no identity is refused before a byte is stored (and its owner would be nobody).
      if (!openid) {
        // Read and drop the body first (a client still writing would see its connection cut, not the answer).
        await drain(req, uploadLimit + (1 << 20))
        return send(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '无法识别你的身份，请在微信中重新打开小程序' } })
      }
      try {
        return send(res, 200, await uploads.run(async () => {
          const tmp = storage.tempPath()
          const { fields, file } = await receiveMultipart(req, tmp, uploadLimit)
          if (!file) throw new UploadError(400, 'INVALID_INPUT', '缺少 file 字段')
          const original = (file.filename || 'file').split(/[\\/]/).pop() || 'file'
          const cp = storage.clean(fields.cloudPath || `uploads/${crypto.randomBytes(8).toString('hex')}/${original}`)
          // Checked and placed in one synchronous step, so two uploads to one new path cannot both win.
          if (!cp || !clientMayWrite({ path: cp, exists: storage.exists(cp), owner: owners.get(cp) }, openid)) {
            fs.rmSync(tmp, { force: true })
            if (!cp) throw new UploadError(400, 'INVALID_INPUT', 'cloudPath 不合法')
            // The rule's path half (发展党员 files only into the uploader's own folder) as production's 403.
            if (!clientMayWriteAt(cp, openid)) throw new UploadError(403, 'FORBIDDEN', `没有权限上传到 ${cp}：发展党员材料只能上传到 recruitment/<支部>/<自己的 openid>/ 下`)
            throw new UploadError(409, 'CONFLICT', `文件 ${cp} 已存在，只有上传它的人可以覆盖`)
          }
          const fileID = storage.place(tmp, cp)
          owners.set(cp, openid)
          return { fileID }
        }))
      } catch (e) {
        if (!(e instanceof UploadError)) throw e
        return send(res, e.status, { ok: false, error: { code: e.code, message: e.message } })
      }
    }
    m = /^\/storage\/(.+)$/.exec(p)
    if (m && (method === 'GET' || method === 'HEAD')) {
      const cp = storage.clean(decodeURIComponent(m[1]))
      if (!cp || !storage.exists(cp)) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } })
      // Read as production would let it be read (cloud/storage-rules.ts): through a link a function asked for
      // (getTempFileURL: signed, expiring by the local clock), or by the client that uploaded it (wx.cloud.downloadFile
      // carries the caller's identity, X-Dev-OpenId here). Anyone else who merely knows the path is refused.
      const expires = Number(u.searchParams.get('t'))
      const sign = u.searchParams.get('sign') ?? undefined
      const linked = sign !== undefined && Number.isFinite(expires) && expires * 1000 > clock.now().getTime() && sameSecret(sign, readToken(secret, cp, expires))
      if (!linked && !clientMayRead({ path: cp, owner: owners.get(cp) }, String(req.headers['x-dev-openid'] ?? ''))) {
        return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '没有权限读取这个文件：链接无效或已过期' } })
      }
      // What users stored never runs on this origin: no sniffing, and anything but a raster image is a download in a sandbox.
      // No filename in the header: a page's <a download="…"> names the file (the export's 2026年度党支部考核汇总.xlsx);
      // a header filename would override it. Without one the browser takes the path's last segment.
      const headers: http.OutgoingHttpHeaders = { 'x-content-type-options': 'nosniff' }
      if (!servedInline(cp)) {
        headers['content-disposition'] = 'attachment'
        headers['content-security-policy'] = "default-src 'none'; sandbox"
      }
      return serveFile(res, storage.filePath(cp), undefined, method === 'HEAD', headers)
    }
    if (p === '/dev/clock' && (method === 'GET' || method === 'POST')) {
      if (method === 'POST') {
        const notJson = checkJson(req)
        if (notJson) return refuse(res, notJson)
        let body: unknown
        try { body = JSON.parse((await readBody(req, SMALL_LIMIT)).toString('utf8') || '{}') } catch { return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是合法的 JSON' } }) }
        const change = clockChange(body)
        if ('error' in change) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: change.error } })
        if ('set' in change) clock.set(change.set)
        else if ('advance' in change) clock.advance(change.advance)
        else clock.reset()
        console.log(`[localcloud] clock: ${clock.now().toISOString()} (offset ${clock.offsetMs} ms)`)
      }
      return send(res, 200, { ok: true, now: clock.now().toISOString(), offsetMs: clock.offsetMs })
    }
    if (method === 'GET' && p === '/dev/unindexed') return send(res, 200, Array.from(unindexed.values()))
    if (method === 'GET' && p === '/dev/identities') return send(res, 200, await identities())
    if (method === 'GET' && p === '/dev/outbox') return send(res, 200, outbox.list())
    if (method === 'POST' && p === '/dev/subscriptions') {
      // Stands in for WeChat's consent sheet: what the user tapped per template id becomes the platform's grant.
      const openid = String(req.headers['x-dev-openid'] ?? '')
      if (!openid) return send(res, 400, { ok: false, error: { code: 'UNAUTHENTICATED', message: '缺少 X-Dev-OpenId' } })
      const notJson = checkJson(req)
      if (notJson) return refuse(res, notJson)
      let body: any
      const raw = await readBody(req, SMALL_LIMIT)
      try { body = JSON.parse(raw.toString('utf8') || '{}') } catch { return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是合法的 JSON' } }) }
      const results = body?.results
      if (!results || typeof results !== 'object' || Array.isArray(results)) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'results 应为 { 模板编号: accept|reject|ban|filter }' } })
      const granted: Record<string, number> = {}
      for (const [templateId, result] of Object.entries(results)) {
        if (!['accept', 'reject', 'ban', 'filter'].includes(String(result))) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `模板 ${templateId} 的结果不正确: ${String(result)}` } })
        granted[templateId] = result === 'accept' ? grants.add(openid, templateId, 1) : grants.count(openid, templateId)
      }
      return send(res, 200, { ok: true, grants: granted })
    }
    if (method === 'GET' && p === '/dev/actions') return send(res, 200, await listActions())
    if (method === 'GET' || method === 'HEAD') {
      if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
        if (p === '/' || p === '/index.html') {
          return send(res, 200, '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>支部工作台 · 本地云</title></head><body><h1>本地云已启动</h1><p>还没有 H5 构建产物（dist-h5/）。请先运行 <code>npm run build:h5</code>，然后刷新本页。</p></body></html>', 'text/html; charset=utf-8')
        }
        return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `未找到 ${p}` } })
      }
      const rel = p === '/' ? 'index.html' : decodeURIComponent(p).replace(/^\/+/, '')
      const file = path.resolve(staticDir, rel)
      if (!file.startsWith(staticDir + path.sep)) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '未找到' } })
      if (rel === 'index.html') {
        // The page's Date follows the local cloud's clock: a script put first in <head> as the page is served (the
        // build output itself never has it, clock.ts).
        const html = fs.readFileSync(file, 'utf8')
        const at = html.indexOf('<head>')
        const page = at < 0 ? clockScript(clock.offsetMs) + html : html.slice(0, at + 6) + clockScript(clock.offsetMs) + html.slice(at + 6)
        res.setHeader('cache-control', 'no-cache')
        return send(res, 200, method === 'HEAD' ? '' : page, 'text/html; charset=utf-8')
      }
      return serveFile(res, file, undefined, method === 'HEAD')
    }
    return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `未找到 ${method} ${p}` } })
  }

  async function fireTrigger(name: string, now: Date) {
    const info = functions.info(name)
    if (!info) throw new NotFound(`云函数 ${name} 不存在`)
    const trig = info.triggers.find((t) => t.type === 'timer') ?? info.triggers[0]
    const event = { Type: 'Timer', TriggerName: trig?.name ?? '', Time: now.toISOString() }
    // SOURCE as WeChat reports a timer run (getWXContext: wx_trigger, 云函数定时触发器调用); no user.
    return functions.invoke(name, event, { openid: '', source: 'wx_trigger', clock: now })
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e) => {
      if (e instanceof UploadError) return send(res, e.status, { ok: false, error: { code: e.code, message: e.message } })
      console.error('[localcloud] request failed:', e)
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e?.message ?? e) } })
    })
  })
  // Longer than a client keeps an idle socket (Node's agent: 5 s; WeChat's SDK uses Node's): the client closes first.
  // At 5 s here too, a request sent on a socket the server was closing at that moment failed with "socket hang up"
  // (seen by the reminders bench at 1,000 branches after a 5 s planning pause).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port ?? 10086, '127.0.0.1', () => resolve())
    })
  } catch (e) {
    store.close()
    await lock.release()
    throw e
  }
  const addr = server.address() as { port: number }
  url = `http://127.0.0.1:${addr.port}`
  lock.describe(`pid ${process.pid}，${url}`)
  hosts = allowedHosts(addr.port)
  const adminUrl = `${url}/admin/${secret}`
  applyProcessEnv(adminUrl, envId)

  const seedOn = opts.seed !== false
  if (wasEmpty && seedOn) {
    const { seed } = await import('./seed')
    await seed({
      invoke: (fn, event, openid) => functions.invoke(fn, event, { openid: openid ?? '' }),
      upload: async (cloudPath, bytes) => storage.write(cloudPath, bytes),
    })
    if (process.env.LOCALCLOUD_SEED_REMINDERS !== '0') {
      const { seedReminders } = await import('./seed-reminders')
      await seedReminders({
        invoke: (fn, event, openid) => functions.invoke(fn, event, { openid: openid ?? '' }),
        grant: (openid, templateId) => { grants.add(openid, templateId, 1) },
      })
    }
  }

  let timers: Timers | undefined
  if (opts.timers !== false) {
    timers = startTimers(functions.list(), (name, at) => fireTrigger(name, at))
    // Each timer's next run is computed on the new time.
    clock.onChange(() => {
      timers?.stop()
      timers = startTimers(functions.list(), (name, at) => fireTrigger(name, at))
    })
  }

  return {
    url,
    adminUrl,
    exportTo(dir: string) {
      const info = exportSnapshot(store, storage.root, dir, envId)
      console.log(`[localcloud] snapshot written to ${path.resolve(dir)} (${Object.keys(info.collections).length} collections, ${info.files} files)`)
    },
    async close() {
      timers?.stop()
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections?.() })
      store.close()
      await lock.release()
    },
  }
}
