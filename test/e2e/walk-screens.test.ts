/**
 * The screens after the user walk of 3 December (H5 at 390×844, seeded demo data; brief items 1–9): 机械工程学会's
 * secretary 陈晓燕 is not offered the 换届选举 form before a 支部党员大会 is recorded (a plain line and 去记录 / 去安排);
 * 政治生日 is switched in 支部管理 → 支部设置 (not on the 换届 page) and the switch reaches terms.get; 我的's 当前 badge
 * stays on one line; the roster has no bare 「—」; 孙丽's card says 加入本支部 2012年7月1日（启用前）; a planned
 * 支部党员大会's pill 开始后可记录 · … 起 fits; the 介绍信's number hint is neutral, the 民族 hint 如：汉族, the printed
 * letter a button with its name once; the committee's 我的 → 意见反馈 is 意见建议处理.
 * E2E_SHOTS=1 writes docs/screenshots/walk-*.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES, SEED_COMMITTEE } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const B2 = SEED_BRANCHES[1]
const SECRETARY = B2.secretary.openid
const world = e2eWorld()
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
/** Waits until `read` answers `want` (30 s), then returns the last answer. */
async function until<T>(read: () => Promise<T>, want: T): Promise<T> {
  let got = await read()
  for (let i = 0; i < 60 && got !== want; i++) {
    await new Promise((r) => setTimeout(r, 500))
    got = await read()
  }
  return got
}

let branchId = ''
let sunId = ''
beforeAll(async () => {
  const branches = (await ok(apiAs(world.url, SEED_COMMITTEE.openid)('branches.list', {}))).items
  branchId = branches.find((b) => b.name === B2.name)!.id
  sunId = (await ok(apiAs(world.url, SECRETARY)('members.list', { branchId }))).items.find((m) => m.name === '孙丽')!.id
}, 120_000)

test('换届: no 支部党员大会 recorded, no form but a plain line and 去记录 / 去安排; 政治生日 is in 支部设置', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'packages/terms/pages/term/index')
  await shown(page, 'term-record-election').click()
  const notice = shown(page, 'term-no-meeting')
  await notice.waitFor({ timeout: 30_000 })
  expect(await notice.innerText()).toContain('换届选举须在支部党员大会上进行。请先在「活动」中记录这次支部党员大会，再回来登记选举结果。')
  expect(await shown(page, 'term-save').count()).toBe(0)
  expect(await shown(page, 'term-greetings').count()).toBe(0)
  await shot(page, 'walk-terms-no-meeting')

  // 支部管理 → 支部设置: the switch, which terms.get then reads.
  await goTo(page, world.url, `packages/org/pages/branch/index?id=${encodeURIComponent(branchId)}`)
  const setting = shown(page, 'branch-greetings')
  await setting.waitFor({ timeout: 30_000 })
  expect(await setting.innerText()).toContain('政治生日祝福')
  await setting.scrollIntoViewIfNeeded()
  await shown(page, 'term-greetings').click()
  const greetings = async () => (await ok(apiAs(world.url, SECRETARY)('terms.get', { branchId }))).greetings
  expect(await until(greetings, false)).toBe(false)
  await shown(page, 'term-greetings').click()
  expect(await until(greetings, true)).toBe(true)
  await shot(page, 'walk-branch-settings')
})

test('我的: 当前 on one line; the roster without a bare 「—」; 孙丽 加入本支部 before the 启用日期', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  const badge = page.locator('.role-list__current').filter({ visible: true }).first()
  await badge.waitFor({ timeout: 30_000 })
  const box = (await badge.boundingBox())!
  expect(box.width).toBeGreaterThan(box.height) // 「当前」 side by side, not stacked
  await page.locator('.role-list').filter({ visible: true }).first().scrollIntoViewIfNeeded()
  await shot(page, 'walk-me-current')

  await goTo(page, world.url, `packages/org/pages/roster/index?branchId=${encodeURIComponent(branchId)}`)
  const sun = shown(page, 'roster-item').filter({ hasText: '孙丽' })
  await sun.waitFor({ timeout: 30_000 })
  expect(await sun.innerText()).not.toContain('—')
  expect(await sun.innerText()).toContain('正式')
  await shot(page, 'walk-roster')

  await goTo(page, world.url, `packages/org/pages/member/index?id=${encodeURIComponent(sunId)}`)
  const joined = shown(page, 'member-joined-branch-on')
  await joined.waitFor({ timeout: 30_000 })
  expect(await until(() => joined.innerText(), '2012年7月1日（启用前）')).toBe('2012年7月1日（启用前）')
  expect(await shown(page, 'member-card').innerText()).toContain('加入本支部')
  expect(await shown(page, 'member-card').innerText()).not.toContain('转入本支部')
  await shot(page, 'walk-member-joined')
})

