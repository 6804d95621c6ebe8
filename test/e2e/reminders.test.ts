/**
 * Reminders in a real browser (the H5 build on the local cloud, real function bundles on the real SDK):
 * a secretary subscribes through the emulated consent sheet (H5 has no WeChat: 允许 records the grant with the
 * local cloud as WeChat would), the reminders trigger runs with `now` three days before a work point's due date,
 * and the outbox and the inbox page hold that reminder exactly once — a second run adds nothing; the home tab's
 * badge shows the unread count and drops after reading. The committee sends a notice to one branch and only that
 * branch's members find it in their inbox. E2E_SHOTS=1 writes its 390×844 screenshots into docs/screenshots/.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'
import { rawApiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()

const RUN = Date.now() % 100000
/** Short enough for a `thing` keyword (≤ 20 characters), so the message shows it whole. */
const POINT = `端到端要点${RUN}`
const NOTICE = `关于报送年度总结的通知${RUN}`
const SECRETARY = 'dev-secretary-1'
const BRANCH_1 = SEED_BRANCHES[0].name
const BRANCH_2 = SEED_BRANCHES[1].name
const DAY = 24 * 3600 * 1000

// A browser journey takes seconds per step on two shared cores (the project's testTimeout did not apply here).

/** The trigger's clock: a minute before the test started, three days before the point's due date. */
let triggerAt = ''

/** `t`, or, when it is before 08:00 in Beijing, 08:30 Beijing time the day before. */
function latestPlanningInstant(t: number): string {
  const beijing = new Date(t + 8 * 3600 * 1000)
  if (beijing.getUTCHours() >= 8) return new Date(t).toISOString()
  const yesterday = new Date(beijing.getTime() - DAY).toISOString().slice(0, 10)
  return new Date(`${yesterday}T08:30:00+08:00`).toISOString()
}

beforeAll(async () => {
  // A published plan with one point, assigned to branch 1, due three days from today (Beijing). The trigger runs
  // as of a minute ago: a clock ahead of the real one would date the inbox item after 全部已读's watermark.
  const committee = rawApiAs(world.url, 'dev-committee-admin')
  // Work points are planned in the first run from 08:00 Beijing time: between midnight and 08:00 the clock goes
  // back to yesterday 08:30 (still in the past, so the watermark argument holds).
  triggerAt = latestPlanningInstant(Date.now() - 60_000)
  const beijingToday = new Date(Date.parse(triggerAt) + 8 * 3600 * 1000).toISOString().slice(0, 10)
  const dueOn = new Date(Date.parse(`${beijingToday}T00:00:00Z`) + 3 * DAY).toISOString().slice(0, 10)
  const plan = {
    title: `端到端工作要点 ${RUN}`, docNumber: null, issuer: null, issuedOn: null, year: Number(dueOn.slice(0, 4)), intro: '', warnings: [],
    sections: [{ seq: 1, title: '一、组织建设', points: [{ seq: 1, title: POINT, body: '按期报送。', responsible: [], forAllBranches: true, timeHints: [] }] }],
  }
  const saved = await ok(committee<{ id: string }>('workPlans.save', { plan }))
  await ok(committee('workPlans.publish', { planId: saved.id }))
  const branches = await ok(committee<{ items: { id: string; name: string }[] }>('branches.list', {}))
  const b1 = branches.items.find((b) => b.name === BRANCH_1)!.id
  await ok(committee('workPlans.assign', { planId: saved.id, branchIds: [b1], points: [{ seq: 1, dueOn }] }))
})

const person = (openid: string) => world.person(openid)

/** Taro's H5 router keeps earlier pages in the DOM, hidden: look only at what is on screen. */
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
/** A fresh load of `route` alone (a reload drops the pages Taro's router keeps stacked behind it). */
async function reopen(page: Page, route: string) {
  await goTo(page, world.url, route)
  await page.reload()
}
/** 390×844 screenshots for docs/screenshots/ with E2E_SHOTS=1 (else test-results/), after Taro's page slide-in. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}

interface OutboxMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}
const outbox = async (): Promise<OutboxMessage[]> => (await fetch(`${world.url}/dev/outbox`)).json() as Promise<OutboxMessage[]>
const pointMessages = async () =>
  (await outbox()).filter(
    (m) => m.touser === SECRETARY && m.templateId === SUBSCRIPTION_TEMPLATES.assignment_due.id && Object.values(m.data).some((v) => v.value.includes(POINT)),
  )
const runTrigger = async () => {
  const res = await fetch(`${world.url}/cloud/triggers/reminders?now=${encodeURIComponent(triggerAt)}`, { method: 'POST' })
  expect(res.status).toBe(200)
}
/** Reads until it gives `want` (a mark made as the page changes may land a moment later), then asserts. */
async function eventually<T>(read: () => Promise<T>, want: T, ms = 10000) {
  const end = Date.now() + ms
  let value = await read()
  while (value !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200))
    value = await read()
  }
  expect(value).toBe(want)
}
const unreadOf = async (openid: string) => (await ok(rawApiAs(world.url, openid)<{ count: number }>('inbox.unread', {}))).count

