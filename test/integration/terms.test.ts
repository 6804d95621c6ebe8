/**
 * 换届 and 政治生日 through the local cloud (docs/terms.md): the secretary records the committee in office, the
 * reminders run tells them before the term ends (once per milestone), the 换届选举 is recorded at a 支部党员大会 with
 * candidates and votes and starts the new term (roster posts follow), the committee sees every branch's state, and
 * members are greeted on their 政治生日 unless the branch turned it off. Bad input and the wrong caller: a clear
 * error and nothing written.
 */
import { apiAs, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { addDays, addMonths } from '../../cloud/core/terms/rules'
import { beijingDate } from '../../cloud/core/framework/time'

let cloud: LocalCloudHandle
let admin: Caller
let secretary: Caller
let member: Caller
let otherSecretary: Caller
let branchId: string
let otherBranchId: string
const ids: Record<string, string> = {}
const today = beijingDate(new Date())
const yesterday = addDays(today, -1)
let seq = 0

async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}

const trigger = async (now: Date) => {
  const res = await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(now.toISOString())}`, { method: 'POST' })
  expect(res.status).toBe(200)
}
const clock = async (change: { set: string } | { reset: true }) => {
  const res = await fetch(`${cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) })
  expect(res.status).toBe(200)
}
const inboxOf = async (as: Caller) => (await ok(as('inbox.list', { limit: 50 }))).items as { kind: string; title: string; body: string }[]

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'tm-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '甲学会党支部', startedOn: '2023-01-01' }))).id
  otherBranchId = (await ok(admin('branches.create', { name: '乙学会党支部', startedOn: '2023-01-01' }))).id
  secretary = await join('tm-sec', (await ok(admin('invites.create', { branchId, role: 'secretary' }))).code, '张书记')
  otherSecretary = await join('tm-sec2', (await ok(admin('invites.create', { branchId: otherBranchId, role: 'secretary' }))).code, '乙书记')
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 10 }))
  member = await join('tm-m1', inv.code, '王芳')
  for (const [i, name] of ['李建国', '赵强', '钱敏', '孙丽'].entries()) await join(`tm-m${i + 2}`, inv.code, name)
  await join('tm-pro', inv.code, '周预备')
  for (const m of (await ok(secretary('members.list', { branchId }))).items) ids[m.name] = m.id
  for (const name of ['张书记', '王芳', '李建国', '赵强', '钱敏', '孙丽']) {
    await ok(secretary('members.update', { memberId: ids[name], joinedBranchOn: '2020-01-01', joinedPartyOn: '2010-07-01' }))
  }
  // 王芳's 政治生日 is today (ten years on).
  await ok(secretary('members.update', { memberId: ids['王芳'], joinedPartyOn: `${Number(today.slice(0, 4)) - 10}${today.slice(4)}` }))
  await ok(secretary('members.update', { memberId: ids['周预备'], partyStatus: 'probationary', joinedPartyOn: addMonths(today, -3) }))
  await ok(secretary('members.setPosts', { memberId: ids['李建国'], posts: ['组织委员'], groupLeader: false, since: '2020-01-01' }))
}, 120_000)
afterAll(() => cloud?.stop())

/** A voting 支部党员大会 recorded yesterday at 10:00 Beijing; `absent` of the roster marked absent. */
async function congress(absent: string[] = []): Promise<string> {
  const sheet = await ok(secretary('activities.attendanceSheet', { branchId, type: 'party_congress', on: yesterday }))
  const doc = await ok(
    secretary('activities.record', {
      branchId,
      clientRequestId: `tm-congress-${++seq}-${Date.now().toString(36)}`,
      type: 'party_congress',
      topic: '支部委员会换届选举大会',
      place: '会议室',
      startAt: `${yesterday}T02:00:00.000Z`,
      host: '张书记',
      recorder: '李建国',
      minutes: '选举产生新一届支部委员会。',
      voting: true,
      attendance: sheet.attendees.map((a) => ({ memberId: a.memberId, present: !absent.includes(a.name), ...(absent.includes(a.name) ? { absentReason: '出差' } : {}) })),
    }),
  )
  return doc.id
}

