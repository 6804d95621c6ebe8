/**
 * 党费收缴情况公布 states what the ledger says (issue #20 walk): members still without a standard stop the publication
 * with their names; the counts are of members paid for every month owed up to this month vs. those behind, with the
 * amount outstanding; no claim about 上缴 the app does not track. Branch 2 (陈晓燕, 刘洋, 孙丽), untouched by other tests.
 */
import { rawApiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch2: string
const ids: Record<string, string> = {}
const as = (openid: string) => rawApiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-2')
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthBefore = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
/** Months of this year from `from` (or January) up to `to`, as the publication counts them. */
const monthsInYear = (from: string, to: string) => {
  const start = from < `${to.slice(0, 4)}-01` ? `${to.slice(0, 4)}-01` : from
  const out: string[] = []
  for (let m = start; m <= to; m = monthBefore(m, -1)) out.push(m)
  return out
}

beforeAll(async () => {
  cloud = await startLocalCloud()
  const memberOf = async (openid: string) => (await ok(as(openid)('session.get', {})) as { roles: { branchId?: string; memberId?: string }[] }).roles.find((r) => r.memberId)!
  const sec = await memberOf('dev-secretary-2')
  branch2 = sec.branchId!
  ids.chen = sec.memberId!
  ids.liu = (await memberOf('dev-member-2a')).memberId!
  ids.sun = (await memberOf('dev-member-2b')).memberId!
})
afterAll(() => cloud?.stop())

test('members without a standard: publishing is refused and names them; nothing is published', async () => {
  const year = Number(thisMonth().slice(0, 4))
  await ok(secretary()('dues.setProfile', { memberId: ids.liu, category: 'employed', monthlyIncome: 5400, startMonth: monthBefore(thisMonth(), 4) }))
  const refused = await secretary()('dues.publish', { branchId: branch2, year })
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('还有 2 名党员未设定党费标准') } })
  const message = refused.ok ? '' : refused.error.message
  expect(message).toContain('陈晓燕')
  expect(message).toContain('孙丽')
  expect((await ok(secretary()('dues.ledger', { branchId: branch2 }))).publishedAt).toBeNull()
})

test('the counts come from the ledger: paid up to this month vs. behind, with what is outstanding; no 上缴 claim', async () => {
  const year = Number(thisMonth().slice(0, 4))
  const m = thisMonth()
  const start = monthBefore(m, 4)
  await ok(secretary()('dues.setProfile', { memberId: ids.sun, category: 'student', startMonth: start }))
  await ok(secretary()('dues.setProfile', { memberId: ids.chen, category: 'student', startMonth: start }))
  // 陈晓燕 paid every month up to this one; 孙丽 all but this month; 刘洋 only this month (four months owed before it).
  const record = (memberId: string, months: string[], amount: number) => (months.length ? ok(secretary()('dues.record', { memberId, months, amount, paidOn: today(), way: 'cash' })) : null)
  await record(ids.chen, [start, monthBefore(m, 3), monthBefore(m, 2), monthBefore(m, 1), m], 0.2)
  await record(ids.sun, [start, monthBefore(m, 3), monthBefore(m, 2), monthBefore(m, 1)], 0.2)
  await record(ids.liu, [m], 81)

  // Arrears are counted through last month: 孙丽 owes only this month (本月待缴) and is paid up (walk: published on
  // 12月3日 it said 欠缴 3 人 while two owed only December).
  const liuOwes = monthsInYear(start, monthBefore(m, 1)).length // 4, fewer early in the year
  const behind = liuOwes > 0 ? 1 : 0
  const owedFen = liuOwes * 8100
  const yuan = `${Math.floor(owedFen / 100)}.${String(owedFen % 100).padStart(2, '0')}`

  const published = await ok(secretary()('dues.publish', { branchId: branch2, year }))
  if (behind) expect(published.body).toContain(`截至${Number(m.slice(5)) - 1}月已交清 ${3 - behind} 人，欠缴 ${behind} 人（共欠缴 ${yuan} 元）`)
  expect(published.body).not.toContain('按时足额交纳 2 人')
  expect(published.body).not.toContain('上缴')
  expect(published.body).toContain('应交纳党费的党员 3 人')
})
