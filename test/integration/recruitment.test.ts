/**
 * The 发展党员 pipeline through the local cloud and the real wx-server-sdk (docs/recruitment.md): one applicant from
 * 入党申请 to 正式党员, the 支部大会 steps linked to voting 支部党员大会 records of the branch, a step out of order
 * refused by its rule and recorded by the committee as an exception, who may read and write, personal data hidden
 * and reads audited.
 */
import { rawApiAs, ok, type RawCaller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let admin: RawCaller
let secretary: RawCaller
let organiser: RawCaller
let publicity: RawCaller
let member: RawCaller
let otherSecretary: RawCaller
let branchId: string
const ids: Record<string, string> = {}
let seq = 0

async function join(openid: string, code: string, name: string) {
  const as = rawApiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = rawApiAs(cloud.url, 'rc-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '甲学会党支部', startedOn: '2023-01-01' }))).id
  const other = (await ok(admin('branches.create', { name: '乙学会党支部', startedOn: '2023-01-01' }))).id
  secretary = await join('rc-sec', (await ok(admin('invites.create', { branchId, role: 'secretary' }))).code, '张书记')
  otherSecretary = await join('rc-sec2', (await ok(admin('invites.create', { branchId: other, role: 'secretary' }))).code, '乙书记')
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 10 }))
  organiser = await join('rc-org', inv.code, '组织委员甲')
  publicity = await join('rc-pub', inv.code, '宣传委员乙')
  member = await join('rc-mem', inv.code, '老党员丙')
  await join('rc-pro', inv.code, '预备党员丁')
  for (const m of (await ok(secretary('members.list', { branchId }))).items) ids[m.name] = m.id
  for (const name of ['张书记', '组织委员甲', '宣传委员乙', '老党员丙', '预备党员丁']) {
    await ok(secretary('members.update', { memberId: ids[name], joinedBranchOn: '2020-01-01', joinedPartyOn: '2010-07-01' }))
  }
  await ok(secretary('members.update', { memberId: ids['预备党员丁'], partyStatus: 'probationary', joinedPartyOn: '2026-06-01' }))
  await ok(secretary('members.setPosts', { memberId: ids['组织委员甲'], posts: ['组织委员'], groupLeader: false, since: '2020-01-01' }))
  await ok(secretary('members.setPosts', { memberId: ids['宣传委员乙'], posts: ['宣传委员'], groupLeader: false, since: '2020-01-01' }))
}, 90_000)
afterAll(() => cloud?.stop())

/** A voting 支部党员大会 recorded on a Beijing date (10:00), everyone on that day's roster present. */
async function congress(date: string): Promise<string> {
  const sheet = await ok(secretary('activities.attendanceSheet', { branchId, type: 'party_congress', on: date }))
  const doc = await ok(
    secretary('activities.record', {
      branchId,
      clientRequestId: `rc-congress-${++seq}-${Date.now().toString(36)}`,
      type: 'party_congress',
      topic: '讨论发展党员',
      place: '会议室',
      startAt: `${date}T02:00:00.000Z`,
      host: '张书记',
      recorder: '组织委员甲',
      minutes: '表决。',
      voting: true,
      attendance: sheet.attendees.map((a: { memberId: string }) => ({ memberId: a.memberId, present: true })),
    }),
  )
  return doc.id
}

let recruitId: string
const step = (as: RawCaller, body: Record<string, unknown>) => as('recruitment.record', { recruitId, ...body })

