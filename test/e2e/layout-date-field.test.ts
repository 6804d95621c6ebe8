/**
 * The one date field (docs/layout.md 「Date fields」) in the browser, whose locale here is zh-CN and would be en-US on
 * many desks: the activity form's date shows 「2026年11月20日」 after a date is chosen, the native input under it holds
 * 2026-11-20; a roster entry's dates too. E2E_SHOTS=1 writes docs/screenshots/layout-date-field.png.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })

test('a chosen date reads 2026年11月20日 and a time 14:30 over the native inputs, which keep 2026-11-20 and 14:30', async () => {
  const { page } = await world.person('dev-secretary-1')
  await goTo(page, world.url, 'pages/activities/index')
  await shown(page, 'record-activity').click()
  const input = shown(page, 'activity-date')
  await input.waitFor({ timeout: 30_000 })
  await input.fill('2026-11-20')
  await expect(shown(page, 'activity-date-text').innerText()).resolves.toBe('2026年11月20日')
  await expect(input.inputValue()).resolves.toBe('2026-11-20')
  // The input covers the whole field: a tap anywhere on it reaches the native picker.
  const field = await shown(page, 'activity-date-text').evaluate((el) => el.parentElement!.getBoundingClientRect().toJSON())
  const box = await input.boundingBox()
  // (inside the field's 1 px border)
  expect(field.width - box!.width).toBeLessThanOrEqual(2.5)
  expect(field.height - box!.height).toBeLessThanOrEqual(2.5)
  // The time too, 24-hour as the app writes it (the browser's own input said 02:30 PM).
  await shown(page, 'activity-time').fill('14:30')
  await expect(shown(page, 'activity-time-text').innerText()).resolves.toBe('14:30')
  await expect(shown(page, 'activity-end-time-text').innerText()).resolves.toBe('不填则签到到开始后 3 小时')
  // No date text in the browser's own format anywhere on the form.
  expect(await page.locator('.taro_page_show').last().innerText()).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/)
  if (process.env.E2E_SHOTS) await page.screenshot({ path: 'docs/screenshots/layout-date-field.png' })
})
