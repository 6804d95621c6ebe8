/**
 * Reminder messages sent several at a time (cloud/core/reminders/deliver.ts sendQueued): the delivery guarantees
 * hold under concurrency.
 *   - 43101: a person WeChat refuses is asked once per template (their messages form one lane), their quota is
 *     zeroed and nothing is retried, while other people's messages go out side by side;
 *   - kill -9 of the local cloud while the timer run has messages in flight (the run is the real `reminders`
 *     bundle fired by its trigger, with 250 ms per openapi call): nothing is sent twice, at most the concurrency
 *     is left uncertain, and the next run finishes the rest.
 * Data: the bench's (scripts/bench-reminders.ts fill) for a few branches, on 22 December 08:00 Beijing.
 */
import { fill } from '../../scripts/bench-reminders'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { buildPort } from '../../cloud/platform/wx-server-port'
import { runReminders } from '../../cloud/core/reminders/run'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'

const DAY = 86400000
const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear()
const today = `${year}-12-22`
const now = new Date(`${today}T08:00:00+08:00`)
const TPL_ASSIGNMENT = SUBSCRIPTION_TEMPLATES.assignment_due.id

type Message = { touser: string; templateId: string; data: unknown }
const outbox = async (url: string) => (await (await fetch(`${url}/dev/outbox`)).json()) as Message[]
const messageId = (m: Message) => `${m.touser}|${m.templateId}|${JSON.stringify(m.data)}`
const dupes = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i)
async function all(url: string, coll: string) {
  const db = sdkFor(url).database()
  const rows: any[] = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db.collection(coll).skip(skip).limit(1000).get()
    rows.push(...data)
    if (data.length < 1000) return rows
  }
}

describe('43101 under concurrency', () => {
  let cloud: LocalCloudHandle
  beforeAll(async () => {
    cloud = await startLocalCloud({ seed: false })
    // 12 branches; the secretaries of odd branches accepted in the app only (WeChat never saw it): 43101.
    await fill(cloud.url, 12, year, today, (i) => i % 2 === 0)
    // …and the app believes they have 3 assignment messages left: three reminders each want a message.
    const db = sdkFor(cloud.url).database()
    for (let i = 1; i < 12; i += 2) {
      await db.collection('subscriptions').doc(`bench-b${String(i).padStart(4, '0')}-p0_${TPL_ASSIGNMENT}`).update({ data: { remaining: 3 } })
    }
  }, 120000)
  afterAll(() => cloud?.stop())

  test('each refused person and template is asked once, zeroed, never retried; the others go out side by side, once', async () => {
    let inFlight = 0
    let most = 0
    const asked: string[] = []
    const base = buildPort(sdkFor(cloud.url), { now: () => now })
    const port = {
      ...base,
      openapi: {
        ...base.openapi,
        async sendSubscribeMessage(m: Parameters<typeof base.openapi.sendSubscribeMessage>[0]) {
          inFlight += 1
          most = Math.max(most, inFlight)
          asked.push(`${m.touser}|${m.templateId}`)
          try {
            return await base.openapi.sendSubscribeMessage(m)
          } finally {
            inFlight -= 1
          }
        },
      },
    }
    const run = await runReminders(port, now, { sendConcurrency: 8 })
    expect(run.ok).toBe(true)
    expect(most).toBeGreaterThan(1)
    expect(most).toBeLessThanOrEqual(8)

    const logs = await all(cloud.url, 'reminder_log')
    for (let i = 1; i < 12; i += 2) {
      const openid = `bench-b${String(i).padStart(4, '0')}-p0`
      const mine = logs.filter((l) => l.openid === openid && l.templateId === TPL_ASSIGNMENT && l.wantsMessage)
      expect(mine).toHaveLength(3)
      // WeChat was asked once: the first of the lane met 43101, the other two found the quota zeroed.
      expect(asked.filter((a) => a === `${openid}|${TPL_ASSIGNMENT}`)).toHaveLength(1)
      expect(mine.filter((l) => l.state === 'no_quota')).toEqual([expect.objectContaining({ attempts: 1, lastError: expect.objectContaining({ errCode: 43101 }) })])
      expect(mine.filter((l) => l.state === 'inbox_only')).toHaveLength(2)
    }
    const subs = await all(cloud.url, 'subscriptions')
    for (let i = 1; i < 12; i += 2) expect(subs.find((s) => s._id === `bench-b${String(i).padStart(4, '0')}-p0_${TPL_ASSIGNMENT}`).remaining).toBe(0)

    const messages = await outbox(cloud.url)
    expect(dupes(messages.map(messageId))).toEqual([])
    expect(messages.filter((m) => /^bench-b\d*[13579]-p0$/.test(m.touser))).toEqual([])
    const sent = logs.filter((l) => l.state === 'sent')
    expect(sent.length).toBeGreaterThan(6)
    expect(messages).toHaveLength(sent.length)

    // The next runs do not ask again.
    const asks = asked.length
    expect((await runReminders(port, new Date(now.getTime() + 3600e3), { sendConcurrency: 8 })).ok).toBe(true)
    expect((await runReminders(port, new Date(now.getTime() + DAY), { sendConcurrency: 8 })).ok).toBe(true)
    expect(asked.slice(asks).filter((a) => /^bench-b\d*[13579]-p0\|/.test(a) && a.endsWith(TPL_ASSIGNMENT))).toEqual([])
    const after = await all(cloud.url, 'reminder_log')
    for (const l of after.filter((x) => x.state === 'no_quota')) expect(l.attempts).toBe(1)
  })
})

