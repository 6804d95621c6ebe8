/**
 * Steps the weapp journeys share, whether they drive WeChat DevTools (test/devtools/journeys.ts) or the weapp
 * runtime stand-in (test/weapp-run/): a session that is open for sign-in, who signed in, a photo to pick.
 */
import jpeg from 'jpeg-js'
import { apiAs, identities, ok } from './api'

const MIN = 60_000

/** The branch of a seeded person (their first role with one). */
export async function branchOf(url: string, openid: string): Promise<string> {
  const person = (await identities(url)).find((p) => p.openid === openid)
  const branchId = person?.roles.find((r) => r.branchId)?.branchId
  if (!branchId) throw new Error(`${openid} has no branch in the seed`)
  return branchId
}

/** dev-secretary-1 plans a 主题党日 starting in 10 minutes, so sign-in is open now; answers its id. */
export async function planSignInSession(url: string, topic: string): Promise<string> {
  const now = Date.now()
  const iso = (t: number) => new Date(t).toISOString()
  const planned = await ok(
    apiAs(url, 'dev-secretary-1')('activities.plan', {
      branchId: await branchOf(url, 'dev-secretary-1'),
      type: 'theme_day',
      topic: `${topic} ${now}`,
      place: '学会会议室',
      startAt: iso(now + 10 * MIN),
      endAt: iso(now + 120 * MIN),
      host: '李建国',
      clientRequestId: `journey-${now}-${Math.random().toString(36).slice(2, 8)}`,
    }),
  )
  return planned.id
}

/** When the secretary's attendance sheet says `name` signed in to the session; null when they have not. */
export async function signedInAt(url: string, id: string, name: string): Promise<string | null> {
  const sheet = await ok(
    apiAs(url, 'dev-secretary-1')('activities.attendanceSheet', {
      branchId: await branchOf(url, 'dev-secretary-1'),
      id,
    }),
  )
  return sheet.attendees.find((a) => a.name === name)?.signedInAt ?? null
}

/** A 64×48 JPEG with a gradient, made here so the journeys need no binary fixture. */
export function smallJpeg(): Buffer {
  const width = 64
  const height = 48
  const data = Buffer.alloc(width * height * 4)
  for (let i = 0; i < width * height; i += 1) data.set([(i % width) * 4, 120, 200, 255], i * 4)
  return jpeg.encode({ data, width, height }, 80).data
}
