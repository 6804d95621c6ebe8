/**
 * #16 items 13, 14 and 16 as a person meets them in the browser at 390×844 (H5 build on the local cloud): tap targets
 * of at least 44 × 44 px, the branch page's order (people waiting to join first, 撤销支部 last and closed), dates in
 * 2026年12月3日 style, the heatmap's shared prefix, the notice form's empty audience, the H5 title bar with back and
 * home, a changed URL on the same page, a sub-package that cannot be fetched offline, and the welcome's scroll.
 * Screenshots go to test-results/ (docs/screenshots/ with E2E_SHOTS=1).
 */
import fs from 'node:fs'
import { PNG } from 'pngjs'
import type { Locator, Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo, PHONE } from '../support/browser'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const RUN = Date.now() % 100000
const ADMIN = 'dev-committee-admin'
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const MEMBER = 'dev-member-1b'
const world = e2eWorld()
let branch1 = ''
let sessionA = ''
let sessionB = ''

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(600)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
async function size(target: Locator): Promise<{ width: number; height: number }> {
  const box = await target.boundingBox()
  if (!box) throw new Error('not on screen')
  return { width: Math.round(box.width), height: Math.round(box.height) }
}
const atLeast44 = (s: { width: number; height: number }) => expect(Math.min(s.width, s.height)).toBeGreaterThanOrEqual(44)

