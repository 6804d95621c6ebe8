/**
 * 党费 in the browser at 390×844: the secretary opens 党费台账 from 我的, sees 赵磊 flagged (nothing paid since the
 * 支部大会 admitted him), sets his standard (the amount the rule gives shows as she types), records this month; 赵磊
 * opens 我的党费 and sees the month paid. E2E_SHOTS=1 writes the screenshots into docs/screenshots/.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = 'dev-secretary-1'
const ZHAO = 'dev-member-1b'
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
async function type(page: Page, id: string, text: string) {
  // The test id sits on the native input itself (H5) or on its wrapper.
  await page.locator(`[data-testid=${id}] input:visible, input[data-testid=${id}]:visible`).first().fill(text)
}

test('the secretary sets a standard and records a month; the member sees it paid', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-dues-ledger').click()
  const zhaoRow = page.locator('[data-testid^="dues-row-"]').filter({ hasText: '赵磊' })
  await zhaoRow.waitFor({ timeout: 30_000 })
  await expect(zhaoRow.innerText()).resolves.toContain('未设定标准')
  await zhaoRow.click()

  await shown(page, 'dues-unset').waitFor({ timeout: 30_000 })
  await shown(page, 'dues-category-employed').click()
  await type(page, 'dues-income', '5400')
  // The ledger starts in January 2025; he owes from his admission (2025-10-15) anyway.
  await type(page, 'dues-start', '2025-01')
  await shown(page, 'dues-preview').filter({ hasText: '每月 81.00 元（1.5%）' }).waitFor({ timeout: 30_000 })
  await shown(page, 'dues-profile-save').click()
  await shown(page, 'dues-profile').waitFor({ timeout: 30_000 })
  await expect(shown(page, 'dues-profile').innerText()).resolves.toMatch(/每月应缴\s*81\.00 元/)
  // Nothing paid since 2025-10 (the seed's admission): far behind, and told so.
  await expect(shown(page, 'dues-behind').innerText()).resolves.toContain('党章第九条')

  const month = thisMonth()
  await shown(page, `dues-pick-${month}`).waitFor()
  await expect(shown(page, 'dues-record-save').innerText()).resolves.toBe('记录 1 个月')
  await shown(page, 'dues-way-cash').click()
  await shown(page, 'dues-record-save').click()
  await shown(page, `dues-month-${month}`).filter({ hasText: '已缴' }).waitFor({ timeout: 30_000 })
  await expect(shown(page, `dues-month-${month}`).innerText()).resolves.toMatch(/实缴 81\.00 元[\s\S]*现金 · 李建国 记录/)

  // Typed wrong: corrected with a reason, which stays under the month (dues.correct).
  await shown(page, `dues-correct-${month}`).click()
  await shown(page, `dues-correct-form-${month}`).waitFor({ timeout: 30_000 })
  await type(page, 'dues-correct-amount', '90')
  await type(page, 'dues-correct-reason', '实收 90 元，记录时输错')
  await shown(page, 'dues-correct-save').click()
  await shown(page, `dues-correction-${month}-0`).waitFor({ timeout: 30_000 })
  await expect(shown(page, `dues-correction-${month}-0`).innerText()).resolves.toMatch(/李建国更正了记录（81\.00 元 → 90\.00 元）：实收 90 元，记录时输错/)
  await expect(shown(page, `dues-month-${month}`).innerText()).resolves.toMatch(/实缴 90\.00 元/)
  await shown(page, `dues-month-${month}`).scrollIntoViewIfNeeded()
  await shot(page, 'dues-correction')

  // Back to the ledger, which reads itself again on show.
  await page.goBack()
  await zhaoRow.filter({ hasText: '每月 81.00 元' }).waitFor({ timeout: 30_000 })
  await shot(page, 'dues-ledger')
  await page.locator('[data-testid^="dues-flag-"]').filter({ hasText: '赵磊：已连续' }).first().waitFor({ timeout: 30_000 })

  const zhao = (await world.person(ZHAO)).page
  await goTo(zhao, world.url, 'pages/me/index')
  await shown(zhao, 'open-my-dues').click()
  await shown(zhao, `dues-month-${month}`).filter({ hasText: '已缴' }).waitFor({ timeout: 30_000 })
  // His own base is his to see; the forms are not his.
  await expect(shown(zhao, 'dues-profile').innerText()).resolves.toContain('5400.00 元')
  expect(await shown(zhao, 'dues-record-save').count()).toBe(0)
  await shot(zhao, 'dues-member')
})

test('the committee opens a member’s dues: paid or not, but no category, rate or amount to work the income back from', async () => {
  const { rawApiAs, ok } = await import('../support/api')
  const zhaoId = ((await ok(rawApiAs(world.url, ZHAO)('session.get', {}))) as { roles: { memberId?: string }[] }).roles.find((r) => r.memberId)!.memberId!
  const { page } = await world.person('dev-committee-admin')
  await goTo(page, world.url, `packages/dues/pages/member/index?memberId=${encodeURIComponent(zhaoId)}`)
  await shown(page, 'dues-profile').waitFor({ timeout: 30_000 })
  const profile = await shown(page, 'dues-profile').innerText()
  expect(profile).toContain('已隐去')
  expect(profile).not.toMatch(/81\.00|1\.5%|在职/)
  const month = thisMonth()
  await expect(shown(page, `dues-month-${month}`).innerText()).resolves.toMatch(/已缴[\s\S]*金额已隐去/)
  expect(await shown(page, 'dues-record-save').count()).toBe(0)
  await shot(page, 'dues-member-masked')
})

test('the committee opens the ledger of a branch with one standard: counts and the rate, no amounts, and why', async () => {
  const { rawApiAs, ok } = await import('../support/api')
  const branchId = ((await ok(rawApiAs(world.url, SECRETARY)('session.get', {}))) as { roles: { branchId?: string }[] }).roles.find((r) => r.branchId)!.branchId!
  const { page } = await world.person('dev-committee-admin')
  await goTo(page, world.url, `packages/dues/pages/ledger/index?branchId=${encodeURIComponent(branchId)}`)
  await shown(page, 'dues-totals').waitFor({ timeout: 30_000 })
  const totals = await shown(page, 'dues-totals').innerText()
  expect(totals).toMatch(/^—\s*应缴\s*—\s*实缴\s*[\d.]+%\s*收缴率/)
  await expect(page.getByText('核定人数少于 3 人，不显示金额', { exact: false }).first().isVisible()).resolves.toBe(true)
  await shot(page, 'dues-ledger-few-standards')
})
