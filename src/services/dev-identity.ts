/**
 * H5 under the local cloud only: which dev identity (openid) the browser speaks as. Imported only from *.h5.ts(x)
 * files and from code behind `process.env.TARO_ENV === 'h5'`, so it never reaches the weapp build.
 */
const KEY = 'branch-desk:dev-openid'

export interface DevIdentity {
  openid: string
  name: string
  roles: { role: string; branchId?: string }[]
}

export function getDevOpenId(): string | null {
  try {
    return window.localStorage.getItem(KEY)
  } catch {
    return null
  }
}

export function setDevOpenId(openid: string | null): void {
  try {
    if (openid) window.localStorage.setItem(KEY, openid)
    else window.localStorage.removeItem(KEY)
  } catch {
    // private mode: identity lasts for this page only
  }
}

export async function listDevIdentities(): Promise<DevIdentity[]> {
  const res = await fetch('/dev/identities', { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new Error(`GET /dev/identities: ${res.status}`)
  return (await res.json()) as DevIdentity[]
}
