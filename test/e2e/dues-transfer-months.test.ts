/**
 * 党费 months across a transfer, in the browser at 390×844 (docs/dues.md, "Months across a transfer"): the seeded
 * demo, no month recorded, no standard for 孙丽 anywhere. 孙丽 is transferred from 湖南省机械工程学会党支部 (陈晓燕) to
 * 湖南省计算机学会党支部 (李建国) today, her letter 党费交至 last month; 周婷 (standard from June in her old branch,
 * June–July recorded, 党费交至 August) too. 孙丽's 我的党费 lists this month owed in the new branch and the months
 * before as settled by the letter; 陈晓燕's ledger keeps her row 已转出; 李建国's ledger marks the months before the
 * arrival 原 or —. E2E_SHOTS=1 writes docs/screenshots/dues-*.png.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthBefore = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
const api = async () => {
  const { apiAs, ok } = await import('../support/api')
  return { as: (openid: string) => apiAs(world.url, openid), ok }
}
const m = thisMonth()
const monthNo = Number(m.slice(5))
let sunOld = ''
let sunNew = ''
let zhouNew = ''

beforeAll(async () => {
  const { as, ok } = await api()
  const branchOf = async (openid: string) => (await ok(as(openid)('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  const [newBranch, oldBranch, zhouBranch] = await Promise.all(['dev-secretary-1', 'dev-secretary-2', 'dev-secretary-3'].map(branchOf))
  const memberOf = async (openid: string, branchId: string) => (await ok(as(openid)('session.get', {}))).roles.find((r) => r.memberId && r.branchId === branchId)!.memberId!
  sunOld = await memberOf('dev-member-2b', oldBranch)
  const zhouOld = await memberOf('dev-member-3a', zhouBranch)
  await ok(as('dev-secretary-3')('dues.setProfile', { memberId: zhouOld, category: 'student', startMonth: monthBefore(m, 6) }))
  await ok(as('dev-secretary-3')('dues.record', { memberId: zhouOld, months: [monthBefore(m, 6), monthBefore(m, 5)], amount: 0.2, paidOn: today(), way: 'cash' }))
  const rid = () => `e2e-${Math.random().toString(36).slice(2, 12)}`
  const t1 = await ok(as('dev-secretary-2')('transfers.issue', { memberId: sunOld, toBranchId: newBranch, letterNo: '党费月〔2026〕1号', issuedOn: today(), duesPaidTo: monthBefore(m, 1), clientRequestId: rid() }))
  await ok(as('dev-secretary-1')('transfers.accept', { transferId: t1.id, clientRequestId: rid() }))
  const t2 = await ok(as('dev-secretary-3')('transfers.issue', { memberId: zhouOld, toBranchId: newBranch, letterNo: '党费月〔2026〕2号', issuedOn: today(), duesPaidTo: monthBefore(m, 4), clientRequestId: rid() }))
  await ok(as('dev-secretary-1')('transfers.accept', { transferId: t2.id, clientRequestId: rid() }))
  sunNew = await memberOf('dev-member-2b', newBranch)
  zhouNew = await memberOf('dev-member-3a', newBranch)
}, 120_000)

test('1. 孙丽 → 我的党费: this month owed in the new branch, the months before settled by the letter', async () => {
  const { page } = await world.person('dev-member-2b')
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-my-dues').click()
  await shown(page, `dues-month-${m}`).waitFor({ timeout: 30_000 })
  await expect(shown(page, `dues-month-${m}`).innerText()).resolves.toMatch(/本月待缴[\s\S]*应缴金额未核定/)
  await expect(shown(page, `dues-month-${monthBefore(m, 1)}`).innerText()).resolves.toMatch(/已在原支部交纳[\s\S]*介绍信注明党费交至/)
  expect(await page.getByText('这一年没有需要交纳的月份').count()).toBe(0)
  await expect(shown(page, 'dues-earlier').innerText()).resolves.toContain('由「湖南省机械工程学会党支部」转入本支部')
  await shot(page, 'dues-member-arrived')
  // The end of the list: the last month settled by the letter, then this month owed here.
  await shown(page, `dues-month-${m}`).scrollIntoViewIfNeeded()
  await shot(page, 'dues-member-arrived-due')
})

test('2. 陈晓燕 → 党费台账: 孙丽 stays, 已转出', async () => {
  const { page } = await world.person('dev-secretary-2')
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-dues-ledger').click()
  const tag = shown(page, `dues-transferred-${sunOld}`)
  await tag.waitFor({ timeout: 30_000 })
  await expect(tag.innerText()).resolves.toBe(`${monthNo}月${Number(today().slice(8, 10))}日已转出`)
  await shown(page, `dues-row-${sunOld}`).scrollIntoViewIfNeeded()
  await shot(page, 'dues-ledger-transferred-out')
})

test('3. 李建国 → 党费台账: months before the arrival 原 or —, this month ·', async () => {
  const { page } = await world.person('dev-secretary-1')
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-dues-ledger').click()
  await shown(page, `dues-row-${sunNew}`).waitFor({ timeout: 30_000 })
  const mark = (id: string, i: number) => shown(page, `dues-cell-${id}-${i}`).locator('.dues__cell-mark').innerText()
  for (let i = 1; i < monthNo; i += 1) await expect(mark(sunNew, i)).resolves.toBe('原')
  await expect(mark(sunNew, monthNo)).resolves.toBe('·')
  // 周婷: June–August 原 (recorded there, then the letter), the rest before the arrival —.
  const jun = Number(monthBefore(m, 6).slice(5))
  for (let i = 1; i < monthNo; i += 1) await expect(mark(zhouNew, i)).resolves.toBe(i >= jun && i <= jun + 2 ? '原' : '—')
  await page.getByText('— 转入本支部前').first().waitFor()
  await shown(page, `dues-row-${sunNew}`).scrollIntoViewIfNeeded()
  await shot(page, 'dues-ledger-arrived')
})
