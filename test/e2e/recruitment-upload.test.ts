/**
 * A person's 发展党员 file in the browser (390×844), the leftovers of #19: a checklist file uploaded through the shared
 * upload queue (the material then shows it), the 上级党委's steps (13/17/24) not offered to the secretary, history
 * dates as the app writes them (2025年3月2日), and the latest step corrected with a reason.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES, SEED_COMMITTEE } from '../../cloud/local/seed'
import { rawApiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const SECRETARY = SEED_BRANCHES[0].secretary.openid
const world = e2eWorld()
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
let recruitId = ''

beforeAll(async () => {
  const branches = await ok(rawApiAs(world.url, SEED_COMMITTEE.openid)('branches.list', {}))
  const branchId = branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[0].name)!.id
  const secretary = rawApiAs(world.url, SECRETARY)
  recruitId = (await ok(secretary('recruitment.create', { branchId, name: '吴申请', appliedOn: '2025-03-02', clientRequestId: 'rc-recruitmentupload-1' }))).id
  await ok(secretary('recruitment.record', { recruitId, step: 'talk', on: '2025-03-20', talker: '王芳' }))
}, 120_000)

test('a checklist file uploads from the file; 13/17/24 are not offered to the secretary; the latest step is corrected', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/recruitment/pages/person/index?id=${recruitId}`)
  await shown(page, 'recruit-head').waitFor({ timeout: 30_000 })
  expect(await shown(page, 'record-pre_review').count()).toBe(0)
  expect(await shown(page, 'record-approval').count()).toBe(0)
  expect(await shown(page, 'record-volunteer_form').count()).toBe(1)
  await expect(shown(page, 'step-talk').innerText()).resolves.toContain('谈话人 王芳')
  const history = await page.locator('.recruit-history').first().innerText()
  expect(history).toContain('2025年3月20日')
  expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}/)

  await page.locator('input[data-testid=material-input-application]').setInputFiles({ name: '入党申请书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
  await shown(page, 'material-application').filter({ hasText: '附件 1 个' }).waitFor({ timeout: 30_000 })

  await shown(page, 'correct-talk').click()
  await page.locator('[data-testid=correct-on] input:visible, input[data-testid=correct-on]:visible').first().fill('2025-03-21')
  await page.locator('[data-testid=correct-reason] input:visible, input[data-testid=correct-reason]:visible').first().fill('日期录入错误')
  await shown(page, 'correct-save').click()
  await shown(page, 'step-talk').filter({ hasText: '日期录入错误' }).waitFor({ timeout: 30_000 })
  await expect(shown(page, 'step-talk').innerText()).resolves.toContain('2025年3月21日')
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/recruitment-correct.png` })
})
