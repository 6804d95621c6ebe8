/**
 * 发展党员 leftovers (issue #19, docs/recruitment.md): the 谈话人 of step 2, a recorded step corrected or withdrawn
 * with its original kept in the history (who and why), the 上级党委's steps flagged so the app offers them to the
 * committee only, and the audit log's summary of a hidden step (政审) without the committee's exception reason
 * (it carried it before this fix).
 */
import { apiAs, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let admin: Caller
let secretary: Caller
let member: Caller
let branchId: string
let recruitId: string
const ids: Record<string, string> = {}

async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}
const version = async () => (await ok(secretary('recruitment.get', { recruitId }))).version
const stepOf = async (code: string) => (await ok(secretary('recruitment.get', { recruitId }))).stages.flatMap((s) => s.steps).find((s) => s.code === code)!

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'rk-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '丙学会党支部', startedOn: '2023-01-01' }))).id
  secretary = await join('rk-sec', (await ok(admin('invites.create', { branchId, role: 'secretary' }))).code, '张书记')
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 10 }))
  member = await join('rk-mem', inv.code, '老党员丙')
  for (const m of (await ok(secretary('members.list', { branchId }))).items) ids[m.name] = m.id
  recruitId = (await ok(secretary('recruitment.create', { branchId, name: '王申请', appliedOn: '2024-01-05', clientRequestId: 'rc-recruitmentcorrections-1' }))).id
}, 90_000)
afterAll(() => cloud?.stop())

test('step 2 records its 谈话人; a step without one refuses the field', async () => {
  const d = await ok(secretary('recruitment.record', { recruitId, step: 'talk', on: '2024-01-20', talker: '老党员丙', note: '谈话情况良好' }))
  expect(d.stages[0].steps[1].entries[0]).toMatchObject({ talker: '老党员丙', note: '谈话情况良好' })
  const stray = await secretary('recruitment.record', { recruitId, step: 'activist', on: '2024-03-01', talker: '某人' })
  expect(stray).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '第3步「推荐和确定入党积极分子」不记录「谈话人」，请删去后再保存' } })
})

test('the 上级党委\'s steps are flagged (the screen offers them to the committee only)', async () => {
  const steps = (await ok(secretary('recruitment.get', { recruitId }))).stages.flatMap((s) => s.steps)
  expect(steps.filter((s) => s.superiorDecision).map((s) => s.n)).toEqual([13, 17, 24])
})

test('the latest step is corrected with why; the original stays; an earlier one may be withdrawn only after the later', async () => {
  await ok(secretary('recruitment.record', { recruitId, step: 'activist', on: '2024-03-01' }))
  // The talk is not the latest entry any more: it cannot be withdrawn (step 3 rests on it).
  const early = await secretary('recruitment.correct', { recruitId, step: 'talk', action: 'withdraw', reason: '误录', version: await version() })
  expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '只能撤回最后记录的步骤：第2步之后已记录了其他步骤，请先撤回后面的步骤（日期或说明有误可直接更正）' } })
  const byMember = await member('recruitment.correct', { recruitId, step: 'activist', action: 'withdraw', reason: '误录', version: await version() })
  expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const noReason = await secretary('recruitment.correct', { recruitId, step: 'activist', action: 'amend', on: '2024-03-02', reason: ' ', version: await version() })
  expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect((noReason as { error: { message: string } }).error.message).toContain('请填写更正原因')
  const stale = await secretary('recruitment.correct', { recruitId, step: 'activist', action: 'amend', on: '2024-03-02', reason: '日期录入错误', version: 0 })
  expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  // Before the talk: refused by the order rule, as a new record would be.
  const outOfOrder = await secretary('recruitment.correct', { recruitId, step: 'activist', action: 'amend', on: '2024-01-10', reason: '日期录入错误', version: await version() })
  expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect((outOfOrder as { error: { message: string } }).error.message).toMatch(/^更正后的日期不符合规定：/)

  const d = await ok(secretary('recruitment.correct', { recruitId, step: 'activist', action: 'amend', on: '2024-03-02', note: '支委会研究确定', reason: '日期录入错误', version: await version() }))
  const entry = d.stages.flatMap((s) => s.steps).find((s) => s.code === 'activist')!.entries[0]
  expect(entry).toMatchObject({ on: '2024-03-02', note: '支委会研究确定', corrections: [{ by: '张书记', reason: '日期录入错误', before: { on: '2024-03-01', note: null } }] })
  expect(d.history.at(-1)?.what).toBe('更正第3步「推荐和确定入党积极分子」（原记录 2024-03-01，张书记 记录；日期改为 2024-03-02）：日期录入错误')
  // Stored, not only answered.
  expect((await stepOf('activist')).entries[0]).toMatchObject({ on: '2024-03-02', note: '支委会研究确定' })
})

