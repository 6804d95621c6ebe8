/**
 * Issue 15 (security and integrity): each attack as the red-team pass ran it, through the local cloud on the real
 * SDK. Threat model: a user with a modified client calls any cloud function with any event.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DEMO_PLAN_TEXT } from '../../cloud/local/seed-reminders'
import { apiAs, identities, ok } from '../support/api'
import { callFunction, pushMessage, REPO_ROOT, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
const DAY = 86400000
const count = async (collection: string, where: Record<string, unknown> = {}) =>
  (await sdkFor(cloud.url).database().collection(collection).where(where).count()).total as number
const as = (openid: string) => apiAs(cloud.url, openid)
const branchOf = async (openid: string) => (await identities(cloud.url)).find((p) => p.openid === openid)!.roles.find((r) => r.branchId)!.branchId!
const outbox = async () => (await (await fetch(`${cloud.url}/dev/outbox`)).json()) as unknown[]

beforeAll(async () => {
  // The machine is shared: give the local cloud time to seed under load.
  cloud = await startLocalCloud({ timeoutMs: 120000 })
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

describe('#15.5 owning a record does not outlast the role', () => {
  test('a secretary who handed over the post can no longer step their export job; the new secretary reads their own entry', async () => {
    const branchId = await branchOf('dev-secretary-3')
    const year = Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4))
    const job = await ok<{ id: string }>(as('dev-secretary-3')('exports.start', { kind: 'recordBook', branchId, year }))
    const roster = await ok<{ items: { id: string; name: string }[] }>(as('dev-secretary-3')('members.list', { branchId }))
    const next = roster.items.find((m) => m.name === '周婷')!
    await ok(as('dev-secretary-3')('members.handOverSecretary', { branchId, toMemberId: next.id }))

    const step = await as('dev-secretary-3')('exports.step', { jobId: job.id })
    expect(step.ok).toBe(false)
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(!step.ok && step.error.code)
    // The new secretary holds the role: the job is theirs to finish; a member still reads their own entry.
    expect((await as('dev-member-3a')('exports.step', { jobId: job.id })).ok).toBe(true)
    expect((await ok<{ name: string }>(as('dev-member-3a')('members.get', { memberId: next.id }))).name).toBe('周婷')
  })

  test('a member transferred out no longer reads their own roster entry', async () => {
    const branchId = await branchOf('dev-secretary-2')
    const roster = await ok<{ items: { id: string; name: string }[] }>(as('dev-secretary-2')('members.list', { branchId }))
    const leaving = roster.items.find((m) => m.name === '孙丽')!
    expect((await as('dev-member-2b')('members.get', { memberId: leaving.id })).ok).toBe(true)
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    await ok(as('dev-secretary-2')('members.transferOut', { memberId: leaving.id, on: today, reason: '工作调动' }))
    expect(await as('dev-member-2b')('members.get', { memberId: leaving.id })).toMatchObject({ ok: false })
  })
})

describe('#15.6 join requests are decided only by who may invite to their role', () => {
  test('a secretary neither sees nor decides a guide or secretary request; the committee approves and the title is carried', async () => {
    const branchId = await branchOf('dev-secretary-1')
    const committee = as('dev-committee-admin')
    const guideInvite = await ok<{ code: string }>(committee('invites.create', { branchId, role: 'guide', title: '第一书记', requiresApproval: true }))
    const secretaryInvite = await ok<{ code: string }>(committee('invites.create', { branchId, role: 'secretary', requiresApproval: true }))
    expect((await ok<{ pending: boolean }>(as('sec-guide-6')('session.join', { code: guideInvite.code, name: '郑指导' }))).pending).toBe(true)
    expect((await ok<{ pending: boolean }>(as('sec-secretary-6')('session.join', { code: secretaryInvite.code, name: '冯书记' }))).pending).toBe(true)

    const all = await ok<{ items: { id: string; name: string; role: string }[] }>(committee('joinRequests.list', { branchId }))
    const guideRequest = all.items.find((r) => r.name === '郑指导')!
    const secretaryRequest = all.items.find((r) => r.name === '冯书记')!
    expect(guideRequest).toBeDefined()
    expect(secretaryRequest).toBeDefined()

    const seen = await ok<{ items: { id: string }[] }>(as('dev-secretary-1')('joinRequests.list', { branchId }))
    expect(seen.items.map((r) => r.id)).not.toEqual(expect.arrayContaining([guideRequest.id]))
    expect(seen.items.map((r) => r.id)).not.toEqual(expect.arrayContaining([secretaryRequest.id]))
    for (const request of [guideRequest, secretaryRequest]) {
      expect(await as('dev-secretary-1')('joinRequests.decide', { requestId: request.id, approve: true, partyStatus: 'full' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect((await ok<{ roles: unknown[] }>(as('sec-secretary-6')('session.get', {}))).roles).toEqual([])

    await ok(committee('joinRequests.decide', { requestId: guideRequest.id, approve: true }))
    const guide = await ok<{ roles: { role: string; title?: string }[] }>(as('sec-guide-6')('session.get', {}))
    expect(guide.roles).toEqual([expect.objectContaining({ role: 'guide', branchId, title: '第一书记' })])
  })
})

describe('#15.3 one person joining twice at once joins once', () => {
  test('20 concurrent session.join by one person: one roster entry, one grant, one use of the code', async () => {
    const branchId = await branchOf('dev-secretary-2')
    const invite = await ok<{ code: string }>(as('dev-secretary-2')('invites.create', { branchId, role: 'member', maxUses: 50, expiresInDays: 7 }))
    const answers = await Promise.all(Array.from({ length: 20 }, () => as('sec-joiner-3')('session.join', { code: invite.code, name: '褚同时' })))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(await count('members', { openid: 'sec-joiner-3', branchId, state: 'active' })).toBe(1)
    expect(await count('memberships', { openid: 'sec-joiner-3', branchId, status: 'active' })).toBe(1)
    const { data } = await sdkFor(cloud.url).database().collection('invites').where({ _id: invite.code }).get()
    expect(data[0].uses).toBe(1)
    // A later tap is answered from the roles it holds and spends nothing.
    await ok(as('sec-joiner-3')('session.join', { code: invite.code, name: '褚同时' }))
    expect((await sdkFor(cloud.url).database().collection('invites').where({ _id: invite.code }).get()).data[0].uses).toBe(1)
  })

  test('20 concurrent joins with an approval code: one pending request, one use', async () => {
    const branchId = await branchOf('dev-secretary-2')
    const invite = await ok<{ code: string }>(as('dev-secretary-2')('invites.create', { branchId, role: 'member', maxUses: 50, requiresApproval: true }))
    const answers = await Promise.all(Array.from({ length: 20 }, () => as('sec-joiner-4')('session.join', { code: invite.code, name: '卫同时' })))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(await count('join_requests', { openid: 'sec-joiner-4', branchId, status: 'pending' })).toBe(1)
    expect((await sdkFor(cloud.url).database().collection('invites').where({ _id: invite.code }).get()).data[0].uses).toBe(1)
  })
})

describe('#15.9 races with one winner', () => {
  test('concurrent handovers of one branch leave one secretary', async () => {
    const branchId = await branchOf('dev-secretary-2')
    const invite = await ok<{ code: string }>(as('dev-secretary-2')('invites.create', { branchId, role: 'member' }))
    await ok(as('sec-heir-9')('session.join', { code: invite.code, name: '蒋接任' }))
    const roster = await ok<{ items: { id: string; name: string }[] }>(as('dev-secretary-2')('members.list', { branchId }))
    const targets = roster.items.filter((m) => m.name === '刘洋' || m.name === '蒋接任').map((m) => m.id)
    expect(targets).toHaveLength(2)
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => as('dev-committee-admin')('members.handOverSecretary', { branchId, toMemberId: targets[i % 2] })),
    )
    expect(answers.filter((a) => !a.ok && a.error.code !== 'CONFLICT')).toEqual([])
    expect(answers.some((a) => a.ok)).toBe(true)
    expect(await count('memberships', { branchId, role: 'secretary', status: 'active' })).toBe(1)
  })

  test('concurrent markDone writes one "done" report; a retried report answers as the first one did', async () => {
    const year = Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4))
    const committee = as('dev-committee-admin')
    const draft = await ok(committee('workPlans.parse', { text: DEMO_PLAN_TEXT(year), year }))
    const saved = await ok<{ id: string }>(committee('workPlans.save', { plan: draft }))
    await ok(committee('workPlans.publish', { planId: saved.id }))
    const branchId = await branchOf('dev-secretary-1')
    await ok(committee('workPlans.assign', { planId: saved.id, branchIds: [branchId], points: [{ seq: 1, dueOn: `${year}-12-31` }, { seq: 2, dueOn: `${year}-12-31` }] }))
    const list = await ok<{ items: { id: string; pointSeq: number }[] }>(as('dev-secretary-1')('assignments.list', { branchId, planId: saved.id }))
    const [first, second] = [...list.items].sort((a, b) => a.pointSeq - b.pointSeq).map((a) => a.id)

    const done = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        as('dev-secretary-1')('assignments.report', { assignmentId: first, note: `完成 ${i}`, activityIds: [], photos: [], markDone: true, clientRequestId: `done-race-${i}` }),
      ),
    )
    expect(done.filter((a) => a.ok)).toHaveLength(1)
    expect(done.filter((a) => !a.ok && a.error.code !== 'CONFLICT')).toEqual([])
    expect(await count('progress_reports', { assignmentId: first, kind: 'done' })).toBe(1)

    const retried = await Promise.all(
      Array.from({ length: 5 }, () =>
        as('dev-secretary-1')('assignments.report', { assignmentId: second, note: '进展', activityIds: [], photos: [], markDone: false, clientRequestId: 'retry-race-1' }),
      ),
    )
    expect(retried.filter((a) => !a.ok)).toEqual([])
    expect(await count('progress_reports', { assignmentId: second })).toBe(1)
  })

  test('concurrent bootstraps of a new environment make one committee and one administrator', async () => {
    const fresh = await startLocalCloud({ seed: false, timeoutMs: 120000 })
    // The token the local cloud gives the api function (cloud/functions/api/local.env.json).
    const token = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cloud/functions/api/local.env.json'), 'utf8')).BOOTSTRAP_TOKEN as string
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          apiAs(fresh.url, `sec-boot-${i}`)('org.bootstrap', { token, committeeName: '测试党委', adminName: `管理员${i}` }),
        ),
      )
      expect(answers.filter((a) => a.ok)).toHaveLength(1)
      expect(answers.filter((a) => !a.ok && a.error.code !== 'CONFLICT')).toEqual([])
      const db = sdkFor(fresh.url).database()
      expect((await db.collection('committees').count()).total).toBe(1)
      expect((await db.collection('memberships').where({ role: 'committee_admin', status: 'active' }).count()).total).toBe(1)
    } finally {
      await fresh.stop()
      sdkFor(cloud.url)
    }
  })
})

describe('#15.8 the audit log masks phone numbers as the roster does', () => {
  test('changing a phone number writes and lists the change masked; entries written before are masked when listed', async () => {
    const branchId = await branchOf('dev-secretary-1')
    const roster = await ok<{ items: { id: string; name: string }[] }>(as('dev-secretary-1')('members.list', { branchId }))
    const member = roster.items.find((m) => m.name === '王芳')!
    await ok(as('dev-secretary-1')('members.update', { memberId: member.id, phone: '13912345678' }))
    await sdkFor(cloud.url).database().collection('audit_log').add({
      data: { branchId, at: new Date(), actor: { openid: 'dev-secretary-1', name: '李建国' }, action: 'member.updated', summary: '旧记录', target: { kind: 'member', id: member.id }, before: { phone: '13800001111' }, after: { phone: '13800002222' } },
    })
    const log = await ok<{ items: { summary: string; before: unknown; after: unknown }[] }>(as('dev-secretary-1')('audit.list', { branchId }))
    const text = JSON.stringify(log.items)
    for (const full of ['13912345678', '13807310001', '13800001111', '13800002222']) expect(text).not.toContain(full)
    expect(text).toContain('139****5678')
    expect(text).toContain('138****1111')
    const stored = await sdkFor(cloud.url).database().collection('audit_log').where({ branchId, action: 'member.updated', 'target.id': member.id }).get()
    expect(JSON.stringify(stored.data.filter((e: { summary: string }) => e.summary !== '旧记录'))).not.toContain('13912345678')
  })
})

describe('#15.7 names and reasons shown to the branch pass content security', () => {
  // The local cloud's msgSecCheck fails any text with a word of cloud/local/sensitive-words.txt.
  const BAD = '敏感测试'
  const rejected = { ok: false, error: { code: 'CONTENT_REJECTED' } }

  test('join, profile, member, group and branch names and transfer, decision and archive reasons are checked before anything is written', async () => {
    const branchId = await branchOf('dev-secretary-1')
    const secretary = as('dev-secretary-1')
    const committee = as('dev-committee-admin')
    const invite = await ok<{ code: string }>(secretary('invites.create', { branchId, role: 'member', maxUses: 5 }))
    expect(await as('sec-bad-name-7')('session.join', { code: invite.code, name: `${BAD}者` })).toMatchObject(rejected)
    expect((await sdkFor(cloud.url).database().collection('invites').where({ _id: invite.code }).get()).data[0].uses).toBe(0)
    expect(await count('members', { openid: 'sec-bad-name-7' })).toBe(0)
    expect(await as('dev-member-1b')('session.updateProfile', { name: BAD })).toMatchObject(rejected)

    const roster = await ok<{ items: { id: string; name: string }[] }>(secretary('members.list', { branchId }))
    const member = roster.items.find((m) => m.name === '赵磊')!
    expect(await secretary('members.update', { memberId: member.id, name: BAD })).toMatchObject(rejected)
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    expect(await secretary('members.transferOut', { memberId: member.id, on: today, reason: `${BAD}原因` })).toMatchObject(rejected)
    expect((await ok<{ state: string }>(secretary('members.get', { memberId: member.id }))).state).toBe('active')
    expect(await secretary('groups.create', { branchId, name: `${BAD}小组` })).toMatchObject(rejected)
    expect(await committee('branches.create', { name: `${BAD}支部`, kind: 'branch' })).toMatchObject(rejected)
    expect(await committee('branches.update', { branchId, name: `${BAD}支部` })).toMatchObject(rejected)
    expect(await committee('branches.archive', { branchId, reason: BAD })).toMatchObject(rejected)

    const approval = await ok<{ code: string }>(secretary('invites.create', { branchId, role: 'member', requiresApproval: true }))
    await ok(as('sec-applicant-7')('session.join', { code: approval.code, name: '杨申请' }))
    const request = (await ok<{ items: { id: string; name: string }[] }>(secretary('joinRequests.list', { branchId }))).items.find((r) => r.name === '杨申请')!
    expect(await secretary('joinRequests.decide', { requestId: request.id, approve: false, reason: BAD })).toMatchObject(rejected)
  })
})
