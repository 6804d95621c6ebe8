/** Calls the `api` function through the local cloud as a given person, and reads the seeded world. */
import type { ActionInput, ActionName, ActionOutput } from '../../types/actions'
import type { ApiResult } from '../../types/envelope'
import { callFunction } from './local-cloud'

/**
 * Calls actions as the app does, typed by the contract (types/actions/index.ts): the action's name, its payload's
 * fields and the answer's fields are checked by tsc, so renaming an action or a field fails the tests that use it at
 * compile time, not at run time.
 */
export type Caller = <A extends ActionName>(action: A, payload?: ActionInput<A>) => Promise<ApiResult<ActionOutput<A>>>

/**
 * Calls that a client built on the contract could not make — unknown actions, wrong types, missing or extra fields,
 * hostile payloads — for the tests that send them on purpose. The answer's data is untyped.
 */
export type RawCaller = <T = any>(action: string, payload?: unknown) => Promise<ApiResult<T>>

/** The typed caller: `apiAs(cloud.url, 'dev-secretary-1')('activities.record', { … })`. No openid = anonymous. */
export function apiAs(url: string, openid?: string): Caller {
  return rawApiAs(url, openid) as Caller
}

/** The untyped caller, for deliberately off-contract calls (see RawCaller). */
export function rawApiAs(url: string, openid?: string): RawCaller {
  return (action, payload = {}) => callFunction(url, 'api', { action, payload, requestId: `test-${Date.now()}` }, openid)
}

/** Unwraps an ok envelope, failing the test with the error otherwise. */
export async function ok<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.data
}

export interface DevIdentity {
  openid: string
  name: string
  roles: { role: string; branchId?: string }[]
}

export async function identities(url: string): Promise<DevIdentity[]> {
  return (await (await fetch(`${url}/dev/identities`)).json()) as DevIdentity[]
}

/** Uploads as wx.cloud.uploadFile does: as a signed-in person (the local cloud refuses an upload with no identity). */
export async function uploadFile(url: string, bytes: Buffer, name: string, type = 'image/png', cloudPath?: string, openid = 'test-uploader'): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  if (cloudPath) form.append('cloudPath', cloudPath)
  const res = await fetch(`${url}/cloud/storage`, { method: 'POST', body: form, headers: { 'X-Dev-OpenId': openid } })
  if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { fileID: string }).fileID
}

let photoSeq = 0
/** A session photo uploaded as the app does, under activities/<branchId>/ (a record attaches only its branch's). */
export async function uploadPhoto(url: string, branchId: string, bytes: Buffer, name: string): Promise<string> {
  return uploadFile(url, bytes, name, 'image/png', `activities/${branchId}/test-${Date.now().toString(36)}-${++photoSeq}/${name}`)
}