/**
 * The kill is placed by what the run is doing, not by a timer. The earlier version slept until the outbox held 5
 * messages and then killed: whether anything was still `sending` at that instant depended on how the test process
 * and the local cloud were scheduled (a loaded machine could let the whole run finish between the poll that saw
 * the 5th message and the kill, and nothing was left in flight), so it found nothing `sending` about one run in two
 * and was retried. Here every subscription message takes 10 s in the local cloud (LOCALCLOUD_OPENAPI_LATENCY_MS,
 * added before the platform records the message), so once CONCURRENCY reminders are `sending` in the log they stay
 * so for seconds; the test waits for exactly that state, kills -9, and starts the local cloud again on the same data
 * with no added latency. What a kill leaves is then known exactly: CONCURRENCY reminders `sending`, none sent.
 */
describe('kill -9 while messages are in flight', () => {
  const CONCURRENCY = 4
  let cloud: LocalCloudHandle
  let after: LocalCloudHandle | undefined
  beforeAll(async () => {
    cloud = await startLocalCloud({
      seed: false,
      // The bundle reads its concurrency from its environment.
      env: { LOCALCLOUD_OPENAPI_LATENCY_MS: '10000', REMINDER_SEND_CONCURRENCY: String(CONCURRENCY) },
    })
    await fill(cloud.url, 20, year, today)
  }, 120000)
  afterAll(async () => {
    await cloud?.stop()
    await after?.stop()
  })

  test('nothing is sent twice, exactly the messages in flight are left uncertain, and the next run sends the rest', async () => {
    const trigger = (url: string, at: Date) => fetch(`${url}/cloud/triggers/reminders?now=${encodeURIComponent(at.toISOString())}`, { method: 'POST' })
    const first = trigger(cloud.url, now).then(
      () => 'answered',
      () => 'cut',
    )
    // Wait until the run has CONCURRENCY messages in flight (each `sending` for 10 s), then kill the whole local cloud.
    const db = sdkFor(cloud.url).database()
    const deadline = Date.now() + 90000
    for (;;) {
      const { total } = await db.collection('reminder_log').where({ state: 'sending' }).count()
      if (total === CONCURRENCY) break
      if (total > CONCURRENCY) throw new Error(`${total} reminders sending at once, more than ${CONCURRENCY}`)
      if (Date.now() > deadline) throw new Error(`the run never had ${CONCURRENCY} messages in flight:\n${cloud.output()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    await cloud.kill9()
    expect(await first).toBe('cut')
    after = await startLocalCloud({ seed: false, dataDir: cloud.dataDir, env: { REMINDER_SEND_CONCURRENCY: String(CONCURRENCY) } })

    // What the kill left: the messages in flight `sending`, none of them (nor any other) recorded by the platform.
    expect(await outbox(after.url)).toEqual([])
    const logsAtKill = await all(after.url, 'reminder_log')
    const sending = logsAtKill.filter((l) => l.state === 'sending')
    expect(sending).toHaveLength(CONCURRENCY)
    expect(logsAtKill.filter((l) => l.state === 'sent')).toEqual([])
    const wanted = logsAtKill.filter((l) => l.wantsMessage)
    expect(wanted.length).toBeGreaterThan(CONCURRENCY * 3)

    const res = await trigger(after.url, now)
    expect(res.status).toBe(200)
    const run = await res.json()
    expect(run.ok).toBe(true)
    expect(run.counts.uncertain).toBe(CONCURRENCY)

    const logs = await all(after.url, 'reminder_log')
    const messages = await outbox(after.url)
    expect(dupes(messages.map(messageId))).toEqual([])
    expect(logs.filter((l) => l.wantsMessage).every((l) => ['sent', 'uncertain', 'no_quota', 'inbox_only'].includes(l.state))).toBe(true)
    const byId = (l: any) => messageId({ touser: l.openid, templateId: l.templateId, data: l.data })
    // Every reminder recorded as sent is in the outbox exactly once …
    const sent = logs.filter((x) => x.state === 'sent')
    expect(sent.length).toBeGreaterThan(CONCURRENCY)
    for (const l of sent) expect(messages.filter((m) => messageId(m) === byId(l))).toHaveLength(1)
    // … and the uncertain ones are exactly those in flight at the kill, never sent again (the kill cut them before
    // the platform recorded them, so they are not in the outbox at all; in WeChat they may have gone out once).
    const uncertain = logs.filter((l) => l.state === 'uncertain')
    expect(uncertain.map((l) => l._id).sort()).toEqual(sending.map((l) => l._id).sort())
    for (const l of uncertain) expect(messages.filter((m) => messageId(m) === byId(l))).toHaveLength(0)
    expect(messages).toHaveLength(sent.length)
    // A third run sends nothing more.
    const again = await (await trigger(after.url, new Date(now.getTime() + 3600e3))).json()
    expect(again.ok).toBe(true)
    expect(await outbox(after.url)).toHaveLength(messages.length)
  }, 180000)
})
