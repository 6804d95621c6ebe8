/**
 * 组织关系转接 in the browser (H5 build on the local cloud, 390×844; docs/transfers.md): 计算机学会's secretary opens
 * 赵磊 (a 预备党员 since 15 October 2025) from the roster, issues his 介绍信 to 机械工程学会; that branch's secretary
 * sees it on 首页 待办 and in 我的 → 组织关系转接, opens it and accepts; 赵磊 is on the receiving roster as a 预备党员
 * with his 入党日期, and on the sending roster as transferred. E2E_SHOTS=1 writes docs/screenshots/transfer*.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const FROM = SEED_BRANCHES[0]
const TO = SEED_BRANCHES[1]
const world = e2eWorld()

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
async function type(page: Page, id: string, text: string) {
  await page.locator(`[data-testid=${id}] input:visible, [data-testid=${id}] textarea:visible, input[data-testid=${id}]:visible, textarea[data-testid=${id}]:visible`).first().fill(text)
}

test('a transfer between two branches: issued from the roster, accepted by the receiving secretary, dates kept', async () => {
  const admin = apiAs(world.url, 'dev-committee-admin')
  const branches = (await ok(admin('branches.list', {}))).items
  const fromId = branches.find((b) => b.name === FROM.name)!.id
  const toId = branches.find((b) => b.name === TO.name)!.id
  const sender = apiAs(world.url, FROM.secretary.openid)
  const zhao = (await ok(sender('members.list', { branchId: fromId }))).items.find((m) => m.name === '赵磊')!

  // The sending secretary: roster → 赵磊 → 开具组织关系介绍信.
  const a = await world.person(FROM.secretary.openid)
  await goTo(a.page, world.url, `packages/org/pages/member/index?id=${zhao.id}`)
  await shown(a.page, 'open-transfer-issue').click()
  await shown(a.page, 'issue-save').waitFor({ timeout: 30_000 })
  await type(a.page, 'issue-letter', '湘科社党转〔2026〕7号')
  await a.page.locator('select[data-testid=issue-branch]').selectOption({ label: TO.name })
  await type(a.page, 'issue-reason', '工作单位变动')
  await shot(a.page, 'transfer-issue')
  await shown(a.page, 'issue-save').click()
  await shown(a.page, 'transfer-state').waitFor({ timeout: 30_000 })
  await expect(shown(a.page, 'transfer-state').innerText()).resolves.toBe('待接收')

  // The receiving secretary: 首页 待办 names it; 我的 → 组织关系转接 → 转入本支部 → the letter.
  const b = await world.person(TO.secretary.openid)
  await b.page.getByText('1 份组织关系转入待接收').first().waitFor({ timeout: 30_000 })
  await goTo(b.page, world.url, 'pages/me/index')
  await shown(b.page, 'open-transfers').click()
  await shown(b.page, 'transfer-row-赵磊').waitFor({ timeout: 30_000 })
  await expect(shown(b.page, 'transfer-row-赵磊').innerText()).resolves.toContain(`${FROM.name} → ${TO.name}`)
  await shot(b.page, 'transfer-list')
  await shown(b.page, 'transfer-row-赵磊').click()
  await shown(b.page, 'transfer-accept').waitFor({ timeout: 30_000 })
  await expect(shown(b.page, 'transfer-joined').innerText()).resolves.toBe('2025年10月15日')
  await expect(shown(b.page, 'transfer-status').innerText()).resolves.toBe('预备党员')
  await shot(b.page, 'transfer')
  await shown(b.page, 'transfer-accept').click()
  await shown(b.page, 'transfer-state').filter({ hasText: '已接收' }).waitFor({ timeout: 30_000 })

  // 赵磊 is on 机械工程学会's roster with his 入党日期 and 预备期; 计算机学会 keeps him as transferred.
  const receiver = apiAs(world.url, TO.secretary.openid)
  const there = (await ok(receiver('members.list', { branchId: toId }))).items.find((m) => m.name === '赵磊')
  expect(there).toMatchObject({ partyStatus: 'probationary', joinedPartyOn: '2025-10-15', probationEndsOn: '2026-10-15', bound: true })
  expect(await ok(sender('members.get', { memberId: zhao.id }))).toMatchObject({ state: 'transferred' })
})

test('the committee sees every transfer in flight; a letter to outside whose 回执 is late stands out', async () => {
  const admin = apiAs(world.url, 'dev-committee-admin')
  const toId = (await ok(admin('branches.list', {}))).items.find((b) => b.name === TO.name)!.id
  const secretary = apiAs(world.url, TO.secretary.openid)
  const sun = (await ok(secretary('members.list', { branchId: toId }))).items.find((m) => m.name === '孙丽')!
  await ok(secretary('transfers.issue', { memberId: sun.id, toOrgName: '北京市某研究院党委', letterNo: '湘机党转〔2026〕3号', issuedOn: '2026-11-01', duesPaidTo: '2026-10', clientRequestId: `e2e-transfer-${Date.now().toString(36)}` }))

  const c = await world.person('dev-committee-admin')
  await goTo(c.page, world.url, 'pages/me/index')
  await shown(c.page, 'open-transfers').click()
  const row = shown(c.page, 'transfer-row-孙丽')
  await row.waitFor({ timeout: 30_000 })
  const text = await row.innerText()
  expect(text).toContain(`${TO.name} → 北京市某研究院党委`)
  expect(text).toContain('待回执')
  expect(text).toMatch(/回执已逾期 \d+ 天（应于2026年12月1日前寄回）/)
  await shot(c.page, 'transfer-committee')
})
