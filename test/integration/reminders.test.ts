/**
 * Reminders through the local cloud: the timer run (as its trigger fires it, and in-process on the real SDK with a
 * Port that crashes half-way), the platform's per-user quota (43101), keyword limits (47003), the inbox actions'
 * access, and committee notices.
 *
 * The scenario is built here through the actions on the base seed: a work plan whose points fall due around a
 * fixed `now` in the future — 08:00 Beijing, nine days before a quarter ends, so every seeded branch also has a
 * compliance gap (no 支部党员大会 that quarter) — and subscriptions granted per secretary.
 */
import { apiAs, identities, ok } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { buildPort } from '../../cloud/platform/wx-server-port'
import type { Port } from '../../cloud/core/framework/port'
import { runReminders } from '../../cloud/core/reminders/run'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'
import { DEMO_PLAN_TEXT } from '../../cloud/local/seed-reminders'

const TPL = {
  assignment: SUBSCRIPTION_TEMPLATES.assignment_due.id,
  gap: SUBSCRIPTION_TEMPLATES.compliance_gap.id,
  notice: SUBSCRIPTION_TEMPLATES.committee_notice.id,
}
const DAY = 86400000

/** 08:00 Beijing nine days before the end of the quarter after next (no seeded session can fall in it). */
function scenarioNow(): { now: Date; today: string } {
  const t = new Date(Date.now() + 8 * 3600e3 + 200 * DAY)
  const y = t.getUTCFullYear()
  const q = Math.floor(t.getUTCMonth() / 3)
  const end = new Date(Date.UTC(y, q * 3 + 3, 0)) // last day of that quarter
  const today = new Date(end.getTime() - 9 * DAY).toISOString().slice(0, 10)
  return { now: new Date(`${today}T08:00:00+08:00`), today }
}
const day = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)

async function grant(url: string, openid: string, results: Record<string, string>) {
  const res = await fetch(`${url}/dev/subscriptions`, { method: 'POST', headers: { 'x-dev-openid': openid, 'content-type': 'application/json' }, body: JSON.stringify({ results }) })
  expect(res.status).toBe(200)
  return res.json()
}

/** Grants the platform and records it in the app, `n` times (what the consent sheet and the app do per tap). */
async function subscribe(url: string, openid: string, templateIds: string[], n = 1, platform = true) {
  for (let i = 0; i < n; i++) {
    if (platform) await grant(url, openid, Object.fromEntries(templateIds.map((t) => [t, 'accept'])))
    await ok(apiAs(url, openid)('subscriptions.record', { results: Object.fromEntries(templateIds.map((t) => [t, 'accept'])) }))
  }
}

async function buildScenario(url: string) {
  const { now, today } = scenarioNow()
  const committee = apiAs(url, 'dev-committee-admin')
  const draft = await ok(committee('workPlans.parse', { text: DEMO_PLAN_TEXT(Number(today.slice(0, 4))), year: Number(today.slice(0, 4)) }))
  const saved = await ok<{ id: string }>(committee('workPlans.save', { plan: draft }))
  await ok(committee('workPlans.publish', { planId: saved.id }))
  await ok(committee('workPlans.assign', {
    planId: saved.id,
    branchIds: 'all',
    points: [{ seq: 1, dueOn: day(today, 3) }, { seq: 2, dueOn: day(today, 7) }, { seq: 3, dueOn: day(today, -2) }, { seq: 4, dueOn: day(today, 1) }],
  }))
  return { now, today }
}

const trigger = async (url: string, now: Date) => {
  const res = await fetch(`${url}/cloud/triggers/reminders?now=${encodeURIComponent(now.toISOString())}`, { method: 'POST' })
  expect(res.status).toBe(200)
  return res.json()
}
const outbox = async (url: string) => (await (await fetch(`${url}/dev/outbox`)).json()) as { touser: string; templateId: string; data: Record<string, { value: string }>; fromFunction?: string }[]
const all = async (url: string, coll: string) => {
  const db = sdkFor(url).database()
  const rows: any[] = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db.collection(coll).skip(skip).limit(1000).get()
    rows.push(...data)
    if (data.length < 1000) return rows
  }
}
const messageId = (m: { touser: string; templateId: string; data: unknown }) => `${m.touser}|${m.templateId}|${JSON.stringify(m.data)}`
const dupes = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i)

