// Per-invocation view of process.env. wx-server-sdk's getWXContext() and the node-sdk read
// process.env, which is process-wide; a real function instance serves one invocation at a time.
// Here process.env becomes a Proxy whose reads consult the current invocation's overlay first
// (AsyncLocalStorage), so concurrent invocations each see their own WX_OPENID, TCB_SEQID, ….
import { AsyncLocalStorage } from 'node:async_hooks'

export interface InvocationStore {
  id: string
  fn: string
  env: Record<string, string>
  openid: string
  /** The console's request log: the database calls this invocation makes (server.ts adds them). */
  calls?: DbCall[]
}

/** One database call as the request log shows it. */
export interface DbCall {
  /** get, count, update, remove, add, aggregate, addCollection */
  op: string
  collection: string
  /** The round trip as the function waits for it (with any added latency), ms. */
  ms: number
  /** The declared index (cloud/indexes.ts) that serves the query in the cloud: '_id', its fields, or null (none). */
  index?: string | null
  /** Documents the local cloud tested (its in-memory index's candidates, or the whole collection). */
  examined?: number
  code?: string
}

export const als = new AsyncLocalStorage<InvocationStore>()
let installed = false

export function installEnvView(): void {
  if (installed) return
  installed = true
  const real = process.env
  const overlay = () => als.getStore()?.env
  const view = new Proxy(real, {
    get(t, k) {
      const o = overlay()
      if (o && typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k)) return o[k]
      return Reflect.get(t, k)
    },
    set(t, k, v) {
      const o = overlay()
      if (o && typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k)) { o[k] = String(v); return true }
      return Reflect.set(t, k, String(v))
    },
    has(t, k) {
      const o = overlay()
      if (o && typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k)) return true
      return Reflect.has(t, k)
    },
    deleteProperty(t, k) {
      const o = overlay()
      if (o && typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k)) { delete o[k]; return true }
      return Reflect.deleteProperty(t, k)
    },
    ownKeys(t) {
      const o = overlay()
      const keys = Reflect.ownKeys(t)
      if (!o) return keys
      const set = new Set(keys)
      for (const k of Object.keys(o)) set.add(k)
      return Array.from(set)
    },
    getOwnPropertyDescriptor(t, k) {
      const o = overlay()
      if (o && typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k)) {
        return { value: o[k], writable: true, enumerable: true, configurable: true }
      }
      return Reflect.getOwnPropertyDescriptor(t, k)
    },
  })
  Object.defineProperty(process, 'env', { value: view, writable: true, configurable: true, enumerable: true })
}