test('a secretary subscribes from 我的 through the consent sheet, and the quota shows', async () => {
  const { page } = await person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-subscribe').click()
  await shown(page, 'quota-assignment_due').waitFor({ timeout: 20000 })
  expect(await shown(page, 'quota-assignment_due').innerText()).toContain('未订阅')
  await shown(page, 'subscribe-ask').click()
  const sheet = shown(page, 'consent-sheet')
  await sheet.waitFor()
  expect(await sheet.innerText()).toContain('工作要点到期提醒')
  await shown(page, 'subscribe-card').scrollIntoViewIfNeeded()
  await shot(page, 'subscribe-consent')
  await shown(page, 'consent-allow').click()

  const result = shown(page, 'subscribe-result')
  await result.waitFor({ timeout: 20000 })
  expect(await result.innerText()).toContain('已订阅 3 类提醒')
  expect(await shown(page, 'quota-assignment_due').innerText()).toContain('还可提醒 1 次')
  // The cloud holds the same quota the card shows.
  const quota = await ok(rawApiAs(world.url, SECRETARY)<{ items: { kind: string; remaining: number }[] }>('subscriptions.get', {}))
  expect(quota.items.find((q) => q.kind === 'assignment_due')?.remaining).toBe(1)
  await shot(page, 'subscribe-quota')
})

test('the trigger, days before the due date, puts the reminder in the outbox and the inbox exactly once', async () => {
  expect(await pointMessages()).toHaveLength(0)
  await runTrigger()
  const sent = await pointMessages()
  expect(sent).toHaveLength(1)
  expect(sent[0].page).toBeTruthy()
  const total = (await outbox()).length
  const unread = await unreadOf(SECRETARY)
  expect(unread).toBeGreaterThanOrEqual(1)

  // A second run at the same instant plans the same keys: nothing new is sent or written.
  await runTrigger()
  expect(await pointMessages()).toHaveLength(1)
  expect((await outbox()).length).toBe(total)
  expect(await unreadOf(SECRETARY)).toBe(unread)

  const { page } = await person(SECRETARY)
  await goTo(page, world.url, 'packages/inbox/pages/inbox/index')
  await shown(page, 'inbox-list').waitFor({ timeout: 20000 })
  expect(await shown(page, 'inbox-item-unread').filter({ hasText: POINT }).count()).toBe(1)
  expect(await shown(page, 'inbox-item').filter({ hasText: POINT }).count()).toBe(0)
  expect(await shown(page, 'inbox-unread-count').innerText()).toBe(`${unread} 条未读`)
  await shot(page, 'inbox-list')
})

test('the home badge shows the unread count and drops after the reminder is read', async () => {
  const before = await unreadOf(SECRETARY)
  const { page } = await person(SECRETARY)
  await goTo(page, world.url, 'pages/home/index')
  const badge = shown(page, 'home-inbox-badge')
  await badge.waitFor({ timeout: 20000 })
  expect(await badge.innerText()).toBe(String(before))
  await shown(page, 'home-compliance').waitFor({ timeout: 20000 })
  await shot(page, 'home-compliance')
  // The sentences lead to every type's status for the current periods.
  await shown(page, 'home-compliance').click()
  await shown(page, 'compliance-item-party_congress').waitFor({ timeout: 20000 })
  expect(await shown(page, 'compliance-view').innerText()).toContain(BRANCH_1)
  await shot(page, 'compliance-detail')
  await reopen(page, 'pages/home/index')
  await shown(page, 'home-inbox').waitFor({ timeout: 20000 })

  await shown(page, 'home-inbox').click()
  const item = shown(page, 'inbox-item-unread').filter({ hasText: POINT })
  await item.waitFor({ timeout: 20000 })
  await item.click()
  // It opens the page the reminder names (the 工作要点 tab).
  await page.waitForURL(/pages\/work-points\/index/, { timeout: 20000 })
  await shown(page, 'assignment-item').filter({ hasText: POINT }).waitFor({ timeout: 20000 })
  await eventually(() => unreadOf(SECRETARY), before - 1)

  await reopen(page, 'pages/home/index')
  if (before - 1 > 0) await shown(page, 'home-inbox-badge').filter({ hasText: String(before - 1) }).waitFor({ timeout: 20000 })
  else {
    await shown(page, 'home-inbox').waitFor({ timeout: 20000 })
    await page.waitForTimeout(1000)
    expect(await shown(page, 'home-inbox-badge').count()).toBe(0)
  }

  // 全部已读 empties the count, and the badge goes.
  await reopen(page, 'packages/inbox/pages/inbox/index')
  await shown(page, 'inbox-list').waitFor({ timeout: 20000 })
  if (before - 1 > 0) {
    await shown(page, 'inbox-mark-all').click()
    await shown(page, 'inbox-unread-count').filter({ hasText: '全部已读' }).waitFor({ timeout: 20000 })
  }
  expect(await shown(page, 'inbox-item').filter({ hasText: POINT }).count()).toBe(1)
  expect(await unreadOf(SECRETARY)).toBe(0)
  await reopen(page, 'pages/home/index')
  await shown(page, 'home-inbox').waitFor({ timeout: 20000 })
  await page.waitForTimeout(1000)
  expect(await shown(page, 'home-inbox-badge').count()).toBe(0)
})

