/**
 * The foundation's slice in a real browser (the H5 build served by the local cloud, real function bundles on the
 * real SDK): a secretary records a 主题党日 with topic, time, place and one photo; it appears in the branch's
 * activity list; a member of that branch sees it; a member of another branch cannot, by UI or by calling the action.
 */
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()

// The e2e project's testTimeout is not applied per project by jest 30: starting the cloud and Chromium needs more than 5 s.

const TOPIC = `端到端测试主题党日 ${Date.now() % 100000}`

const person = (openid: string) => world.person(openid)

test('a secretary records a 主题党日 with a photo and it appears in the branch list', async () => {
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('record-activity').click()

  await page.getByTestId('activity-type').selectOption('theme_day')
  await page.locator('[data-testid=activity-topic] input, input[data-testid=activity-topic]').first().fill(TOPIC)
  await page.locator('[data-testid=activity-place] input, input[data-testid=activity-place]').first().fill('学会三楼会议室')
  await page.getByTestId('activity-date').fill('2026-11-20')
  await page.getByTestId('activity-time').fill('09:30')
  // A record names its host and recorder and says what happened (ACTIVITY_TYPE_RULES).
  await page.locator('[data-testid=activity-host] input, input[data-testid=activity-host]').first().fill('李建国')
  await page.locator('[data-testid=activity-recorder] input, input[data-testid=activity-recorder]').first().fill('王芳')
  await page.locator('[data-testid=activity-minutes] textarea, textarea[data-testid=activity-minutes]').first().fill('集中学习，交流心得。')
  // Only the host and the recorder start present (nobody signed in to a record made afterwards): 全部出席 marks the rest.
  await page.getByTestId('attendance-all-present').click()
  await page.getByTestId('activity-photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: drawSeedPhoto(2, 1200, 900) })
  await page.locator('[data-testid=photo-tile][data-status=done]').first().waitFor({ timeout: 20000 })
  await page.getByTestId('activity-submit').click()
  // Saving opens the record; the branch list then shows it.
  await page.getByTestId('activity-detail').waitFor({ timeout: 20000 })
  await goTo(page, world.url, 'pages/activities/index')

  const item = page.getByTestId('activity-item').filter({ hasText: TOPIC })
  await item.waitFor({ timeout: 20000 })
  await page.screenshot({ path: 'test-results/e2e-secretary-activities.png' }).catch(() => undefined)
})

test('a member of that branch sees it with its time, place and photo', async () => {
  const { page } = await person('dev-member-1a')
  await goTo(page, world.url, 'pages/activities/index')
  const item = page.getByTestId('activity-item').filter({ hasText: TOPIC })
  await item.waitFor({ timeout: 20000 })
  await item.click()
  const detail = page.getByTestId('activity-detail')
  await detail.waitFor()
  await expectText(detail, TOPIC)
  await expectText(detail, '学会三楼会议室')
  await expectText(detail, '09:30')
  await expectText(detail, '主题党日')
  // The photo is an image loaded from the local cloud's storage.
  const img = detail.locator('img').first()
  await img.waitFor()
  // Wait for the image to finish loading (or fail), then require real pixels.
  const width = await img.evaluate(
    (el: HTMLImageElement) =>
      new Promise<number>((resolve) => {
        if (el.complete && el.naturalWidth > 0) return resolve(el.naturalWidth)
        el.addEventListener('load', () => resolve(el.naturalWidth), { once: true })
        el.addEventListener('error', () => resolve(0), { once: true })
        setTimeout(() => resolve(el.naturalWidth), 10000)
      }),
  )
  expect(width).toBeGreaterThan(0)
})

test('a member of another branch sees nothing of it, in the UI or by calling the action', async () => {
  const { page } = await person('dev-member-2a')
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('activity-list').waitFor({ timeout: 20000 })
  await page.waitForLoadState('networkidle')
  expect(await page.getByTestId('activity-item').filter({ hasText: TOPIC }).count()).toBe(0)

  // Call the action directly with the secretary's branch id, as a curious member might.
  const branchId = (await (await fetch(`${world.url}/dev/identities`)).json()).find((p: { openid: string }) => p.openid === 'dev-secretary-1')
    .roles[0].branchId
  const answer = await page.evaluate(async (id) => {
    const res = await fetch('/cloud/functions/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-OpenId': 'dev-member-2a' },
      body: JSON.stringify({ action: 'activities.list', payload: { branchId: id } }),
    })
    return res.json()
  }, branchId)
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

async function expectText(locator: import('playwright-core').Locator, text: string) {
  expect(await locator.innerText()).toContain(text)
}
