/**
 * The local cloud's clock (cloud/local/clock.ts, POST /dev/clock): set it to 07:00 Beijing tomorrow and the hourly
 * reminders run fired without `?now=` does no daily work; advance it one hour and the 08:00 run sends the seeded
 * work points' reminders. Functions (an action's own `new Date()`) and server dates follow it; the app's page is
 * test/e2e/local-cloud-clock.test.ts.
 */
import { apiAs, ok } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'

const DAY = 86400000
let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud({ env: { LOCALCLOUD_SEED_REMINDERS: '1' }, timeoutMs: 90000 })
}, 120000)
afterAll(() => cloud?.stop())

async function clock(body?: unknown): Promise<{ now: string; offsetMs: number }> {
  const res = await fetch(`${cloud.url}/dev/clock`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(res.status).toBe(200)
  return res.json()
}
const trigger = async () => {
  const res = await fetch(`${cloud.url}/cloud/triggers/reminders`, { method: 'POST' })
  expect(res.status).toBe(200)
  return res.json()
}
const near = (iso: string | Date, at: Date, slackMs = 60000) => Math.abs(new Date(iso).getTime() - at.getTime()) < slackMs

test('set and advance: triggers, functions and server dates see the local cloud time; a reminder comes due at 08:00', async () => {
  const tomorrow = new Date(Date.now() + 8 * 3600e3 + DAY).toISOString().slice(0, 10)
  const seven = new Date(`${tomorrow}T07:00:00+08:00`)
  const set = await clock({ set: seven.toISOString() })
  expect(near(set.now, seven, 5000)).toBe(true)
  expect(set.offsetMs).toBeGreaterThan(0)

  const before = await trigger()
  expect(before.ok).toBe(true)
  expect(near(before.now, seven)).toBe(true)
  expect(before.daily).toBe(false)
  expect(before.counts['assignment_due:claimed'] ?? 0).toBe(0)

  const eight = await clock({ advance: '1h' })
  expect(near(eight.now, new Date(seven.getTime() + 3600e3), 5000)).toBe(true)
  const after = await trigger()
  expect(after.daily).toBe(true)
  expect(after.counts['assignment_due:claimed']).toBeGreaterThan(0)
  const inbox = await ok<{ items: { kind: string; title: string }[] }>(apiAs(cloud.url, 'dev-secretary-1')('inbox.list', { limit: 50 }))
  expect(inbox.items.some((i) => i.kind === 'assignment_due')).toBe(true)

  // A function's own clock: subscriptions.record stamps updatedAt with the function's `new Date()`.
  const tpl = SUBSCRIPTION_TEMPLATES.assignment_due.id
  await ok(apiAs(cloud.url, 'dev-member-1a')('subscriptions.record', { results: { [tpl]: 'accept' } }))
  const db = sdkFor(cloud.url).database()
  const { data: sub } = await db.collection('subscriptions').doc(`dev-member-1a_${tpl}`).get()
  expect(near(sub.updatedAt, new Date(eight.now))).toBe(true)
  // A server date.
  await db.createCollection('clock_probe').catch(() => undefined)
  const { _id } = await db.collection('clock_probe').add({ data: { at: db.serverDate() } })
  const { data: probe } = await db.collection('clock_probe').doc(_id).get()
  expect(near(probe.at, new Date(eight.now))).toBe(true)

  // Back to the machine's time.
  expect((await clock({ reset: true })).offsetMs).toBe(0)
  expect(near((await clock()).now, new Date(), 5000)).toBe(true)
})

test('bad clock requests are refused with a reason', async () => {
  for (const body of [{ set: 'tomorrow' }, { advance: '3 weeks' }, {}]) {
    const res = await fetch(`${cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('INVALID_INPUT')
  }
})