/**
 * A Port on the real SDK in this process, that can crash: after the k-th message went out, or at the first inbox
 * write. After a crash the "process" is dead: every later database call and send fails, as nothing runs on in a
 * killed function (the run's other messages in flight stop where they are).
 */
function portAt(url: string, now: Date, crash: { afterSends?: number; atInbox?: boolean; sendErrCode?: number } = {}): Port {
  const port = buildPort(sdkFor(url), { now: () => now })
  let sends = 0
  let dead = false
  const die = (why: string) => {
    dead = true
    return new Error(why)
  }
  return {
    ...port,
    db: new Proxy(port.db, {
      get(target, prop, receiver) {
        if (prop === 'collection') {
          return (name: string) => {
            if (dead) throw new Error('dead')
            const coll = target.collection(name)
            if (name !== 'inbox' || !crash.atInbox) return coll
            return new Proxy(coll, { get: (c, p, r) => (p === 'add' ? () => Promise.reject(die('crash at the inbox')) : Reflect.get(c, p, r)) })
          }
        }
        return Reflect.get(target, prop, receiver)
      },
    }),
    openapi: {
      ...port.openapi,
      async sendSubscribeMessage(message) {
        if (dead) throw new Error('dead')
        if (crash.sendErrCode !== undefined) return { errCode: crash.sendErrCode, errMsg: 'simulated' }
        const result = await port.openapi.sendSubscribeMessage(message)
        sends += 1
        if (crash.afterSends !== undefined && sends >= crash.afterSends) throw die(`crash after ${sends} messages`)
        return result
      },
    },
  }
}

