/**
 * Issue 16 in a real browser at 390×844 (items 3, 4, 11, 12): a planned session is rescheduled from its page and
 * the page shows it; a record backfilled 40 days late says until when the branch can change it; approving a join
 * request asks 正式 or 预备; a person transferred out is told so on the welcome screen, which offers 首次部署 only
 * where no committee exists. Screenshots with E2E_SHOTS=1 go to docs/screenshots.
 */
import type { Page } from 'playwright-core'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
let branch1 = ''
const SHOTS = process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'
const DAY = 86400e3
const secretary = () => apiAs(world.url, 'dev-secretary-1')
const input = (page: Page, id: string) => page.locator(`[data-testid=${id}] input, [data-testid=${id}] textarea, input[data-testid=${id}], textarea[data-testid=${id}]`).first()

beforeAll(async () => {
  branch1 = (await ok(secretary()('session.get'))).roles.find((r) => r.role === 'secretary')?.branchId ?? ''
}, 120_000)
const person = (openid: string) => world.person(openid)

test('a planned session is rescheduled and moved from its page (#16.11)', async () => {
  const start = new Date(Date.now() + 3 * DAY)
  start.setUTCHours(6, 30, 0, 0)
  const plan = await ok(secretary()('activities.plan', { branchId: branch1, clientRequestId: 'e2e-plan-change', type: 'theme_day', topic: '参观红色教育基地', place: '学会会议室', startAt: start.toISOString() }))
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${plan.id}`)
  await page.getByTestId('plan-change').click()
  await page.getByTestId('plan-change-form').waitFor()
  await input(page, 'plan-change-place').fill('烈士纪念馆')
  await input(page, 'plan-change-reason').fill('场馆周三闭馆')
  await page.screenshot({ path: `${SHOTS}/plan-change-form.png` })
  await page.getByTestId('plan-change-save').click()
  await page.getByTestId('plan-change-form').waitFor({ state: 'detached' })
  await page.getByText('烈士纪念馆').first().waitFor()
  await page.screenshot({ path: `${SHOTS}/plan-changed.png`, fullPage: true })
  expect((await ok(secretary()('activities.get', { id: plan.id }))).place).toBe('烈士纪念馆')
})

test('a record backfilled 40 days late says until when the branch can change it (#16.12)', async () => {
  const start = new Date(Date.now() - 40 * DAY)
  start.setUTCHours(1, 30, 0, 0)
  const rec = await ok(
    secretary()('activities.record', { branchId: branch1, clientRequestId: 'e2e-backfill', type: 'theme_day', topic: '补录的主题党日', place: '学会会议室', startAt: start.toISOString(), host: '李建国', recorder: '王芳', minutes: '学习。' }),
  )
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${rec.id}`)
  const note = page.getByTestId('lock-note')
  await note.waitFor()
  expect(await note.textContent()).toMatch(/^本支部可修改至\d{4}年\d{1,2}月\d{1,2}日，此后记录归档/)
  expect(await page.getByTestId('read-only').count()).toBe(0)
  await page.screenshot({ path: `${SHOTS}/record-lock-note.png` })
})

test('approving a join request asks 正式 or 预备 (#16.3)', async () => {
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, `packages/org/pages/branch/index?id=${branch1}`)
  const row = page.getByTestId('join-request').first()
  await row.waitFor()
  await row.getByTestId('join-approve').click()
  await page.getByTestId('join-approve-status').waitFor()
  await page.getByTestId('join-approve-status').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/join-approve-status.png` })
  await page.getByTestId('join-approve-probationary').click()
  await page.getByTestId('join-approve-status').waitFor({ state: 'detached' })
  const lee = (await ok(secretary()('members.list', { branchId: branch1, q: '钱申请' }))).items[0]
  expect(lee.partyStatus).toBe('probationary')
})

test('a person transferred out is told so; 首次部署 is not offered where a committee exists (#16.3, #16.4)', async () => {
  const zhao = (await ok(secretary()('members.list', { branchId: branch1, q: '赵磊' }))).items[0]
  await ok(secretary()('members.transferOut', { memberId: zhao.id, on: '2026-12-01', reason: '工作调动至外省' }))
  const { page } = await person('dev-member-1b')
  const notice = page.getByTestId('transferred-notice')
  await notice.waitFor()
  expect(await notice.textContent()).toContain('工作调动至外省')
  expect(await page.getByTestId('open-bootstrap').count()).toBe(0)
  await page.screenshot({ path: `${SHOTS}/transferred-welcome.png` })
})
