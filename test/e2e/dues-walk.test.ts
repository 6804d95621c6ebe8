/**
 * 党费, the second user walk, in the browser at 390×844 (docs/dues.md): the secretary's home line names who is
 * behind and its row is a 44 px target; the ledger's month cells and the record form's month chips are ≥ 44 px; a
 * 少缴原因 error goes as soon as the reason is typed; 王芳, transferred to branch 2 while her app was open, opens
 * 我的党费 and is told where her relationship went, then sees her months of both branches; the committee's 党委设置
 * shows, checks and saves its two settings, and a secretary has no entry to it. E2E_SHOTS=1 writes
 * docs/screenshots/dues-*.png.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = 'dev-secretary-1'
const WANG = 'dev-member-1a'
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
async function type(page: Page, id: string, text: string) {
  await page.locator(`[data-testid=${id}] input:visible, input[data-testid=${id}]:visible`).first().fill(text)
}
async function heightOf(_page: Page, locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not laid out')
  return box
}
const api = async () => {
  const { apiAs, ok } = await import('../support/api')
  return { as: (openid: string) => apiAs(world.url, openid), ok }
}

test('the secretary: home names who is behind (a 44 px row), ledger cells and month chips ≥ 44 px, a stale 少缴原因 error goes', async () => {
  const { as, ok } = await api()
  const branchId = (await ok(as(SECRETARY)('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  const rows = (await ok(as(SECRETARY)('dues.ledger', { branchId }))).rows
  const start = monthBefore(thisMonth(), 5)
  for (const r of rows) await ok(as(SECRETARY)('dues.setProfile', { memberId: r.memberId, category: r.name === '赵磊' ? 'employed' : 'student', ...(r.name === '赵磊' ? { monthlyIncome: 5400 } : {}), startMonth: start }))
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/home/index')
  const line = page.getByTestId('home-todo-item').filter({ hasText: '欠缴党费' }).first()
  await line.waitFor({ timeout: 30_000 })
  await expect(line.innerText()).resolves.toMatch(/^(\S+、)*\S+(等 \d+ 人)?欠缴党费\s*最长 \d+ 个月，去党费台账$/)
  expect((await heightOf(page, line)).height).toBeGreaterThanOrEqual(44)

  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-dues-ledger').click()
  const zhao = page.locator('[data-testid^="dues-row-"]').filter({ hasText: '赵磊' })
  await zhao.waitFor({ timeout: 30_000 })
  const cells = zhao.locator('[data-testid^="dues-cell-"]')
  expect(await cells.count()).toBe(12)
  for (const i of [0, 5, 11]) {
    const box = await heightOf(page, cells.nth(i))
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)
  }
  await shot(page, 'dues-ledger')
  // The grid fits the phone: no cell runs off the right edge (two rows of six). Measured once the page has slid in
  // (the shot waits): during H5's page transition the cells are still offset to the right.
  const sixth = await heightOf(page, cells.nth(5))
  expect(sixth.x + sixth.width).toBeLessThanOrEqual(390)

  await zhao.click()
  const month = thisMonth()
  const chip = shown(page, `dues-pick-${month}`)
  await chip.waitFor({ timeout: 30_000 })
  expect((await heightOf(page, chip)).height).toBeGreaterThanOrEqual(44)
  await type(page, 'dues-amount', '60')
  await shown(page, 'dues-record-save').click()
  const err = shown(page, 'dues-reason-error')
  await expect(err.innerText()).resolves.toBe('每月应缴 81.00 元，少缴须填写原因')
  await type(page, 'dues-reason', '经支委会同意，因病减缴')
  await expect(err.count()).resolves.toBe(0)
  await chip.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(page, 'dues-record-form')

  // 党员类别: one short label per category, the 规定's wording of the chosen one under the chips, each chip ≥ 44 px.
  const lowIncome = shown(page, 'dues-category-low_income')
  await lowIncome.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await lowIncome.click()
  await expect(lowIncome.innerText()).resolves.toBe('抚恤救济或低保')
  expect((await heightOf(page, lowIncome)).height).toBeGreaterThanOrEqual(44)
  await page.getByText('依靠抚恤或救济生活的党员、领取当地最低生活保障金的党员：每月交纳 0.20 元').first().waitFor()
  await shot(page, 'dues-profile-form')
})

test('王芳, transferred while her app was open: told where she went, then her months of both branches', async () => {
  const { as, ok } = await api()
  const branch1 = (await ok(as(SECRETARY)('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  const branch2 = (await ok(as('dev-secretary-2')('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  const name2 = (await ok(as('dev-secretary-2')('branches.get', { branchId: branch2 }))).branch.name
  const wangOld = (await ok(as(WANG)('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
  const m = thisMonth()
  const [m4, m3, m2] = [monthBefore(m, 4), monthBefore(m, 3), monthBefore(m, 2)]
  await ok(as(SECRETARY)('dues.setProfile', { memberId: wangOld, category: 'employed', monthlyIncome: 5400, startMonth: m4 }))
  await ok(as(SECRETARY)('dues.record', { memberId: wangOld, months: [m4, m3], amount: 81, paidOn: today(), way: 'transfer' }))

  // Her app is open (the session read names branch 1's entry) …
  const { page } = await world.person(WANG)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-my-dues').waitFor({ timeout: 30_000 })
  // … when branch 1 issues her letter (党费交至 two months ago) and branch 2 receives her.
  const rid = () => `e2e-${Math.random().toString(36).slice(2, 12)}`
  const t = await ok(as(SECRETARY)('transfers.issue', { memberId: wangOld, toBranchId: branch2, letterNo: '党费走查〔2026〕2号', issuedOn: today(), duesPaidTo: m2, clientRequestId: rid() }))
  await ok(as('dev-secretary-2')('transfers.accept', { transferId: t.id, clientRequestId: rid() }))
  const wangNew = (await ok(as(WANG)('session.get', {}))).roles.find((r) => r.memberId && r.branchId === branch2)!.memberId!
  await ok(as('dev-secretary-2')('dues.setProfile', { memberId: wangNew, category: 'employed', monthlyIncome: 5400, startMonth: m4 }))
  void branch1

  await shown(page, 'open-my-dues').click()
  await expect(shown(page, 'dues-moved').innerText({ timeout: 30_000 })).resolves.toBe(`你的组织关系已转至「${name2}」，以下是你在新支部的党费。`)
  await shown(page, `dues-month-${m4}`).waitFor({ timeout: 30_000 })
  await expect(shown(page, `dues-month-${m4}`).innerText()).resolves.toMatch(/已缴[\s\S]*实缴 81\.00 元[\s\S]*李建国 记录（湖南省计算机学会党支部）/)
  await expect(shown(page, `dues-month-${m2}`).innerText()).resolves.toMatch(/已在原支部交纳[\s\S]*介绍信注明党费交至/)
  await expect(shown(page, 'dues-earlier').innerText()).resolves.toContain('由「湖南省计算机学会党支部」转入本支部')
  expect(await page.getByText('加载失败').count()).toBe(0)
  await shot(page, 'dues-member-transferred')
})

test('党委设置: the committee sees, checks and saves its settings; a secretary has no entry', async () => {
  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, 'pages/me/index')
  await shown(sec, 'open-my-dues').waitFor({ timeout: 30_000 })
  expect(await sec.getByTestId('open-committee-settings').count()).toBe(0)

  const { page } = await world.person('dev-committee-admin')
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-committee-settings').click()
  await expect(shown(page, 'settings-warn-now').innerText({ timeout: 30_000 })).resolves.toContain('连续欠缴 3 个月、5 个月时提醒支部书记（默认 3 和 5）')
  await expect(shown(page, 'settings-share-now').innerText()).resolves.toContain('1/3')
  await type(page, 'settings-warn-second', '6')
  await shown(page, 'settings-warn-save').click()
  const err = shown(page, 'settings-warn-second-error')
  await expect(err.innerText()).resolves.toBe('第二次提醒应早于党章第九条规定的 6 个月（最多 5 个月）')
  await shot(page, 'dues-settings-error')
  await type(page, 'settings-warn-second', '4')
  await expect(err.count()).resolves.toBe(0)
  await type(page, 'settings-warn-first', '2')
  await shown(page, 'settings-warn-save').click()
  await expect(shown(page, 'settings-warn-done').innerText({ timeout: 30_000 })).resolves.toBe('已保存：欠缴 2 个月和 4 个月时提醒书记')
  await expect(shown(page, 'settings-warn-now').innerText()).resolves.toContain('连续欠缴 2 个月、4 个月')
  await shot(page, 'dues-settings')
})
