/**
 * Organisation from nothing, in a real browser against the local cloud: the committee creates a branch and invites
 * its secretary; the secretary joins with the code read off the screen, adds a party group and invites a member;
 * the member joins and sees the branch's activities; the secretary transfers the member out, after which the member
 * can no longer read the branch (UI and action), while the roster's 已转出 filter still lists their name.
 */
import type { Page } from 'playwright-core'
import { e2eWorld, goTo, type Person } from '../support/browser'

const world = e2eWorld()

const run = Date.now() % 100000
const BRANCH = `端到端测试学会党支部${run}`
const SECRETARY = { openid: `e2e-secretary-${run}`, name: '赵书记' }
const MEMBER = { openid: `e2e-member-${run}`, name: '钱党员' }
let secretaryCode = ''
let memberCode = ''
let branchId = ''

world.beforeStop(async () => {
  if (process.env.E2E_SHOTS) await shots().catch((e) => console.log('screenshots failed', e))
})

/** Everyone opened so far, in order (the committee, the secretary, the member). */
const people: Person[] = []
async function person(openid: string) {
  const p = await world.person(openid)
  people.push(p)
  return p
}
const input = (page: Page, id: string) => page.locator(`[data-testid=${id}] input, [data-testid=${id}] textarea, input[data-testid=${id}], textarea[data-testid=${id}]`).first()

async function join(page: Page, code: string, name: string) {
  await input(page, 'join-code').fill(code)
  await input(page, 'join-name').fill(name)
  await page.getByTestId('join-submit').click()
  await page.getByTestId('greeting').waitFor({ timeout: 20000 })
}

test('the committee creates a branch and invites its secretary', async () => {
  const { page } = await person('dev-committee-admin')
  await page.getByTestId('home-manage').click()
  await page.getByTestId('branch-new').click()
  // Validation before anything is sent.
  await page.getByTestId('branch-submit').click()
  await page.getByTestId('branch-name-error').waitFor()
  await input(page, 'branch-name').fill(BRANCH)
  await input(page, 'branch-societies').fill('端到端测试学会')
  await page.getByTestId('branch-submit').click()

  await page.getByTestId('branch-page').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('branch-name-title').innerText()).toBe(BRANCH)
  branchId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? ''
  expect(branchId).not.toBe('')
  await page.getByTestId('invite-submit').click()
  const code = page.getByTestId('invite-code').first()
  await code.waitFor({ timeout: 20000 })
  secretaryCode = (await code.innerText()).trim()
  expect(secretaryCode).toMatch(/^[A-Z0-9]{8,16}$/)
  expect(await page.getByTestId('invite-item').first().innerText()).toContain('支部书记')
  expect(await page.getByTestId('invite-status').first().innerText()).toBe('有效')
})

test('the secretary joins with the code, adds a party group and invites a member', async () => {
  const { page } = await person(SECRETARY.openid)
  await join(page, secretaryCode, SECRETARY.name)
  expect(await page.locator('[data-testid=current-branch]:visible').innerText()).toBe(BRANCH)

  await page.getByTestId('home-manage').click()
  await page.getByTestId('branch-page').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('branch-secretary').innerText()).toContain(SECRETARY.name)
  await input(page, 'group-name').fill('第一党小组')
  await page.getByTestId('group-add').click()
  await page.getByTestId('group-item').filter({ hasText: '第一党小组' }).waitFor({ timeout: 20000 })

  await page.getByTestId('invite-submit').click()
  const fresh = page.getByTestId('invite-item').filter({ hasText: '党员' }).filter({ hasText: '有效' }).first()
  await fresh.waitFor({ timeout: 20000 })
  memberCode = (await fresh.getByTestId('invite-code').innerText()).trim()
  expect(memberCode).toMatch(/^[A-Z0-9]{8,16}$/)
  expect(memberCode).not.toBe(secretaryCode)
})

test('the member joins and sees the branch on the 活动 tab', async () => {
  const { page } = await person(MEMBER.openid)
  // A wrong code first: a clear message, no crash.
  await input(page, 'join-code').fill('ZZZZ9999')
  await input(page, 'join-name').fill(MEMBER.name)
  await page.getByTestId('join-submit').click()
  await page.getByTestId('join-error').waitFor({ timeout: 20000 })

  await join(page, memberCode, MEMBER.name)
  await goTo(page, world.url, 'pages/activities/index')
  expect(await page.locator('[data-testid=current-branch]:visible').innerText()).toBe(BRANCH)
  await page.locator('.state__title:visible', { hasText: '还没有活动' }).waitFor({ timeout: 20000 })
})