test('a withdrawn step leaves the file as before it, the original in the history; then the earlier step may be corrected', async () => {
  const d = await ok(secretary('recruitment.correct', { recruitId, step: 'activist', action: 'withdraw', reason: '支委会尚未研究，误录', version: await version() }))
  expect(d).toMatchObject({ status: 'applicant', nextStep: { n: 3 } })
  expect((await stepOf('activist')).entries).toEqual([])
  expect(d.history.at(-1)?.what).toBe('撤回第3步「推荐和确定入党积极分子」（原记录 2024-03-02，张书记 记录）：支委会尚未研究，误录')
  expect(d.history.some((h) => h.what.startsWith('第3步「推荐和确定入党积极分子」（2024-03-01）'))).toBe(true)
  await ok(secretary('recruitment.correct', { recruitId, step: 'talk', action: 'amend', on: '2024-01-21', reason: '日期录入错误', version: await version() }))
  expect((await stepOf('talk')).entries[0]).toMatchObject({ on: '2024-01-21', talker: '老党员丙' })
  const audit = await ok(secretary('audit.list', { branchId, limit: 50 }))
  expect(audit.items.filter((e) => e.action === 'recruit.correct').map((e) => e.summary)).toEqual([
    '王申请：更正第2步「党组织派人谈话」：日期录入错误',
    '王申请：撤回第3步「推荐和确定入党积极分子」：支委会尚未研究，误录',
    '王申请：更正第3步「推荐和确定入党积极分子」：日期录入错误',
  ])
})

test('an earlier step corrected when every later rule still holds; refused, naming the rule, when one would break (the walk: only the latest could be)', async () => {
  // 李积极: 积极分子 on 1 March 2024, 考察 twice, 发展对象 on 1 March 2025 — exactly the year 细则第十三条 asks.
  const id = (await ok(secretary('recruitment.create', { branchId, name: '李积极', appliedOn: '2024-01-05', clientRequestId: 'rc-recruitmentcorrections-3' }))).id
  await ok(secretary('recruitment.record', { recruitId: id, step: 'talk', on: '2024-01-20', talker: '老党员丙' }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'activist', on: '2024-03-01' }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'contacts', on: '2024-03-02', people: [ids['老党员丙']] }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'inspect', on: '2024-08-20' }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'inspect', on: '2025-02-20' }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'candidate', on: '2025-03-01' }))
  const v = async () => (await ok(secretary('recruitment.get', { recruitId: id }))).version
  // One day later would leave 发展对象 less than a year after 积极分子: refused, the rule and the step named; nothing written.
  const later = await secretary('recruitment.correct', { recruitId: id, step: 'activist', action: 'amend', on: '2024-03-02', reason: '支委会会议记录为3月2日', version: await v() })
  expect(later).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: '细则第十三条（培养考察一年以上）', step: 'candidate' } } })
  expect((later as { error: { message: string } }).error.message).toBe('更正后第7步「确定发展对象」不再符合规定：入党积极分子经过一年以上培养教育和考察才能确定为发展对象：2024年3月2日确定为积极分子，最早 2025年3月2日（细则第十三条）')
  // The first 考察 moved so half a year passes without one: refused by 细则第十二条.
  const gap = await secretary('recruitment.correct', { recruitId: id, step: 'inspect', index: 0, action: 'amend', on: '2024-09-05', reason: '日期录入错误', version: await v() })
  expect(gap).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: '细则第十二条（每半年考察一次）' } } })
  // One day earlier keeps every rule: corrected, the reason and the original in the history.
  const d = await ok(secretary('recruitment.correct', { recruitId: id, step: 'activist', action: 'amend', on: '2024-02-29', reason: '支委会会议记录为2月29日', version: await v() }))
  expect(d.stages.flatMap((s) => s.steps).find((s) => s.code === 'activist')!.entries[0]).toMatchObject({ on: '2024-02-29', corrections: [{ reason: '支委会会议记录为2月29日', before: { on: '2024-03-01' } }] })
  expect(d.history.at(-1)?.what).toBe('更正第3步「推荐和确定入党积极分子」（原记录 2024-03-01，张书记 记录；日期改为 2024-02-29）：支委会会议记录为2月29日')
  // The second 考察's note, by its index: the history names which.
  const n = await ok(secretary('recruitment.correct', { recruitId: id, step: 'inspect', index: 1, action: 'amend', note: '表现良好', reason: '补充考察情况', version: await v() }))
  expect(n.stages.flatMap((s) => s.steps).find((s) => s.code === 'inspect')!.entries.map((e) => e.note)).toEqual([null, '表现良好'])
  expect(n.history.at(-1)?.what).toBe('更正第6步「培养教育考察」第2次记录（原记录 2025-02-20，张书记 记录）：补充考察情况')
  expect(n.status).toBe('candidate')
})

