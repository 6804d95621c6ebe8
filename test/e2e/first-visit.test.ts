/**
 * A newcomer's first visit to the local cloud's H5 app: nobody is chosen yet. That is a welcome that says what the
 * product is and offers the seeded people by role, one tap each — never an error (issue: a fresh clone's first
 * screen read 「加载失败 · 无法识别你的身份」).
 */
import path from 'node:path'
import { e2eWorld } from '../support/browser'

const world = e2eWorld()

test('with no identity the app opens on a welcome offering people by role; one tap opens the app as that person', async () => {
  // Nobody chosen yet: no dev identity, the app opened at its root (no page error on the way: e2eWorld checks).
  const { page } = await world.person(null)

  const welcome = page.getByTestId('dev-welcome')
  await welcome.waitFor()
  const text = await welcome.innerText()
  expect(text).toContain('支部工作台')
  for (const role of ['党委管理员', '支部书记', '党员', '党建指导员']) expect(text).toContain(role)
  expect(text).not.toContain('加载失败')
  expect(text).not.toContain('无法识别你的身份')
  // Each person is named with where they serve.
  await expect(page.getByTestId('dev-welcome-dev-secretary-1').innerText()).resolves.toContain('湖南省计算机学会党支部')
  if (process.env.E2E_SHOTS) await page.screenshot({ path: path.resolve(__dirname, '../../docs/screenshots/first-visit.png') })

  await page.getByTestId('dev-welcome-dev-secretary-1').click()
  const greeting = page.locator('.taro_page_show').getByTestId('greeting')
  await greeting.waitFor()
  expect(await greeting.innerText()).toContain('李建国')
  expect(await page.getByTestId('dev-welcome').count()).toBe(0)

  // The choice is kept: a reload opens the app as the same person, not the welcome again.
  await page.reload()
  await page.locator('.taro_page_show').getByTestId('greeting').waitFor()
  expect(await page.getByTestId('dev-welcome').count()).toBe(0)
})
