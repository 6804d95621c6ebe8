/**
 * The committee dashboard in a real browser: the committee opens 党委看板 from 首页, sees every seeded branch with
 * its score, exports the year-end workbook with a progress bar and downloads it; the file's numbers are the ones
 * the dashboard shows. A secretary exports their branch's record book from the branch page and it holds a topic.
 * E2E_SHOTS=1 also writes 390×844 screenshots to docs/screenshots/committee-*.png.
 */
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import type { Page } from 'playwright-core'
import { apiAs, identities, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'
import { distinctNames } from '../../src/features/dashboard/charts/options'

const world = e2eWorld()

const SHOTS = !!process.env.E2E_SHOTS
// jest 30 ignores a project-level testTimeout: set it here.

const person = (openid: string) => world.person(openid)
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
  const overview = await ok(apiAs(world.url, 'dev-committee-admin')('dashboard.overview', { year, limit: 100 }))
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
  const silent = await ok(apiAs(world.url, 'dev-committee-admin')('dashboard.overview', { year, filter: 'silent', limit: 100 }))
  await page.getByTestId('filter-silent').click()
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dashboard-branch]').length === n || (n === 0 && !!document.querySelector('.state--empty')), silent.items.length)
  await page.getByTestId('filter-all').click()
  await page.getByTestId('dashboard-branch').first().waitFor()

  // A search by part of a name keeps the branches the cloud finds; one that matches nothing says so.
  const word = overview.items[0].name.slice(3, 6)
  const found = await ok(apiAs(world.url, 'dev-committee-admin')('dashboard.overview', { year, q: word, limit: 100 }))
  expect(found.items.length).toBeGreaterThan(0)
  await page.getByTestId('dashboard-search').fill(word)
  await page.getByTestId('dashboard-search-submit').click()
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dashboard-branch]').length === n, found.items.length)
  for (const name of await page.getByTestId('dashboard-branch').allInnerTexts()) expect(name).toContain(word)
  await page.getByTestId('dashboard-search').fill('不存在的支部名')
  await page.getByTestId('dashboard-search-submit').click()
  await page.getByText('没有名称含“不存在的支部名”的支部').waitFor({ timeout: 20000 })
  await page.getByTestId('dashboard-search').fill('')
  await page.getByTestId('dashboard-search-submit').click()
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dashboard-branch]').length === n, overview.items.length)

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
  await goTo(page, world.url, 'packages/committee/pages/dashboard/index')
  await page.getByTestId('dashboard-branch').first().click()
  await page.getByTestId('branch-detail').waitFor({ timeout: 20000 })
  await shot(page, 'committee-branch')
})

test('a secretary exports their branch record book from the branch page', async () => {
  const branchId = (await identities(world.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const list = await ok(apiAs(world.url, 'dev-secretary-1')('activities.list', { branchId, limit: 50 }))
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, `packages/org/pages/branch/index?id=${branchId}`)
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

test('the charts: the heatmap names the least active branches and a tap on one opens it; the points chart gives each rate', async () => {
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
  const committee = apiAs(world.url, 'dev-committee-admin')
  // A plan with two points for every branch; one branch (the first secretary's) reports point 1 done.
  const plan = {
    title: `看板图表 ${Date.now()}`, docNumber: null, issuer: null, issuedOn: null, year, intro: '', warnings: [],
    sections: [{ seq: 1, title: '一、组织建设', points: [1, 2].map((seq) => ({ seq, title: `图表要点${seq}`, body: '按期报送。', responsible: [], forAllBranches: true, timeHints: [] })) }],
  }
  const saved = await ok(committee('workPlans.save', { plan }))
  await ok(committee('workPlans.publish', { planId: saved.id }))
  await ok(committee('workPlans.assign', { planId: saved.id, branchIds: 'all', points: [{ seq: 1, dueOn: `${year}-12-31` }, { seq: 2, dueOn: `${year}-12-31` }] }))
  const secretary = apiAs(world.url, 'dev-secretary-1')
  const branchId = (await identities(world.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const mine = await ok(secretary('assignments.list', { branchId, planId: saved.id }))
  const first = mine.items.find((a) => a.pointSeq === 1)!
  await ok(secretary('assignments.report', { assignmentId: first.id, note: '已完成', markDone: true, clientRequestId: `chart-${Date.now()}` }))

  const heat = await ok(committee('dashboard.heatmap', { year }))
  const points = await ok(committee('dashboard.points', { year }))
  expect(points.planId).toBe(saved.id)

  const { page } = await person('dev-committee-admin')
  await goTo(page, world.url, 'packages/committee/pages/dashboard/index')
  // The heatmap is drawn by ECharts (SVG in the browser): one row label per branch, least active first.
  const heatSvg = page.getByTestId('heatmap-chart').locator('svg')
  await heatSvg.waitFor({ timeout: 20000 })
  const leastActive = [...heat.rows].sort((a, b) => a.total - b.total || a.name.localeCompare(b.name))[0]
  // On a phone the row labels keep only the words that set the names apart (charts/options.ts distinctNames).
  const label = distinctNames(heat.rows.map((r) => r.name))[heat.rows.findIndex((r) => r.branchId === leastActive.branchId)]
  const rowLabel = heatSvg.locator('text', { hasText: label.slice(0, 4) }).first()
  await rowLabel.waitFor()
  // The points chart: a completion rate written at the end of each point's bar.
  const pointsSvg = page.getByTestId('points-chart').locator('svg')
  await pointsSvg.waitFor({ timeout: 20000 })
  for (const p of points.points) await pointsSvg.locator('text', { hasText: `${p.rate}%` }).first().waitFor()
  expect(points.points.find((p) => p.seq === 1)!.rate).toBeGreaterThan(0)
  if (SHOTS) {
    await page.getByTestId('heatmap').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot(page, 'committee-charts')
  }

  // A tap on a branch's name in the heatmap opens that branch, with its month chart.
  await rowLabel.click()
  await page.getByTestId('branch-detail').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('branch-detail').innerText()).toContain(leastActive.name)
  await page.getByTestId('months-chart').locator('svg text', { hasText: '12月' }).waitFor({ timeout: 20000 })
})
