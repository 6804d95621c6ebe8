/**
 * 民主评议党员 in the browser at 390×844: the secretary opens the year's 民主评议 record, grades the three members of
 * the branch (a second 优秀 is refused with the cap named, nothing saved), saves, 确定 the results and sees them;
 * 赵磊 finds his own grade from 我的 and on his member page, and nobody else's. Screenshots (E2E_SHOTS=1):
 * docs/screenshots/appraisal.png (the secretary's form) and appraisal-results.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const ZHAO = 'dev-member-1b'
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
let reviewId: string
let zhaoId: string

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  // From the top of the page, whichever box scrolls it.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop) el.scrollTop = 0
    window.scrollTo(0, 0)
  })
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
async function votes(page: Page, name: string, counts: [number, number, number, number]) {
  const grades = ['excellent', 'qualified', 'basic', 'unqualified']
  for (const [k, n] of counts.entries()) {
    await page.locator(`[data-testid=votes-${name}-${grades[k]}] input:visible, input[data-testid=votes-${name}-${grades[k]}]:visible`).first().fill(String(n))
  }
}

beforeAll(async () => {
  const secretary = apiAs(world.url, SECRETARY)
  const branch1 = (await ok(secretary('session.get', {}))).roles.find((r) => r.branchId)!.branchId!
  const made = await ok(
    secretary(
      'activities.record',
      sessionRecord({ branchId: branch1, clientRequestId: `e2e-appraisal-${Date.now()}`, type: 'democratic_review', topic: `${YEAR}年度民主评议党员`, place: '学会会议室', startAt: new Date(Date.now() - 86_400_000).toISOString() }),
    ),
  )
  reviewId = made.id
  zhaoId = (await ok(apiAs(world.url, ZHAO)('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
}, 120_000)

test('the secretary grades the members on the 民主评议 record, 确定 them, and the results show', async () => {
  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, `packages/activities/pages/detail/index?id=${reviewId}`)
  await shown(sec, 'appraisal-link').click()
  await shown(sec, 'appraisal-rule').filter({ hasText: '参加评议 3 人' }).waitFor({ timeout: 30_000 })
  await expect(shown(sec, 'appraisal-rule').innerText()).resolves.toContain('本次最多 1 人')

  // Tap targets at least 44 px high on a 390-wide phone.
  for (const id of ['grade-王芳-excellent', 'appraisal-save', 'appraisal-finalize']) expect((await shown(sec, id).boundingBox())!.height).toBeGreaterThanOrEqual(44)

  // Two 优秀 of three: the form says so, and the cloud refuses the save with the cap.
  await shown(sec, 'grade-王芳-excellent').click()
  await shown(sec, 'grade-赵磊-excellent').click()
  await shown(sec, 'grade-李建国-qualified').click()
  await expect(shown(sec, 'appraisal-excellent-used').innerText()).resolves.toContain('已评优秀 2 人，最多 1 人')
  await shown(sec, 'appraisal-save').click()
  await shown(sec, 'appraisal-error').filter({ hasText: '最多 1 人评为优秀' }).waitFor({ timeout: 30_000 })

  await shown(sec, 'grade-赵磊-qualified').click()
  await votes(sec, '王芳', [2, 1, 0, 0])
  await votes(sec, '赵磊', [0, 3, 0, 0])
  await votes(sec, '李建国', [1, 2, 0, 0])
  await shown(sec, 'appraisal-save').click()
  await shown(sec, 'appraisal-saved').waitFor({ timeout: 30_000 })
  await shot(sec, 'appraisal')

  await shown(sec, 'appraisal-finalize').click()
  await shown(sec, 'appraisal-finalize-confirm').click()
  await shown(sec, 'appraisal-row-王芳').filter({ hasText: '优秀' }).waitFor({ timeout: 30_000 })
  await expect(shown(sec, 'appraisal-counts').innerText()).resolves.toMatch(/1\s*优秀\s*2\s*合格\s*0\s*基本合格\s*0\s*不合格/)
  await expect(shown(sec, 'appraisal-row-赵磊').innerText()).resolves.toContain('民主测评：优秀 0 · 合格 3 · 基本合格 0 · 不合格 0')
  await shot(sec, 'appraisal-results')
})

test('赵磊 finds his own grade from 我的 and on his page, and only his', async () => {
  const zhao = (await world.person(ZHAO)).page
  await goTo(zhao, world.url, 'pages/me/index')
  await shown(zhao, 'open-appraisal').click()
  const item = shown(zhao, `appraisal-item-${YEAR}`)
  await item.filter({ hasText: '我的等次：合格' }).waitFor({ timeout: 30_000 })
  expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await item.click()
  await shown(zhao, 'appraisal-row-赵磊').filter({ hasText: '合格' }).waitFor({ timeout: 30_000 })
  await expect(zhao.getByTestId('appraisal-row-王芳').count()).resolves.toBe(0)
  await expect(zhao.getByTestId('appraisal-counts').count()).resolves.toBe(0)

  await goTo(zhao, world.url, `packages/org/pages/member/index?id=${zhaoId}`)
  await shown(zhao, `member-appraisal-${YEAR}`).filter({ hasText: '合格' }).waitFor({ timeout: 30_000 })
})
