/**
 * 发展党员 in the browser (H5 build on the local cloud, 390×844): the secretary opens 我的 → 发展党员工作, enters an
 * application, is refused a step out of order with the rule named, records the talk; the pipeline lists people by
 * status with what is due. E2E_SHOTS=1 writes docs/screenshots/recruitment-*.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { rawApiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const SECRETARY = SEED_BRANCHES[0].secretary.openid
const RUN = Date.now() % 100000
const NAME = `王申请${RUN % 100}`
const world = e2eWorld()

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
async function type(page: Page, id: string, text: string) {
  // The test id sits on the native field itself (H5) or on its wrapper; a multiline field is a textarea.
  await page.locator(`[data-testid=${id}] input:visible, [data-testid=${id}] textarea:visible, input[data-testid=${id}]:visible, textarea[data-testid=${id}]:visible`).first().fill(text)
}

beforeAll(async () => {
  // Two people further along, entered through the API: an 积极分子 whose 考察 is late, a 发展对象.
  const secretary = rawApiAs(world.url, SECRETARY)
  const branches = await ok(rawApiAs(world.url, 'dev-committee-admin')('branches.list', {}))
  const branchId = branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[0].name)!.id
  const a = await ok(secretary('recruitment.create', { branchId, name: '刘积极', appliedOn: '2025-03-02', clientRequestId: 'rc-recruitment-1' }))
  await ok(secretary('recruitment.record', { recruitId: a.id, step: 'talk', on: '2025-03-20' }))
  await ok(secretary('recruitment.record', { recruitId: a.id, step: 'activist', on: '2025-05-06' }))
  const b = await ok(secretary('recruitment.create', { branchId, name: '陈申请', appliedOn: '2026-10-20', clientRequestId: 'rc-recruitment-2' }))
  expect(b.id).toBeTruthy()
}, 120_000)

test('the secretary enters an application, is refused a step out of order, records the talk', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-recruitment').click()
  await shown(page, 'recruit-row-刘积极').waitFor({ timeout: 30_000 })
  await expect(shown(page, 'recruit-row-刘积极').innerText()).resolves.toContain('半年考察')
  await shown(page, 'recruit-add').click()
  await type(page, 'recruit-name', NAME)
  await shown(page, 'recruit-create-save').click()
  // The new file opens: the talk is due within a month.
  await shown(page, 'recruit-head').waitFor({ timeout: 30_000 })
  await expect(shown(page, 'recruit-head').innerText()).resolves.toMatch(/入党谈话：.*前 · 还剩 3\d 天|入党谈话：.*前 · 还剩 2\d 天/)
  await shot(page, 'recruitment-person')
  // 第3步 before 第2步: refused with the rule.
  await shown(page, 'record-activist').click()
  await shown(page, 'step-save').click()
  await expect(shown(page, 'step-error').innerText()).resolves.toBe('请先完成第2步「党组织派人谈话」，再记录第3步「推荐和确定入党积极分子」（细则第九条、第十条）。如确属特殊情况，可由党委记录例外并写明原因')
  await shot(page, 'recruitment-refused')
  await page.getByText('取消', { exact: true }).filter({ visible: true }).first().click()
  await shown(page, 'record-talk').click()
  await type(page, 'step-note', '谈话情况良好')
  await shown(page, 'step-save').click()
  // Saved: the step shows its note (wait for the answer, the click returns at once).
  await shown(page, 'step-talk').filter({ hasText: '谈话情况良好' }).waitFor({ timeout: 30_000 })
  await expect(shown(page, 'recruit-head').innerText()).resolves.not.toContain('入党谈话')
  // Back to the list: counts per status, the new person as 入党申请人.
  await page.goBack()
  const row = shown(page, `recruit-row-${NAME}`)
  await row.waitFor({ timeout: 30_000 })
  await expect(row.innerText()).resolves.toContain('下一步：第3步 推荐和确定入党积极分子')
  await expect(shown(page, 'recruit-filter-activist').innerText()).resolves.toBe('积极分子 1')
  await shot(page, 'recruitment-list')
})

test('a 预备党员 already on the roster: the 转正 file counts the 预备期 from the 入党日期', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-recruitment').click()
  await shown(page, 'recruit-probationers').click()
  // 赵磊 (seed): 预备党员 since 15 October 2025, so his 预备期 ended on 15 October 2026 and 转正 is late.
  await shown(page, 'probationer-赵磊').click()
  await shown(page, 'recruit-head').waitFor({ timeout: 30_000 })
  const head = await shown(page, 'recruit-head').innerText()
  expect(head).toContain('预备期至 2026年10月15日')
  expect(head).toMatch(/预备期满讨论转正：2026年10月15日前 · 已逾期 \d+ 天/)
  await expect(shown(page, 'step-confirm_apply').innerText()).resolves.toContain('提出转正申请')
  await shot(page, 'recruitment-probation')
})