test('the committee sends a notice to one branch; only that branch sees it in its inbox', async () => {
  const { page } = await person('dev-committee-admin')
  // The committee's inbox leads to every branch's organisation life.
  await goTo(page, world.url, 'packages/inbox/pages/inbox/index')
  await shown(page, 'open-overview').click()
  await shown(page, 'overview-row').first().waitFor({ timeout: 20000 })
  expect(await shown(page, 'overview-row').count()).toBe(SEED_BRANCHES.length)
  await shot(page, 'compliance-overview')

  await reopen(page, 'pages/me/index')
  await shown(page, 'open-notice').click()
  await shown(page, 'notice-composer').waitFor({ timeout: 20000 })
  await shot(page, 'notice-composer')

  // Nothing filled in: the checks speak before the cloud is asked.
  await shown(page, 'notice-preview-button').click()
  expect(await shown(page, 'notice-error-title').innerText()).toBe('请填写通知标题')
  expect(await shown(page, 'notice-error-body').innerText()).toBe('请填写通知内容')
  await shot(page, 'notice-errors')

  await shown(page, 'notice-scope-chosen').click()
  await page.locator('[data-testid=notice-branch-search] input, input[data-testid=notice-branch-search]').first().fill('机械')
  const option = shown(page, 'notice-branch-option').filter({ hasText: BRANCH_2 })
  await option.waitFor({ timeout: 20000 })
  // The search answers with that branch alone.
  await eventually(() => shown(page, 'notice-branch-option').count(), 1)
  await option.click()
  await shown(page, 'notice-picked-branch').filter({ hasText: BRANCH_2 }).waitFor()
  await page.locator('[data-testid=notice-title] input, input[data-testid=notice-title]').first().fill(NOTICE)
  await page
    .locator('[data-testid=notice-body] textarea, textarea[data-testid=notice-body]')
    .first()
    .fill('请各位党员于12月20日前将本人年度学习总结交支部书记，由支部汇总后报送党委。')
  await shown(page, 'notice-preview-button').click()

  const preview = shown(page, 'notice-preview')
  await preview.waitFor({ timeout: 20000 })
  // Branch 2: its secretary and two members.
  expect(await shown(page, 'notice-reach').innerText()).toContain('将发给 1 个支部的 3 人')
  expect(await shown(page, 'notice-wx-message').innerText()).toContain('通知标题')
  await preview.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(page, 'notice-preview')

  await shown(page, 'notice-send').click()
  const result = shown(page, 'notice-result')
  await result.waitFor({ timeout: 20000 })
  expect(await result.innerText()).toContain('1 个支部的 3 人已在“消息”中收到')
  await shot(page, 'notice-sent')

  const member2 = await person('dev-member-2a')
  await goTo(member2.page, world.url, 'packages/inbox/pages/inbox/index')
  await shown(member2.page, 'inbox-list').waitFor({ timeout: 20000 })
  expect(await shown(member2.page, 'inbox-item-unread').filter({ hasText: NOTICE }).count()).toBe(1)
  await shot(member2.page, 'inbox-notice')

  const member1 = await person('dev-member-1b')
  await goTo(member1.page, world.url, 'packages/inbox/pages/inbox/index')
  await member1.page.locator('[data-testid=inbox-list], .state--empty').first().waitFor({ timeout: 20000 })
  expect(await member1.page.getByText(NOTICE).count()).toBe(0)
  const list = await ok(rawApiAs(world.url, 'dev-member-1b')<{ items: { title: string }[] }>('inbox.list', {}))
  expect(list.items.map((i) => i.title)).not.toContain(NOTICE)

  // Branch 3's member has nothing at all: the empty state says what will arrive there.
  const member3 = await person('dev-member-3a')
  await goTo(member3.page, world.url, 'packages/inbox/pages/inbox/index')
  await member3.page.getByText('暂无消息').filter({ visible: true }).waitFor({ timeout: 20000 })
  await shot(member3.page, 'inbox-empty')
})
