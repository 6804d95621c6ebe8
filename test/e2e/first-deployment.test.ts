/**
 * A fresh deployment with no seed data: the first person to open the app sees the welcome screen, initialises
 * the committee with the deployment token, and is its administrator from then on.
 */
import { e2eWorld } from '../support/browser'

const world = e2eWorld({ seed: false })

test('the first administrator initialises the committee from the welcome screen', async () => {
  // The wrong token below is refused on purpose: that refusal is the one error this page may log.
  const { page } = await world.person('first-admin', undefined, /初始化口令不正确/)
  await page.getByTestId('open-bootstrap').click()

  // A wrong token is refused with the server's message, and nothing changes.
  await page.getByTestId('bootstrap-token').fill('not-the-right-token')
  await page.getByTestId('bootstrap-committee').fill('测试省科协社会组织行业党委')
  await page.getByTestId('bootstrap-admin').fill('林主任')
  await page.getByTestId('bootstrap-submit').click()
  await page.getByTestId('bootstrap-error').filter({ hasText: '初始化口令不正确' }).waitFor()

  await page.getByTestId('bootstrap-token').fill('local-dev-bootstrap-token')
  await page.getByTestId('bootstrap-submit').click()
  const greeting = page.locator('.taro_page_show').getByTestId('greeting')
  await greeting.waitFor({ timeout: 20000 })
  expect(await greeting.innerText()).toContain('林主任')
  await page.locator('.taro_page_show').getByTestId('home-manage').waitFor()
})
