/**
 * 换届 writes at once, through the local cloud (docs/terms.md, 「同时提交」): requests sent together in parallel
 * (Promise.all) — every answer ok is a fact stored on the term, and the audit log names exactly those; the others are
 * refused (CONFLICT) and write nothing. And when a 延期换届 may be recorded: only as the term comes due (from six
 * months before its end), and a second approval only later than the approved date.
 */
import { apiAs, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { addDays, addMonths } from '../../cloud/core/terms/rules'
import { beijingDate } from '../../cloud/core/framework/time'

let cloud: LocalCloudHandle
let admin: Caller
let secretary: Caller
let otherSecretary: Caller
let branchId: string
let otherBranchId: string
let raceSecretary: Caller
let raceBranchId: string
const ids: Record<string, string> = {}
const otherIds: Record<string, string> = {}
const raceIds: Record<string, string> = {}
const today = beijingDate(new Date())
const run = Date.now().toString(36)

async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}

/** The branch's audit entries of one action (newest 50 are plenty here). */
const audits = async (as: Caller, b: string, action: string) => (await ok(as('audit.list', { branchId: b, limit: 50 }))).items.filter((e) => e.action === action)
// The term in office, recorded as it started 34 months ago: it ends in about two months (a 延期 may be recorded).
const start = addMonths(today, -34)
const members = () => [{ memberId: ids['王芳'], post: '书记' as const }, { memberId: ids['赵强'], post: '组织委员' as const }]
const termOf = async () => (await ok(secretary('terms.get', { branchId }))).term!

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'tc-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '丙学会党支部', startedOn: '2020-01-01' }))).id
  otherBranchId = (await ok(admin('branches.create', { name: '丁学会党支部', startedOn: '2020-01-01' }))).id
  secretary = await join('tc-sec', (await ok(admin('invites.create', { branchId, role: 'secretary' }))).code, '张书记')
  otherSecretary = await join('tc-sec2', (await ok(admin('invites.create', { branchId: otherBranchId, role: 'secretary' }))).code, '丁书记')
  raceBranchId = (await ok(admin('branches.create', { name: '戊学会党支部', startedOn: '2020-01-01' }))).id
  raceSecretary = await join('tc-sec3', (await ok(admin('invites.create', { branchId: raceBranchId, role: 'secretary' }))).code, '戊书记')
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 10 }))
  for (const [i, name] of ['王芳', '赵强'].entries()) await join(`tc-m${i + 1}`, inv.code, name)
  for (const m of (await ok(secretary('members.list', { branchId }))).items) ids[m.name] = m.id
  for (const m of (await ok(otherSecretary('members.list', { branchId: otherBranchId }))).items) otherIds[m.name] = m.id
  for (const id of Object.values(ids)) await ok(secretary('members.update', { memberId: id, joinedBranchOn: '2020-01-01', joinedPartyOn: '2010-07-01' }))
  await ok(otherSecretary('members.update', { memberId: otherIds['丁书记'], joinedBranchOn: '2020-01-01', joinedPartyOn: '2010-07-01' }))
  for (const m of (await ok(raceSecretary('members.list', { branchId: raceBranchId }))).items) raceIds[m.name] = m.id
  await ok(raceSecretary('members.update', { memberId: raceIds['戊书记'], joinedBranchOn: '2020-01-01', joinedPartyOn: '2010-07-01' }))
  await ok(secretary('terms.record', { branchId, clientRequestId: `tc-rec-${run}`, kind: 'existing', startOn: start, members: members() }))
}, 120_000)
afterAll(() => cloud?.stop())

test('10 records of the term in office at once (different start days): one term is recorded, the others CONFLICT; one audit', async () => {
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      raceSecretary('terms.record', { branchId: raceBranchId, clientRequestId: `tc-rec-${run}-${i}`, kind: 'existing', startOn: addDays(start, -i), members: [{ memberId: raceIds['戊书记'], post: '书记' }] }),
    ),
  )
  const oks = answers.filter((a) => a.ok)
  expect(oks).toHaveLength(1)
  for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const t = await ok(raceSecretary('terms.get', { branchId: raceBranchId }))
  expect(t.past).toEqual([])
  expect(t.term?.id).toBe(oks[0].ok ? oks[0].data.id : '')
  expect(await audits(raceSecretary, raceBranchId, 'term.recorded')).toHaveLength(1)
})

