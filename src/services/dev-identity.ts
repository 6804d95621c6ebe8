/**
 * H5 under the local cloud only: which dev identity (openid) the browser speaks as. Imported only from *.h5.ts(x)
 * files and from code behind `process.env.TARO_ENV === 'h5'`, so it never reaches the weapp build.
 */
const KEY = 'branch-desk:dev-openid'

export interface DevIdentity {
  openid: string
  name: string
  roles: { role: string; branchId?: string }[]
  /** the branches the person serves in, by name (absent for the committee and for people not yet in a branch) */
  branchNames?: string[]
}

export function getDevOpenId(): string | null {
  try {
    return window.localStorage.getItem(KEY)
  } catch {
    return null
  }
}

const listeners = new Set<() => void>()

/** Hears every change of identity (the first screen leaves its welcome as soon as somebody is chosen). */
export function onDevIdentityChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

export function setDevOpenId(openid: string | null): void {
  try {
    if (openid) window.localStorage.setItem(KEY, openid)
    else window.localStorage.removeItem(KEY)
  } catch {
    // private mode: identity lasts for this page only
  }
  for (const listener of listeners) listener()
}

export async function listDevIdentities(): Promise<DevIdentity[]> {
  const res = await fetch('/dev/identities', { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new Error(`GET /dev/identities: ${res.status}`)
  return (await res.json()) as DevIdentity[]
}
