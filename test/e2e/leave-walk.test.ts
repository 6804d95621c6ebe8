/**
 * 请假 and 民主评议 after the walk by real users, in Chromium at 390×844 (docs/leave.md, docs/appraisal.md):
 * 赵磊 asks leave on a session the secretary hosts; the secretary, its host, has no 请假 form there, approves, and
 * may still change it (改为不准假); the record form shows 赵磊's approved leave as its own chip, on; the 民主评议
 * counts follow the grades as they are chosen, and the cap's refusal goes when a grade changes.
 * E2E_SHOTS=1 writes leave-member.png, leave-secretary.png, leave-record-chip.png, appraisal-live-counts.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const ZHAO = 'dev-member-1b'
const TOPIC = `主题党日·走查${Date.now() % 100000}`
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
let sessionId: string
let reviewId: string

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}

beforeAll(async () => {
  const secretary = apiAs(world.url, SECRETARY)
  const branch1 = (await ok(secretary('session.get', {}))).roles.find((r) => r.branchId)!.branchId!
  const start = Date.now() + 2 * 86_400_000
  const planned = await ok(secretary('activities.plan', { branchId: branch1, type: 'theme_day', topic: TOPIC, place: '学会会议室', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), host: '李建国', clientRequestId: `e2e-leave-walk-${Date.now()}` }))
  sessionId = planned.id
  const review = await ok(
    secretary(
      'activities.record',
      sessionRecord({ branchId: branch1, clientRequestId: `e2e-appraisal-walk-${Date.now()}`, type: 'democratic_review', topic: `${YEAR}年度民主评议党员`, place: '学会会议室', startAt: new Date(Date.now() - 86_400_000).toISOString() }),
    ),
  )
  reviewId = review.id
}, 120_000)

test('a member asks; the host (the secretary) has no form, approves, may change it; the record form shows the leave chip', async () => {
  const zhao = (await world.person(ZHAO)).page
  await goTo(zhao, world.url, `packages/activities/pages/detail/index?id=${sessionId}`)
  await shown(zhao, 'leave-send').waitFor({ timeout: 30_000 })
  await shown(zhao, 'leave-kind-sick').click()
  await zhao.locator('[data-testid=leave-note] input:visible, input[data-testid=leave-note]:visible').first().fill('发烧，在家休息')
  await shown(zhao, 'leave-send').click()
  await shown(zhao, 'leave-mine').filter({ hasText: '待审批' }).waitFor({ timeout: 30_000 })
  await shown(zhao, 'leave-mine').scrollIntoViewIfNeeded()
  await shot(zhao, 'leave-member')

  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, `packages/activities/pages/detail/index?id=${sessionId}`)
  const row = sec.locator('[data-testid^="leave-row-"]').filter({ hasText: '赵磊' })
  await row.waitFor({ timeout: 30_000 })
  // The secretary hosts this session: no 请假 form for them.
  expect(await shown(sec, 'leave-send').count()).toBe(0)
  await row.getByText('准假', { exact: true }).click()
  await row.getByText('改为不准假', { exact: true }).waitFor({ timeout: 30_000 })
  await row.getByText('活动开始前可以更改，赵磊会收到通知').waitFor()
  // 改为不准假 asks for a reason and a confirmation; cancelled here, the leave stands.
  await row.getByText('改为不准假', { exact: true }).click()
  await row.getByText('不准假：赵磊会收到通知，请写明原因。').waitFor()
  await row.scrollIntoViewIfNeeded()
  await shot(sec, 'leave-secretary')
  await row.getByText('取消', { exact: true }).click()
  await row.filter({ hasText: '已准假' }).waitFor()

  await goTo(sec, world.url, `packages/activities/pages/edit/index?id=${sessionId}`)
  const chip = shown(sec, 'leave-chip-赵磊')
  await chip.waitFor({ timeout: 30_000 })
  await expect(chip.innerText()).resolves.toBe('已准假·病假')
  await expect(chip.getAttribute('class')).resolves.toContain('attend__chip--on')
  expect((await chip.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await chip.scrollIntoViewIfNeeded()
  await sec.evaluate(() => window.scrollBy(0, 160))
  await shot(sec, 'leave-record-chip')
})

test('民主评议: the counts follow the grades as chosen; the cap refusal goes when a grade changes', async () => {
  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, `packages/appraisal/pages/sheet/index?id=${reviewId}`)
  await shown(sec, 'appraisal-rule').filter({ hasText: '参加评议 3 人' }).waitFor({ timeout: 30_000 })
  await shown(sec, 'grade-赵磊-excellent').click()
  await shown(sec, 'grade-王芳-excellent').click()
  await shown(sec, 'grade-李建国-qualified').click()
  const counts = shown(sec, 'appraisal-counts')
  await expect(counts.innerText()).resolves.toMatch(/2\s*优秀\s*1\s*合格\s*0\s*基本合格\s*0\s*不合格/)
  await shown(sec, 'appraisal-save').click()
  await shown(sec, 'appraisal-error').filter({ hasText: '2 人' }).waitFor({ timeout: 30_000 })
  await shown(sec, 'grade-王芳-qualified').click()
  expect(await shown(sec, 'appraisal-error').count()).toBe(0)
  await expect(counts.innerText()).resolves.toMatch(/1\s*优秀\s*2\s*合格/)
  await sec.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop) el.scrollTop = 0
    window.scrollTo(0, 0)
  })
  await shot(sec, 'appraisal-live-counts')
})
