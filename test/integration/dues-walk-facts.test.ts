/**
 * 党费 facts a user walk found wrong (docs/dues.md): a correction's reason is not a 少缴原因 (a short month after a
 * correction carries its own), and a 支委委员 on the roster sees their own unpaid dues on home like any member.
 * Branch 1 (李建国 secretary, 王芳 组织委员, 赵磊) and branch 2 (刘洋, 宣传委员).
 */
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let branch2: string
let zhaoId: string
let liuId: string
const as = (openid: string) => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthBefore = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch1 = (await ok(secretary()('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  zhaoId = (await ok(as('dev-member-1b')('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
  const liu = (await ok(as('dev-member-2a')('session.get', {}))).roles.find((r) => r.memberId)!
  liuId = liu.memberId!
  branch2 = liu.branchId!
})
afterAll(() => cloud?.stop())

test('a typo fix 81 → 60 keeps 更正原因 apart from 少缴原因: short after it needs its own reason, shown as such', async () => {
  const month = monthBefore(thisMonth(), 1)
  await ok(secretary()('dues.setProfile', { memberId: zhaoId, category: 'employed', monthlyIncome: 5400, startMonth: monthBefore(thisMonth(), 3) }))
  await ok(secretary()('dues.record', { memberId: zhaoId, months: [month], amount: 81, paidOn: today(), way: 'cash' }))
  // Short after the correction and no 少缴原因: refused, the correction's reason is not one.
  const refused = await secretary()('dues.correct', { memberId: zhaoId, month, kind: 'amend', reason: '金额录入有误', amount: 60 })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '每月应缴 81.00 元，更正后少缴须填写少缴原因' } })
  const fixed = await ok(secretary()('dues.correct', { memberId: zhaoId, month, kind: 'amend', reason: '金额录入有误', shortReason: '经支委会同意，因病减缴', amount: 60 }))
  const m = fixed.months.find((x) => x.month === month)!
  expect(m).toMatchObject({ state: 'short', paid: 60, reason: '经支委会同意，因病减缴' })
  expect(m.corrections).toEqual([expect.objectContaining({ kind: 'amend', paidBefore: 81, paidAfter: 60, reason: '金额录入有误' })])
  // Corrected back to the full amount: no 少缴原因 left on the month.
  const full = await ok(secretary()('dues.correct', { memberId: zhaoId, month, kind: 'amend', reason: '核对收据，实收 81 元', amount: 81 }))
  expect(full.months.find((x) => x.month === month)).toMatchObject({ state: 'paid', paid: 81, reason: null })
})

test('a 支委委员 on the roster sees his own unpaid dues on home, as a plain member does (walk: 刘洋, 9 months)', async () => {
  await ok(as('dev-secretary-2')('dues.setProfile', { memberId: liuId, category: 'employed', monthlyIncome: 5400, startMonth: monthBefore(thisMonth(), 9) }))
  const home = await ok(as('dev-member-2a')('home.todo', { branchId: branch2 }))
  expect(home.view).toBe('writer')
  expect(home.items.find((i) => i.kind === 'dues_unpaid')).toMatchObject({ title: '9 个月党费未交纳', tone: 'overdue', page: `/packages/dues/pages/member/index?memberId=${liuId}` })
})

test('transferred out: the old branch keeps her months before the transfer (row 已转出), its collected does not change', async () => {
  const m = thisMonth()
  const start = monthBefore(m, 4)
  const wangId = (await ok(as('dev-member-1a')('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
  await ok(secretary()('dues.setProfile', { memberId: wangId, category: 'employed', monthlyIncome: 5400, startMonth: start }))
  await ok(secretary()('dues.record', { memberId: wangId, months: [start, monthBefore(m, 3)], amount: 81, paidOn: today(), way: 'cash' }))
  // Publishing needs a standard for everyone on the roster.
  for (const r of (await ok(secretary()('dues.ledger', { branchId: branch1 }))).rows.filter((x) => x.monthlyDue === null)) {
    await ok(secretary()('dues.setProfile', { memberId: r.memberId, category: 'student', startMonth: start }))
  }
  const before = await ok(secretary()('dues.ledger', { branchId: branch1 }))
  const rowBefore = before.rows.find((r) => r.memberId === wangId)!
  expect(rowBefore.paid).toBe(162)

  const rid = () => `walk-${Math.random().toString(36).slice(2, 12)}`
  const t = await ok(secretary()('transfers.issue', { memberId: wangId, toBranchId: branch2, letterNo: '党费转〔2026〕1号', issuedOn: today(), duesPaidTo: monthBefore(m, 3), clientRequestId: rid() }))
  await ok(as('dev-secretary-2')('transfers.accept', { transferId: t.id, clientRequestId: rid() }))

  const after = await ok(secretary()('dues.ledger', { branchId: branch1 }))
  // Her months before the transfer stay; the month of the transfer, unpaid here, is the receiving branch's (it owes
  // from the month she arrives): 81 less due, nothing collected lost.
  const less81 = (yuan: number) => Math.round((yuan - 81) * 100) / 100
  expect(after.totals).toEqual({ ...before.totals, due: less81(before.totals.due!), rate: Number((before.totals.collected! / less81(before.totals.due!)).toFixed(4)) })
  const row = after.rows.find((r) => r.memberId === wangId)!
  expect(row).toMatchObject({ transferredOn: today(), paid: 162, due: less81(rowBefore.due!), months: rowBefore.months.map((s, i) => (i === Number(m.slice(5)) - 1 ? 'not_owed' : s)), behind: 0, flag: null })
  // The published figures are the ledger's.
  const published = await ok(secretary()('dues.publish', { branchId: branch1, year: Number(m.slice(0, 4)), clientRequestId: rid() }))
  expect(published.body).toContain(`应缴 ${after.totals.due!.toFixed(2)} 元，实缴 ${after.totals.collected!.toFixed(2)} 元`)
})
