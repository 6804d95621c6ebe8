/**
 * 审核 in the browser at 390×844: the committee finds a record in 记录审核 and returns it with a comment; the
 * secretary sees the comment on 首页's 待办 and on the record, corrects the record and resubmits; the committee
 * approves. E2E_SHOTS=1 writes the screenshots into docs/screenshots/.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const ADMIN = 'dev-committee-admin'
const TOPIC = `审核·主题党日${Date.now() % 100000}`
const COMMENT = '会议内容过于简单，请补充学习的具体内容'
let recordId: string

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}

beforeAll(async () => {
  const secretary = apiAs(world.url, SECRETARY)
  const branchId = (await ok(secretary('session.get', {}))).roles.find((r: { branchId?: string }) => r.branchId)!.branchId!
  const start = Date.now() - 2 * 86_400_000
  const saved = await ok(secretary('activities.record', { branchId, clientRequestId: `e2e-review-${Date.now()}`, type: 'theme_day', topic: TOPIC, place: '学会会议室', startAt: new Date(start).toISOString(), endAt: new Date(start + 3_600_000).toISOString(), host: '李建国', recorder: '王芳', minutes: '学习。' }))
  recordId = saved.id
}, 120_000)

test('returned with a comment, corrected and resubmitted, then approved', async () => {
  const admin = (await world.person(ADMIN)).page
  await goTo(admin, world.url, 'pages/me/index')
  await shown(admin, 'open-review-queue').click()
  const item = admin.locator('[data-testid=review-queue-item]').filter({ hasText: TOPIC })
  await item.waitFor({ timeout: 30_000 })
  await shot(admin, 'review-queue')
  await item.click()
  await shown(admin, 'review-return').click()
  await admin.locator('[data-testid=review-comment-input] textarea:visible, textarea[data-testid=review-comment-input]:visible').first().fill(COMMENT)
  await shown(admin, 'review-return-confirm').click()
  await shown(admin, 'review-state').filter({ hasText: '党委退回修改' }).waitFor({ timeout: 30_000 })
  // Back in the queue, the returned record has left 待审核 without a reload (the user walk saw the list stale).
  await admin.goBack()
  await admin.locator('[data-testid=review-queue-item]:visible').first().or(admin.getByText('没有待审核的记录').filter({ visible: true })).first().waitFor({ timeout: 30_000 })
  await admin.locator('[data-testid=review-queue-item]').filter({ hasText: TOPIC }).first().waitFor({ state: 'hidden', timeout: 20_000 })
  await goTo(admin, world.url, `packages/activities/pages/detail/index?id=${recordId}`)
  await shown(admin, 'review-state').filter({ hasText: '党委退回修改' }).waitFor({ timeout: 30_000 })

  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, 'pages/home/index')
  await sec.getByText(`「${TOPIC}」被退回修改`).first().waitFor({ timeout: 30_000 })
  await goTo(sec, world.url, `packages/activities/pages/detail/index?id=${recordId}`)
  await shown(sec, 'review-comment').filter({ hasText: COMMENT }).waitFor({ timeout: 30_000 })
  await sec.getByText('请先按审核意见修改记录，再重新提交').first().waitFor()
  await shown(sec, 'review-state').scrollIntoViewIfNeeded()
  await shot(sec, 'review-returned-record')

  // The branch corrects the record (the edit form is activities' own, covered by its tests), then resubmits here.
  const secretary = apiAs(world.url, SECRETARY)
  const current = await ok(secretary('activities.get', { id: recordId }))
  await ok(secretary('activities.update', { id: recordId, expectedVersion: current.version, minutes: '学习了党章第一章，赵磊、王芳谈了学习体会。' }))
  await sec.reload()
  await shown(sec, 'review-resubmit').click()
  await shown(sec, 'review-state').filter({ hasText: '已修改，待党委审核' }).waitFor({ timeout: 30_000 })

  await admin.reload()
  await shown(admin, 'review-approve').click()
  await shown(admin, 'review-state').filter({ hasText: '党委审核通过' }).waitFor({ timeout: 30_000 })
})