test('20 corrections at once: every one answered ok is kept in the term, as many term.corrected audits; the others CONFLICT', async () => {
  const t = await termOf()
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      secretary('terms.correct', { branchId, termId: t.id, clientRequestId: `tc-fix-${run}-${i}`, startOn: addDays(start, -20 - i), years: 3, members: members(), reason: `开始日期核对 ${i}` }),
    ),
  )
  const oks = answers.filter((a) => a.ok)
  expect(oks.length).toBeGreaterThanOrEqual(1)
  for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请刷新后再试') } })
  const kept = (await termOf()).corrections
  expect(kept).toHaveLength(oks.length)
  expect(kept.map((c) => c.reason).sort()).toEqual(oks.map((a) => (a.ok ? a.data.corrections.at(-1)!.reason : '')).sort())
  expect(await audits(secretary, branchId, 'term.corrected')).toHaveLength(oks.length)
})

test('20 postponements at once: every one answered ok is kept, as many term.postponed audits; the others CONFLICT', async () => {
  const t = await termOf()
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      secretary('terms.postpone', { branchId, clientRequestId: `tc-pp-${run}-${i}`, approvedOn: today, dueOn: addDays(addMonths(t.endOn, 1), i), reason: `社区党组织统一换届 ${i}` }),
    ),
  )
  const oks = answers.filter((a) => a.ok)
  expect(oks.length).toBeGreaterThanOrEqual(1)
  for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const after = await termOf()
  expect(after.postponements).toHaveLength(oks.length)
  expect(after.postponements.map((p) => p.reason).sort()).toEqual(oks.map((a) => (a.ok ? a.data.postponements.at(-1)!.reason : '')).sort())
  expect(await audits(secretary, branchId, 'term.postponed')).toHaveLength(oks.length)
  // Each stored approval is later than the one before it: the due date is the last one's.
  const dues = after.postponements.map((p) => p.dueOn)
  expect([...dues].sort()).toEqual(dues)
  expect(after.dueOn).toBe(dues.at(-1))
})

test('a second 延期 earlier than the approved date is refused (the 换届 may be held before it); a later one extends it', async () => {
  const t = await termOf()
  const earlier = await secretary('terms.postpone', { branchId, clientRequestId: `tc-pp-early-${run}`, approvedOn: today, dueOn: addDays(t.endOn, 1), reason: '提前' })
  expect(earlier).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { field: 'dueOn' }, message: expect.stringContaining(`已批准延期换届至 ${t.dueOn}`) } })
  const same = await secretary('terms.postpone', { branchId, clientRequestId: `tc-pp-same-${run}`, approvedOn: today, dueOn: t.dueOn, reason: '重复' })
  expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const later = await ok(secretary('terms.postpone', { branchId, clientRequestId: `tc-pp-later-${run}`, approvedOn: today, dueOn: addMonths(t.endOn, 6), reason: '再次延期' }))
  expect(later).toMatchObject({ dueOn: addMonths(t.endOn, 6), postponements: [...t.postponements, expect.objectContaining({ reason: '再次延期' })] })
  expect(await termOf()).toEqual(later)
  expect(await audits(secretary, branchId, 'term.postponed')).toHaveLength(later.postponements.length)
})

test('a 延期 of a term that ends years from now is refused, naming the rule; nothing written', async () => {
  const t = await ok(otherSecretary('terms.record', { branchId: otherBranchId, clientRequestId: `tc-rec-far-${run}`, kind: 'existing', startOn: addDays(today, -1), members: [{ memberId: otherIds['丁书记'], post: '书记' }] }))
  const far = await otherSecretary('terms.postpone', { branchId: otherBranchId, clientRequestId: `tc-pp-far-${run}`, approvedOn: today, dueOn: addMonths(t.endOn, 6), reason: '换届筹备' })
  expect(far).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`延期换届从届满前 6 个月（${addMonths(t.endOn, -6)}）起才能登记`) } })
  expect((await ok(otherSecretary('terms.get', { branchId: otherBranchId }))).term).toMatchObject({ postponements: [], dueOn: t.endOn })
  expect(await audits(otherSecretary, otherBranchId, 'term.postponed')).toHaveLength(0)
})

test('5 同步支委职务到账号 at once: the roles change once, one audit; the others CONFLICT or find nothing left', async () => {
  const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => secretary('terms.syncRoles', { branchId, clientRequestId: `tc-sync-${run}-${i}` })))
  const changed = answers.filter((a) => a.ok && a.data.lines.length)
  expect(changed).toHaveLength(1)
  for (const a of answers) if (!a.ok) expect(a).toMatchObject({ error: { code: 'CONFLICT' } })
  expect(await audits(apiAs(cloud.url, 'tc-m1'), branchId, 'term.rolesSynced')).toHaveLength(1)
  const roles = async (openid: string) => (await ok(apiAs(cloud.url, openid)('session.get'))).roles.filter((r: { branchId?: string | null }) => r.branchId === branchId).map((r: { role: string }) => r.role).sort()
  expect(await roles('tc-m1')).toEqual(['member', 'secretary'])
  expect(await roles('tc-m2')).toEqual(['branch_committee', 'member'])
  expect(await roles('tc-sec')).toEqual(['member'])
})