describe('the timer run', () => {
  let cloud: LocalCloudHandle
  let now: Date
  beforeAll(async () => {
    cloud = await startLocalCloud()
    ;({ now } = await buildScenario(cloud.url))
    await subscribe(cloud.url, 'dev-secretary-1', [TPL.assignment, TPL.gap], 3)
    await subscribe(cloud.url, 'dev-secretary-2', [TPL.assignment, TPL.gap], 2)
    // Recorded in the app, but WeChat never saw the acceptance: the platform answers 43101.
    await subscribe(cloud.url, 'dev-secretary-3', [TPL.gap], 1, false)
  }, 120000)
  afterAll(() => cloud?.stop())

  test('a run interrupted after 3 messages, then full runs: every reminder exactly once in the outbox and the inbox', async () => {
    // One message at a time, so the crash point is exact: what a kill leaves with 16 in flight is
    // reminders-concurrency.test.ts's case.
    const crashed = await runReminders(portAt(cloud.url, now, { afterSends: 3 }), now, { sendConcurrency: 1 })
    expect(crashed).toMatchObject({ ok: false, error: 'crash after 3 messages' })
    expect(await outbox(cloud.url)).toHaveLength(3)

    const full = await trigger(cloud.url, now)
    expect(full.ok).toBe(true)
    // Messages marked `sending` when the run died are not sent again (a push is at most once; the inbox has them).
    expect(full.counts.uncertain).toBe(1)
    const again = await trigger(cloud.url, new Date(now.getTime() + 3600e3))
    expect(again.counts).toMatchObject({ claimed: 0 })

    const logs = await all(cloud.url, 'reminder_log')
    // 4 points × 3 secretaries; compliance gaps to 3 secretaries and 2 committee members (王芳, 刘洋).
    expect(logs.filter((l) => l.kind === 'assignment_due')).toHaveLength(12)
    expect(logs.filter((l) => l.kind === 'compliance_gap').map((l) => l.openid).sort()).toEqual(
      ['dev-member-1a', 'dev-member-2a', 'dev-secretary-1', 'dev-secretary-2', 'dev-secretary-3'],
    )
    expect(logs.every((l) => ['sent', 'uncertain', 'inbox_only', 'no_quota'].includes(l.state))).toBe(true)

    const messages = await outbox(cloud.url)
    expect(dupes(messages.map(messageId))).toEqual([])
    // Every reminder recorded as sent is in the outbox exactly once; an uncertain one at most once.
    const sentLogs = logs.filter((l) => l.state === 'sent')
    for (const l of sentLogs) expect(messages.filter((m) => messageId(m) === messageId({ touser: l.openid, templateId: l.templateId, data: l.data }))).toHaveLength(1)
    const uncertain = logs.filter((l) => l.state === 'uncertain')
    // The one `uncertain` was the third message: it went out just before the crash, so it is there once too.
    expect(uncertain).toHaveLength(1)
    expect(messages.filter((m) => messageId(m) === messageId({ touser: uncertain[0].openid, templateId: uncertain[0].templateId, data: uncertain[0].data }))).toHaveLength(1)
    expect(messages).toHaveLength(sentLogs.length + 1)
    // secretary 1 had quota for 3 assignment + 1 gap message, secretary 2 for 2 + 1, secretary 3's was never granted.
    const wanted = (openid: string) => logs.filter((l) => l.openid === openid && ['sent', 'uncertain'].includes(l.state)).length
    expect(wanted('dev-secretary-1')).toBe(4)
    expect(wanted('dev-secretary-2')).toBe(3)
    expect(messages.filter((m) => m.touser === 'dev-secretary-3')).toHaveLength(0)

    const inbox = (await all(cloud.url, 'inbox')).filter((i) => i.openid)
    // 12 work points, 5 compliance gaps, and 3 换届 reminders (no seeded branch has its term recorded: one to each
    // secretary, inbox only — none subscribed to that template; cloud/core/terms/reminders.ts).
    expect(inbox.filter((i) => i.kind === 'term_due').map((i) => i.openid).sort()).toEqual(['dev-secretary-1', 'dev-secretary-2', 'dev-secretary-3'])
    expect(inbox).toHaveLength(20)
    expect(dupes(inbox.map((i) => i.dedupeKey))).toEqual([])
    const secretary1 = await ok<{ items: { id: string; kind: string; title: string }[] }>(apiAs(cloud.url, 'dev-secretary-1')('inbox.list', { limit: 50 }))
    expect(secretary1.items.filter((i) => i.kind === 'assignment_due').map((i) => i.title).sort()).toEqual(
      ['工作要点已逾期 2 天', '工作要点还剩 1 天到期', '工作要点还剩 3 天到期', '工作要点还剩 7 天到期'].sort(),
    )
    expect(secretary1.items.filter((i) => i.kind === 'compliance_gap')).toHaveLength(1)
    // A reminder's id is its dedupe key (with ':' and a date): it can be marked read like any item.
    const before = await ok<{ count: number }>(apiAs(cloud.url, 'dev-secretary-1')('inbox.unread', {}))
    const gapItem = secretary1.items.find((i) => i.kind === 'compliance_gap')!
    expect(gapItem.id).toMatch(/^compliance_gap:.+:dev-secretary-1:end\d{4}-\d{2}-\d{2}$/)
    expect(await ok(apiAs(cloud.url, 'dev-secretary-1')('inbox.markRead', { ids: [gapItem.id] }))).toEqual({ marked: 1 })
    expect(await ok(apiAs(cloud.url, 'dev-secretary-1')('inbox.unread', {}))).toEqual({ count: before.count - 1 })
  })

  test('43101: recorded quota without a platform grant is recorded as no quota, zeroed, and not retried', async () => {
    const logs = await all(cloud.url, 'reminder_log')
    const gap3 = logs.find((l) => l.kind === 'compliance_gap' && l.openid === 'dev-secretary-3')
    expect(gap3).toMatchObject({ state: 'no_quota', attempts: 1, lastError: { errCode: 43101 } })
    const quota = await ok<{ items: { kind: string; remaining: number }[] }>(apiAs(cloud.url, 'dev-secretary-3')('subscriptions.get', {}))
    expect(quota.items.find((q) => q.kind === 'compliance_gap')!.remaining).toBe(0)
    await trigger(cloud.url, new Date(now.getTime() + DAY))
    const after = (await all(cloud.url, 'reminder_log')).find((l) => l._id === gap3._id)
    expect(after).toMatchObject({ state: 'no_quota', attempts: 1 })
    expect((await outbox(cloud.url)).filter((m) => m.touser === 'dev-secretary-3')).toHaveLength(0)
  })

  test('quota is spent one per message: secretary 1 accepted 3 assignment reminders and has none left', async () => {
    const quota = await ok<{ items: { kind: string; remaining: number }[] }>(apiAs(cloud.url, 'dev-secretary-1')('subscriptions.get', {}))
    expect(quota.items.find((q) => q.kind === 'assignment_due')!.remaining).toBe(0)
    expect(quota.items.find((q) => q.kind === 'compliance_gap')!.remaining).toBe(2)
  })

  test('47003 cannot come from the run: values are fitted (the platform does refuse an unfitted one)', async () => {
    const logs = await all(cloud.url, 'reminder_log')
    expect(logs.filter((l) => l.state === 'rejected')).toEqual([])
    await grant(cloud.url, 'dev-secretary-2', { [TPL.assignment]: 'accept' })
    const port = buildPort(sdkFor(cloud.url))
    const tooLong = { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' }, date2: { value: '2026年12月31日' }, thing3: { value: '备注' } }
    expect(await port.openapi.sendSubscribeMessage({ touser: 'dev-secretary-2', templateId: TPL.assignment, data: tooLong })).toMatchObject({ errCode: 47003 })
    // And the port tells 43101 apart: nobody granted this person anything.
    expect(await port.openapi.sendSubscribeMessage({ touser: 'dev-member-3a', templateId: TPL.assignment, data: { ...tooLong, thing1: { value: '短' } } })).toMatchObject({ errCode: 43101 })
  })

  test('the run log keeps counts by kind and outcome', async () => {
    const runs = await all(cloud.url, 'reminder_runs')
    // The crashed run claimed everything; the first full run resumed and sent.
    const full = runs.find((r) => r.status === 'done' && r.counts.sent > 0)
    expect(full.counts).toMatchObject({ uncertain: 1, 'assignment_due:sent': expect.any(Number) })
    const total = (key: string) => runs.reduce((n, r) => n + (r.counts?.[key] ?? 0), 0)
    expect(total('compliance_gap:no_quota')).toBe(1)
    expect(total('claimed')).toBe(20)
    expect(runs.find((r) => r.status === 'failed')).toMatchObject({ error: 'crash after 3 messages' })
    expect(runs.filter((r) => r.status === 'failed')).toHaveLength(1)
  })
})

describe('a run interrupted at the inbox, and transient send errors', () => {
  let cloud: LocalCloudHandle
  let now: Date
  beforeAll(async () => {
    cloud = await startLocalCloud()
    ;({ now } = await buildScenario(cloud.url))
    await subscribe(cloud.url, 'dev-secretary-1', [TPL.gap], 1)
  }, 120000)
  afterAll(() => cloud?.stop())

  test('claims without inbox items are finished by the next run; a transient error is retried once and sent once', async () => {
    const crashed = await runReminders(portAt(cloud.url, now, { atInbox: true }), now)
    expect(crashed).toMatchObject({ ok: false, error: 'crash at the inbox' })
    expect((await all(cloud.url, 'reminder_log')).every((l) => l.state === 'claimed')).toBe(true)
    // The next run meets a network failure on every send: nothing is lost, the quota is given back.
    const flaky = await runReminders(portAt(cloud.url, now, { sendErrCode: -1 }), now)
    expect(flaky.ok).toBe(true)
    expect(flaky.counts.retry).toBe(1)
    expect((await all(cloud.url, 'inbox')).filter((i) => i.openid)).toHaveLength(20)
    const quota = await ok<{ items: { kind: string; remaining: number }[] }>(apiAs(cloud.url, 'dev-secretary-1')('subscriptions.get', {}))
    expect(quota.items.find((q) => q.kind === 'compliance_gap')!.remaining).toBe(1)

    const next = await trigger(cloud.url, new Date(now.getTime() + 3600e3))
    expect(next.counts).toMatchObject({ sent: 1, claimed: 0 })
    await trigger(cloud.url, new Date(now.getTime() + 2 * 3600e3))
    const messages = await outbox(cloud.url)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ touser: 'dev-secretary-1', templateId: TPL.gap, fromFunction: 'reminders' })
    expect((await all(cloud.url, 'inbox')).filter((i) => i.openid)).toHaveLength(20)
  })
})

