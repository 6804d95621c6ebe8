/**
 * 党费 months across a transfer, as a user walk found them (docs/dues.md, "Months across a transfer"): the seeded
 * demo data, no month recorded for anyone, no standard for 孙丽 in either branch. 孙丽 is transferred from
 * 湖南省机械工程学会党支部 (陈晓燕) to 湖南省计算机学会党支部 (李建国) today, her letter 党费交至 last month.
 * 1. her 我的党费 in the new branch lists this month as owed there and the months before as settled by the letter
 *    (the walk: 「这一年没有需要交纳的月份」);
 * 2. the old branch's ledger and its yearly publication keep her row 已转出 (the walk: she vanished);
 * 3. the new branch's ledger marks her months before the arrival 原 (settled) or — (the earlier branch's), never
 *    owed or behind here (the walk: months 1–11 read like a full-year member's).
 * 周婷 (湖南省科普作家协会等联合党支部, 黄志强) has a standard there from June, June–July recorded, her letter 党费交至
 * August: her old branch keeps June–November (August–November unpaid there), the new branch owes from this month.
 */
import ExcelJS from 'exceljs'
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

jest.setTimeout(180000)

let cloud: LocalCloudHandle
let newBranch: string
let oldBranch: string
let zhouBranch: string
let oldName: string
let sunOld: string
let sunNew: string
let zhouOld: string
let zhouNew: string
const as = (openid: string) => apiAs(cloud.url, openid)
const li = () => as('dev-secretary-1')
const chen = () => as('dev-secretary-2')
const huang = () => as('dev-secretary-3')
const sun = () => as('dev-member-2b')
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthBefore = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
const rid = () => `tm-${Math.random().toString(36).slice(2, 12)}`
const m = thisMonth()
const YEAR = Number(m.slice(0, 4))
const monthsOfYear = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`)
const before = monthsOfYear.filter((x) => x < m)
const col = (month: string) => Number(month.slice(5)) - 1
const memberOf = async (openid: string, branchId: string) => (await ok(as(openid)('session.get', {}))).roles.find((r) => r.memberId && r.branchId === branchId)!.memberId!

beforeAll(async () => {
  cloud = await startLocalCloud()
  newBranch = (await ok(li()('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  oldBranch = (await ok(chen()('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  zhouBranch = (await ok(huang()('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  oldName = (await ok(chen()('branches.get', { branchId: oldBranch }))).branch.name
  sunOld = await memberOf('dev-member-2b', oldBranch)
  zhouOld = await memberOf('dev-member-3a', zhouBranch)
  // 周婷: a standard in her old branch from June, June and July recorded there.
  await ok(huang()('dues.setProfile', { memberId: zhouOld, category: 'student', startMonth: monthBefore(m, 6) }))
  await ok(huang()('dues.record', { memberId: zhouOld, months: [monthBefore(m, 6), monthBefore(m, 5)], amount: 0.2, paidOn: today(), way: 'cash' }))
  // Both transferred to 李建国's branch today.
  const t1 = await ok(chen()('transfers.issue', { memberId: sunOld, toBranchId: newBranch, letterNo: '党费月〔2026〕1号', issuedOn: today(), duesPaidTo: monthBefore(m, 1), clientRequestId: rid() }))
  await ok(li()('transfers.accept', { transferId: t1.id, clientRequestId: rid() }))
  const t2 = await ok(huang()('transfers.issue', { memberId: zhouOld, toBranchId: newBranch, letterNo: '党费月〔2026〕2号', issuedOn: today(), duesPaidTo: monthBefore(m, 4), clientRequestId: rid() }))
  await ok(li()('transfers.accept', { transferId: t2.id, clientRequestId: rid() }))
  sunNew = await memberOf('dev-member-2b', newBranch)
  zhouNew = await memberOf('dev-member-3a', newBranch)
}, 180000)
afterAll(() => cloud?.stop())

test('1. 孙丽’s 我的党费 in the new branch: this month owed there, the months before settled by the letter', async () => {
  const own = await ok(sun()('dues.member', { memberId: sunNew }))
  expect(own.profile).toBeNull()
  expect(own.earlier).toMatchObject({ paidTo: monthBefore(m, 1), paidToBy: oldName })
  const state = (x: string) => own.months.find((e) => e.month === x)!
  expect(state(m)).toMatchObject({ state: 'due', elsewhere: false, branchName: null })
  for (const x of before) expect(state(x)).toMatchObject({ state: 'elsewhere', elsewhere: true, branchName: oldName })
  expect(own.behind).toBe(0)
})

test('2. the old branch’s ledger and publication keep 孙丽 (已转出) without a standard, and 周婷 with hers', async () => {
  const ledger = await ok(chen()('dues.ledger', { branchId: oldBranch }))
  const row = ledger.rows.find((r) => r.memberId === sunOld)
  expect(row).toMatchObject({ name: '孙丽', transferredOn: today(), monthlyDue: null, behind: 0, flag: null })
  // She cannot be given a standard any more: not counted among those the secretary must still set.
  expect(ledger.unset).toBe(ledger.rows.filter((r) => r.monthlyDue === null && !r.transferredOn).length)
  // 周婷's old branch: June–November owed there (August–November unpaid), this month the new branch's.
  const zl = await ok(huang()('dues.ledger', { branchId: zhouBranch }))
  const z = zl.rows.find((r) => r.memberId === zhouOld)!
  expect(z).toMatchObject({ transferredOn: today(), behind: 0, flag: null, due: 1.2, paid: 0.4 })
  expect(monthsOfYear.map((x) => z.months[col(x)])).toEqual(
    monthsOfYear.map((x) => (x < monthBefore(m, 6) ? 'not_owed' : x <= monthBefore(m, 5) ? 'paid' : x < m ? 'unpaid' : 'not_owed')),
  )
  // The publication waits for no standard of a member gone, and names her.
  for (const r of ledger.rows.filter((x) => x.monthlyDue === null && !x.transferredOn)) await ok(chen()('dues.setProfile', { memberId: r.memberId, category: 'student', startMonth: `${YEAR}-01` }))
  const published = await ok(chen()('dues.publish', { branchId: oldBranch, year: YEAR, clientRequestId: rid() }))
  expect(published.body).toContain(`含年内已转出 1 人：孙丽（${Number(today().slice(5, 7))}月${Number(today().slice(8, 10))}日已转出，未核定标准）`)
})

test('3. the new branch’s ledger: months before the arrival 原 or —, never owed or behind here', async () => {
  const ledger = await ok(li()('dues.ledger', { branchId: newBranch }))
  const s = ledger.rows.find((r) => r.memberId === sunNew)!
  expect(before.map((x) => s.months[col(x)])).toEqual(before.map(() => 'elsewhere'))
  expect(s.months[col(m)]).toBe('due')
  expect(s).toMatchObject({ behind: 0, flag: null })
  const z = ledger.rows.find((r) => r.memberId === zhouNew)!
  // June–July recorded there, August by the letter: 原; September–November and before June: not this branch's.
  expect(before.map((x) => z.months[col(x)])).toEqual(before.map((x) => (x >= monthBefore(m, 6) && x <= monthBefore(m, 4) ? 'elsewhere' : 'not_here')))
  expect(z).toMatchObject({ behind: 0, flag: null })

  // The secretary sets standards from January (as for a full-year member): still nothing before the arrival owed here.
  await ok(li()('dues.setProfile', { memberId: sunNew, category: 'student', startMonth: `${YEAR}-01` }))
  await ok(li()('dues.setProfile', { memberId: zhouNew, category: 'student', startMonth: `${YEAR}-01` }))
  const after = await ok(li()('dues.ledger', { branchId: newBranch }))
  const s2 = after.rows.find((r) => r.memberId === sunNew)!
  expect(before.map((x) => s2.months[col(x)])).toEqual(before.map(() => 'elsewhere'))
  expect(s2).toMatchObject({ behind: 0, flag: null, due: 0.2, paid: 0 })
  const z2 = after.rows.find((r) => r.memberId === zhouNew)!
  expect(before.map((x) => z2.months[col(x)])).toEqual(before.map((x) => (x >= monthBefore(m, 6) && x <= monthBefore(m, 4) ? 'elsewhere' : 'not_here')))
  expect(z2).toMatchObject({ behind: 0, flag: null, due: 0.2, paid: 0 })
  // A month before the arrival cannot be recorded here: the earlier branch's.
  const refused = await li()('dues.record', { memberId: zhouNew, months: [monthBefore(m, 1)], amount: 0.2, paidOn: today(), way: 'cash' })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(`转入本支部，${monthBefore(m, 1)} 的党费属原支部`) } })
  // Her own page agrees: nothing before the arrival to pay here, this month owed.
  const own = await ok(as('dev-member-3a')('dues.member', { memberId: zhouNew }))
  expect(own.months.filter((e) => e.state === 'unpaid' || e.state === 'due').map((e) => e.month)).toEqual([m])
  expect(own.behind).toBe(0)
})

test('the workbook agrees with each branch’s ledger (old branches keep the months before the transfer)', async () => {
  const ledgers = await Promise.all([
    ok(li()('dues.ledger', { branchId: newBranch })),
    ok(chen()('dues.ledger', { branchId: oldBranch })),
    ok(huang()('dues.ledger', { branchId: zhouBranch })),
  ])
  let job = await ok(as('dev-committee-admin')('exports.start', { kind: 'assessment', year: YEAR }))
  for (let i = 0; i < 50 && job.status === 'running'; i += 1) job = await ok(as('dev-committee-admin')('exports.step', { jobId: job.id }))
  expect(job.status).toBe('done')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await (await fetch(job.url!)).arrayBuffer()) as any)
  const ws = wb.getWorksheet('党费收缴')!
  const names = await Promise.all([newBranch, oldBranch, zhouBranch].map(async (b) => (await ok(as('dev-committee-admin')('branches.get', { branchId: b }))).branch.name))
  names.forEach((name, i) => {
    let found: ExcelJS.Row | undefined
    ws.eachRow((r) => {
      if (r.getCell(2).value === name) found = r
    })
    const t = ledgers[i].totals
    expect(found!.getCell(3).value).toBe(t.members)
    if (t.members >= 3) expect([found!.getCell(4).value, found!.getCell(5).value]).toEqual([t.due, t.collected])
  })
})
