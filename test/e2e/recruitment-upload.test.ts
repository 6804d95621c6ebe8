/**
 * A person's 发展党员 file in the browser (390×844): the leftovers of #19 and the users' walk. Checklist files upload
 * through the shared upload queue and are listed by name (a phone photo of the 申请书 as well as a PDF; a kind the
 * checklist does not take said by name), opened (a photo full screen, a document by the link the function signs) and
 * removed after asking, the removal in the history; the 上级党委's steps (13/17/24) are not offered to the
 * secretary; history dates as the app writes them (2025年3月2日); an earlier step corrected when the later steps'
 * rules still hold, refused with the rule named when not; every button and link a finger's target (≥ 44 px).
 * E2E_SHOTS=1 writes docs/screenshots/recruitment-{materials,correct,correct-earlier,correct-fields,step-form}.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES, SEED_COMMITTEE } from '../../cloud/local/seed'
import { rawApiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const SECRETARY = SEED_BRANCHES[0].secretary.openid
const world = e2eWorld()
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
const field = (page: Page, id: string) => page.locator(`[data-testid=${id}] input:visible, input[data-testid=${id}]:visible, [data-testid=${id}] textarea:visible, textarea[data-testid=${id}]:visible`).first()
let recruitId = ''
// A 1×1 PNG: a photo the browser can show.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

async function shot(page: Page, name: string) {
  await page.waitForTimeout(600)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
/** The height in CSS px of each visible element `selector` matches. */
const heights = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)))

beforeAll(async () => {
  const branches = await ok(rawApiAs(world.url, SEED_COMMITTEE.openid)('branches.list', {}))
  const branchId = branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[0].name)!.id
  const secretary = rawApiAs(world.url, SECRETARY)
  recruitId = (await ok(secretary('recruitment.create', { branchId, name: '吴申请', appliedOn: '2025-03-02', clientRequestId: 'rc-recruitmentupload-1' }))).id
  await ok(secretary('recruitment.record', { recruitId, step: 'talk', on: '2025-03-20', talker: '王芳' }))
}, 120_000)

test('checklist files: a photo and a PDF listed by name, a text file refused by name, opened, one removed after asking', async () => {
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

  // Two files picked at once (both must stay: the whole list was sent before, and the second dropped the first), and
  // a text file, which is refused by name instead of being ignored.
  await page.locator('input[data-testid=material-input-application]').setInputFiles([
    { name: '入党申请书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    { name: '申请书照片.png', mimeType: 'image/png', buffer: PNG },
    { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('说明') },
  ])
  await expect(shown(page, 'material-refused').innerText()).resolves.toBe('说明.txt 不是照片（JPG、PNG）或 PDF、Word、Excel 文件，未添加')
  await shown(page, 'material-file-入党申请书.pdf').waitFor({ timeout: 30_000 })
  await shown(page, 'material-file-申请书照片.png').waitFor({ timeout: 30_000 })
  await expect(shown(page, 'material-application').innerText()).resolves.toMatch(/照片\s*申请书照片\.png/)
  await page.waitForTimeout(500)
  expect(await shown(page, 'material-application').locator('.recruit-file').count()).toBe(2)
  // Each file's name and 删除 are a finger's target.
  for (const h of await heights(page, '.recruit-file__name, .recruit-file__remove, [data-testid=material-add]')) expect(h).toBeGreaterThanOrEqual(44)
  // 「＋ 添加照片或文件」 is a real target (the walk measured 111×20 px), well apart from the next item's 标记齐备.
  const add = (await shown(page, 'material-application').getByTestId('material-add').boundingBox())!
  const nextToggle = (await shown(page, 'material-toggle-thought_reports').boundingBox())!
  expect(add.height).toBeGreaterThanOrEqual(44)
  expect(add.width).toBeGreaterThanOrEqual(300)
  expect(nextToggle.y - (add.y + add.height)).toBeGreaterThanOrEqual(12)
  // The upload did not tick 入党申请书 (the walk: 「✓ 2026年12月3日齐备」 unasked); a single document is offered 标记齐备.
  await expect(shown(page, 'material-application').locator('.recruit-material__head').innerText()).resolves.toMatch(/○ 入党申请书\s*未齐备/)
  await shown(page, 'material-offer-application').waitFor()
  await shown(page, 'material-application').scrollIntoViewIfNeeded()
  await shot(page, 'recruitment-materials')

  // The PDF downloads by the link the function signed, under the name it was picked with (the walk got
  // application-mx7cncbp-….pdf, the stored random name).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    shown(page, 'open-file-入党申请书.pdf').click(),
  ])
  expect(download.suggestedFilename()).toBe('入党申请书.pdf')
  // Uploaded into the secretary's own folder (recruitment/<branchId>/<openid>/: the only place the storage rule and
  // recruitment.attach accept, attacker review), under a random name, not the picked one.
  expect(download.url()).toMatch(new RegExp(`/storage/recruitment/[^/]+/${SECRETARY}/application-[A-Za-z0-9_-]+\\.pdf\\?`))
  await download.cancel().catch(() => undefined)
  // The photo is shown full screen (previewImage).
  await shown(page, 'open-file-申请书照片.png').click()
  await page.locator('img[src*="/storage/recruitment/"]').first().waitFor({ timeout: 30_000 })
  await page.goBack().catch(() => undefined)
  await goTo(page, world.url, `packages/recruitment/pages/person/index?id=${recruitId}`)
  await shown(page, 'material-file-入党申请书.pdf').waitFor({ timeout: 30_000 })

  // 删除 asks first; 取消 keeps the file, 删除 removes it and the history says so.
  // 标记齐备 offered after the upload: the item is ticked only now, and the offer goes.
  await shown(page, 'material-offer-done-application').click()
  await shown(page, 'material-offer-application').waitFor({ state: 'detached', timeout: 30_000 })
  await expect(shown(page, 'material-application').locator('.recruit-material__head').innerText()).resolves.toMatch(/✓ 入党申请书\s*\d+年\d+月\d+日齐备/)

  await shown(page, 'remove-file-入党申请书.pdf').click()
  const ask = page.locator('.taro-modal__content:visible', { hasText: '删除附件' })
  await ask.waitFor({ timeout: 10_000 })
  await expect(ask.innerText()).resolves.toContain('删除「入党申请书.pdf」？')
  await ask.locator('.taro-model__cancel').click()
  await ask.waitFor({ state: 'hidden' })
  expect(await shown(page, 'material-file-入党申请书.pdf').count()).toBe(1)
  await shown(page, 'remove-file-入党申请书.pdf').click()
  await ask.locator('.taro-model__confirm').click()
  await shown(page, 'material-file-入党申请书.pdf').waitFor({ state: 'detached', timeout: 30_000 })
  expect(await shown(page, 'material-file-申请书照片.png').count()).toBe(1)
  await expect(page.locator('.recruit-history').first().innerText()).resolves.toContain('材料「入党申请书」删除附件：入党申请书.pdf')
})