test('the secretary transfers the member out; the member loses access, the roster keeps the name', async () => {
  const sec = people[1].page
  await goTo(sec, world.url, `packages/org/pages/roster/index?branchId=${branchId}`)
  const row = sec.getByTestId('roster-item').filter({ hasText: MEMBER.name })
  await row.waitFor({ timeout: 20000 })
  await row.click()
  await sec.getByTestId('member-card').waitFor({ timeout: 20000 })
  // Asked for a reason before the confirmation.
  await sec.getByTestId('transfer-out').click()
  await sec.getByTestId('transfer-reason-error').waitFor()
  await input(sec, 'transfer-reason').fill('工作调动')
  await sec.getByTestId('transfer-out').click()
  await sec.getByTestId('transfer-out-confirm').click()
  await sec.getByTestId('member-transferred').waitFor({ timeout: 20000 })

  const member = people[2].page
  // The member opens the app again.
  await goTo(member, world.url, 'pages/activities/index')
  await member.reload()
  await member.locator('.state__title:visible', { hasText: /尚未加入支部|加载失败/ }).waitFor({ timeout: 20000 })
  await member.screenshot({ path: 'test-results/e2e-member-after-transfer.png' }).catch(() => undefined)
  const answer = await member.evaluate(
    async ([id, openid]) => {
      const res = await fetch('/cloud/functions/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-OpenId': openid },
        body: JSON.stringify({ action: 'activities.list', payload: { branchId: id } }),
      })
      return res.json()
    },
    [branchId, MEMBER.openid],
  )
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  await goTo(sec, world.url, `packages/org/pages/roster/index?branchId=${branchId}`)
  await sec.getByTestId('roster-list').waitFor({ timeout: 20000 })
  await sec.getByTestId('roster-state-transferred').click()
  await sec.getByTestId('roster-item').filter({ hasText: MEMBER.name }).waitFor({ timeout: 20000 })
  expect(await sec.getByTestId('roster-name').allInnerTexts()).toEqual([MEMBER.name])
})

/** E2E_SHOTS=1: 390×844 screenshots of the new screens into test-results/ (for docs/screenshots/). */
async function shots() {
  const settle = async (page: Page, selector: string) => {
    await page.locator(`${selector}:visible`).first().waitFor({ timeout: 20000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(800) // Taro's page transition
  }
  const sec = people[1].page
  await goTo(sec, world.url, `packages/org/pages/branch/index?id=${branchId}`)
  await sec.reload()
  await settle(sec, '[data-testid=branch-page]')
  await sec.screenshot({ path: 'test-results/org-branch-secretary.png' })
  await sec.locator('[data-testid=invite-list]:visible').scrollIntoViewIfNeeded()
  await sec.screenshot({ path: 'test-results/org-branch-secretary-invites.png' })
  await goTo(sec, world.url, `packages/org/pages/roster/index?branchId=${branchId}`)
  await settle(sec, '[data-testid=roster-list]')
  await sec.locator('[data-testid=roster-state-all]:visible').click()
  await sec.waitForTimeout(500)
  await sec.screenshot({ path: 'test-results/org-roster-secretary.png' })
  await sec.locator('[data-testid=roster-item]:visible').first().click()
  await settle(sec, '[data-testid=member-card]')
  await sec.screenshot({ path: 'test-results/org-member-secretary.png' })
  const admin = people[0].page
  await goTo(admin, world.url, 'packages/org/pages/branches/index')
  await admin.reload()
  await settle(admin, '[data-testid=branch-item]')
  await admin.screenshot({ path: 'test-results/org-branches-committee.png' })
  const m = await person('dev-member-1a')
  await goTo(m.page, world.url, 'pages/me/index')
  await settle(m.page, '[data-testid=profile-name-text]')
  await m.page.screenshot({ path: 'test-results/org-me-member.png' })
  // A seeded secretary's member page (with groups and posts) for the member detail picture.
  const s1 = await person('dev-secretary-1')
  const id = (await (await fetch(`${world.url}/dev/identities`)).json()).find((p: { openid: string }) => p.openid === 'dev-secretary-1').roles[0].branchId
  await goTo(s1.page, world.url, `packages/org/pages/roster/index?branchId=${id}`)
  await s1.page.reload()
  await settle(s1.page, '[data-testid=roster-item]')
  await s1.page.screenshot({ path: 'test-results/org-roster-seeded.png' })
  await s1.page.locator('[data-testid=roster-item]:visible').nth(1).click()
  await settle(s1.page, '[data-testid=member-card]')
  await s1.page.screenshot({ path: 'test-results/org-member-seeded.png' })
}
