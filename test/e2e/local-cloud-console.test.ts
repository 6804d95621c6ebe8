/**
 * The local cloud's console (cloud/local/console.ts) at /_console, in Chromium at desktop width: collections with
 * their counts, a document opened as JSON, a JSON filter, the clock set and advanced from the page, the reminders
 * timer fired with 立即运行 and its messages in the outbox, the request log. Screenshots (E2E_SHOTS=1):
 * docs/screenshots/console-collections.png, console-document.png, console-outbox.png.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startCloudAndBrowser } from '../support/browser'
import { REPO_ROOT, type LocalCloudHandle } from '../support/local-cloud'

const DAY = 86400000
const shots = process.env.E2E_SHOTS === '1'
let cloud: LocalCloudHandle
let browser: Browser
let page: Page
const errors: string[] = []

beforeAll(async () => {
  ;[cloud, browser] = await startCloudAndBrowser({ env: { LOCALCLOUD_SEED_REMINDERS: '1' }, timeoutMs: 90000 })
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
}, 120000)
afterAll(async () => {
  await browser?.close()
  await cloud?.stop()
})

test('collections, a document, a filter, the clock, run now and the outbox, the request log', async () => {
  await page.goto(`${cloud.url}/_console`)
  // Collections with their counts: the seed's branches are listed with how many there are.
  const branches = (await (await fetch(`${cloud.url}/_console/api/collections/branches`)).json()) as { total: number; docs: Array<{ _id: string; name: string }> }
  expect(branches.total).toBeGreaterThan(1)
  const row = page.locator('#side tr', { hasText: 'branches' })
  await row.waitFor()
  await expect(row.locator('td').nth(1).textContent()).resolves.toBe(String(branches.total))
  if (shots) await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshots/console-collections.png') })

  // Open the collection and a document: its JSON, pretty-printed.
  await row.click()
  await page.getByText(`共 ${branches.total} 条`).waitFor()
  const first = branches.docs[0]
  await page.locator('#body tr.click', { hasText: first._id }).first().click()
  const json = page.locator('#docjson')
  await json.waitFor()
  expect(JSON.parse((await json.textContent()) ?? '')).toMatchObject({ _id: first._id, name: first.name })
  expect(await json.textContent()).toContain(`\n  "name": ${JSON.stringify(first.name)}`)
  if (shots) await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshots/console-document.png') })

  // A JSON filter narrows the list to the one branch; a bad one says why.
  await page.locator('#filter').fill(JSON.stringify({ _id: first._id }))
  await page.locator('#apply').click()
  await page.getByText('共 1 条').waitFor()
  expect(await page.locator('#body tr.click').count()).toBe(1)
  await page.locator('#filter').fill('{nope')
  await page.locator('#apply').click()
  await page.getByText('筛选条件不是合法的 JSON').waitFor()

  // The clock: set to 08:05 Beijing tomorrow from the page, then 立即运行 sends the seeded reminders.
  await page.locator('#nav button', { hasText: '定时与时钟' }).click()
  const tomorrow = new Date(Date.now() + 8 * 3600e3 + DAY).toISOString().slice(0, 10)
  await page.locator('#setAt').fill(`${tomorrow}T08:05:00+08:00`)
  await page.locator('#set').click()
  const [y, mo, d] = tomorrow.split('-').map(Number)
  await page.locator('#now', { hasText: `${y}/${mo}/${d} 08:05` }).waitFor()
  const sentBefore = ((await (await fetch(`${cloud.url}/_console/api/outbox`)).json()) as { outbox: unknown[] }).outbox.length
  await page.locator('button.run[data-fn="reminders"]').click()
  await page.getByText('已运行：', { exact: false }).waitFor({ timeout: 60000 })
  // Its run is listed under the timer (from the request log).
  expect(await page.locator('#body section', { hasText: 'hourly' }).locator('td', { hasText: 'OK' }).count()).toBeGreaterThan(0)

  // Advancing a day moves the shown time by a day.
  await page.locator('[data-adv="1d"]').click()
  const next = new Date(Date.parse(`${tomorrow}T00:00:00Z`) + DAY).toISOString().slice(0, 10).split('-').map(Number)
  await page.locator('#now', { hasText: `${next[0]}/${next[1]}/${next[2]} 08:0` }).waitFor()

  // The outbox has the messages the run sent, and the grants they used.
  await page.locator('#nav button', { hasText: '订阅消息' }).click()
  const outbox = (await (await fetch(`${cloud.url}/_console/api/outbox`)).json()) as { outbox: Array<{ touser: string }> }
  expect(outbox.outbox.length).toBeGreaterThan(sentBefore)
  await page.getByText(`共 ${outbox.outbox.length} 条（最新在前）`).waitFor()
  await page.locator('#body td', { hasText: outbox.outbox[0].touser }).first().waitFor()
  await page.getByText('订阅授权').waitFor()
  if (shots) await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshots/console-outbox.png') })

  // The request log names the timer run; the identities offer the app as each person.
  await page.locator('#nav button', { hasText: '请求日志' }).click()
  await page.locator('#body td', { hasText: 'wx_trigger' }).first().waitFor()
  await page.locator('#nav button', { hasText: '开发身份' }).click()
  const link = page.locator('a', { hasText: '以此身份打开' }).first()
  await link.waitFor()
  expect(await link.getAttribute('href')).toMatch(/^\/_console\/as\?openid=/)

  // Another origin's page cannot fire a timer: the POST needs application/json (no-cors cannot send it).
  const forged = await fetch(`${cloud.url}/_console/api/timers/reminders/run`, { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } })
  expect(forged.status).toBe(415)
  // …and cannot read the data: the Host/Origin guard of /dev/* covers /_console too.
  const foreign = await fetch(`${cloud.url}/_console/api/collections`, { headers: { origin: 'http://evil.example' } })
  expect(foreign.status).toBe(403)
  expect(errors).toEqual([])
}, 180000)