test('an earlier step is corrected when the later steps still keep their rules, refused with the rule named when not; the latest corrected with a reason', async () => {
  await ok(rawApiAs(world.url, SECRETARY)('recruitment.record', { recruitId, step: 'activist', on: '2025-05-06' }))
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/recruitment/pages/person/index?id=${recruitId}`)
  await shown(page, 'recruit-head').waitFor({ timeout: 30_000 })
  // The talk is no longer the latest entry: it may be corrected (not withdrawn).
  await shown(page, 'correct-talk-0').click()
  expect(await shown(page, 'correct-action-withdraw').count()).toBe(0)
  await field(page, 'correct-on').fill('2025-05-10')
  await field(page, 'correct-reason').fill('谈话记录本上的日期')
  await shown(page, 'correct-save').click()
  await expect(shown(page, 'correct-error').innerText()).resolves.toBe('更正后第3步「推荐和确定入党积极分子」不再符合规定：「推荐和确定入党积极分子」的日期不能早于「党组织派人谈话」（2025年5月10日）')
  for (const h of await heights(page, '[data-testid=correct-form-talk] .btn')) expect(h).toBeGreaterThanOrEqual(44)
  await shown(page, 'correct-form-talk').scrollIntoViewIfNeeded()
  await shot(page, 'recruitment-correct-earlier')
  await field(page, 'correct-on').fill('2025-03-21')
  await field(page, 'correct-reason').fill('日期录入错误')
  await shown(page, 'correct-save').click()
  await shown(page, 'step-talk').filter({ hasText: '日期录入错误' }).waitFor({ timeout: 30_000 })
  await expect(shown(page, 'step-talk').innerText()).resolves.toContain('2025年3月21日')
  await expect(page.locator('.recruit-history').first().innerText()).resolves.toContain('更正第2步「党组织派人谈话」（原记录 2025年3月20日')

  // The step's own recorded field: a mistyped 谈话人 corrected (it could only be withdrawn and recorded again).
  await shown(page, 'correct-talk-0').click()
  await expect(field(page, 'correct-talker').inputValue()).resolves.toBe('王芳')
  await field(page, 'correct-talker').fill('王芳芳')
  await field(page, 'correct-reason').fill('谈话人姓名录入错误')
  await shown(page, 'correct-form-talk').scrollIntoViewIfNeeded()
  await shot(page, 'recruitment-correct-fields')
  await shown(page, 'correct-save').click()
  await shown(page, 'step-talk').filter({ hasText: '谈话人 王芳芳' }).waitFor({ timeout: 30_000 })
  await expect(shown(page, 'step-talk').innerText()).resolves.toContain('谈话人 王芳 → 王芳芳')
  await expect(page.locator('.recruit-history').first().innerText()).resolves.toContain('谈话人 王芳 → 王芳芳）：谈话人姓名录入错误')

  // The latest entry: 更正或撤回.
  await shown(page, 'correct-activist').click()
  expect(await shown(page, 'correct-action-withdraw').count()).toBe(1)
  await field(page, 'correct-on').fill('2025-05-07')
  await field(page, 'correct-reason').fill('支委会会议记录为5月7日')
  await shown(page, 'correct-save').click()
  await shown(page, 'step-activist').filter({ hasText: '支委会会议记录为5月7日' }).waitFor({ timeout: 30_000 })
  await shot(page, 'recruitment-correct')
})

test('the step form\'s 记录 and 取消 are finger targets (the walk measured 37 px)', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, `packages/recruitment/pages/person/index?id=${recruitId}`)
  await shown(page, 'record-activist_filed').click()
  await shown(page, 'step-save').waitFor({ timeout: 30_000 })
  const buttons = await heights(page, '[data-testid=step-form-activist_filed] .btn')
  expect(buttons).toHaveLength(2)
  for (const h of buttons) expect(h).toBeGreaterThanOrEqual(44)
  for (const h of await heights(page, '.recruit-step__record')) expect(h).toBeGreaterThanOrEqual(44)
  await shown(page, 'step-form-activist_filed').scrollIntoViewIfNeeded()
  await shot(page, 'recruitment-step-form')
})
