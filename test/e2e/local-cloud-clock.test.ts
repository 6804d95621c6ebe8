/**
 * The local cloud's clock reaches the H5 app (cloud/local/clock.ts): the served index.html carries a script that
 * shifts the page's Date, so after `POST /dev/clock` the app's 即将开展 month calendar opens on the local cloud's
 * month. The build output in dist-h5/ never carries that script (a production build has none).
 */
import fs from 'node:fs'
import path from 'node:path'
import { e2eWorld, goTo } from '../support/browser'
import { REPO_ROOT } from '../support/local-cloud'

const world = e2eWorld()

test('the app shows the local cloud date after the clock is set; the build output has no clock script', async () => {
  expect(fs.readFileSync(path.join(REPO_ROOT, 'dist-h5/index.html'), 'utf8')).not.toContain('data-localcloud-clock')
  const at = '2027-03-15T10:00:00+08:00'
  const res = await fetch(`${world.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set: at }) })
  expect(res.status).toBe(200)

  const { page } = await world.person('dev-member-1a')
  const inPage = await page.evaluate(() => ({ now: Date.now(), made: new Date().getTime(), text: Date(), isDate: new Date(0) instanceof Date }))
  expect(Math.abs(inPage.now - Date.parse(at))).toBeLessThan(120000)
  expect(Math.abs(inPage.made - Date.parse(at))).toBeLessThan(120000)
  expect(inPage.text).toContain('2027')
  expect(inPage.isDate).toBe(true)

  await goTo(page, world.url, 'packages/activities/pages/upcoming/index')
  await page.getByText('月历', { exact: true }).click()
  await page.getByText('2027年3月').waitFor({ timeout: 20000 })
  await page.getByText('正在加载…', { exact: true }).waitFor({ state: 'detached', timeout: 20000 })
  if (process.env.E2E_SHOTS === '1') await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshots/local-cloud-clock.png') })

  // Advancing a month moves the page too once it is reloaded (and within 5 s without a reload).
  await fetch(`${world.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: '31d' }) })
  await page.reload({ waitUntil: 'domcontentloaded' })
  await goTo(page, world.url, 'packages/activities/pages/upcoming/index')
  await page.getByText('月历', { exact: true }).click()
  await page.getByText('2027年4月').waitFor({ timeout: 20000 })
})