describe('inbox access and committee notices', () => {
  let cloud: LocalCloudHandle
  let branch: Record<string, string>
  beforeAll(async () => {
    cloud = await startLocalCloud()
    await buildScenario(cloud.url)
    const people = await identities(cloud.url)
    const branchOf = (openid: string) => people.find((p) => p.openid === openid)!.roles.find((r) => r.branchId)!.branchId!
    branch = { one: branchOf('dev-secretary-1'), two: branchOf('dev-secretary-2') }
  }, 120000)
  afterAll(() => cloud?.stop())

  test('an hourly run before 08:00 Beijing leaves the daily work (work points, compliance) to the 08:00 run', async () => {
    const { now } = scenarioNow()
    const early = await trigger(cloud.url, new Date(now.getTime() - 3600e3))
    expect(early).toMatchObject({ ok: true, daily: false, counts: { planned: 0 } })
    expect(await all(cloud.url, 'reminder_log')).toEqual([])
  })

  test('only the committee sends notices; input and content are checked; a repeated request answers the first send', async () => {
    const notice = { title: '关于开展主题党日活动的通知', body: '请于月底前开展主题党日并上传记录。', branches: [branch.two], roles: ['member' as const] }
    expect(await apiAs(cloud.url, 'dev-secretary-1')('notices.send', { ...notice, clientRequestId: 'sec-try-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await apiAs(cloud.url, 'dev-secretary-1')('notices.preview', notice)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const committee = apiAs(cloud.url, 'dev-committee-admin')
    expect(await committee('notices.send', { ...notice, roles: [], clientRequestId: 'bad-input-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('接收角色') } })
    expect(await committee('notices.send', { ...notice, branches: ['nope'], clientRequestId: 'bad-branch-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await committee('notices.send', { ...notice, body: '这里有违禁词', clientRequestId: 'risky-001' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })

    await subscribe(cloud.url, 'dev-member-2a', [TPL.notice], 1)
    const preview = await ok(committee('notices.preview', notice))
    // Branch 2's members: 刘洋, 孙丽 and the secretary (who is a member too).
    expect(preview).toMatchObject({ branchCount: 1, recipientCount: 3, withQuota: 1 })
    expect(preview.message.thing1.value).toBe('关于开展主题党日活动的通知')
    // Without roles a notice reaches everyone in the branch: 李建国, 王芳, 赵磊 and the guide 吴指导.
    expect(await ok(committee('notices.preview', { title: notice.title, body: notice.body, branches: [branch.one] }))).toMatchObject({ branchCount: 1, recipientCount: 4 })
    const sent = await ok(committee('notices.send', { ...notice, clientRequestId: 'notice-0001' }))
    expect(sent).toMatchObject({ branchCount: 1, recipientCount: 3, withQuota: 1, sent: 1, noQuota: 0, failed: 0 })
    // A retried send answers the notice it sent (framework/writes.ts), and sends nothing more.
    expect(await ok(committee('notices.send', { ...notice, clientRequestId: 'notice-0001' }))).toEqual(sent)
    const messages = (await outbox(cloud.url)).filter((m) => m.templateId === TPL.notice)
    expect(messages).toEqual([expect.objectContaining({ touser: 'dev-member-2a', fromFunction: 'api' })])
  })

  test("a person sees their own branch's items and notices for their role, never another branch's; reads are per person", async () => {
    const member2a = apiAs(cloud.url, 'dev-member-2a')
    const member1b = apiAs(cloud.url, 'dev-member-1b')
    const committee1a = apiAs(cloud.url, 'dev-member-1a') // 组织委员 of branch 1 (branch_committee)
    // 刘洋 is a member and 宣传委员 of branch 2: the notice to its members, and the work-plan item to its committee.
    const list2a = await ok<{ items: { id: string; kind: string }[] }>(member2a('inbox.list', {}))
    expect(list2a.items.map((i) => i.kind).sort()).toEqual(['assignment', 'committee_notice'])
    const notice = list2a.items.find((i) => i.kind === 'committee_notice')!
    expect((await ok<{ items: unknown[] }>(member1b('inbox.list', {}))).items).toEqual([])
    // The work-plan assignment item of branch 1 is addressed to its secretary and committee members.
    const list1a = await ok<{ items: { id: string; kind: string }[] }>(committee1a('inbox.list', {}))
    expect(list1a.items.map((i) => i.kind)).toEqual(['assignment'])
    const secretary2 = await ok<{ items: { id: string }[] }>(apiAs(cloud.url, 'dev-secretary-2')('inbox.list', {}))
    expect(secretary2.items.map((i) => i.id)).toContain(notice.id)
    expect(secretary2.items.map((i) => i.id)).not.toContain(list1a.items[0].id)

    // Marking another person's item read does nothing; one's own drops the unread count for that person only.
    expect(await ok(member1b('inbox.markRead', { ids: [notice.id] }))).toEqual({ marked: 0 })
    expect(await ok(member2a('inbox.unread', {}))).toEqual({ count: 2 })
    expect(await ok(member2a('inbox.markRead', { ids: [notice.id] }))).toEqual({ marked: 1 })
    expect(await ok(member2a('inbox.unread', {}))).toEqual({ count: 1 })
    expect(await ok(apiAs(cloud.url, 'dev-member-2b')('inbox.unread', {}))).toEqual({ count: 1 })
    const after = await ok<{ items: { id: string; read: boolean }[] }>(member2a('inbox.list', {}))
    expect(after.items.find((i) => i.id === notice.id)!.read).toBe(true)
    expect((await ok<{ items: { id: string }[] }>(member2a('inbox.list', { unreadOnly: true }))).items.map((i) => i.id)).not.toContain(notice.id)
    expect(await ok(committee1a('inbox.unread', {}))).toEqual({ count: 1 })
    expect(await ok(committee1a('inbox.markRead', { all: true }))).toEqual({ marked: 1 })
    expect(await ok(committee1a('inbox.unread', {}))).toEqual({ count: 0 })
    expect(await committee1a('inbox.markRead', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('compliance: a branch sees its own status; another branch is refused; the committee pages through all', async () => {
    const own = await ok<{ gaps: string[]; items: { type: string }[] }>(apiAs(cloud.url, 'dev-member-1b')('compliance.branch', { branchId: branch.one }))
    expect(own.items.map((i) => i.type)).toContain('group_meeting') // branch 1 has party groups
    expect(await apiAs(cloud.url, 'dev-member-1b')('compliance.branch', { branchId: branch.two })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ok(apiAs(cloud.url, 'dev-guide')('compliance.branch', { branchId: branch.one }))).toMatchObject({ branchId: branch.one })
    const committee = apiAs(cloud.url, 'dev-committee-admin')
    const first = await ok<{ items: { branchName: string }[]; nextCursor: string | null }>(committee('compliance.overview', { limit: 2 }))
    expect(first.items).toHaveLength(2)
    const second = await ok<{ items: { branchName: string }[]; nextCursor: string | null }>(committee('compliance.overview', { limit: 2, cursor: first.nextCursor! }))
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    expect(await apiAs(cloud.url, 'dev-secretary-1')('compliance.overview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('subscriptions.record refuses template ids the app does not use', async () => {
    expect(await apiAs(cloud.url, 'dev-member-1b')('subscriptions.record', { results: { someOtherTemplate: 'accept' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('未知的提醒模板') },
    })
    const after = await ok(apiAs(cloud.url, 'dev-member-1b')('subscriptions.record', { results: { [TPL.notice]: 'reject' } }))
    expect(after.items.find((q: { kind: string }) => q.kind === 'committee_notice')).toMatchObject({ remaining: 0, lastResult: 'reject' })
  })
})