function tinyPng(shade: number): Buffer {
  const png = new PNG({ width: 64, height: 48 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([shade, 120, 60, 255], i)
  return PNG.sync.write(png)
}

beforeAll(async () => {
  const committee = apiAs(world.url, ADMIN)
  const branches = await ok(committee('branches.list', {}))
  branch1 = branches.items.find((b) => b.name === SEED_BRANCHES[0].name)!.id
  const secretary = apiAs(world.url, SECRETARY)
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
  sessionA = (await ok(secretary('activities.plan', { branchId: branch1, type: 'theme_day', topic: `甲活动${RUN}`, place: '学会会议室', startAt: at(3), host: '李建国', clientRequestId: `fit-a-${RUN}` }))).id
  sessionB = (await ok(secretary('activities.plan', { branchId: branch1, type: 'theme_day', topic: `乙活动${RUN}`, place: '科技馆', startAt: at(4), host: '李建国', clientRequestId: `fit-b-${RUN}` }))).id
  // The member is told of a change (an inbox line that opens the session elsewhere: 查看 ›).
  const planned = await ok(secretary('activities.get', { id: sessionA }))
  await ok(secretary('activities.changePlan', { id: sessionA, expectedVersion: planned.version ?? 1, place: '三楼会议室', notify: true }))
}, 180_000)

test('secretary: the branch page puts the waiting request first; 改名 and the calendar days are 44 px targets', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/org/pages/branch/index?id=${branch1}`)
  await shown(page, 'branch-page').waitFor({ timeout: 30_000 })
  await shown(page, 'join-request').first().waitFor({ timeout: 20_000 })
  const titles = (await page.locator('.section__title').allInnerTexts()).map((t) => t.trim())
  expect(titles[0]).toMatch(/^入支申请（1 人待审核）/)
  expect(titles.indexOf('党小组')).toBeGreaterThan(0)
  // A secretary cannot archive the branch: no 撤销 anywhere.
  expect(await page.getByText('撤销支部').count()).toBe(0)
  await shot(page, 'branch-page-secretary')
  atLeast44(await size(shown(page, 'group-rename').first()))

  await goTo(page, world.url, 'packages/activities/pages/upcoming/index')
  await shown(page, 'upcoming-view-calendar').click()
  const day = shown(page, 'month-calendar').locator('[data-testid^=calendar-day-]').nth(10)
  await day.waitFor({ timeout: 30_000 })
  atLeast44(await size(day))
  atLeast44(await size(shown(page, 'calendar-prev')))
})

test('committee: 撤销支部 last and closed until asked; dates read 2026年…; heatmap names without 「湖南省」; chips 44 px high', async () => {
  const { page } = await world.person(ADMIN)
  await goTo(page, world.url, `packages/org/pages/branch/index?id=${branch1}`)
  await shown(page, 'branch-page').waitFor({ timeout: 30_000 })
  const titles = (await page.locator('.section__title').allInnerTexts()).map((t) => t.trim())
  expect(titles[titles.length - 1]).toBe('撤销支部')
  expect(await page.locator('#archive-reason, [data-testid=archive-reason]').count()).toBe(0)
  await shown(page, 'branch-archive-open').click()
  await shown(page, 'branch-archive-box').waitFor()
  await shot(page, 'branch-page-archive')

  // Long names stay whole (the kind tag moves under the name rather than the name breaking mid-word).
  const branches = await ok(apiAs(world.url, ADMIN)('branches.list', {}))
  const joint = branches.items.find((b) => b.name === SEED_BRANCHES[2].name)!.id
  await goTo(page, world.url, `packages/org/pages/branch/index?id=${joint}`)
  await shown(page, 'branch-name-title').waitFor({ timeout: 30_000 })
  const title = await shown(page, 'branch-name-title').boundingBox()
  expect(title!.height).toBeLessThan(40)
  await shot(page, 'branch-page-long-name')
  await goTo(page, world.url, 'packages/org/pages/branches/index')
  await page.getByText(SEED_BRANCHES[2].name).first().waitFor({ timeout: 30_000 })
  await shot(page, 'branch-list-names')

  await goTo(page, world.url, 'packages/committee/pages/dashboard/index')
  await shown(page, 'dashboard-branch').first().waitFor({ timeout: 30_000 })
  const last = await page.locator('.rows__last').first().innerText()
  expect(last).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  for (const id of ['filter-all', 'filter-overdue', 'sort-name']) expect((await size(shown(page, id))).height).toBeGreaterThanOrEqual(44)
  await shown(page, 'heatmap-prefix').waitFor({ timeout: 20_000 })
  expect(await shown(page, 'heatmap-prefix').innerText()).toContain('「湖南省」和「党支部」')
  await shown(page, 'heatmap').scrollIntoViewIfNeeded()
  await shot(page, 'dashboard-heatmap')

  // The notice form before anyone is chosen: what to do, no 「0 个支部（）」.
  await goTo(page, world.url, 'packages/inbox/pages/notice/index')
  await shown(page, 'notice-audience').waitFor({ timeout: 30_000 })
  await page.getByText('指定支部', { exact: true }).first().click()
  expect(await shown(page, 'notice-audience').innerText()).toBe('请选择发送对象：还没有选支部')
  await shot(page, 'notice-audience-empty')
})

test('member: no 支委会 gap on 首页; 查看 › and the photo arrows are 44 px targets', async () => {
  const { page } = await world.person(MEMBER)
  await goTo(page, world.url, 'pages/home/index')
  await shown(page, 'home-compliance').waitFor({ timeout: 30_000 })
  expect(await shown(page, 'home-compliance').innerText()).not.toContain('支委会')

  await goTo(page, world.url, 'packages/inbox/pages/inbox/index')
  const open = page.locator('.inbox__open').first()
  await open.waitFor({ timeout: 30_000 })
  atLeast44(await size(open))
  await shot(page, 'inbox-open-target')

  const secretary = await world.person(SECRETARY)
  await goTo(secretary.page, world.url, 'packages/activities/pages/edit/index')
  await secretary.page.getByTestId('activity-photo-input').setInputFiles([
    { name: 'a.png', mimeType: 'image/png', buffer: tinyPng(40) },
    { name: 'b.png', mimeType: 'image/png', buffer: tinyPng(200) },
  ])
  await shown(secretary.page, 'photo-left').nth(1).waitFor({ timeout: 30_000 })
  for (const id of ['photo-left', 'photo-right', 'photo-remove']) atLeast44(await size(shown(secretary.page, id).first()))
  await shown(secretary.page, 'photo-tile').first().scrollIntoViewIfNeeded()
  await shot(secretary.page, 'photo-grid-targets')
})

test('H5: a sub-page has a title bar with back (or home when opened directly); a changed id loads the other record', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${sessionA}`)
  await shown(page, 'activity-detail').waitFor({ timeout: 30_000 })
  const bar = page.locator('#taro-navigation-bar')
  expect(await bar.locator('.taro-navigation-bar-title').innerText()).toBe('活动详情')
  // Opened by its URL: nothing to go back to, so the bar offers home.
  const home = page.getByTestId('nav-home')
  atLeast44(await size(home))
  expect(await page.locator(`text=甲活动${RUN}`).count()).toBeGreaterThan(0)
  await shot(page, 'h5-title-bar-detail')

  // The URL changed to another record: the page shows that record, not the one before.
  await page.evaluate((id) => (window.location.hash = `#/packages/activities/pages/detail/index?id=${id}`), sessionB)
  await page.getByText(`乙活动${RUN}`).filter({ visible: true }).first().waitFor({ timeout: 20_000 })
  expect(await page.getByText(`甲活动${RUN}`).filter({ visible: true }).count()).toBe(0)

  // From a tab into a sub-page: a back arrow that returns.
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-subscribe').click()
  const back = page.getByTestId('nav-back')
  await back.waitFor({ state: 'visible', timeout: 30_000 })
  atLeast44(await size(back))
  await shot(page, 'h5-title-bar-back')
  await back.click()
  await page.waitForFunction(() => location.hash.includes('pages/me/index'), undefined, { timeout: 10_000 })
})

