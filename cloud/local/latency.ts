/**
 * Added latency per server-API call, so that code that is fast here because every round trip costs ~1 ms over
 * loopback can be measured at the cost it has in WeChat's cloud (`npm run bench` prints both).
 *
 * `LOCALCLOUD_LATENCY=production` ("production-like") sets the defaults below; `LOCALCLOUD_DB_LATENCY_MS` and
 * `LOCALCLOUD_OPENAPI_LATENCY_MS` set (or override) each figure. Unset: no added latency (raw).
 *
 * Where the production-like figures come from: they are not measured in our own production (the app is not live).
 * They are the orders of magnitude issue #21 states for WeChat's cloud ("a database call costs tens of ms and a
 * subscription message about 100 ms"), which agree with what developers report from 云开发控制台's monitoring
 * (indexed queries of tens of ms from a cloud function, in the same region). We take the middle of "tens of ms",
 * 30 ms, for every database call, and 100 ms for every `wx.openApi` call (subscribeMessage.send, msgSecCheck…).
 * Replace them with the p50 of the real environment's 云函数监控 once it runs.
 */
export interface Latency {
  /** Added before every `database.*` action. */
  dbMs: number
  /** Added before every `wx.openApi` call (subscribeMessage.send and the rest). */
  openapiMs: number
}

export const PRODUCTION_LIKE: Latency = { dbMs: 30, openapiMs: 100 }
export const RAW: Latency = { dbMs: 0, openapiMs: 0 }

function ms(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || n > 60_000) throw new Error(`${name} 应为 0–60000 之间的毫秒数，而不是 ${value}`)
  return n
}

/** The latency the environment asks for (see the header). */
export function latencyFromEnv(env: NodeJS.ProcessEnv = process.env): Latency {
  const mode = env.LOCALCLOUD_LATENCY ?? ''
  if (mode !== '' && mode !== 'production' && mode !== 'raw') throw new Error(`LOCALCLOUD_LATENCY 应为 production 或 raw，而不是 ${mode}`)
  const base = mode === 'production' ? PRODUCTION_LIKE : RAW
  return {
    dbMs: ms(env.LOCALCLOUD_DB_LATENCY_MS, 'LOCALCLOUD_DB_LATENCY_MS') ?? base.dbMs,
    openapiMs: ms(env.LOCALCLOUD_OPENAPI_LATENCY_MS, 'LOCALCLOUD_OPENAPI_LATENCY_MS') ?? base.openapiMs,
  }
}

/** Waits `ms` (nothing at 0: raw mode costs no timer turn). */
export function delay(ms: number): Promise<void> | undefined {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined
}
