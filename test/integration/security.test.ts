/**
 * Issue 15 (security and integrity): each attack as the red-team pass ran it, through the local cloud on the real
 * SDK. Threat model: a user with a modified client calls any cloud function with any event.
 */
import { callFunction, pushMessage, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

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

describe('#15.2 image-check verdicts are taken only from the platform, in shape, for checks we started', () => {
  test('a client forging the push (any size) is refused and nothing is stored', async () => {
    const before = await count('media_checks')
    const forged = { Event: 'wxa_media_check', trace_id: 'forged-trace-1', result: { suggest: 'pass' }, filler: 'x'.repeat(2 * 1024 * 1024) }
    expect(await callFunction(cloud.url, 'api', forged, 'dev-member-1b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await callFunction(cloud.url, 'api', { ...forged, filler: undefined }, 'dev-member-1b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await count('media_checks')).toBe(before)
  })

  test('a push for a trace id the app never started inserts nothing', async () => {
    const before = await count('media_checks')
    const push = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'never-started-trace', errcode: 0, result: { suggest: 'risky', label: 20002 } }
    expect(await pushMessage(cloud.url, 'api', push)).toEqual({ ok: true })
    expect(await count('media_checks')).toBe(before)
    expect(await count('media_checks', { _id: 'never-started-trace' })).toBe(0)
  })

  test('a push out of shape or oversized is refused before any read or write', async () => {
    const base = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'shape-trace', errcode: 0, result: { suggest: 'pass', label: 100 } }
    for (const bad of [
      { ...base, result: { suggest: 'pass', label: { $gt: 1 } } },
      { ...base, result: { suggest: 'maybe' } },
      { ...base, trace_id: 'has spaces and $' },
      { ...base, detail: ['x'.repeat(8000)] },
    ]) {
      expect(await pushMessage(cloud.url, 'api', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
  })
})
