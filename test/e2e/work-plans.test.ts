/**
 * Work plans in a real browser: the committee pastes the Hunan 2021 plan, sees its 10 points and the cover_text
 * warning, publishes and assigns it to every branch; a secretary opens point 1 on the 工作要点 tab, writes a note,
 * links an activity and marks it done; the committee's progress page shows it done for that branch, per point and per
 * branch. The same plan chosen as a .docx file previews the same points, and so do its printed .pdf and a 任务分解表
 * .xlsx; a scanned PDF and an old .doc are refused with their reason and no preview.
 * E2E_SHOTS=1 also writes 390×844 screenshots into test-results/.
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { makeDocx } from '../support/docx'
import { layoutPdf, makePdf } from '../support/pdf'
import { makeTableXlsx } from '../support/plan-tables'
import { e2eWorld, goTo } from '../support/browser'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const world = e2eWorld()

const PLAN_TEXT = fs.readFileSync(SAMPLE_PLAN_TXT, 'utf8')
const POINT_1 = '强化党的科学理论武装'
const NOTE = `支部开展专题学习 ${Date.now() % 100000}`
const SHOTS = !!process.env.E2E_SHOTS

let planId = ''

const person = (openid: string) => world.person(openid)

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `test-results/${name}.png` })
}

test('the committee imports the fixture plan, publishes it and assigns it to every branch', async () => {
  const { page } = await person('dev-committee-admin')
  await goTo(page, world.url, 'pages/work-points/index')
  await page.getByTestId('open-plans-admin').click()
  await page.getByTestId('plan-import-new').click()
  await page.locator('[data-testid=plan-text] textarea, textarea[data-testid=plan-text]').first().fill(PLAN_TEXT)
  await page.getByTestId('plan-parse').click()

  await page.getByTestId('plan-preview').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('plan-point').count()).toBe(10)
  await page.getByTestId('plan-warning-cover_text').first().waitFor()
  expect(await page.getByTestId('plan-point').first().innerText()).toContain(POINT_1)
  await shot(page, 'e2e-committee-import-preview')

  await page.getByTestId('plan-publish').click()
  await page.getByTestId('assign-form').waitFor({ timeout: 20000 })
  planId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? ''
  expect(planId).not.toBe('')
  expect(await page.getByTestId('assign-row').count()).toBe(10)
  await page.getByTestId('assign-submit').click()
  const result = page.getByTestId('assign-result')
  await result.waitFor({ timeout: 20000 })
  expect(await result.innerText()).toMatch(/新建 [1-9]\d* 项任务/)
  await shot(page, 'e2e-committee-assign')
})

test('a secretary opens point 1 on the 工作要点 tab and completes it with a note and an activity', async () => {
  expect(planId).not.toBe('')
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, 'pages/work-points/index')
  const item = page.getByTestId('assignment-item').filter({ hasText: POINT_1 })
  await item.waitFor({ timeout: 20000 })
  await shot(page, 'e2e-secretary-work-points')
  await item.click()

  await page.getByTestId('point-title').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('point-view').innerText()).toContain('张辉学')
  await page.locator('[data-testid=report-note] textarea, textarea[data-testid=report-note]').first().fill(NOTE)
  await page.getByTestId('report-activity').first().click({ timeout: 20000 })
  await page.getByTestId('report-done').click()
  await page.getByTestId('report-submit').click()
  const log = page.getByTestId('report-item').filter({ hasText: NOTE })
  await log.waitFor({ timeout: 20000 })
  expect(await log.innerText()).toContain('标记完成')
  expect(await page.getByTestId('point-view').innerText()).toContain('已完成')
  if (SHOTS) {
    await page.waitForTimeout(1800) // the toast fades
    await page.evaluate(() => window.scrollTo(0, 0))
  }
  await shot(page, 'e2e-secretary-point')
})

test("the committee's progress page shows point 1 done for that branch", async () => {
  const branchName = SEED_BRANCHES.find((b) => b.secretary.openid === 'dev-secretary-1')!.name
  const { page } = await person('dev-committee-admin')
  await goTo(page, world.url, `packages/plans/pages/progress/index?id=${encodeURIComponent(planId)}`)
  const row = page.getByTestId('progress-point').filter({ hasText: POINT_1 })
  await row.waitFor({ timeout: 20000 })
  expect(await row.innerText()).toMatch(/完成 1\/\d+/)
  await row.click()
  const status = page.getByTestId('progress-drill-row').filter({ hasText: branchName })
  await status.waitFor({ timeout: 20000 })
  expect(await status.innerText()).toContain('已完成')
  await shot(page, 'e2e-committee-progress')

  // Per branch: the branch's row opens its ten points, point 1 done and the rest not, each leading to its page.
  const branchRow = page.getByTestId('progress-branch').filter({ hasText: branchName })
  expect(await branchRow.innerText()).toMatch(/完成 1\/10/)
  await branchRow.getByText(branchName).click()
  const points = branchRow.getByTestId('progress-drill-row')
  await points.first().waitFor({ timeout: 20000 })
  expect(await points.count()).toBe(10)
  expect(await points.filter({ hasText: POINT_1 }).innerText()).toContain('已完成')
  expect(await points.filter({ hasText: '已完成' }).count()).toBe(1)
  await shot(page, 'e2e-committee-progress-branch')
  await points.filter({ hasText: POINT_1 }).click()
  await page.getByTestId('point-title').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('point-view').innerText()).toContain(NOTE)
})

test('the committee chooses the plan as a .docx file and sees the same ten points to check', async () => {
  const { page } = await person('dev-committee-admin')
  await goTo(page, world.url, 'packages/plans/pages/import/index')
  const paragraphs = PLAN_TEXT.split('\n').filter((l) => l.trim() !== '')
  await page.getByTestId('plan-file-input').setInputFiles({
    name: '2021年工作要点.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await makeDocx(paragraphs),
  })
  await page.getByTestId('plan-preview').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('plan-point').count()).toBe(10)
  expect(await page.getByTestId('plan-point').first().innerText()).toContain(POINT_1)
  await page.getByTestId('plan-warning-cover_text').first().waitFor()
  await page.getByTestId('plan-save').click()
  await page.getByTestId('plan-saved').waitFor({ timeout: 20000 })
})

test('the committee chooses the printed .pdf and a 任务分解表 .xlsx; a scan and an old .doc are refused with their reason', async () => {
  const { page } = await person('dev-committee-admin')
  await goTo(page, world.url, 'packages/plans/pages/import/index')
  const input = page.getByTestId('plan-file-input')
  expect(await input.getAttribute('accept')).toContain('.pdf')
  expect(await page.getByTestId('plan-file-hint').innerText()).toContain('10 MB')

  // A scan: uploaded, refused by the cloud with the reason, no preview.
  await input.setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: makePdf([[], []]) })
  await page.getByText('这是扫描件，没有可提取的文字，请上传 Word 或文字版 PDF').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('plan-preview').count()).toBe(0)
  // An old .doc: refused on the page before any upload.
  await input.setInputFiles({ name: '旧计划.doc', mimeType: 'application/msword', buffer: Buffer.from('old') })
  await page.getByText('不支持旧版 .doc 文件').waitFor()
  expect(await page.getByTestId('plan-preview').count()).toBe(0)

  const paragraphs = PLAN_TEXT.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  await input.setInputFiles({ name: '2021年工作要点.pdf', mimeType: 'application/pdf', buffer: layoutPdf(paragraphs, { runningHeader: '湖南省科协社会组织行业党委' }) })
  await page.getByTestId('plan-preview').waitFor({ timeout: 30000 })
  expect(await page.getByTestId('plan-point').count()).toBe(10)
  expect(await page.getByTestId('plan-point').first().innerText()).toContain(POINT_1)
  await page.getByTestId('plan-warning-pdf_running_text').first().waitFor()
  await shot(page, 'e2e-committee-import-pdf')

  const xlsx = await makeTableXlsx('2022年工作要点任务分解表', [
    ['1', '一、组织建设', '报送党建工作情况', '各支部书记', '每季度'],
    ['2', '一、组织建设', '完成党员信息核对', '组织委员', '9月30日前'],
  ])
  await goTo(page, world.url, 'packages/plans/pages/import/index')
  await page.getByTestId('plan-file-input').setInputFiles({ name: '任务分解表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx })
  await page.getByTestId('plan-preview').waitFor({ timeout: 30000 })
  const points = page.getByTestId('plan-point')
  expect(await points.count()).toBe(2)
  expect(await points.first().innerText()).toContain('报送党建工作情况')
  expect(await points.first().innerText()).toContain('2022年3月31日')
  expect(await points.nth(1).innerText()).toContain('2022年9月30日')
  await shot(page, 'e2e-committee-import-xlsx')
})