test('secretary: 改期 opens in view; the join field shows a 10-character code', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${sessionB}`)
  await shown(page, 'plan-change').click()
  const form = shown(page, 'plan-change-form')
  await form.waitFor({ timeout: 20_000 })
  await page.waitForTimeout(800)
  const box = (await form.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeLessThan(844 / 2)
  await shot(page, 'plan-change-in-view')

  await goTo(page, world.url, 'pages/me/index')
  // Someone already in a branch opens the form with 我有邀请码 (the walk found it always shown, to members too).
  const show = page.getByTestId('show-join')
  await show.waitFor({ timeout: 30_000 })
  expect((await show.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  expect(await page.locator('[data-testid=join-code]').count()).toBe(0)
  await show.click()
  const code = page.locator('[data-testid=join-code] input, input[data-testid=join-code]').first()
  await code.waitFor({ state: 'attached', timeout: 30_000 })
  const example = ((await code.getAttribute('placeholder')) ?? '').replace(/^例如\s*/, '')
  expect(example).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)
})

test('forms: the minutes field stops growing at half the screen (its counter stays in view); the importer\'s 编辑 is a 44 px target', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'packages/activities/pages/edit/index')
  const minutes = page.locator('[data-testid=activity-minutes] textarea, textarea[data-testid=activity-minutes]').first()
  await minutes.waitFor({ timeout: 30_000 })
  await minutes.fill(Array.from({ length: 200 }, (_, i) => `第${i + 1}项：传达学习全会精神，讨论发展党员事项。`).join('\n'))
  await minutes.scrollIntoViewIfNeeded()
  expect((await size(minutes)).height).toBeLessThanOrEqual(844 / 2 + 1)
  await shown(page, 'activity-minutes-count').scrollIntoViewIfNeeded()
  await shot(page, 'minutes-capped')

  const admin = await world.person(ADMIN)
  await goTo(admin.page, world.url, 'packages/plans/pages/import/index')
  await admin.page.locator('[data-testid=plan-text] textarea, textarea[data-testid=plan-text]').first().fill(fs.readFileSync(SAMPLE_PLAN_TXT, 'utf8'))
  await shown(admin.page, 'plan-parse').click()
  const edit = admin.page.locator('.plan-point__toggle').first()
  await edit.waitFor({ timeout: 30_000 })
  atLeast44(await size(edit))
  await edit.scrollIntoViewIfNeeded()
  await shot(admin.page, 'import-edit-targets')
})

test('H5 offline: a sub-package that cannot be fetched says so and 重试 opens it once the network is back', async () => {
  const { page, context } = await world.person(MEMBER)
  await page.getByTestId('greeting').waitFor({ timeout: 30_000 })
  await context.setOffline(true)
  // 消息 lives in the inbox sub-package, not fetched yet on this page.
  await page.getByTestId('home-inbox').click()
  await page.getByTestId('load-failed').waitFor({ timeout: 20_000 })
  expect(await page.getByTestId('load-failed').innerText()).toContain('页面没有加载出来')
  await shot(page, 'h5-offline-subpackage')
  await page.getByTestId('load-failed-retry').click()
  await page.getByText('仍然连不上网络').waitFor({ timeout: 10_000 })
  await context.setOffline(false)
  await page.getByTestId('load-failed-retry').click()
  await page.waitForURL(/packages\/inbox\/pages\/inbox/, { timeout: 20_000 })
  await page.getByTestId('inbox-list').or(page.getByText('暂无消息')).first().waitFor({ timeout: 30_000 })
})

test('welcome: the person chosen far down the list enters 首页 at its top', async () => {
  const { page, context } = await openFresh()
  await page.getByTestId('dev-welcome').waitFor({ timeout: 30_000 })
  const who = page.getByTestId(`dev-welcome-${MEMBER}`)
  await who.scrollIntoViewIfNeeded()
  expect(await scrollTop(page)).toBeGreaterThan(0)
  await who.click()
  await page.getByTestId('greeting').waitFor({ timeout: 30_000 })
  await page.waitForTimeout(500)
  expect(await scrollTop(page)).toBe(0)
  await context.close()
})

const scrollTop = (page: Page) =>
  page.evaluate(() => Math.max(window.scrollY, document.documentElement.scrollTop, ...[...document.querySelectorAll('.taro_page')].map((e) => e.scrollTop)))

/** A browser context with no dev identity chosen: the welcome. */
async function openFresh() {
  const browser = (await world.person(ADMIN)).context.browser()!
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await page.goto(`${world.url}/#/pages/home/index`)
  return { context, page }
}
