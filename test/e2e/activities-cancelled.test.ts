/**
 * A cancelled session in the 活动 tab (docs/activities.md 「取消的活动」), in the browser at 390×844: the secretary
 * cancels a planned session on its page and finds it in the list greyed with 已取消 and the reason; a member who saw
 * it planned finds it there too. E2E_SHOTS=1 writes docs/screenshots/activities-cancelled.png.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'
import { apiAs, ok } from '../support/api'

const world = e2eWorld()
const SECRETARY = 'dev-secretary-1'
const MEMBER = 'dev-member-1b'
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
const inFuture = (days: number) => new Date(Date.now() + days * 86400e3).toISOString()

test('the secretary cancels a planned session; it stays in the 活动 list greyed with the reason, for members too', async () => {
  const sec = apiAs(world.url, SECRETARY)
  const branchId = (await ok(sec('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  await ok(sec('activities.plan', { branchId, clientRequestId: 'e2e-cancel-1', type: 'theme_day', topic: '参观红色教育基地', place: '学会会议室', startAt: inFuture(3) }))
  const other = await ok(sec('activities.plan', { branchId, clientRequestId: 'e2e-cancel-2', type: 'party_lecture', topic: '学习新修订的党章', place: '学会会议室', startAt: inFuture(5), lecturer: '李建国' }))
  await ok(sec('activities.cancel', { id: other.id, reason: '上级党委通知延期', expectedVersion: 1 }))

  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/activities/index')
  await shown(page, 'upcoming-item').filter({ hasText: '参观红色教育基地' }).click()
  await shown(page, 'plan-cancel').click()
  await page.locator('[data-testid=plan-cancel-reason] input:visible, input[data-testid=plan-cancel-reason]:visible').first().fill('场地临时不可用')
  await shown(page, 'plan-cancel-confirm').click()
  // Back on the tab without a reload: the row is marked here (followCancelled), not gone.
  const mine = shown(page, 'cancelled-item').filter({ hasText: '参观红色教育基地' })
  await mine.waitFor({ timeout: 30_000 })
  await expect(mine.innerText()).resolves.toMatch(/已取消[\s\S]*取消原因：场地临时不可用/)
  expect(await shown(page, 'upcoming-item').filter({ hasText: '参观红色教育基地' }).count()).toBe(0)

  const member = (await world.person(MEMBER)).page
  await goTo(member, world.url, 'pages/activities/index')
  const rows = shown(member, 'cancelled-item')
  await rows.filter({ hasText: '学习新修订的党章' }).waitFor({ timeout: 30_000 })
  await expect(rows.filter({ hasText: '学习新修订的党章' }).innerText()).resolves.toContain('取消原因：上级党委通知延期')
  await expect(rows.filter({ hasText: '参观红色教育基地' }).innerText()).resolves.toContain('取消原因：场地临时不可用')
  // Greyed: the card's own grey, not the white of a live one.
  const bg = await rows.first().evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(bg).toBe('rgb(240, 240, 240)')
  // Opening it does nothing (its record is gone).
  await rows.first().click()
  await member.waitForTimeout(500)
  expect(member.url()).toContain('pages/activities/index')
  if (process.env.E2E_SHOTS) await member.screenshot({ path: 'docs/screenshots/activities-cancelled.png' })
})