describe('换届', () => {
  const existingStart = addMonths(today, -33)

  test('no term yet: the state says so; only the secretary (and the committee) may record', async () => {
    const t = await ok(secretary('terms.get', { branchId }))
    expect(t).toMatchObject({ term: null, status: { state: 'none' }, canRecord: true, greetings: true, past: [] })
    expect(await ok(member('terms.get', { branchId }))).toMatchObject({ canRecord: false })
    const byMember = await member('terms.record', { branchId, clientRequestId: 'tm-req-member-1', kind: 'existing', startOn: existingStart, members: [{ memberId: ids['王芳'], post: '书记' }] })
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const otherBranch = await otherSecretary('terms.get', { branchId })
    expect(otherBranch).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('bad input: a clear message, nothing written', async () => {
    const twoSecretaries = await secretary('terms.record', { branchId, clientRequestId: 'tm-req-bad-1', kind: 'existing', startOn: existingStart, members: [{ memberId: ids['张书记'], post: '书记' }, { memberId: ids['王芳'], post: '书记' }] })
    expect(twoSecretaries).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '新一届支委会应有且只有一名书记' } })
    const probationary = await secretary('terms.record', { branchId, clientRequestId: 'tm-req-bad-2', kind: 'existing', startOn: existingStart, members: [{ memberId: ids['张书记'], post: '书记' }, { memberId: ids['周预备'], post: '宣传委员' }] })
    expect(probationary).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((probationary as { error: { message: string } }).error.message).toContain('预备党员没有表决权、选举权和被选举权')
    const badPost = await secretary('terms.record', { branchId, clientRequestId: 'tm-req-bad-3', kind: 'existing', startOn: existingStart, members: [{ memberId: ids['张书记'], post: '主席' as never }] })
    expect(badPost).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const future = await secretary('terms.record', { branchId, clientRequestId: 'tm-req-bad-4', kind: 'existing', startOn: addDays(today, 1), members: [{ memberId: ids['张书记'], post: '书记' }] })
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '任期开始日期不能晚于今天' } })
    expect(await ok(secretary('terms.get', { branchId }))).toMatchObject({ term: null })
  })

  test('the term in office, recorded once; a retry answers the same term', async () => {
    const body = { branchId, clientRequestId: 'tm-req-existing', kind: 'existing' as const, startOn: existingStart, members: [{ memberId: ids['张书记'], post: '书记' as const }, { memberId: ids['李建国'], post: '组织委员' as const }] }
    const t = await ok(secretary('terms.record', body))
    expect(t).toMatchObject({ startOn: existingStart, endOn: addMonths(existingStart, 36), years: 3, kind: 'existing', election: null })
    expect(t.members.map((m) => `${m.post} ${m.name}`)).toEqual(['书记 张书记', '组织委员 李建国'])
    expect(await ok(secretary('terms.record', body))).toEqual(t)
    const again = await secretary('terms.record', { ...body, clientRequestId: 'tm-req-existing-2' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const got = await ok(secretary('terms.get', { branchId }))
    expect(got.status).toMatchObject({ state: 'due_soon', endOn: addMonths(existingStart, 36) })
  })

  test('reminders: the secretary is told once per milestone; home 待办 names the 换届', async () => {
    const now = new Date(`${today}T01:00:00Z`) // 09:00 Beijing
    await trigger(now)
    await trigger(new Date(now.getTime() + 3600_000))
    const items = (await inboxOf(secretary)).filter((i) => i.kind === 'term_due')
    expect(items).toHaveLength(1)
    expect(items[0].title).toMatch(/^支委会任期还剩 \d+ 天届满$/)
    expect(items[0].body).toContain('筹备换届选举')
    expect((await inboxOf(member)).filter((i) => i.kind === 'term_due')).toEqual([])
    // The other branch has no term: asked this month to record one.
    const other = (await inboxOf(otherSecretary)).filter((i) => i.kind === 'term_due')
    expect(other.map((i) => i.title)).toEqual(['支委会任期尚未登记'])
    const todo = await ok(secretary('home.todo', { branchId }))
    expect(todo.items.find((i) => i.kind === 'term_due')).toMatchObject({ title: '筹备支委会换届选举', page: '/packages/terms/pages/term/index' })
  })

  test('政治生日: a greeting to the member and a line for the secretary, once', async () => {
    const mine = (await inboxOf(member)).filter((i) => i.kind === 'political_birthday')
    expect(mine).toHaveLength(1)
    expect(mine[0].body).toContain('入党 10 周年')
    const line = (await inboxOf(secretary)).filter((i) => i.kind === 'political_birthday_line')
    expect(line.map((i) => i.title)).toEqual([`今天（${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日）是 王芳 的政治生日`])
  })

  test('the 换届选举: quorum of four fifths, majority of the voters; starts the new term and the roster posts follow', async () => {
    const thin = await congress(['王芳', '赵强'])
    const refused = await secretary('terms.record', {
      branchId, clientRequestId: 'tm-req-el-1', startOn: yesterday, activityId: thin,
      candidates: [{ memberId: ids['王芳'], votes: 4 }, { memberId: ids['赵强'], votes: 4 }],
      members: [{ memberId: ids['王芳'], post: '书记' }, { memberId: ids['赵强'], post: '组织委员' }],
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((refused as { error: { message: string } }).error.message).toMatch(/有选举权的到会党员 4 人，未超过应到会 6 人的五分之四/)

    const full = await congress()
    const minority = await secretary('terms.record', {
      branchId, clientRequestId: 'tm-req-el-2', startOn: yesterday, activityId: full,
      candidates: [{ memberId: ids['王芳'], votes: 6 }, { memberId: ids['赵强'], votes: 3 }],
      members: [{ memberId: ids['王芳'], post: '书记' }, { memberId: ids['赵强'], post: '组织委员' }],
    })
    expect(minority).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '得 3 票，未超过应到会有选举权党员 6 人的一半，不能当选（《中国共产党基层组织选举工作条例》）' } })

    const t = await ok(
      secretary('terms.record', {
        branchId, clientRequestId: 'tm-req-el-3', startOn: yesterday, activityId: full,
        candidates: [{ memberId: ids['王芳'], votes: 6 }, { memberId: ids['赵强'], votes: 5 }, { memberId: ids['钱敏'], votes: 4 }, { memberId: ids['孙丽'], votes: 2 }],
        members: [{ memberId: ids['王芳'], post: '书记' }, { memberId: ids['赵强'], post: '组织委员' }, { memberId: ids['钱敏'], post: '宣传委员' }],
      }),
    )
    expect(t).toMatchObject({ kind: 'election', startOn: yesterday, endOn: addMonths(yesterday, 36), election: { activityId: full, voters: 6, presentVoters: 6 } })
    expect(t.election!.candidates.map((c) => [c.name, c.votes, c.elected])).toEqual([['王芳', 6, true], ['赵强', 5, true], ['钱敏', 4, true], ['孙丽', 2, false]])
    const got = await ok(secretary('terms.get', { branchId }))
    expect(got.term?.id).toBe(t.id)
    expect(got.status.state).toBe('ok')
    expect(got.past.map((p) => p.startOn)).toEqual([existingStart])
    const posts = Object.fromEntries((await ok(secretary('members.list', { branchId }))).items.map((m) => [m.name, m.posts]))
    expect(posts).toMatchObject({ 李建国: [], 赵强: ['组织委员'], 钱敏: ['宣传委员'], 王芳: [] })
    // The 换届 line leaves the home 待办.
    expect((await ok(secretary('home.todo', { branchId }))).items.find((i) => i.kind === 'term_due')).toBeUndefined()
    const audit = await ok(secretary('audit.list', { branchId }))
    expect(JSON.stringify(audit)).toContain('换届选举：书记 王芳、组织委员 赵强、宣传委员 钱敏')
  })

  test('the committee sees every branch\'s state, most urgent first', async () => {
    const o = await ok(admin('terms.overview', {}))
    expect(o.items.map((i) => [i.branchName, i.state])).toEqual([['乙学会党支部', 'none'], ['甲学会党支部', 'ok']])
    expect(o.counts).toEqual({ none: 1, ok: 1, due_soon: 0, overdue: 0 })
    expect(o.items[1].secretary).toBe('王芳')
    expect(await secretary('terms.overview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('政治生日 greetings can be turned off per branch', async () => {
    expect(await member('terms.setGreetings', { branchId, on: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ok(secretary('terms.setGreetings', { branchId, on: false }))).toEqual({ greetings: false })
    expect(await ok(secretary('terms.get', { branchId }))).toMatchObject({ greetings: false })
    // A year on, the greeting is not sent.
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
    await trigger(new Date(`${nextYear}T01:00:00Z`))
    expect((await inboxOf(member)).filter((i) => i.kind === 'political_birthday')).toHaveLength(1)
  })
})

describe('换届 after the walk: correct the term, 差额选举, 延期换届, the roles follow', () => {
  const termOf = async () => (await ok(secretary('terms.get', { branchId }))).term!

  test('the current term lists its posts in order: 书记, 副书记, 组织委员, 宣传委员 …', async () => {
    // Recorded with 宣传委员 first: shown 书记 first.
    const t = await termOf()
    expect(t.members.map((m) => m.post)).toEqual(['书记', '组织委员', '宣传委员'])
    expect(t.election).toMatchObject({ seats: 3 })
  })

  test('terms.correct: posts and length corrected with a reason, kept in the term and the audit; roster posts follow', async () => {
    const t = await termOf()
    const body = {
      branchId, termId: t.id, clientRequestId: 'tm-req-fix-1', startOn: t.startOn, years: 5, reason: '组织委员与宣传委员登记颠倒；任期按社区党支部 5 年',
      members: [{ memberId: ids['钱敏'], post: '组织委员' as const }, { memberId: ids['王芳'], post: '书记' as const }, { memberId: ids['赵强'], post: '宣传委员' as const }],
    }
    expect(await member('terms.correct', { ...body, clientRequestId: 'tm-req-fix-m' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await secretary('terms.correct', { ...body, clientRequestId: 'tm-req-fix-r', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写更正原因' } })
    // Inconsistent: 孙丽 had 2 of 6 votes; the start is the election's day; an earlier term is not the current one.
    const sunli = await secretary('terms.correct', { ...body, clientRequestId: 'tm-req-fix-2', members: [...body.members.slice(0, 2), { memberId: ids['孙丽'], post: '宣传委员' as const }] })
    expect(sunli).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('得 2 票') } })
    expect(await secretary('terms.correct', { ...body, clientRequestId: 'tm-req-fix-3', startOn: addDays(yesterday, -1) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'startOn' } } })
    const past = (await ok(secretary('terms.get', { branchId }))).past[0]
    expect(await secretary('terms.correct', { ...body, clientRequestId: 'tm-req-fix-4', termId: past.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await termOf()).toMatchObject({ years: 3, corrections: [] })

    const fixed = await ok(secretary('terms.correct', body))
    expect(fixed).toMatchObject({ years: 5, endOn: addMonths(yesterday, 60), dueOn: addMonths(yesterday, 60) })
    expect(fixed.members.map((m) => `${m.post} ${m.name}`)).toEqual(['书记 王芳', '组织委员 钱敏', '宣传委员 赵强'])
    expect(fixed.corrections).toEqual([expect.objectContaining({ reason: body.reason, by: '张书记', summary: expect.stringContaining('任期 3 年 → 5 年') })])
    expect(await termOf()).toEqual(fixed)
    // Nothing left to correct: said so.
    expect(await secretary('terms.correct', { ...body, clientRequestId: 'tm-req-fix-5' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '没有需要更正的内容' } })
    const posts = Object.fromEntries((await ok(secretary('members.list', { branchId }))).items.map((m) => [m.name, m.posts]))
    expect(posts).toMatchObject({ 赵强: ['宣传委员'], 钱敏: ['组织委员'] })
    expect(JSON.stringify(await ok(secretary('audit.list', { branchId })))).toContain('更正本届支委会任期')
    // A name typed wrong, fixed in the roster: correcting the term takes the roster's name (its only change).
    await ok(secretary('members.update', { memberId: ids['赵强'], name: '赵志强' }))
    const renamed = await ok(secretary('terms.correct', { ...body, clientRequestId: 'tm-req-fix-6', reason: '姓名更正' }))
    expect(renamed.members.map((m) => `${m.post} ${m.name}`)).toEqual(['书记 王芳', '组织委员 钱敏', '宣传委员 赵志强'])
    expect(renamed.corrections.map((c) => c.reason)).toEqual([body.reason, '姓名更正'])
    await ok(secretary('members.update', { memberId: ids['赵强'], name: '赵强' }))
  })

  test('terms.postpone: the 换届 put off with the approval; the state, the overview and the reminders follow the new date', async () => {
    const t = await termOf()
    const dueOn = addMonths(t.endOn, 6)
    // A 延期 is recorded as the term comes due (from six months before its end): years ahead it is refused.
    const early = await secretary('terms.postpone', { branchId, clientRequestId: 'tm-req-pp-0', approvedOn: today, dueOn, reason: '换届筹备' })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('延期换届从届满前 6 个月') } })
    // The local cloud's clock moved to two months before the end for the approval (back at the end of this test).
    await clock({ set: `${addMonths(t.endOn, -2)}T02:00:00.000Z` })
    const tooLate = await secretary('terms.postpone', { branchId, clientRequestId: 'tm-req-pp-1', approvedOn: today, dueOn: addMonths(t.endOn, 13), reason: '换届筹备' })
    expect(tooLate).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { field: 'dueOn' } } })
    expect(await member('terms.postpone', { branchId, clientRequestId: 'tm-req-pp-m', approvedOn: today, dueOn, reason: '换届筹备' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const p = await ok(secretary('terms.postpone', { branchId, clientRequestId: 'tm-req-pp-2', approvedOn: today, dueOn, reason: '社区党组织统一换届' }))
    expect(p).toMatchObject({ endOn: t.endOn, dueOn, postponements: [{ approvedOn: today, dueOn, reason: '社区党组织统一换届', by: '张书记' }] })
    expect((await ok(secretary('terms.get', { branchId }))).status.endOn).toBe(dueOn)
    const item = (await ok(admin('terms.overview', {}))).items.find((i) => i.branchId === branchId)!
    expect(item).toMatchObject({ postponed: true, endOn: dueOn })
    // Three months before the new date the secretary is told, with the postponement named.
    await trigger(new Date(`${addMonths(dueOn, -3)}T01:00:00Z`))
    const told = (await inboxOf(secretary)).filter((i) => i.kind === 'term_due' && i.title.startsWith('距延期换届日期'))
    expect(told).toHaveLength(1)
    expect(told[0].body).toContain('经上级党组织批准延期换届')
    await clock({ reset: true })
  })

  test('同步支委职务到账号: after the election the new 书记 can do what a secretary does and the former one cannot; never no secretary', async () => {
    const before = await ok(secretary('terms.get', { branchId }))
    expect(before.roleSync?.blocked).toBeNull()
    expect(before.roleSync?.lines).toEqual(expect.arrayContaining(['王芳 任书记（获得书记权限）', '张书记 不再担任书记（改为党员）']))
    expect(await member('terms.setGreetings', { branchId, on: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await member('terms.syncRoles', { branchId, clientRequestId: 'tm-req-sync-m' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const done = await ok(secretary('terms.syncRoles', { branchId, clientRequestId: 'tm-req-sync-1' }))
    expect(done.lines).toEqual(before.roleSync!.lines)
    expect(await ok(member('terms.setGreetings', { branchId, on: true }))).toEqual({ greetings: true })
    expect(await secretary('terms.setGreetings', { branchId, on: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const roles = async (as: Caller) => (await ok(as('session.get'))).roles.filter((r: { branchId?: string | null }) => r.branchId === branchId).map((r: { role: string }) => r.role).sort()
    expect(await roles(secretary)).toEqual(['member'])
    expect(await roles(member)).toEqual(['member', 'secretary'])
    const zhao = apiAs(cloud.url, 'tm-m3')
    expect(await roles(zhao)).toEqual(['branch_committee', 'member'])
    // Done: the new secretary sees nothing left to change; a second call changes nothing.
    expect(await ok(member('terms.get', { branchId }))).toMatchObject({ canRecord: true, roleSync: null })
    expect(await ok(member('terms.syncRoles', { branchId, clientRequestId: 'tm-req-sync-2' }))).toEqual({ lines: [] })
    expect(await roles(member)).toEqual(['member', 'secretary'])
    expect(JSON.stringify(await ok(member('audit.list', { branchId })))).toContain('同步支委职务到账号')
  })

  test('差额选举: more candidates than seats, the most votes elected; out of order or a tie at the last seat refused', async () => {
    // The new 书记 (王芳, secretary since the sync) records today's 换届 大会 (00:30 Beijing).
    const sheet = await ok(member('activities.attendanceSheet', { branchId, type: 'party_congress', on: today }))
    const congressId = (await ok(member('activities.record', {
      branchId, clientRequestId: `tm-congress-diff-${Date.now().toString(36)}`, type: 'party_congress', topic: '补选大会', place: '会议室',
      startAt: `${yesterday}T16:30:00.000Z`, host: '王芳', recorder: '赵强', minutes: '差额选举。', voting: true,
      attendance: sheet.attendees.map((a) => ({ memberId: a.memberId, present: true })),
    }))).id
    const candidates = [{ memberId: ids['王芳'], votes: 6 }, { memberId: ids['赵强'], votes: 5 }, { memberId: ids['钱敏'], votes: 4 }, { memberId: ids['孙丽'], votes: 4 }]
    const base = { branchId, startOn: today, activityId: congressId, candidates }
    const outOfOrder = await member('terms.record', { ...base, clientRequestId: 'tm-req-diff-1', seats: 2, members: [{ memberId: ids['王芳'], post: '书记' }, { memberId: ids['钱敏'], post: '组织委员' }] })
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^钱敏 得票未进入前 2 名/) } })
    const tie = await member('terms.record', { ...base, clientRequestId: 'tm-req-diff-2', seats: 3, members: [{ memberId: ids['王芳'], post: '书记' }, { memberId: ids['赵强'], post: '组织委员' }, { memberId: ids['钱敏'], post: '宣传委员' }] })
    expect(tie).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('钱敏、孙丽 票数相等') } })
    const t = await ok(member('terms.record', { ...base, clientRequestId: 'tm-req-diff-3', seats: 2, members: [{ memberId: ids['赵强'], post: '组织委员' }, { memberId: ids['王芳'], post: '书记' }] }))
    expect(t.election).toMatchObject({ seats: 2 })
    expect(t.election!.candidates.filter((c) => c.elected).map((c) => c.name)).toEqual(['王芳', '赵强'])
    expect(t.members.map((m) => `${m.post} ${m.name}`)).toEqual(['书记 王芳', '组织委员 赵强'])
  })
})
