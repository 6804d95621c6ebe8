/** Calls the `api` function through the local cloud as a given person, and reads the seeded world. */
import type { ApiResult } from '../../types/envelope'
import { callFunction } from './local-cloud'

export type Caller = <T = any>(action: string, payload?: unknown) => Promise<ApiResult<T>>

export function apiAs(url: string, openid?: string): Caller {
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

export async function uploadFile(url: string, bytes: Buffer, name: string, type = 'image/png', cloudPath?: string): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  if (cloudPath) form.append('cloudPath', cloudPath)
  const res = await fetch(`${url}/cloud/storage`, { method: 'POST', body: form })
  if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { fileID: string }).fileID
}

let photoSeq = 0
/** A session photo uploaded as the app does, under activities/<branchId>/ (a record attaches only its branch's). */
export async function uploadPhoto(url: string, branchId: string, bytes: Buffer, name: string): Promise<string> {
  return uploadFile(url, bytes, name, 'image/png', `activities/${branchId}/test-${Date.now().toString(36)}-${++photoSeq}/${name}`)
}