test('step 1 corrected moves the application date the file shows; step 1 is never withdrawn (it was: a file with no steps)', async () => {
  const id = (await ok(secretary('recruitment.create', { branchId, name: '赵申请', appliedOn: '2024-04-01', clientRequestId: 'rc-recruitmentcorrections-4' }))).id
  const v = async () => (await ok(secretary('recruitment.get', { recruitId: id }))).version
  const gone = await secretary('recruitment.correct', { recruitId: id, step: 'apply', action: 'withdraw', reason: '误录', version: await v() })
  expect(gone).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '第1步「递交入党申请书」是档案的起点，不能撤回；日期或说明有误请更正' } })
  const d = await ok(secretary('recruitment.correct', { recruitId: id, step: 'apply', action: 'amend', on: '2024-04-02', reason: '申请书落款日期为4月2日', version: await v() }))
  expect(d.appliedOn).toBe('2024-04-02')
  expect(d.dueItems[0]).toMatchObject({ step: 'talk', dueOn: '2024-05-02' })
  const listed = await ok(secretary('recruitment.list', { branchId }))
  expect(listed.items.find((r) => r.id === id)?.appliedOn).toBe('2024-04-02')
})

test('a hidden step\'s exception: the audit summary names the rule, not the reason (it carried the reason before)', async () => {
  // 政审 before the 发展对象 stage: the committee records it as an exception.
  await ok(admin('recruitment.record', { recruitId, step: 'vetting', on: '2024-02-01', result: '政治审查合格', exceptionReason: '组织部门已提前完成政审：其父曾受刑事处罚，经研究不影响', version: await version() }))
  const audit = await ok(secretary('audit.list', { branchId, limit: 50 }))
  const line = audit.items.find((e) => e.action === 'recruit.step' && e.summary.includes('第10步'))!.summary
  expect(line).toBe('王申请：第10步「进行政治审查」（2024-02-01）；例外（细则第十五条、第十六条（程序顺序））')
  expect(JSON.stringify(audit)).not.toContain('其父曾受刑事处罚')
})

