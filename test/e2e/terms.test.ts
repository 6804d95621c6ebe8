/**
 * 支委会换届 in the browser (H5 build on the local cloud, 390×844; docs/terms.md): the secretary opens 我的 → 支委会换届,
 * records the 换届选举 held at a recorded 支部党员大会 (votes and posts), and the branch's term starts; the committee
 * sees every branch's term state. E2E_SHOTS=1 writes docs/screenshots/terms.png and terms-overview.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES, SEED_COMMITTEE } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'
import { addDays } from '../../cloud/core/terms/rules'
import { beijingDate } from '../../cloud/core/framework/time'

const SECRETARY = SEED_BRANCHES[0].secretary.openid
const world = e2eWorld()
const yesterday = addDays(beijingDate(new Date()), -1)

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png`, fullPage: false })
}
async function type(page: Page, id: string, text: string) {
  await page.locator(`[data-testid=${id}] input:visible, input[data-testid=${id}]:visible`).first().fill(text)
}

let voters: string[] = []
beforeAll(async () => {
  // The 换届选举 大会, recorded through the API: everyone on the roster present.
  const secretary = apiAs(world.url, SECRETARY)
  const branches = await ok(apiAs(world.url, SEED_COMMITTEE.openid)('branches.list', {}))
  const branchId = branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[0].name)!.id
  const sheet = await ok(secretary('activities.attendanceSheet', { branchId, type: 'party_congress', on: yesterday }))
  await ok(
    secretary('activities.record', {
      branchId,
      clientRequestId: `e2e-terms-${Date.now().toString(36)}`,
      type: 'party_congress',
      topic: '支部委员会换届选举大会',
      place: '学会会议室',
      startAt: `${yesterday}T02:00:00.000Z`,
      host: SEED_BRANCHES[0].secretary.name,
      recorder: '王芳',
      minutes: '差额选举产生新一届支部委员会。',
      voting: true,
      attendance: sheet.attendees.map((a: { memberId: string }) => ({ memberId: a.memberId, present: true })),
    }),
  )
  voters = sheet.attendees.filter((a: { partyStatus: string }) => a.partyStatus === 'full').map((a: { name: string }) => a.name)
}, 120_000)

test('the secretary records the 换届选举; the new term starts', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-terms').click()
  await shown(page, 'term-status').waitFor({ timeout: 30_000 })
  await expect(shown(page, 'term-status').innerText()).resolves.toContain('未登记任期')
  await shown(page, 'term-record-election').click()
  await shown(page, 'term-meeting').waitFor({ timeout: 30_000 })
  await page.locator('select[data-testid=term-meeting]').selectOption({ label: `${yesterday.slice(0, 4)}年${Number(yesterday.slice(5, 7))}月${Number(yesterday.slice(8, 10))}日 支部委员会换届选举大会` })
  for (const name of voters) await type(page, `term-votes-${name}`, String(voters.length))
  await page.locator(`select[data-testid=term-post-${SEED_BRANCHES[0].secretary.name}]`).selectOption('书记')
  await page.locator('select[data-testid=term-post-王芳]').selectOption('组织委员')
  await shown(page, 'term-save').click()
  await shown(page, `term-card-${yesterday}`).waitFor({ timeout: 30_000 })
  await expect(shown(page, 'term-status').innerText()).resolves.toContain('任期内')
  const card = await shown(page, `term-card-${yesterday}`).innerText()
  expect(card).toContain(`书记 ${SEED_BRANCHES[0].secretary.name}`)
  expect(card).toContain('组织委员 王芳')
  expect(card).toMatch(/\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日（3 年）/)
  await shot(page, 'terms')
})

test('the committee sees every branch\'s term state', async () => {
  const { page } = await world.person(SEED_COMMITTEE.openid)
  await goTo(page, world.url, 'packages/terms/pages/term/index')
  await shown(page, 'terms-counts').waitFor({ timeout: 30_000 })
  await expect(shown(page, `terms-branch-${SEED_BRANCHES[0].name}`).innerText()).resolves.toContain('任期内')
  await expect(shown(page, `terms-branch-${SEED_BRANCHES[1].name}`).innerText()).resolves.toContain('尚未登记任期')
  await shot(page, 'terms-overview')
})
