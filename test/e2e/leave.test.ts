/**
 * 请假 in the browser at 390×844: 赵磊 asks leave on a planned session's page before it starts, the secretary
 * approves it on the same page, and once the session is recorded its record shows him absent with the leave as the
 * reason. E2E_SHOTS=1 writes the screenshots into docs/screenshots/.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { rawApiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const ZHAO = 'dev-member-1b'
const TOPIC = `主题党日·请假${Date.now() % 100000}`
let sessionId: string
let branch1: string

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}

beforeAll(async () => {
  const secretary = rawApiAs(world.url, SECRETARY)
  branch1 = (await ok(secretary('session.get', {}))).roles.find((r: { branchId?: string }) => r.branchId)!.branchId!
  // Starts in ten minutes: leave may still be asked, and the secretary may record it at once.
  const start = Date.now() + 10 * 60_000
  const planned = await ok(secretary('activities.plan', { branchId: branch1, type: 'theme_day', topic: TOPIC, place: '学会会议室', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), host: '李建国', clientRequestId: `e2e-leave-${Date.now()}` }))
  sessionId = planned.id
}, 120_000)

test('a member asks leave, the secretary approves, and the record shows it', async () => {
  const zhao = (await world.person(ZHAO)).page
  await goTo(zhao, world.url, `packages/activities/pages/detail/index?id=${sessionId}`)
  await shown(zhao, 'leave-send').waitFor({ timeout: 30_000 })
  await shown(zhao, 'leave-kind-sick').click()
  await zhao.locator('[data-testid=leave-note] input:visible, input[data-testid=leave-note]:visible').first().fill('发烧，在家休息')
  await shown(zhao, 'leave-send').click()
  await shown(zhao, 'leave-mine').filter({ hasText: '待审批' }).waitFor({ timeout: 30_000 })
  await expect(shown(zhao, 'leave-mine').innerText()).resolves.toMatch(/待审批[\s\S]*病假：发烧，在家休息/)
  await shot(zhao, 'leave-on-session')

  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, `packages/activities/pages/detail/index?id=${sessionId}`)
  const row = sec.locator('[data-testid^="leave-row-"]').filter({ hasText: '赵磊' })
  await row.waitFor({ timeout: 30_000 })
  await row.getByText('准假', { exact: true }).click()
  await row.filter({ hasText: '已准假' }).waitFor({ timeout: 30_000 })
  await shot(sec, 'leave-approve')

  // Recorded as the record form prefills it: the sheet carries the approved leave as his absence and reason.
  const secretary = rawApiAs(world.url, SECRETARY)
  const sheet = await ok(secretary('activities.attendanceSheet', { branchId: branch1, id: sessionId }))
  const attendance = sheet.attendees.map((a: { memberId: string; absentReason?: string }) => (a.absentReason ? { memberId: a.memberId, present: false, absentReason: a.absentReason } : { memberId: a.memberId, present: true }))
  await ok(secretary('activities.record', { id: sessionId, branchId: branch1, clientRequestId: `e2e-leave-record-${Date.now()}`, recorder: '王芳', minutes: '学习党章，交流心得。', attendance }))

  await zhao.reload()
  // One pair of brackets (it read 赵磊（请假（病假：…）） before).
  await zhao.getByText('赵磊（请假，病假：发烧，在家休息）', { exact: false }).first().waitFor({ timeout: 30_000 })
  await shot(zhao, 'leave-in-record')
})

test('a member withdraws a waiting request; the secretary has no 准假 on their own, another 支委 decides it', async () => {
  const secretary = rawApiAs(world.url, SECRETARY)
  const start = Date.now() + 3 * 86_400_000
  const planned = await ok(secretary('activities.plan', { branchId: branch1, type: 'theme_day', topic: `${TOPIC}·撤回`, place: '学会会议室', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), host: '王芳', clientRequestId: `e2e-leave-w-${Date.now()}` }))
  const page = `packages/activities/pages/detail/index?id=${planned.id}`

  const zhao = (await world.person(ZHAO)).page
  await goTo(zhao, world.url, page)
  await shown(zhao, 'leave-send').waitFor({ timeout: 30_000 })
  await shown(zhao, 'leave-send').click()
  await shown(zhao, 'leave-withdraw').waitFor({ timeout: 30_000 })
  await shot(zhao, 'leave-withdraw')
  await shown(zhao, 'leave-withdraw').click()
  await shown(zhao, 'leave-mine').filter({ hasText: '已撤回' }).waitFor({ timeout: 30_000 })
  await shown(zhao, 'leave-send').waitFor({ timeout: 30_000 })

  await ok(secretary('leave.request', { activityId: planned.id, kind: 'business', note: '区里开会' }))
  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, page)
  const own = sec.locator('[data-testid^="leave-row-"]').filter({ hasText: '李建国' })
  await own.waitFor({ timeout: 30_000 })
  await own.getByText('本人的请假由其他支委或上级党委审批').waitFor({ timeout: 30_000 })
  expect(await own.getByText('准假', { exact: true }).count()).toBe(0)
  await own.scrollIntoViewIfNeeded()
  await shot(sec, 'leave-own-request')

  const wang = (await world.person('dev-member-1a')).page
  await goTo(wang, world.url, page)
  const row = wang.locator('[data-testid^="leave-row-"]').filter({ hasText: '李建国' })
  await row.waitFor({ timeout: 30_000 })
  await row.getByText('准假', { exact: true }).click()
  await row.filter({ hasText: '已准假' }).waitFor({ timeout: 30_000 })
  await row.scrollIntoViewIfNeeded()
  await shot(wang, 'leave-decide-secretary')
})
