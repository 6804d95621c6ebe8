/**
 * 党费 across a transfer inside the deployment (docs/dues.md, second walk): 王芳 paid August and September in branch 1
 * (湖南省计算机学会党支部), and her letter says 党费交至 October; branch 2 (湖南省机械工程学会党支部) receives her and
 * starts her ledger in August. Her own 我的党费 shows the months of both branches, each with the branch that recorded
 * it; branch 2 does not call August–October unpaid nor count them, nor November (before she arrived:
 * branch 1's); the old branch's workbook row keeps her months
 * (已转出) so its collected matches its ledger, and branch 2's row matches its own ledger.
 */
import ExcelJS from 'exceljs'
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

jest.setTimeout(120000)

let cloud: LocalCloudHandle
let branch1: string
let branch2: string
let name1: string
let name2: string
let wangOld: string
let wangNew: string
const as = (openid: string) => apiAs(cloud.url, openid)
const sec1 = () => as('dev-secretary-1')
const sec2 = () => as('dev-secretary-2')
const wang = () => as('dev-member-1a')
const admin = () => as('dev-committee-admin')
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthBefore = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
const rid = () => `th-${Math.random().toString(36).slice(2, 12)}`
const m = thisMonth()
const [m4, m3, m2, m1] = [monthBefore(m, 4), monthBefore(m, 3), monthBefore(m, 2), monthBefore(m, 1)]
const YEAR = Number(m.slice(0, 4))
const col = (month: string) => Number(month.slice(5)) - 1

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch1 = (await ok(sec1()('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  branch2 = (await ok(sec2()('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  name1 = (await ok(sec1()('branches.get', { branchId: branch1 }))).branch.name
  name2 = (await ok(sec2()('branches.get', { branchId: branch2 }))).branch.name
  wangOld = (await ok(wang()('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
  // Every member of both branches has a standard (amounts show in the workbook from three on).
  for (const [sec, b] of [[sec1, branch1], [sec2, branch2]] as const) {
    for (const r of (await ok(sec()('dues.ledger', { branchId: b }))).rows) {
      await ok(sec()('dues.setProfile', { memberId: r.memberId, category: r.memberId === wangOld ? 'employed' : 'student', ...(r.memberId === wangOld ? { monthlyIncome: 5400 } : {}), startMonth: m4 }))
    }
  }
  await ok(sec1()('dues.record', { memberId: wangOld, months: [m4, m3], amount: 81, paidOn: today(), way: 'cash' }))
  // October paid in cash on the day the letter was written, not recorded: the letter says 党费交至 October.
  const t = await ok(sec1()('transfers.issue', { memberId: wangOld, toBranchId: branch2, letterNo: '党费史〔2026〕1号', issuedOn: today(), duesPaidTo: m2, clientRequestId: rid() }))
  await ok(sec2()('transfers.accept', { transferId: t.id, clientRequestId: rid() }))
  wangNew = (await ok(wang()('session.get', {}))).roles.find((r) => r.memberId && r.branchId === branch2)!.memberId!
  // The new branch backfills her ledger from August.
  await ok(sec2()('dues.setProfile', { memberId: wangNew, category: 'employed', monthlyIncome: 5400, startMonth: m4 }))
}, 120000)
afterAll(() => cloud?.stop())

test('her own 我的党费 in the new branch shows the months paid in the old one, with the branch, and counts the letter', async () => {
  const own = await ok(wang()('dues.member', { memberId: wangNew }))
  const month = (x: string) => own.months.find((e) => e.month === x)!
  expect(month(m4)).toMatchObject({ state: 'paid', paid: 81, branchName: name1, elsewhere: true, recordedBy: '李建国' })
  expect(month(m3)).toMatchObject({ state: 'paid', paid: 81, branchName: name1, elsewhere: true })
  // Not recorded anywhere, but the letter says 党费交至 this month: settled, by the branch that issued it.
  expect(month(m2)).toMatchObject({ state: 'elsewhere', paid: null, branchName: name1, elsewhere: true })
  // November: she was still in branch 1 and nothing settles it — branch 1's month, not owed here (the month she
  // arrived is the first this branch's).
  expect(month(m1)).toMatchObject({ state: 'not_here', branchName: null, elsewhere: false })
  expect(month(m)).toMatchObject({ state: 'due', elsewhere: false })
  expect(own.behind).toBe(0)
  expect(own.earlier).toEqual({ paidTo: m2, paidToBy: name1, branches: [name1] })
})

test('the new branch does not call those months unpaid, nor count them; its keeper sees paid but not the old amounts', async () => {
  const ledger = await ok(sec2()('dues.ledger', { branchId: branch2 }))
  const row = ledger.rows.find((r) => r.memberId === wangNew)!
  expect([row.months[col(m4)], row.months[col(m3)], row.months[col(m2)], row.months[col(m1)], row.months[col(m)]]).toEqual(['elsewhere', 'elsewhere', 'elsewhere', 'not_here', 'due'])
  expect(row).toMatchObject({ behind: 0, flag: null, due: 81, paid: 0 })
  const seen = await ok(sec2()('dues.member', { memberId: wangNew }))
  expect(seen.months.find((e) => e.month === m4)).toMatchObject({ state: 'paid', paid: null, due: null, branchName: name1 })
  // Nothing past is hers to pay here: no home line (this month is not late yet).
  const home = await ok(wang()('home.todo', { branchId: branch2 }))
  expect(home.items.find((i) => i.kind === 'dues_unpaid')).toBeUndefined()
})

test('the daily run does not remind her, nor flag her to the new secretary, for months settled in the old branch', async () => {
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
  const at = new Date(`${tomorrow}T09:00:00+08:00`).toISOString()
  const run = (await (await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(at)}`, { method: 'POST' })).json()) as { ok: boolean; daily: boolean }
  expect(run).toMatchObject({ ok: true, daily: true })
  // Nothing before this month is hers to pay here: no 「已连续 4 个月」 (August–November) and no flag at 3.
  const mine = (await ok(wang()('inbox.list', {}))).items.filter((i: { title: string }) => i.title.includes('党费尚未交纳'))
  for (const i of mine) expect((i as { body: string }).body).not.toMatch(/已连续 \d+ 个月/)
  const flags = (await ok(sec2()('inbox.list', {}))).items.filter((i: { title: string }) => i.title.startsWith('王芳 已连续'))
  expect(flags).toEqual([])
})

test('the workbook: the old branch keeps her months (已转出), each branch’s collected matches its ledger', async () => {
  const [l1, l2] = await Promise.all([ok(sec1()('dues.ledger', { branchId: branch1 })), ok(sec2()('dues.ledger', { branchId: branch2 }))])
  expect(l1.rows.find((r) => r.memberId === wangOld)).toMatchObject({ paid: 162, transferredOn: today() })
  let job = await ok(admin()('exports.start', { kind: 'assessment', year: YEAR }))
  for (let i = 0; i < 50 && job.status === 'running'; i += 1) job = await ok(admin()('exports.step', { jobId: job.id }))
  expect(job.status).toBe('done')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await (await fetch(job.url!)).arrayBuffer()) as any)
  const ws = wb.getWorksheet('党费收缴')!
  const rowOf = (name: string) => {
    let found: ExcelJS.Row | undefined
    ws.eachRow((r) => {
      if (r.getCell(2).value === name) found = r
    })
    return found!
  }
  const r1 = rowOf(name1)
  expect([r1.getCell(3).value, r1.getCell(4).value, r1.getCell(5).value]).toEqual([l1.totals.members, l1.totals.due, l1.totals.collected])
  expect(String(r1.getCell(7).value)).toContain(`王芳（${Number(m.slice(5))}月已转出）`)
  const r2 = rowOf(name2)
  expect([r2.getCell(3).value, r2.getCell(4).value, r2.getCell(5).value]).toEqual([l2.totals.members, l2.totals.due, l2.totals.collected])
})
