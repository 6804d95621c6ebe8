/**
 * The write protocol: what every write shares, so that no action invents its own.
 *
 * - **Idempotent requests.** An action whose input has a `clientRequestId` is run once per request key
 *   (action, caller, clientRequestId): dispatch.ts passes it through `runOnce`, which records the request in
 *   `write_requests` before the handler runs and the handler's answer after. A retry, or a second call at the same
 *   time, answers what the first call answered (or, with the action's `replay`, the same record presented afresh).
 *   A clientRequestId reused for another action is another request. The request remembers a fingerprint of its
 *   payload (`payloadFingerprint`: the validated input without the clientRequestId); the same key sent with another
 *   payload is refused (CONFLICT, `details.requestReused`) instead of answering the first request as if it were this
 *   one. Requests stored before the fingerprint keep answering as before. Handlers that make a record name it by
 *   `ctx.requestKey`, so even a run taken over from a call that died half-way cannot make it twice.
 * - **Content checks.** `checkTexts`: what a person typed passes the platform's check before anyone else sees it.
 * - **Version conflicts.** `versionConflict`: CONFLICT with the current version, so the editor can reload.
 */
import { createHash } from 'node:crypto'
import { AppError } from './errors'
import { collection, isDuplicateKey, loadOne } from './data'
import { isCollectionMissing } from './errors'
import type { Port } from './port'

/** One key per (action, caller, clientRequestId): the request's id, and the id of a record it makes. */
export const requestKey = (action: string, openid: string, clientRequestId: string) =>
  createHash('sha256').update(`${action}\u0000${openid}\u0000${clientRequestId}`).digest('hex').slice(0, 32)

/** A call still running after this long died (a function runs 60 s at most): a retry takes the request over. */
export const REQUEST_STALE_MS = 90 * 1000
/** How long a second call waits for the first one's answer before telling the person to look again shortly. */
export const REQUEST_WAIT_MS = 5 * 1000
const POLL_MS = 100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const inProgress = () => new AppError('CONFLICT', '这次提交仍在处理中，请稍后刷新查看结果', { inProgress: true })

export interface WriteRequest {
  action: string
  openid: string
  clientRequestId: string
  /** The validated input: its fingerprint (without the clientRequestId) is kept with the request. */
  payload?: unknown
}

/** JSON with object keys sorted at every depth, so the same payload always gives the same text. */
function stableJson(value: unknown): string {
  if (value && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return stableJson((value as { toJSON: () => unknown }).toJSON())
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * A stable hash of what a request asks for: the validated input without its clientRequestId (key order does not
 * matter). The same request key with another fingerprint is another operation, refused by `runOnce`.
 */
export function payloadFingerprint(payload: unknown): string {
  const rest = payload && typeof payload === 'object' && !Array.isArray(payload)
    ? Object.fromEntries(Object.entries(payload as Record<string, unknown>).filter(([k]) => k !== 'clientRequestId'))
    : payload
  return createHash('sha256').update(stableJson(rest)).digest('hex').slice(0, 32)
}

const reusedKey = () => new AppError('CONFLICT', '同一请求编号已用于另一项操作，请刷新后重试', { requestReused: true })

/**
 * Runs `run` once for the request: the first call runs it and keeps its answer; a retry (or a call at the same
 * time, once the first is done) gets that answer (through `replay` when given). A failure is not kept: the request
 * may be sent again. `run` gets the request key. With `request.payload`, the same key sent with another payload is
 * CONFLICT (`requestReused`); a request stored without a fingerprint (before it was kept) answers as before.
 */
export async function runOnce<R>(
  port: Port,
  request: WriteRequest,
  run: (key: string) => Promise<R>,
  replay?: (first: R) => Promise<R>,
): Promise<R> {
  const key = requestKey(request.action, request.openid, request.clientRequestId)
  const requests = collection(port, 'write_requests')
  const fingerprint = request.payload === undefined ? undefined : payloadFingerprint(request.payload)
  const answer = (text: string) => {
    const first = JSON.parse(text) as R
    return replay ? replay(first) : first
  }
  const waitUntil = Date.now() + REQUEST_WAIT_MS
  let startedAt: Date | undefined
  while (!startedAt) {
    const seen = await loadOne(port, 'write_requests', key)
    // The same key for another payload (another member, another text…) is not a retry of this request.
    if (seen?.fingerprint && fingerprint && seen.fingerprint !== fingerprint) throw reusedKey()
    if (seen?.state === 'done' && seen.result !== undefined) return answer(seen.result)
    const now = port.now()
    if (!seen) {
      try {
        await requests.add({ data: { _id: key, action: request.action, openid: request.openid, state: 'running', startedAt: now, ...(fingerprint ? { fingerprint } : {}) } })
        startedAt = now
      } catch (error) {
        if (isCollectionMissing(error)) {
          // An environment set up before the protocol: the collection is made on first use.
          await port.db.createCollection('write_requests').catch(() => undefined)
          continue
        }
        // Another call of the same request got there first: wait for its answer.
        if (!isDuplicateKey(error)) throw error
      }
    } else if (now.getTime() - new Date(seen.startedAt).getTime() > REQUEST_STALE_MS) {
      // The call that started it died: take it over, conditionally, so only one retry does.
      const { stats } = await requests.where({ _id: key, startedAt: seen.startedAt, state: 'running' }).update({ data: { startedAt: now } })
      if (stats.updated === 1) startedAt = now
    }
    if (!startedAt) {
      if (Date.now() >= waitUntil) throw inProgress()
      await sleep(POLL_MS)
    }
  }
  let result: R
  try {
    result = await run(key)
  } catch (error) {
    // Nothing is kept for a request that failed (refused input, a conflict…): sending it again runs it again.
    await requests.where({ _id: key, startedAt }).remove()
    throw error
  }
  await requests.where({ _id: key, startedAt }).update({ data: { state: 'done', result: JSON.stringify(result), doneAt: port.now() } })
  return result
}

/** security.msgSecCheck's limit on one text (characters). */
export const TEXT_CHECK_MAX = 2500

/**
 * Texts a person typed pass the platform's check before anyone else sees them. The first rejection stops the
 * save and names the field (its key in the action's schema) so the form can point at it.
 */
export async function checkTexts(port: Port, openid: string, fields: [field: string, label: string, value: string | undefined][]) {
  for (const [field, label, value] of fields) {
    if (!value) continue
    // msgSecCheck takes at most 2,500 characters per call; long texts (minutes up to MINUTES_MAX) are checked in pieces.
    const chars = Array.from(value)
    for (let at = 0; at < chars.length; at += TEXT_CHECK_MAX) {
      const verdict = await port.openapi.checkText(chars.slice(at, at + TEXT_CHECK_MAX).join(''), openid)
      if (!verdict.pass) {
        throw new AppError('CONTENT_REJECTED', `${label}含有不适宜发布的内容，请修改后再提交`, { field, label: verdict.label })
      }
    }
  }
}

/**
 * The record changed since the editor read it: CONFLICT with the version it is at now (`details.currentVersion`),
 * so the client can reload and show what changed. `message` says what to do (the default: refresh and try again).
 */
export const versionConflict = (currentVersion: number, message = `该记录已被他人修改（当前为第 ${currentVersion} 版），请刷新后再试`) =>
  new AppError('CONFLICT', message, { currentVersion })