test('a planned 支部党员大会: the pill 开始后可记录 · … 起 on one line', async () => {
  // Tomorrow 09:00 Beijing (the walk's 12月4日): recordable from 08:30, when sign-in opens.
  const tomorrow = new Date(Date.parse(`${today}T01:00:00.000Z`) + 86_400_000)
  const plan = await ok(apiAs(world.url, SECRETARY)('activities.plan', { branchId, clientRequestId: `walk-congress-${Date.now().toString(36)}`, type: 'party_congress', topic: '支部委员会换届选举大会', place: '学会会议室', startAt: tomorrow.toISOString() }))
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${encodeURIComponent(plan.id)}`)
  const pill = shown(page, 'record-planned-later')
  await pill.waitFor({ timeout: 30_000 })
  expect(await pill.innerText()).toMatch(/^开始后可记录 · (\d{4}年)?\d+月\d+日 08:30 起$/)
  await pill.scrollIntoViewIfNeeded()
  const text = pill.locator('taro-text-core, span').first()
  const h = await text.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))
  expect(h).toBeLessThan(1.6) // one line
  await shot(page, 'walk-activity-record-later')
})

test('介绍信: a neutral number hint, 如：汉族, the printed letter as a button with its name once', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/transfers/pages/issue/index?memberId=${encodeURIComponent(sunId)}`)
  const letterNo = page.locator('[data-testid=issue-letter] input:visible, input[data-testid=issue-letter]:visible').first()
  await letterNo.waitFor({ timeout: 30_000 })
  expect(await letterNo.getAttribute('placeholder')).toBe(`如：科社党转〔${today.slice(0, 4)}〕1号`)
  await shot(page, 'walk-transfer-issue')

  const t = await ok(apiAs(world.url, SECRETARY)('transfers.issue', { memberId: sunId, toOrgName: '北京市某研究院党委', letterNo: '湘机党转〔2026〕3号', issuedOn: today, duesPaidTo: today.slice(0, 7), clientRequestId: `walk-letter-${Date.now().toString(36)}` }))
  await goTo(page, world.url, `packages/transfers/pages/detail/index?id=${encodeURIComponent(t.id)}`)
  const ethnicity = page.locator('[data-testid=letter-ethnicity] input:visible, input[data-testid=letter-ethnicity]:visible').first()
  await ethnicity.waitFor({ timeout: 30_000 })
  expect(await ethnicity.getAttribute('placeholder')).toBe('如：汉族')
  await shown(page, 'transfer-print').click()
  const link = shown(page, 'letter-download')
  await link.waitFor({ timeout: 30_000 })
  expect(await link.innerText()).toBe('下载 Word 文件')
  const ready = await shown(page, 'letter-ready').innerText()
  expect(ready.split('孙丽组织关系介绍信').length).toBe(2) // the name once
  expect(await link.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none')
  await shown(page, 'letter-ready').scrollIntoViewIfNeeded()
  await shot(page, 'walk-transfer-letter')
})

test('the committee\'s 我的 → 意见反馈 is 意见建议处理 (its inbox)', async () => {
  const { page } = await world.person(SEED_COMMITTEE.openid)
  await goTo(page, world.url, 'pages/me/index')
  const entry = shown(page, 'open-feedback-list')
  await entry.waitFor({ timeout: 30_000 })
  expect(await entry.innerText()).toBe('意见建议处理')
  expect(await shown(page, 'open-feedback').count()).toBe(0)
  await entry.scrollIntoViewIfNeeded()
  await shot(page, 'walk-me-committee-feedback')
  await entry.click()
  await page.getByText('待处理').first().waitFor({ timeout: 30_000 })
})