describe('one applicant from 入党申请 to 正式党员', () => {
  test('an application is recorded for someone who is not a user; the talk is due a month later', async () => {
    const d = await ok(secretary('recruitment.create', { branchId, name: '王申请', appliedOn: '2024-01-05', clientRequestId: 'rc-recruitment-1' }))
    recruitId = d.id
    expect(d).toMatchObject({ status: 'applicant', statusLabel: '入党申请人', nextStep: { n: 2, title: '党组织派人谈话' } })
    expect(d.dueItems[0]).toMatchObject({ step: 'talk', dueOn: '2024-02-05' })
    expect(d.stages.flatMap((s: { steps: unknown[] }) => s.steps)).toHaveLength(25)
  })

  test('a step out of order is refused naming the rule, and nothing is written', async () => {
    const r = await step(secretary, { step: 'activist', on: '2024-02-01' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((r as any).error.message).toBe('请先完成第2步「党组织派人谈话」，再记录第3步「推荐和确定入党积极分子」（细则第九条、第十条）。如确属特殊情况，可由党委记录例外并写明原因')
    const d = await ok(secretary('recruitment.get', { recruitId }))
    expect(d.version).toBe(0)
    expect(d.history).toHaveLength(1)
  })

  test('the 积极分子 stage: a 预备党员 cannot be a 培养联系人; a year of training and 考察 every half year', async () => {
    // Attacker finding: a step kept fields it does not define — a 政审 conclusion typed into the (unhidden) talk.
    const smuggled = await step(secretary, { step: 'talk', on: '2024-01-20', result: '政审：其父有犯罪记录' })
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '第2步「党组织派人谈话」不记录「政审结论」，请删去后再保存' } })
    await ok(step(secretary, { step: 'talk', on: '2024-01-20', note: '谈话情况良好' }))
    const stray = await step(organiser, { step: 'activist', on: '2024-03-01', outcome: 'confirm', approved: true, votes: { for: 3, against: 0, abstain: 0 } })
    expect(stray).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    for (const label of ['「讨论结果」', '「是否批准」', '「表决票数」']) expect((stray as any).error.message).toContain(label)
    expect((await ok(secretary('recruitment.get', { recruitId }))).stages[1].steps[0].entries).toEqual([])
    await ok(step(organiser, { step: 'activist', on: '2024-03-01' }))
    await ok(step(organiser, { step: 'activist_filed', on: '2024-03-05' }))
    const probationary = await step(secretary, { step: 'contacts', on: '2024-03-01', people: [ids['预备党员丁']] })
    expect(probationary).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '预备党员丁 是预备党员，培养联系人应为正式党员（细则第十一条、第十四条）' } })
    const withContacts = await ok(step(secretary, { step: 'contacts', on: '2024-03-01', people: [ids['老党员丙'], ids['组织委员甲']] }))
    expect(withContacts.contacts.map((p: { name: string }) => p.name)).toEqual(['老党员丙', '组织委员甲'])
    expect(withContacts.statusLabel).toBe('入党积极分子')
    await ok(step(secretary, { step: 'inspect', on: '2024-08-30' }))
    await ok(step(secretary, { step: 'inspect', on: '2025-02-20' }))
    const early = await step(secretary, { step: 'candidate', on: '2025-02-28' })
    expect((early as any).error.message).toContain('入党积极分子经过一年以上培养教育和考察才能确定为发展对象：2024年3月1日确定为积极分子，最早 2025年3月1日')
  })

  test('only the committee records an exception, with its reason, and it stays in the history', async () => {
    const bySecretary = await step(secretary, { step: 'candidate', on: '2025-02-28', exceptionReason: '上级党委同意提前一天' })
    expect(bySecretary).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '例外只能由党委记录，并写明原因' } })
    const d = await ok(step(admin, { step: 'candidate', on: '2025-02-28', exceptionReason: '上级党委同意提前一天' }))
    expect(d.statusLabel).toBe('发展对象')
    expect(d.history.at(-1)).toMatchObject({ what: '第7步「确定发展对象」（2025-02-28）（例外）', exception: { rule: '细则第十三条（培养考察一年以上）', reason: '上级党委同意提前一天' } })
  })

  test('发展对象 to 预备党员: 介绍人, 政审, 培训, 公示, then the 支部大会 with 表决; the person joins the roster as 预备党员', async () => {
    await ok(step(secretary, { step: 'candidate_filed', on: '2025-03-05' }))
    expect(await step(secretary, { step: 'introducers', on: '2025-03-10', people: [ids['老党员丙']] })).toMatchObject({ ok: false, error: { message: '入党介绍人应为两名正式党员' } })
    await ok(step(secretary, { step: 'introducers', on: '2025-03-10', people: [ids['老党员丙'], ids['张书记']] }))
    // 政审 dated before the 发展对象 (2025-02-28): the committee records it as an exception, its reason about the family.
    expect(await step(organiser, { step: 'vetting', on: '2025-02-27', result: '政治审查合格，无不良记录' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await ok(step(admin, { step: 'vetting', on: '2025-02-27', result: '政治审查合格，无不良记录', exceptionReason: '组织部门已提前完成政审：其父曾受刑事处罚，经研究不影响' }))
    await ok(step(secretary, { step: 'training', on: '2025-04-10', from: '2025-04-08', to: '2025-04-10', hours: 24 }))
    await ok(step(secretary, { step: 'committee_review', on: '2025-05-06', from: '2025-05-20', to: '2025-05-28' }))
    // Attacker finding: the secretary recorded the 上级党委's decisions (预审, 审批) themself.
    expect(await step(secretary, { step: 'pre_review', on: '2025-05-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '第13步「上级党委预审」由上级党委审批，请由党委管理员记录' } })
    expect(await step(organiser, { step: 'pre_review', on: '2025-05-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await ok(step(admin, { step: 'pre_review', on: '2025-05-10' }))
    await ok(step(secretary, { step: 'volunteer_form', on: '2025-05-15' }))
    const duringPublicity = await congress('2025-05-28')
    expect((await step(secretary, { step: 'congress', on: '2025-05-28', activityId: duringPublicity, votes: { for: 4, against: 0, abstain: 0 } }) as any).error.message).toContain('公示期（至2025年5月28日）结束后才能召开支部大会讨论')
    const held = await congress('2025-06-10')
    // 4 正式党员 on the roster that day (预备党员丁 has no vote): 2 for is not more than half; 5 votes cannot be cast.
    expect((await step(secretary, { step: 'congress', on: '2025-06-10', activityId: held, votes: { for: 2, against: 1, abstain: 1 } }) as any).error.message).toBe('赞成票 2 未超过应到会有表决权正式党员（4 人）的半数，未通过')
    expect((await step(secretary, { step: 'congress', on: '2025-06-10', activityId: held, votes: { for: 5, against: 0, abstain: 0 } }) as any).error.message).toBe('票数合计 5 超过到会的有表决权正式党员 4 人')
    await ok(step(secretary, { step: 'congress', on: '2025-06-10', activityId: held, votes: { for: 3, against: 1, abstain: 0 } }))
    await ok(step(secretary, { step: 'superior_talk', on: '2025-06-20' }))
    expect(await step(secretary, { step: 'approval', on: '2025-07-01', approved: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '第17步「上级党委审批」由上级党委审批，请由党委管理员记录' } })
    const approved = await ok(step(admin, { step: 'approval', on: '2025-07-01', approved: true }))
    expect(approved).toMatchObject({ status: 'probationary', probationEndsOn: '2026-06-10' })
    const enrolled = await ok(step(secretary, { step: 'enrol', on: '2025-07-05' }))
    await ok(step(secretary, { step: 'oath', on: '2025-07-01' }))
    const entry = await ok(secretary('members.get', { memberId: enrolled.memberId! }))
    expect(entry).toMatchObject({ name: '王申请', partyStatus: 'probationary', joinedPartyOn: '2025-06-10', bound: false })
  })

  test('转正 at the end of the 预备期, by a 支部大会, approved: the roster entry becomes 正式', async () => {
    expect((await step(secretary, { step: 'confirm_apply', on: '2026-05-01' }) as any).error.message).toContain('最早 2026年5月11日')
    await ok(step(secretary, { step: 'confirm_apply', on: '2026-05-20' }))
    const early = await congress('2026-06-09')
    expect((await step(secretary, { step: 'confirm_congress', on: '2026-06-09', activityId: early, outcome: 'confirm', votes: { for: 4, against: 0, abstain: 0 } }) as any).error.message).toContain('预备期至2026年6月10日满')
    const held = await congress('2026-06-12')
    await ok(step(secretary, { step: 'confirm_congress', on: '2026-06-12', activityId: held, outcome: 'confirm', votes: { for: 4, against: 0, abstain: 0 } }))
    expect(await step(secretary, { step: 'confirm_approval', on: '2026-07-01', approved: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '第24步「上级党委审批（转正）」由上级党委审批，请由党委管理员记录' } })
    const done = await ok(step(admin, { step: 'confirm_approval', on: '2026-07-01', approved: true }))
    expect(done).toMatchObject({ status: 'full', statusLabel: '正式党员', nextStep: { n: 25 } })
    expect(await ok(secretary('members.get', { memberId: done.memberId! }))).toMatchObject({ partyStatus: 'full', confirmedOn: '2026-06-10' })
  })
})

describe('who may see and write', () => {
  test('a member reads nothing; another branch sees no such file', async () => {
    expect(await member('recruitment.get', { recruitId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await member('recruitment.list', { branchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await otherSecretary('recruitment.get', { recruitId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await otherSecretary('recruitment.record', { recruitId, step: 'archive', on: '2026-07-05' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('a 支委 who is not the 组织委员 reads the file without 政审 and cannot write; every read is audited', async () => {
    const seen = await ok(publicity('recruitment.get', { recruitId }))
    expect(seen.personalHidden).toBe(true)
    const vetting = seen.stages.flatMap((s: any) => s.steps).find((s: any) => s.code === 'vetting')
    expect(vetting.entries[0]).toMatchObject({ result: null, hidden: true, exception: null })
    // Attacker finding: the committee's exception reason on the hidden 政审 was shown in the entry and the history.
    expect(seen.history.find((h: any) => h.what.startsWith('第10步'))).toMatchObject({ what: '第10步「进行政治审查」（2025-02-27）（例外）', exception: null })
    expect(JSON.stringify(seen)).not.toContain('其父')
    // Exceptions on steps that are not hidden stay visible.
    expect(seen.history.find((h: any) => h.what.startsWith('第7步')).exception).toMatchObject({ reason: '上级党委同意提前一天' })
    const full = await ok(organiser('recruitment.get', { recruitId }))
    const fullVetting = full.stages.flatMap((s: any) => s.steps).find((s: any) => s.code === 'vetting').entries[0]
    expect(fullVetting).toMatchObject({ result: '政治审查合格，无不良记录', exception: { reason: '组织部门已提前完成政审：其父曾受刑事处罚，经研究不影响' } })
    expect(full.history.find((h: any) => h.what.startsWith('第10步')).exception.reason).toBe('组织部门已提前完成政审：其父曾受刑事处罚，经研究不影响')
    expect(await publicity('recruitment.record', { recruitId, step: 'archive', on: '2026-07-05' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const audit = await ok(secretary('audit.list', { branchId, limit: 50 }))
    expect(audit.items.find((e: any) => e.action === 'recruit.read' && e.actor.name === '宣传委员乙')?.summary).toBe('查看 王申请 的发展党员档案（不含政审等个人材料）')
  })

  test('the list pages by name and counts per status; the committee sees counts per branch', async () => {
    await ok(secretary('recruitment.create', { branchId, name: '李申请', appliedOn: '2026-11-20', clientRequestId: 'rc-recruitment-2' }))
    const first = await ok(secretary('recruitment.list', { branchId, limit: 1 }))
    expect(first.items.map((i: any) => i.name)).toEqual(['李申请'])
    const second = await ok(secretary('recruitment.list', { branchId, limit: 1, cursor: first.nextCursor ?? undefined }))
    expect(second.items.map((i: any) => i.name)).toEqual(['王申请'])
    const committee = await ok(admin('recruitment.list', {}))
    expect(committee.counts).toEqual(expect.arrayContaining([{ branchId, status: 'applicant', count: 1 }, { branchId, status: 'full', count: 1 }]))
  })

  test('bad input: a date after today and a stranger\'s file attachment are refused', async () => {
    expect(await secretary('recruitment.create', { branchId, name: '赵申请', appliedOn: '2099-01-01', clientRequestId: 'rc-recruitment-3' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '申请日期不能晚于今天' } })
    expect(await secretary('recruitment.create', { branchId, name: '赵申请', appliedOn: '2026-01-01', clientRequestId: 'rc-recruitment-4', files: ['cloud://env/activities/x/a.pdf'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '附件不是本支部上传的，请重新上传' } })
  })
})

describe('reminders ahead of each deadline, through the reminders run (never twice)', () => {
  const TPL = 'Rc7Tq2Lw9pXa4Nb1Ve6Hs3Kd8Jm5Gf0Yz2Uo7Wi4QeB'
  const trigger = async (beijing: string) => {
    const res = await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(new Date(`${beijing}+08:00`).toISOString())}`, { method: 'POST' })
    return (await res.json()) as { ok: boolean; daily: boolean }
  }
  const mine = async (as: RawCaller) => ((await ok(as('inbox.list', { limit: 50 }))).items as { kind: string; title: string; page: string }[]).filter((i) => i.kind === 'recruitment_due')
  const outbox = async () => ((await (await fetch(`${cloud.url}/dev/outbox`)).json()) as { touser: string; templateId: string; data: Record<string, { value: string }> }[]).filter((m) => m.templateId === TPL)

  test('the talk due on 20 December (applied 20 November): secretary and 组织委员 a week ahead, a day ahead, and the day after', async () => {
    // The secretary granted one message (the consent sheet, then the app records it); the 组织委员 did not.
    await fetch(`${cloud.url}/dev/subscriptions`, { method: 'POST', headers: { 'x-dev-openid': 'rc-sec', 'content-type': 'application/json' }, body: JSON.stringify({ results: { [TPL]: 'accept' } }) })
    await ok(secretary('subscriptions.record', { results: { [TPL]: 'accept' } }))
    expect(await trigger('2026-12-12T08:05:00')).toMatchObject({ ok: true, daily: true })
    expect(await mine(secretary)).toEqual([])
    expect(await trigger('2026-12-13T08:05:00')).toMatchObject({ ok: true, daily: true })
    const first = await mine(secretary)
    expect(first).toHaveLength(1)
    expect(first[0].title).toBe('李申请：入党谈话还剩 7 天')
    expect(first[0].page).toMatch(/^\/packages\/recruitment\/pages\/person\/index\?id=/)
    expect(await mine(organiser)).toHaveLength(1)
    expect(await mine(publicity)).toEqual([])
    const sent = await outbox()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ touser: 'rc-sec', data: { name1: { value: '李申请' }, thing2: { value: '入党谈话' }, date3: { value: '2026年12月20日' } } })
    // The next day: the same milestone, nothing new.
    await trigger('2026-12-14T08:05:00')
    expect(await mine(secretary)).toHaveLength(1)
    await trigger('2026-12-19T08:05:00')
    expect((await mine(secretary)).map((i) => i.title)).toContain('李申请：入党谈话还剩 1 天')
    await trigger('2026-12-21T08:05:00')
    expect((await mine(organiser)).map((i) => i.title)).toContain('李申请：入党谈话已逾期 1 天')
    expect(await mine(secretary)).toHaveLength(3)
    // One message was granted: one was sent, the rest went to the inbox only.
    expect(await outbox()).toHaveLength(1)
  })

  test('the home to-do names what is due within a week to the secretary, not to a 支委 without the post', async () => {
    const todo = await ok(secretary('home.todo', { branchId }))
    const line = todo.items.find((i: { kind: string }) => i.kind === 'recruitment_due')
    // Real today (the talk is due 20 December 2026): shown once it is within a week or late.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    if (today >= '2026-12-13') expect(line).toMatchObject({ title: '李申请：入党谈话' })
    else expect(line).toBeUndefined()
    const other = await ok(publicity('home.todo', { branchId }))
    expect(other.items.find((i: { kind: string }) => i.kind === 'recruitment_due')).toBeUndefined()
  })
})

describe('转正 on the roster (reviewer finding: a 转正 date before 入党 was accepted)', () => {
  test('members.update refuses a 转正日期 earlier than 入党日期 or inside the 预备期, and one on a 预备党员; nothing is written', async () => {
    const id = ids['预备党员丁']
    // 预备党员丁: 入党 2026-06-01, still 预备. A 转正 date before 入党 was stored as long as the status stayed 预备.
    const before = await secretary('members.update', { memberId: id, confirmedOn: '2020-01-01' })
    expect(before).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '转正日期不能早于入党日期' } })
    expect(await secretary('members.update', { memberId: id, confirmedOn: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '预备党员还没有转正日期：请清空转正日期，或在转正时改为正式党员' } })
    // 正式 with a 转正 inside the one-year 预备期 (党章第七条).
    expect(await secretary('members.update', { memberId: id, partyStatus: 'full', confirmedOn: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '转正日期应在预备期满（2027年6月1日）之后：预备期一年，从入党日期算起（党章第七条）' } })
    // The roster shows when the 预备期 ends (入党日期 + one year).
    expect(await ok(secretary('members.get', { memberId: id }))).toMatchObject({ partyStatus: 'probationary', confirmedOn: null, probationEndsOn: '2027-06-01' })
  })
})

describe('转正 of a 预备党员 already on the roster', () => {
  test('a file from the 入党日期 on; 转正 at the end of the 预备期 by a 支部大会 makes the roster entry 正式', async () => {
    const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 1 }))
    await ok(rawApiAs(cloud.url, 'rc-pro2')('session.join', { code: inv.code, name: '预备党员戊' }))
    const wu = (await ok(secretary('members.list', { branchId, q: '戊' }))).items[0]
    await ok(secretary('members.update', { memberId: wu.id, partyStatus: 'probationary', joinedPartyOn: '2025-09-01', joinedBranchOn: '2020-01-01' }))
    expect(await publicity('recruitment.fromRoster', { memberId: wu.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await secretary('recruitment.fromRoster', { memberId: ids['老党员丙'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '老党员丙 不是本支部的预备党员' } })
    const file = await ok(secretary('recruitment.fromRoster', { memberId: wu.id }))
    expect(file).toMatchObject({ status: 'probationary', probationEndsOn: '2026-09-01', memberId: wu.id, nextStep: { n: 22, title: '提出转正申请' } })
    expect(file.dueItems[0]).toMatchObject({ step: 'confirm_congress', dueOn: '2026-09-01' })
    // Asked again: the same file.
    expect((await ok(secretary('recruitment.fromRoster', { memberId: wu.id }))).id).toBe(file.id)
    const rec = (body: Record<string, unknown>) => secretary('recruitment.record', { recruitId: file.id, ...body } as never)
    await ok(rec({ step: 'confirm_apply', on: '2026-08-15' }))
    const held = await congress('2026-09-05')
    await ok(rec({ step: 'confirm_congress', on: '2026-09-05', activityId: held, outcome: 'confirm', votes: { for: 4, against: 0, abstain: 0 } }))
    const done = await ok(admin('recruitment.record', { recruitId: file.id, step: 'confirm_approval', on: '2026-09-20', approved: true }))
    expect(done).toMatchObject({ status: 'full', dueItems: [] })
    expect(await ok(secretary('members.get', { memberId: wu.id }))).toMatchObject({ partyStatus: 'full', joinedPartyOn: '2025-09-01', confirmedOn: '2026-09-01' })
  })
})
