/**
 * 党费 totals do not give an income back (red-team review): with fewer than 3 members with a standard, those who see
 * masked rows (the committee, 宣传委员, 党建指导员), the committee's workbook and the branch's 党费收缴情况公布 get
 * counts and the collection rate only, with 「核定人数少于 3 人，不显示金额」; the secretary and 组织委员 still see
 * the amounts (cloud/core/dues/totals.ts MIN_MEMBERS_FOR_AMOUNTS; docs/dues.md).
 */
import ExcelJS from 'exceljs'
import { apiAs, identities, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let branch3: string
const as = (openid: string): Caller => apiAs(cloud.url, openid)
const admin = () => as('dev-committee-admin')
const NOTE = '核定人数少于 3 人，不显示金额'
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
const memberIdOf = async (openid: string) => (await ok(as(openid)('session.get', {}))).roles.find((r) => r.memberId)!.memberId!

beforeAll(async () => {
  cloud = await startLocalCloud()
  const people = await identities(cloud.url)
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  branch3 = people.find((p) => p.openid === 'dev-secretary-3')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

test('one member with a standard: the committee sees counts and the rate, no amounts; the secretary sees them', async () => {
  await ok(as('dev-secretary-1')('dues.setProfile', { memberId: await memberIdOf('dev-member-1b'), category: 'employed', monthlyIncome: 12345, startMonth: `${YEAR}-01` }))
  const masked = await ok(admin()('dues.ledger', { branchId: branch1 }))
  expect(masked.totals).toMatchObject({ members: 1, due: null, collected: null, amountsNote: NOTE })
  expect(JSON.stringify(masked)).not.toContain('2962.8')
  const keeper = await ok(as('dev-secretary-1')('dues.ledger', { branchId: branch1 }))
  expect(keeper.totals.due).toBeGreaterThan(0)
  expect(keeper.totals.amountsNote).toBeNull()
})

test('the committee\'s workbook leaves the amounts blank for that branch, with the note', async () => {
  let job = await ok(admin()('exports.start', { kind: 'assessment', year: YEAR }))
  for (let i = 0; i < 50 && job.status === 'running'; i += 1) job = await ok(admin()('exports.step', { jobId: job.id }))
  expect(job.status).toBe('done')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await (await fetch(job.url!)).arrayBuffer()) as any)
  const ws = wb.getWorksheet('党费收缴')!
  const name = (await ok(as('dev-secretary-1')('branches.get', { branchId: branch1 }))).branch.name
  let row: ExcelJS.Row | undefined
  ws.eachRow((r) => {
    if (r.getCell(2).value === name) row = r
  })
  expect(row).toBeDefined()
  expect(row!.getCell(3).value).toBe(1)
  expect(row!.getCell(4).value).toBeNull()
  expect(row!.getCell(5).value).toBeNull()
  expect(row!.getCell(7).value).toBe(NOTE)
})

test('a 2-member branch publishes counts and the rate only (each could subtract their own from a total)', async () => {
  const sec = as('dev-secretary-3')
  await ok(sec('dues.setProfile', { memberId: await memberIdOf('dev-secretary-3'), category: 'employed', monthlyIncome: 8000, startMonth: `${YEAR}-01` }))
  await ok(sec('dues.setProfile', { memberId: await memberIdOf('dev-member-3a'), category: 'employed', monthlyIncome: 6000, startMonth: `${YEAR}-01` }))
  const published = await ok(sec('dues.publish', { branchId: branch3, year: YEAR }))
  expect(published.body).toContain('收缴率')
  expect(published.body).toContain(NOTE)
  expect(published.body).not.toMatch(/\d元/)
  expect(published.body).not.toMatch(/[\d.]+ 元/)
  // The secretary still sees the amounts in the ledger.
  expect((await ok(sec('dues.ledger', { branchId: branch3 }))).totals.due).toBeGreaterThan(0)
})

test('three members with a standard: the amounts are shown to the committee again', async () => {
  const sec = as('dev-secretary-1')
  for (const openid of ['dev-secretary-1', 'dev-member-1a']) await ok(sec('dues.setProfile', { memberId: await memberIdOf(openid), category: 'employed', monthlyIncome: 5000, startMonth: `${YEAR}-01` }))
  const seen = await ok(admin()('dues.ledger', { branchId: branch1 }))
  expect(seen.totals.members).toBe(3)
  expect(seen.totals.due).toBeGreaterThan(0)
  expect(seen.totals.amountsNote).toBeNull()
})
