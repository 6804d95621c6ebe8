/**
 * The console's 存储文件 tab (cloud/local/console.ts, console-storage.ts) in Chromium at desktop width: the stored
 * files with size and uploader, an image opened in the page, a document offered as a download. Screenshot
 * (E2E_SHOTS=1): docs/screenshots/console-storage.png.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startCloudAndBrowser } from '../support/browser'
import { REPO_ROOT, sdkFor, type LocalCloudHandle } from '../support/local-cloud'
import { uploadFile } from '../support/api'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'

const shots = process.env.E2E_SHOTS === '1'
let cloud: LocalCloudHandle
let browser: Browser
let page: Page
const errors: string[] = []

beforeAll(async () => {
  ;[cloud, browser] = await startCloudAndBrowser({ seed: false, timeoutMs: 90000 })
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
}, 120000)
afterAll(async () => {
  await browser?.close()
  await cloud?.stop()
})

test('the stored files are listed; an image opens in the page, a document is a download', async () => {
  const photo = drawSeedPhoto(1)
  await uploadFile(cloud.url, photo, 'site.png', 'image/png', 'activities/b1/site.png', 'dev-secretary-1')
  await sdkFor(cloud.url).uploadFile({ cloudPath: 'exports/党员名册.xlsx', fileContent: Buffer.from('PK not really a workbook') })

  await page.goto(`${cloud.url}/_console`)
  await page.locator('#nav button', { hasText: '存储文件' }).click()
  await page.getByText('2 个文件').waitFor()
  const image = page.locator('#body tr.click', { hasText: 'activities/b1/site.png' })
  await expect(image.textContent()).resolves.toContain('dev-secretary-1')
  await expect(page.locator('#body tr.click', { hasText: 'exports/党员名册.xlsx' }).textContent()).resolves.toContain('云函数')

  await image.click()
  const img = page.locator('#fileimg')
  await img.waitFor()
  await expect(img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).resolves.toBe(true)
  if (shots) await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshots/console-storage.png') })

  await page.locator('#body tr.click', { hasText: 'exports/党员名册.xlsx' }).click()
  const link = page.locator('#file a', { hasText: '下载文件' })
  await link.waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('党员名册.xlsx')
  expect(errors).toEqual([])
})
