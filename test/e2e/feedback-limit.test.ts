/**
 * feedback.send's limit on the page (docs/feedback.md 「How often」): a member sends a suggestion, then the same text
 * again at once (a double send): the page says it was sent a moment ago — the server's words, without 「可以再点一次
 * 发送」 — and keeps the text; nothing is listed twice. E2E_SHOTS=1 writes docs/screenshots/feedback-limit.png.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld({ timeoutMs: 90_000 })
const BODY = '建议在小程序里提供往年党费缴纳记录的查询'
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
const textArea = (page: Page, id: string) => page.locator(`[data-testid=${id}] textarea:visible, textarea[data-testid=${id}]:visible`).first()

test('the same suggestion sent twice within 10 minutes is refused on the page with the reason; the text stays', async () => {
  const member = (await world.person('dev-member-1b')).page
  await goTo(member, world.url, 'pages/me/index')
  await shown(member, 'open-feedback').click()
  await shown(member, 'feedback-send').waitFor({ timeout: 30_000 })
  await textArea(member, 'feedback-body').fill(BODY)
  await shown(member, 'feedback-send').click()
  await shown(member, 'feedback-sent').waitFor({ timeout: 30_000 })

  await textArea(member, 'feedback-body').fill(BODY)
  await shown(member, 'feedback-send').click()
  const error = shown(member, 'feedback-error').filter({ hasText: '这条意见刚刚已经提交过' })
  await error.waitFor({ timeout: 30_000 })
  const words = await error.innerText()
  expect(words).toMatch(/分钟后再提交/)
  expect(words).not.toContain('可以再点一次发送')
  expect(await textArea(member, 'feedback-body').inputValue()).toBe(BODY)
  expect(await shown(member, 'feedback-item').filter({ hasText: BODY }).count()).toBe(1)
  if (process.env.E2E_SHOTS) {
    await error.scrollIntoViewIfNeeded()
    await member.waitForTimeout(500)
    await member.screenshot({ path: 'docs/screenshots/feedback-limit.png' })
  }
})
