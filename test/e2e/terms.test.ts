/**
 * 支委会换届 in the browser (H5 build on the local cloud, 390×844; docs/terms.md): the secretary opens 我的 → 支委会换届,
 * records the 换届选举 held at a recorded 支部党员大会 (votes, 应选人数 and posts), corrects the term (length, with a
 * reason), confirms 同步支委职务到账号 (the new 书记 takes the secretary's role, the former one no longer may record);
 * the meeting's page shows the election from the term; another branch records a 延期换届; the committee sees every
 * branch's term state. E2E_SHOTS=1 writes docs/screenshots/terms.png, terms-correct-form.png, terms-correct.png,
 * terms-role-sync.png, terms-meeting.png, terms-postpone-form.png, terms-postpone.png and terms-overview.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES, SEED_COMMITTEE } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'
import { addDays, addMonths } from '../../cloud/core/terms/rules'
import { beijingDate } from '../../cloud/core/framework/time'

const SECRETARY = SEED_BRANCHES[0].secretary.openid
const SECRETARY_NAME = SEED_BRANCHES[0].secretary.name
const WANG = 'dev-member-1a'
const SECRETARY2 = SEED_BRANCHES[1].secretary.openid
const world = e2eWorld()
const today = beijingDate(new Date())
const yesterday = addDays(today, -1)
const dateWords = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png`, fullPage: false })
}
async function type(page: Page, id: string, text: string) {
  await page.locator(`[data-testid=${id}] input:visible, input[data-testid=${id}]:visible`).first().fill(text)
}

let voters: string[] = []
let congressId = ''
beforeAll(async () => {
  // The 换届选举 大会, recorded through the API: everyone on the roster present.
  const secretary = apiAs(world.url, SECRETARY)
  const branches = await ok(apiAs(world.url, SEED_COMMITTEE.openid)('branches.list', {}))
  const branchId = branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[0].name)!.id
  const sheet = await ok(secretary('activities.attendanceSheet', { branchId, type: 'party_congress', on: yesterday }))
  const congress = await ok(
    secretary('activities.record', {
      branchId,
      clientRequestId: `e2e-terms-${Date.now().toString(36)}`,
      type: 'party_congress',
      topic: '支部委员会换届选举大会',
      place: '学会会议室',
      startAt: `${yesterday}T02:00:00.000Z`,
      host: SECRETARY_NAME,
      recorder: '王芳',
      minutes: '选举产生新一届支部委员会。',
      voting: true,
      attendance: sheet.attendees.map((a: { memberId: string }) => ({ memberId: a.memberId, present: true })),
    }),
  )
  congressId = congress.id
  voters = sheet.attendees.filter((a: { partyStatus: string }) => a.partyStatus === 'full').map((a: { name: string }) => a.name)
  // Branch 2's committee in office, its term ending in a month: due for 换届 (and perhaps put off).
  const branch2 = branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[1].name)!.id
  const roster2 = await ok(apiAs(world.url, SECRETARY2)('members.list', { branchId: branch2 }))
  const chen = roster2.items.find((m: { name: string }) => m.name === SEED_BRANCHES[1].secretary.name)!.id
  await ok(apiAs(world.url, SECRETARY2)('terms.record', { branchId: branch2, clientRequestId: `e2e-terms-b2-${Date.now().toString(36)}`, kind: 'existing', startOn: addMonths(today, -35), members: [{ memberId: chen, post: '书记' }] }))
}, 120_000)

test('the secretary records the 换届选举, corrects the term, and hands the secretary\'s role to the new 书记', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-terms').click()
  await shown(page, 'term-status').waitFor({ timeout: 30_000 })
  await expect(shown(page, 'term-status').innerText()).resolves.toContain('未登记任期')
  await shown(page, 'term-record-election').click()
  await shown(page, 'term-meeting').waitFor({ timeout: 30_000 })
  // Term lengths: 3 (一般) and 5 (村、社区), in order.
  expect(await page.locator('select[data-testid=term-years] option').allInnerTexts()).toEqual(['3 年（一般）', '5 年（村、社区党支部）'])
  await page.locator('select[data-testid=term-meeting]').selectOption({ label: `${dateWords(yesterday)} 支部委员会换届选举大会` })
  // 王芳 and the secretary elected with every vote; anyone else a candidate with none (差额 when there are others).
  for (const name of voters) await type(page, `term-votes-${name}`, name === '王芳' || name === SECRETARY_NAME ? String(voters.length) : '0')
  await type(page, 'term-seats', '2')
  await page.locator(`select[data-testid=term-post-${SECRETARY_NAME}]`).selectOption('组织委员')
  await page.locator('select[data-testid=term-post-王芳]').selectOption('书记')
  await shown(page, 'term-save').click()
  await shown(page, `term-card-${yesterday}`).waitFor({ timeout: 30_000 })
  await expect(shown(page, 'term-status').innerText()).resolves.toContain('任期内')
  const card = await shown(page, `term-card-${yesterday}`).innerText()
  // 书记 first, whatever the order of the roster.
  expect(card.indexOf('书记 王芳')).toBeLessThan(card.indexOf(`组织委员 ${SECRETARY_NAME}`))
  expect(card).toMatch(/\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日（3 年）/)
  expect(card).toContain('应选 2 人')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'terms')

  // A wrong length corrected, with the reason kept on the card.
  await shown(page, 'term-correct').click()
  await shown(page, 'term-reason').waitFor({ timeout: 30_000 })
  await page.locator('select[data-testid=term-years]').selectOption('5')
  await type(page, 'term-reason', '本支部为社区党支部，任期 5 年')
  await shown(page, 'term-reason').scrollIntoViewIfNeeded()
  await shot(page, 'terms-correct-form')
  await shown(page, 'term-save').click()
  await shown(page, 'term-corrections').waitFor({ timeout: 30_000 })
  expect(await shown(page, `term-card-${yesterday}`).innerText()).toContain('（5 年）')
  expect(await shown(page, 'term-corrections').innerText()).toContain('任期 3 年 → 5 年（本支部为社区党支部，任期 5 年）')
  await shot(page, 'terms-correct')

  // 同步支委职务到账号: listed, then confirmed.
  const sync = shown(page, 'term-role-sync')
  await sync.scrollIntoViewIfNeeded()
  expect(await sync.innerText()).toContain('王芳 任书记（获得书记权限）')
  expect(await sync.innerText()).toContain(`${SECRETARY_NAME} 不再担任书记（改为支委）`)
  await shot(page, 'terms-role-sync')
  await shown(page, 'term-sync-roles').click()
  await sync.waitFor({ state: 'detached', timeout: 30_000 })
  // The former secretary may no longer record the 换届.
  expect(await shown(page, 'term-correct').count()).toBe(0)
  expect(await shown(page, 'term-record-election').count()).toBe(0)
})

test('the 支部党员大会\'s page shows the election from the term; the new 书记 may correct it', async () => {
  const { page } = await world.person(WANG)
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${encodeURIComponent(congressId)}`)
  const block = shown(page, 'meeting-election')
  await block.waitFor({ timeout: 30_000 })
  const text = await block.innerText()
  expect(text).toContain(`书记 王芳、组织委员 ${SECRETARY_NAME}`)
  expect(text).toContain(`王芳：${voters.length} 票，当选`)
  await block.scrollIntoViewIfNeeded()
  await shot(page, 'terms-meeting')
  await goTo(page, world.url, 'packages/terms/pages/term/index')
  await shown(page, 'term-correct').waitFor({ timeout: 30_000 })
})

test('a 延期换届 approved by the committee: the new due date on the card and in the committee\'s overview', async () => {
  const { page } = await world.person(SECRETARY2)
  await goTo(page, world.url, 'packages/terms/pages/term/index')
  await shown(page, 'term-postpone').click()
  const dueOn = addMonths(today, 7)
  await page.getByTestId('term-due').fill(dueOn)
  await type(page, 'term-postpone-reason', '与社区党组织统一换届')
  await shot(page, 'terms-postpone-form')
  await shown(page, 'term-postpone-save').click()
  await shown(page, 'term-postponed').waitFor({ timeout: 30_000 })
  expect(await shown(page, 'term-postponed').innerText()).toContain(`延至${dateWords(dueOn)}（与社区党组织统一换届）`)
  expect(await shown(page, 'term-status').innerText()).toContain(`经批准延期换届至${dateWords(dueOn)}`)
  expect(await shown(page, 'term-status').innerText()).toContain('已批准延期')
  await shot(page, 'terms-postpone')
})

test('the committee sees every branch\'s term state', async () => {
  const { page } = await world.person(SEED_COMMITTEE.openid)
  await goTo(page, world.url, 'packages/terms/pages/term/index')
  await shown(page, 'terms-counts').waitFor({ timeout: 30_000 })
  await expect(shown(page, `terms-branch-${SEED_BRANCHES[0].name}`).innerText()).resolves.toContain('任期内')
  await expect(shown(page, `terms-branch-${SEED_BRANCHES[1].name}`).innerText()).resolves.toContain('经批准延期换届至')
  await shot(page, 'terms-overview')
})
