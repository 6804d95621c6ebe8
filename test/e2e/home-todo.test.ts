/**
 * 首页's 待办 block in a real browser (H5 build on the local cloud), one journey per role: the secretary sees their
 * branch's late point before the open sign-in, the session to record and the point due tomorrow, with 已逾期 / 还剩
 * in words and a count; a member sees only the session they can sign in to now (not the 支委会 or the points) and
 * signing in takes it off; the committee sees the point late in how many branches. E2E_SHOTS=1 writes 390×844
 * screenshots into docs/screenshots/.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const RUN = Date.now() % 100000
const LATE = `完成党员信息核对${RUN}`
const SOON = `报送年度党建工作总结${RUN}`
const OPEN_SESSION = `冬训学习${RUN}`
const HELD_SESSION = `支委会研究${RUN}`
const SECRETARY = SEED_BRANCHES[0].secretary.openid
/** 赵磊: a member of branch 1 with no 支委 post, so not expected at a 支委会. */
const MEMBER = 'dev-member-1b'
const DAY = 86_400_000

const world = e2eWorld()

const beijingDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10)

beforeAll(async () => {
  const committee = apiAs(world.url, 'dev-committee-admin')
  const now = Date.now()
  const year = Number(beijingDay(now).slice(0, 4))
  const plan = {
    title: `待办测试工作要点 ${RUN}`, docNumber: null, issuer: null, issuedOn: null, year, intro: '', warnings: [],
    sections: [{ seq: 1, title: '一、组织建设', points: [
      { seq: 1, title: LATE, body: '按期完成。', responsible: [], forAllBranches: true, timeHints: [] },
      { seq: 2, title: SOON, body: '按期报送。', responsible: [], forAllBranches: true, timeHints: [] },
    ] }],
  }
  const saved = await ok(committee('workPlans.save', { plan }))
  await ok(committee('workPlans.publish', { planId: saved.id }))
  const branches = await ok(committee('branches.list', {}))
  const b1 = branches.items.find((b) => b.name === SEED_BRANCHES[0].name)!.id
  await ok(committee('workPlans.assign', { planId: saved.id, branchIds: [b1], points: [{ seq: 1, dueOn: beijingDay(now - 2 * DAY) }, { seq: 2, dueOn: beijingDay(now + DAY) }] }))
  const secretary = apiAs(world.url, SECRETARY)
  // Starts in 10 minutes: its sign-in opened 20 minutes ago.
  const soon = new Date(now + 10 * 60_000)
  await ok(secretary('activities.plan', { branchId: b1, type: 'theme_day', topic: OPEN_SESSION, place: '学会会议室', startAt: soon.toISOString(), endAt: new Date(soon.getTime() + 2 * 3600_000).toISOString(), host: '李建国', clientRequestId: `todo-open-${RUN}` }))
  // Held yesterday and not recorded yet.
  const held = new Date(now - DAY)
  await ok(secretary('activities.plan', { branchId: b1, type: 'committee_meeting', topic: HELD_SESSION, place: '学会会议室', startAt: held.toISOString(), endAt: new Date(held.getTime() + 3600_000).toISOString(), host: '李建国', clientRequestId: `todo-held-${RUN}` }))
}, 180_000)
const person = (openid: string) => world.person(openid)
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
/** The block's lines as shown, after 展开全部 when there are more than five. */
async function todoLines(page: Page): Promise<string[]> {
  await shown(page, 'home-todo').waitFor({ timeout: 30_000 })
  if (await shown(page, 'home-todo-more').count()) await shown(page, 'home-todo-more').click()
  return (await shown(page, 'home-todo-item').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
}

test('secretary: late point first, then the open sign-in, the session to record and the point due tomorrow, counted', async () => {
  const { page } = await person(SECRETARY)
  await goTo(page, world.url, 'pages/home/index')
  await shown(page, 'home-todo').waitFor({ timeout: 30_000 })
  await shot(page, 'home-todo-secretary')
  const lines = await todoLines(page)
  const at = (text: string) => lines.findIndex((l) => l.includes(text))
  expect(lines[at(LATE)]).toBe(`${LATE} 已逾期 2 天`)
  expect(lines[at(OPEN_SESSION)]).toBe(`主题党日「${OPEN_SESSION}」 正在签到`)
  expect(lines[at(HELD_SESSION)]).toMatch(new RegExp(`^支委会「${HELD_SESSION}」 \\d+月\\d+日召开，待记录$`))
  expect(lines[at(SOON)]).toBe(`${SOON} 还剩 1 天`)
  expect(at(LATE)).toBeLessThan(at(OPEN_SESSION))
  expect(at(OPEN_SESSION)).toBeLessThan(at(HELD_SESSION))
  expect(at(HELD_SESSION)).toBeLessThan(at(SOON))
  // Every late line comes before every line that is not late.
  const late = lines.map((l) => l.includes('已逾期')).lastIndexOf(true)
  expect(lines.slice(0, late + 1).every((l) => l.includes('已逾期') || l.includes('被退回'))).toBe(true)
  expect(await shown(page, 'home-todo-count').innerText()).toBe(String(lines.length))

  // A line opens its page: the late point's report page.
  await shown(page, 'home-todo-item').filter({ hasText: LATE }).click()
  await page.waitForURL(/packages\/plans\/pages\/point\/index/, { timeout: 30_000 })
  await page.getByText(LATE).filter({ visible: true }).first().waitFor({ timeout: 30_000 })
}, 180_000)

test('secretary: 记录活动 offers the session waiting for its record first, and opens that plan (user walk: it ignored it)', async () => {
  const { page } = await person(SECRETARY)
  await goTo(page, world.url, 'pages/home/index')
  await shown(page, 'home-todo').waitFor({ timeout: 30_000 })
  await shown(page, 'home-record-activity').click()
  const offer = page.getByText(`记录：支委会「${HELD_SESSION}」`).filter({ visible: true }).first()
  await offer.waitFor({ timeout: 10_000 })
  await expect(page.getByText('记录其他活动').filter({ visible: true }).count()).resolves.toBe(1)
  await offer.click()
  await page.waitForURL(/packages\/activities\/pages\/edit\/index\?id=/, { timeout: 30_000 })
  // The plan's own fields are in the form: its topic, not an empty record.
  await page.waitForFunction((t) => [...document.querySelectorAll('input, textarea')].some((e) => (e as HTMLInputElement).value === t), HELD_SESSION, { timeout: 30_000 })
}, 120_000)

test('secretary: compliance says a missing 主题党日 is planned, and when; its row opens the session (#16.7)', async () => {
  const branches = await ok(apiAs(world.url, SECRETARY)('session.get', {}))
  const b1 = branches.roles.find((r) => r.role === 'secretary')!.branchId!
  const c = await ok(apiAs(world.url, SECRETARY)('compliance.branch', { branchId: b1 }))
  const themeDay = c.items.find((i) => i.type === 'theme_day')!
  expect(themeDay.sessions?.some((x) => x.topic === OPEN_SESSION && x.status === 'planned')).toBe(true)
  if (themeDay.status !== 'done') {
    expect(themeDay.sentence).toMatch(/（已计划 \d+月\d+日 \d\d:\d\d）$/)
    expect(c.gaps).toContain(themeDay.sentence)
  }
  const { page } = await person(SECRETARY)
  await goTo(page, world.url, `packages/inbox/pages/compliance/index?branchId=${b1}`)
  const row = shown(page, 'compliance-session').filter({ hasText: OPEN_SESSION })
  await row.waitFor({ timeout: 30_000 })
  expect(await row.innerText()).toMatch(/^已计划 \d+月\d+日 \d\d:\d\d /)
  await shown(page, 'compliance-item-theme_day').scrollIntoViewIfNeeded()
  await shot(page, 'compliance-planned')
  await row.click()
  await page.waitForURL(/packages\/activities\/pages\/detail\/index/, { timeout: 30_000 })
  await page.getByTestId('activity-detail').filter({ visible: true }).waitFor({ timeout: 30_000 })
}, 180_000)

test('member: only the session open for sign-in now, not the 支委会 or the points; signing in takes it off', async () => {
  const { page } = await person(MEMBER)
  await goTo(page, world.url, 'pages/home/index')
  const lines = await todoLines(page)
  await shot(page, 'home-todo-member')
  expect(lines).toContain(`主题党日「${OPEN_SESSION}」 正在签到，去签到`)
  expect(lines.some((l) => l.includes(HELD_SESSION) || l.includes(LATE) || l.includes(SOON))).toBe(false)
  expect(lines.some((l) => l.includes('已逾期') || l.includes('支委会'))).toBe(false)

  await shown(page, 'home-todo-item').filter({ hasText: OPEN_SESSION }).click()
  await page.waitForURL(/packages\/activities\/pages\/sign-in\/index/, { timeout: 30_000 })
  // The sign-in page signs in as it opens (the same page a scanned code opens).
  await shown(page, 'sign-in-result').filter({ hasText: '签到成功' }).waitFor({ timeout: 30_000 })
  await goTo(page, world.url, 'pages/home/index')
  await page.reload()
  const after = await todoLines(page)
  expect(after.some((l) => l.includes(OPEN_SESSION))).toBe(false)
}, 180_000)

test('committee: the point late in one branch, with the longest delay, and the one due tomorrow', async () => {
  const { page } = await person('dev-committee-admin')
  await goTo(page, world.url, 'pages/home/index')
  const lines = await todoLines(page)
  await shot(page, 'home-todo-committee')
  expect(lines).toContain(`${LATE} 1 个支部逾期，最长 2 天`)
  expect(lines).toContain(`${SOON} 1 个支部未完成，还剩 1 天`)
  expect(lines.findIndex((l) => l.startsWith(LATE))).toBeLessThan(lines.findIndex((l) => l.startsWith(SOON)))
  await shown(page, 'home-todo-item').filter({ hasText: LATE }).click()
  await page.waitForURL(/packages\/plans\/pages\/progress\/index/, { timeout: 30_000 })
}, 180_000)
