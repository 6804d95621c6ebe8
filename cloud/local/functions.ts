// Runs the cloud-function bundles in this process with the real wx-server-sdk.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import { als, installEnvView, type DbCall, type InvocationStore } from './env-view'

export interface FunctionInfo {
  name: string
  dir: string
  entry: string
  triggers: Array<{ name: string; type: string; config: string }>
  env: Record<string, string>
}

export class NotFound extends Error {}

const requireHere = createRequire(__filename)

export class Functions {
  private live = new Map<string, InvocationStore>()
  private after = new Map<string, Array<() => Promise<unknown>>>()
  private cache = new Map<string, { mod: any; mtimeMs: number }>()

  constructor(private dir: string, private appId: string) {
    installEnvView()
  }

  list(): FunctionInfo[] {
    let names: string[] = []
    try { names = fs.readdirSync(this.dir) } catch { return [] }
    const out: FunctionInfo[] = []
    for (const name of names.sort()) {
      const info = this.info(name)
      if (info) out.push(info)
    }
    return out
  }

  info(name: string): FunctionInfo | undefined {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) return undefined
    const dir = path.join(this.dir, name)
    const entry = path.join(dir, 'index.js')
    if (!fs.existsSync(entry)) return undefined
    let triggers: FunctionInfo['triggers'] = []
    try { triggers = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).triggers ?? [] } catch { /* none */ }
    const env: Record<string, string> = {}
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, 'local.env.json'), 'utf8'))
      for (const [k, v] of Object.entries(raw)) env[k] = typeof v === 'string' ? v : JSON.stringify(v)
    } catch { /* none */ }
    return { name, dir, entry, triggers, env }
  }

  /** The invocation an /admin request belongs to, from the seqId the SDK derives from TCB_SEQID. */
  caller(seqId: string | undefined): InvocationStore | undefined {
    if (!seqId) return undefined
    const i = seqId.indexOf('-')
    return i > 0 ? this.live.get(seqId.slice(0, i)) : undefined
  }

  async invoke(name: string, event: unknown, caller: { openid?: string; unionid?: string; source?: string; clock?: Date; calls?: DbCall[] } = {}): Promise<unknown> {
    const info = this.info(name)
    if (!info) throw new NotFound(`云函数 ${name} 不存在`)
    const mod = this.load(info.entry)
    if (typeof mod?.main !== 'function') throw new Error(`云函数 ${name} 没有导出 main`)
    const id = 'lc' + crypto.randomBytes(8).toString('hex')
    const openid = caller.openid ?? ''
    const store: InvocationStore = {
      id,
      fn: name,
      openid,
      env: {
        ...info.env,
        WX_OPENID: openid,
        WX_APPID: this.appId,
        TCB_SEQID: id,
        SCF_FUNCTIONNAME: name,
        TCB_SOURCE: caller.source ?? 'wx_client',
      },
    }
    if (caller.unionid) store.env.WX_UNIONID = caller.unionid
    if (caller.calls) store.calls = caller.calls
    this.live.set(id, store)
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 20000,
      request_id: id,
      function_name: name,
      function_version: '$LATEST',
      namespace: process.env.SCF_NAMESPACE,
      environ: '',
      // A trigger fired "as of" another instant (POST /cloud/triggers/<name>?now=): the function's real clock.
      ...(caller.clock ? { localcloud_clock: caller.clock.toISOString() } : {}),
    }
    try {
      return await als.run(store, () => mod.main(clone(event), context))
    } finally {
      this.live.delete(id)
      const after = this.after.get(id) ?? []
      this.after.delete(id)
      for (const task of after) await task().catch((e) => console.error(`[localcloud] after ${name}:`, e))
    }
  }

  /** Runs `task` once invocation `id` has returned (before its caller is answered); false when it is not running. */
  afterInvocation(id: string, task: () => Promise<unknown>): boolean {
    if (!this.live.has(id)) return false
    this.after.set(id, [...(this.after.get(id) ?? []), task])
    return true
  }

  /**
   * The bundle as it is on disk now: when `npm run build:cloud` (or `npm run dev`'s watcher) rewrites index.js, the
   * next invocation loads the new code — no restart, data kept. One stat per invocation; invocations already running
   * finish on the module they started with.
   */
  private load(entry: string): any {
    const mtimeMs = fs.statSync(entry).mtimeMs
    const cached = this.cache.get(entry)
    if (cached && cached.mtimeMs === mtimeMs) return cached.mod
    delete requireHere.cache[requireHere.resolve(entry)]
    const mod = requireHere(entry)
    this.cache.set(entry, { mod, mtimeMs })
    return mod
  }
}

/**
 * The event as the function would receive it across the platform's JSON boundary. Every event here was itself just
 * parsed from JSON (an HTTP body, the SDK's request_data), so one nested too deep for JSON.stringify's recursion
 * (thousands of brackets: RangeError) is already JSON-pure and goes through as it is, for the function to refuse.
 */
function clone(v: unknown): unknown {
  if (v === undefined) return {}
  try {
    return JSON.parse(JSON.stringify(v))
  } catch (e) {
    if (e instanceof RangeError) return v
    throw e
  }
}