test('the committee\'s overview: people per status per branch and every overdue step', async () => {
  // 王申请 applied on 2024-01-05 and is 入党申请人 again (step 3 withdrawn): nothing overdue; 李申请's talk is, and
  // 赵申请's (since 2 May 2024, oldest first); 李积极 is 发展对象.
  const late = await ok(secretary('recruitment.create', { branchId, name: '李申请', appliedOn: '2024-05-06', clientRequestId: 'rc-recruitmentcorrections-2' }))
  const o = await ok(admin('recruitment.overview', {}))
  expect(o.branches).toEqual([{ branchId, branchName: '丙学会党支部', counts: { applicant: 3, candidate: 1, probationary: 0 }, total: 4, unfiled: 0, overdue: 2 }])
  expect(o.overdue).toEqual([
    expect.objectContaining({ name: '赵申请', title: '入党谈话', dueOn: '2024-05-02' }),
    expect.objectContaining({ recruitId: late.id, name: '李申请', title: '入党谈话', dueOn: '2024-06-06', branchName: '丙学会党支部' }),
  ])
  expect(o.overdue[1].daysLate).toBeGreaterThan(365)
  expect(await secretary('recruitment.overview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('the overview\'s 预备党员 is the roster\'s, those without a file counted as 未建档 (users\' walk: 计算机学会 read 0 with 赵磊 预备 on its roster)', async () => {
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 1 }))
  await join('rk-prob', inv.code, '预备党员戊')
  const probId = (await ok(secretary('members.list', { branchId }))).items.find((m) => m.name === '预备党员戊')!.id
  await ok(secretary('members.update', { memberId: probId, partyStatus: 'probationary', joinedPartyOn: '2026-06-01' }))
  const row = async () => (await ok(admin('recruitment.overview', {}))).branches.find((b) => b.branchId === branchId)!
  expect(await row()).toMatchObject({ counts: { probationary: 1 }, unfiled: 1, total: 5 })
  // Her 转正 file made from the roster (花名册中的预备党员转正): still one 预备党员, none without a file.
  await ok(secretary('recruitment.fromRoster', { memberId: probId }))
  expect(await row()).toMatchObject({ counts: { probationary: 1 }, unfiled: 0, total: 5 })
})

test('a correction changes the step\'s own recorded fields (a mistyped 谈话人, the 培养联系人), checked as a record is, kept in the history with why (users\' walk: only withdraw and record again)', async () => {
  const id = (await ok(secretary('recruitment.create', { branchId, name: '李更正', appliedOn: '2024-02-01', clientRequestId: 'rc-recruitmentcorrections-fields' }))).id
  const v = async () => (await ok(secretary('recruitment.get', { recruitId: id }))).version
  await ok(secretary('recruitment.record', { recruitId: id, step: 'talk', on: '2024-02-10', talker: '老党圆丙' }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'activist', on: '2024-03-01' }))
  await ok(secretary('recruitment.record', { recruitId: id, step: 'contacts', on: '2024-03-05', people: [ids['张书记']] }))

  // The talk is no longer the latest entry: its 谈话人 is corrected all the same, the date kept.
  const d = await ok(secretary('recruitment.correct', { recruitId: id, step: 'talk', action: 'amend', talker: '老党员丙', reason: '谈话人姓名录入错误', version: await v() }))
  const talk = d.stages.flatMap((s) => s.steps).find((s) => s.code === 'talk')!.entries[0]
  expect(talk).toMatchObject({ on: '2024-02-10', talker: '老党员丙', corrections: [{ by: '张书记', reason: '谈话人姓名录入错误', before: { on: '2024-02-10' }, changes: ['谈话人 老党圆丙 → 老党员丙'] }] })
  expect(d.history.at(-1)?.what).toBe('更正第2步「党组织派人谈话」（原记录 2024-02-10，张书记 记录；谈话人 老党圆丙 → 老党员丙）：谈话人姓名录入错误')

  // A field the step does not record is refused by name; a correction with nothing in it too.
  expect(await secretary('recruitment.correct', { recruitId: id, step: 'activist', action: 'amend', talker: '某人', reason: '误录', version: await v() })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '第3步「推荐和确定入党积极分子」不记录「谈话人」，不能更正' },
  })
  expect(await secretary('recruitment.correct', { recruitId: id, step: 'talk', action: 'amend', reason: '误录', version: await v() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

  // 培养联系人: validated as the step form's record (one or two 正式党员 of the branch).
  const none = await secretary('recruitment.correct', { recruitId: id, step: 'contacts', action: 'amend', people: [], reason: '联系人选错', version: await v() })
  expect(none).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '更正后的记录不符合规定：请指定一至二名正式党员作为培养联系人' } })
  const c = await ok(secretary('recruitment.correct', { recruitId: id, step: 'contacts', action: 'amend', people: [ids['老党员丙']], reason: '联系人选错', version: await v() }))
  expect(c.contacts.map((p) => p.name)).toEqual(['老党员丙'])
  expect(c.history.at(-1)?.what).toBe('更正第5步「指定培养联系人」（原记录 2024-03-05，张书记 记录；培养联系人 张书记 → 老党员丙）：联系人选错')
  expect((await ok(secretary('recruitment.get', { recruitId: id }))).contacts.map((p) => p.name)).toEqual(['老党员丙'])
})
