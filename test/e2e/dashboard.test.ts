/**
 * The committee dashboard in a real browser: the committee opens 党委看板 from 首页, sees every seeded branch with
 * its score, exports the year-end workbook with a progress bar and downloads it; the file's numbers are the ones
 * the dashboard shows. A secretary exports their branch's record book from the branch page and it holds a topic.
 * E2E_SHOTS=1 also writes 390×844 screenshots to docs/screenshots/committee-*.png.
 */
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import type { Browser, Page } from 'playwright-core'
import { apiAs, identities, ok } from '../support/api'
import { startCloudAndBrowser, openAs, goTo, type Person } from '../support/browser'
import type { LocalCloudHandle } from '../support/local-cloud'

const SHOTS = !!process.env.E2E_SHOTS
// jest 30 ignores a project-level testTimeout: set it here.
jest.setTimeout(120_000)
let cloud: LocalCloudHandle
let browser: Browser
const people: Person[] = []

beforeAll(async () => {
  ;[cloud, browser] = await startCloudAndBrowser()
})
afterAll(async () => {
  await browser?.close()
  await cloud?.stop()
})
afterEach(() => {
  for (const p of people) expect(p.errors).toEqual([])
})

async function person(openid: string) {
  const p = await openAs(browser, cloud.url, openid)
  people.push(p)
  return p
}
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return
  // Let Taro's page slide-in finish first.
  await page.waitForTimeout(800)
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const link = page.getByTestId('export-download')
  await link.waitFor({ timeout: 30000 })
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  const stream = await file.createReadStream()
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) }
}

test('the committee opens the dashboard and downloads the year-end workbook', async () => {
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
  const overview = await ok(apiAs(cloud.url, 'dev-committee-admin')('dashboard.overview', { year, limit: 100 }))
  expect(overview.items.length).toBeGreaterThan(0)

  const { page } = await person('dev-committee-admin')
  await page.getByTestId('home-dashboard').click()
  await page.getByTestId('dashboard').waitFor({ timeout: 20000 })
  await page.getByTestId('dashboard-branch').first().waitFor({ timeout: 20000 })
  expect(await page.getByTestId('dashboard-branch').count()).toBe(overview.items.length)
  expect(await page.getByTestId('tile-branches').innerText()).toBe(String(overview.summary.branches))
  await page.getByTestId('heatmap').waitFor()
  await shot(page, 'committee-dashboard')
  if (SHOTS) {
    await page.getByTestId('heatmap').scrollIntoViewIfNeeded()
    await shot(page, 'committee-heatmap')
    await page.evaluate(() => window.scrollTo(0, 0))
  }

  // A filter narrows the list to what the cloud says matches.
  const silent = await ok(apiAs(cloud.url, 'dev-committee-admin')('dashboard.overview', { year, filter: 'silent', limit: 100 }))
  await page.getByTestId('filter-silent').click()
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dashboard-branch]').length === n || (n === 0 && !!document.querySelector('.state--empty')), silent.items.length)
  await page.getByTestId('filter-all').click()
  await page.getByTestId('dashboard-branch').first().waitFor()

  await page.getByTestId('export-assessment').click()
  await page.getByTestId('export-panel').waitFor({ timeout: 20000 })
  const { name, bytes } = await download(page)
  expect(name).toBe(`${year}年度党支部考核汇总.xlsx`)
  await shot(page, 'committee-export')

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as any)
  const ws = wb.getWorksheet('年度考核汇总')!
  const cols = new Map<string, number>()
  ws.getRow(2).eachCell((c, col) => { if (typeof c.value === 'string' && !cols.has(c.value)) cols.set(c.value, col) })
  for (const row of overview.items) {
    let r = 4
    while (r <= ws.rowCount && ws.getCell(r, cols.get('支部')!).value !== row.name) r += 1
    expect(r).toBeLessThanOrEqual(ws.rowCount)
    expect(ws.getCell(r, cols.get('全年活动')!).value).toBe(row.recorded)
    expect(ws.getCell(r, cols.get('合规得分')!).value).toBe(row.score)
    expect(ws.getCell(r, cols.get('逾期未完成')!).value).toBe(row.overdue)
  }

  // The branch in detail, from the dashboard.
  await goTo(page, cloud.url, 'packages/committee/pages/dashboard/index')
  await page.getByTestId('dashboard-branch').first().click()
  await page.getByTestId('branch-detail').waitFor({ timeout: 20000 })
  await shot(page, 'committee-branch')
})

test('a secretary exports their branch record book from the branch page', async () => {
  const branchId = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const list = await ok(apiAs(cloud.url, 'dev-secretary-1')('activities.list', { branchId, limit: 50 }))
  const { page } = await person('dev-secretary-1')
  await goTo(page, cloud.url, `packages/org/pages/branch/index?id=${branchId}`)
  await page.getByTestId('open-record-book-export').click()
  const { name, bytes } = await download(page)
  expect(name).toMatch(/组织生活记录本\.docx$/)
  await shot(page, 'committee-record-book-export')
  const { value } = await mammoth.extractRawText({ buffer: bytes })
  const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear())
  const recorded = list.items.filter((a: { status?: string; startAt: string }) => a.status !== 'planned' && new Date(new Date(a.startAt).getTime() + 8 * 3600_000).toISOString().startsWith(year))
  expect(recorded.length).toBeGreaterThan(0)
  for (const a of recorded) expect(value).toContain(a.topic)
})
