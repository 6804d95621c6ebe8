/**
 * Issue 15 (security and integrity): each attack as the red-team pass ran it, through the local cloud on the real
 * SDK. Threat model: a user with a modified client calls any cloud function with any event.
 */
import { callFunction, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
const DAY = 86400000
const count = async (collection: string, where: Record<string, unknown> = {}) =>
  (await sdkFor(cloud.url).database().collection(collection).where(where).count()).total as number
const outbox = async () => (await (await fetch(`${cloud.url}/dev/outbox`)).json()) as unknown[]

beforeAll(async () => {
  cloud = await startLocalCloud()
})
afterAll(() => cloud?.stop())

describe('#15.1 only the timer trigger runs the reminders', () => {
  const future = () => new Date(Date.now() + 37 * DAY).toISOString()

  test('a member calling the reminders function with a future Time is refused and nothing is run, sent or marked', async () => {
    const runs = await count('reminder_runs')
    const sent = (await outbox()).length
    const answer = await callFunction(cloud.url, 'reminders', { Type: 'Timer', TriggerName: 'hourly', Time: future() }, 'dev-member-1b')
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await count('reminder_runs')).toBe(runs)
    expect((await outbox()).length).toBe(sent)
  })

  test('a call without a user that is not the trigger (another source) is refused too', async () => {
    const runs = await count('reminder_runs')
    const answer = await callFunction(cloud.url, 'reminders', { Type: 'Timer', Time: new Date().toISOString() })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await count('reminder_runs')).toBe(runs)
  })

  test('the trigger itself runs, as of the instant it fires', async () => {
    const now = '2026-12-31T00:00:00.000Z'
    const res = await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(now)}`, { method: 'POST' })
    expect(await res.json()).toMatchObject({ ok: true, now })
  })
})
