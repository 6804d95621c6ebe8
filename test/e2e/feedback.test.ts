/**
 * 意见反馈 in the browser at 390×844: a member opens 我的 → 意见反馈, is told what is missing, loses nothing when a
 * send fails, sends a suggestion; the committee answers it and closes it in its list; the member reads the answer
 * and the state. E2E_SHOTS=1 writes docs/screenshots/feedback-{send,committee}.png.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld({ timeoutMs: 90_000 })
const MEMBER = 'dev-member-1b'
const ADMIN = 'dev-committee-admin'
const BODY = `建议把支部活动的通知提前三天发出，方便在职党员请假安排（${Date.now() % 100000}）`
const ANSWER = '已请各支部书记今后至少提前三天发布活动通知。'

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
const textArea = (page: Page, id: string) => page.locator(`[data-testid=${id}] textarea:visible, textarea[data-testid=${id}]:visible`).first()
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}

test('a member sends a suggestion (kept when a send fails); the committee answers and closes it; the member sees the answer', async () => {
  const member = (await world.person(MEMBER)).page
  await goTo(member, world.url, 'pages/me/index')
  await shown(member, 'open-feedback').click()
  await shown(member, 'feedback-send').waitFor({ timeout: 30_000 })
  await member.getByText('还没有提过意见').first().waitFor({ timeout: 30_000 })

  // Nothing written yet: the form says what is missing.
  await shown(member, 'feedback-send').click()
  await shown(member, 'feedback-error').filter({ hasText: '请写下你的意见' }).waitFor()

  // The network fails once: the text stays, the message says so, the second tap sends it.
  await textArea(member, 'feedback-body').fill(BODY)
  let failures = 0
  await member.route('**/cloud/functions/api', async (route) => {
    if (failures === 0 && /feedback\.send/.test(route.request().postData() ?? '')) {
      failures += 1
      return route.abort('failed')
    }
    return route.continue()
  })
  await shown(member, 'feedback-send').click()
  await shown(member, 'feedback-error').filter({ hasText: '你写的内容还在' }).waitFor({ timeout: 30_000 })
  expect(await textArea(member, 'feedback-body').inputValue()).toBe(BODY)
  await shown(member, 'feedback-about-branch').click()
  await shown(member, 'feedback-send').click()
  await shown(member, 'feedback-sent').waitFor({ timeout: 30_000 })
  expect(await textArea(member, 'feedback-body').inputValue()).toBe('')
  const mine = shown(member, 'feedback-item').filter({ hasText: BODY })
  await mine.filter({ hasText: '待处理' }).waitFor({ timeout: 30_000 })
  expect(failures).toBe(1)

  // The committee answers it, then closes it.
  const admin = (await world.person(ADMIN)).page
  await goTo(admin, world.url, 'pages/me/index')
  // 我的 → 意见反馈 is the committee's inbox (意见建议处理), not a form to send itself suggestions.
  await shown(admin, 'open-feedback-list').waitFor({ timeout: 30_000 })
  expect(await shown(admin, 'open-feedback').count()).toBe(0)
  await shown(admin, 'open-feedback-list').click()
  const item = shown(admin, 'feedback-item').filter({ hasText: BODY })
  await item.waitFor({ timeout: 30_000 })
  await item.getByText('赵磊').first().waitFor()
  await item.getByTestId('feedback-reply').click()
  await item.getByTestId('feedback-answer-send').click()
  await item.getByTestId('feedback-step-error').filter({ hasText: '请写下答复的内容' }).waitFor()
  await textArea(admin, 'feedback-answer-input').fill(ANSWER)
  expect(await item.getByTestId('feedback-step-error').count()).toBe(0)
  await admin.evaluate(() => window.scrollTo(0, 0))
  await shot(admin, 'feedback-committee')
  await item.getByTestId('feedback-answer-send').click()
  await item.waitFor({ state: 'detached', timeout: 30_000 })
  await shown(admin, 'feedback-status-answered').click()
  const answered = shown(admin, 'feedback-item').filter({ hasText: BODY })
  await answered.getByTestId('feedback-answer').filter({ hasText: ANSWER }).waitFor({ timeout: 30_000 })
  await answered.getByTestId('feedback-close').click()
  await answered.getByTestId('feedback-close-confirm').click()
  await answered.waitFor({ state: 'detached', timeout: 30_000 })
  await shown(admin, 'feedback-status-closed').click()
  await shown(admin, 'feedback-item').filter({ hasText: BODY }).filter({ hasText: '已关闭' }).waitFor({ timeout: 30_000 })

  // The member reads the answer, and the state.
  await member.reload()
  const read = shown(member, 'feedback-item').filter({ hasText: BODY })
  await read.getByTestId('feedback-answer').filter({ hasText: ANSWER }).waitFor({ timeout: 30_000 })
  await read.getByTestId('feedback-status').filter({ hasText: '已关闭' }).waitFor()
  await read.scrollIntoViewIfNeeded()
  await shot(member, 'feedback-send')
})
