/**
 * 组织关系转接 after the user walk (docs/transfers.md), in the browser at 390×844 on the H5 build and the local cloud:
 * the 组织委员 (王芳) opens 赵磊 from the roster and has 开具组织关系介绍信 (a 宣传委员 does not), issues his letter,
 * prints it (下载 Word 文件, a button that downloads the .docx) and withdraws it; the receiving branch no longer lists it. The
 * secretary of 机械工程学会 sees 「1 份介绍信回执已逾期」 on 首页 待办, which opens the letters out, and records
 * that the outside organisation sent the letter back. E2E_SHOTS=1 writes docs/screenshots/transfers-*.png.
 */
import type { Page } from 'playwright-core'
import JSZip from 'jszip'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const FROM = SEED_BRANCHES[0]
const TO = SEED_BRANCHES[1]
const world = e2eWorld()
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}
async function type(page: Page, id: string, text: string) {
  await page.locator(`[data-testid=${id}] input:visible, [data-testid=${id}] textarea:visible, input[data-testid=${id}]:visible, textarea[data-testid=${id}]:visible`).first().fill(text)
}

test('the 组织委员 issues from the roster, prints the 介绍信 and withdraws it; the receiving branch no longer lists it', async () => {
  const admin = apiAs(world.url, 'dev-committee-admin')
  const branches = (await ok(admin('branches.list', {}))).items
  const fromId = branches.find((b) => b.name === FROM.name)!.id
  const toId = branches.find((b) => b.name === TO.name)!.id
  const zhao = (await ok(apiAs(world.url, FROM.secretary.openid)('members.list', { branchId: fromId }))).items.find((m) => m.name === '赵磊')!

  // A 宣传委员 (刘洋, 机械工程学会) reads a member's page without the button.
  const toSecretary = apiAs(world.url, TO.secretary.openid)
  const sun = (await ok(toSecretary('members.list', { branchId: toId }))).items.find((m) => m.name === '孙丽')!
  const liu = await world.person('dev-member-2a')
  await goTo(liu.page, world.url, `packages/org/pages/member/index?id=${sun.id}`)
  await liu.page.getByText('孙丽').first().waitFor({ timeout: 30_000 })
  await liu.page.waitForTimeout(1500)
  expect(await shown(liu.page, 'open-transfer-issue').count()).toBe(0)

  // 王芳, the 组织委员: roster → 赵磊 → 开具组织关系介绍信.
  const w = await world.person('dev-member-1a')
  await goTo(w.page, world.url, `packages/org/pages/member/index?id=${zhao.id}`)
  await shown(w.page, 'open-transfer-issue').waitFor({ timeout: 30_000 })
  await shot(w.page, 'transfers-organiser-member')
  await shown(w.page, 'open-transfer-issue').click()
  await shown(w.page, 'issue-save').waitFor({ timeout: 30_000 })
  await type(w.page, 'issue-letter', '湘科社党转〔2026〕21号')
  await w.page.locator('select[data-testid=issue-branch]').selectOption({ label: TO.name })
  await shown(w.page, 'issue-save').click()
  await shown(w.page, 'transfer-state').waitFor({ timeout: 30_000 })

  // 打印介绍信: a Word file with the number, the name and the receiving branch.
  await type(w.page, 'letter-ethnicity', '汉')
  await shown(w.page, 'letter-gender-男').click()
  await shown(w.page, 'transfer-print').click()
  const link = shown(w.page, 'letter-download')
  await link.waitFor({ timeout: 30_000 })
  // The app's button (下载 Word 文件), the file's name shown once above it.
  await expect(link.innerText()).resolves.toBe('下载 Word 文件')
  await expect(link.getAttribute('download')).resolves.toBe('赵磊组织关系介绍信（湘科社党转〔2026〕21号）.docx')
  await expect(shown(w.page, 'letter-ready').innerText()).resolves.toContain('赵磊组织关系介绍信（湘科社党转〔2026〕21号）.docx')
  expect((await shown(w.page, 'letter-ready').innerText()).split('.docx').length).toBe(2)
  await link.scrollIntoViewIfNeeded()
  await shot(w.page, 'transfers-print')
  const res = await fetch(new URL((await link.getAttribute('href'))!, world.url).toString())
  const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string')
  const text = xml.replace(/<[^>]+>/g, '')
  for (const words of ['湘科社党转〔2026〕21号', '赵磊', TO.name, '预备党员', ' 男 ', ' 汉族 ']) expect(text).toContain(words)

  // 撤回, with a reason: 赵磊 is back on the roster, the letter says 已撤回.
  await shown(w.page, 'transfer-withdraw').click()
  await type(w.page, 'sender-reason', '本人暂缓调动')
  await shot(w.page, 'transfers-withdraw')
  await shown(w.page, 'sender-confirm').click()
  await shown(w.page, 'transfer-state').filter({ hasText: '已撤回' }).waitFor({ timeout: 30_000 })
  await expect(shown(w.page, 'transfer-withdraw-reason').innerText()).resolves.toBe('本人暂缓调动')
  await shown(w.page, 'transfer-state').scrollIntoViewIfNeeded()
  await shot(w.page, 'transfers-withdrawn')
  expect(await ok(apiAs(world.url, FROM.secretary.openid)('members.get', { memberId: zhao.id }))).toMatchObject({ state: 'active' })

  // 机械工程学会's secretary: nothing to receive.
  expect((await ok(toSecretary('transfers.list', { branchId: toId, direction: 'in' }))).items.filter((t) => t.memberName === '赵磊')).toEqual([])
})

test('a late 回执 on 首页 待办 opens the letters out; 对方退回 is recorded and 孙丽 is back', async () => {
  const admin = apiAs(world.url, 'dev-committee-admin')
  const toId = (await ok(admin('branches.list', {}))).items.find((b) => b.name === TO.name)!.id
  const secretary = apiAs(world.url, TO.secretary.openid)
  const sun = (await ok(secretary('members.list', { branchId: toId }))).items.find((m) => m.name === '孙丽')!
  await ok(secretary('transfers.issue', { memberId: sun.id, toOrgName: '北京市某研究院党委', letterNo: '湘机党转〔2026〕9号', issuedOn: plusDays(today, -40), duesPaidTo: today.slice(0, 7), clientRequestId: `e2e-walk-${Date.now().toString(36)}` }))

  const c = await world.person(TO.secretary.openid)
  const line = c.page.getByText('1 份介绍信回执已逾期').first()
  await line.waitFor({ timeout: 30_000 })
  await shot(c.page, 'transfers-home-overdue')
  await line.click()
  await shown(c.page, 'transfer-row-孙丽').waitFor({ timeout: 30_000 })
  await expect(c.page.getByTestId('transfer-tab-out').first().getAttribute('class')).resolves.toContain('transfer__tab--on')
  await shown(c.page, 'transfer-row-孙丽').click()
  await shown(c.page, 'transfer-sent-back').click()
  await type(c.page, 'sender-reason', '介绍信姓名有误')
  await shown(c.page, 'sender-confirm').click()
  await shown(c.page, 'transfer-state').filter({ hasText: '对方已退回' }).waitFor({ timeout: 30_000 })
  await shown(c.page, 'transfer-state').scrollIntoViewIfNeeded()
  await shot(c.page, 'transfers-sent-back')
  expect(await ok(secretary('members.get', { memberId: sun.id }))).toMatchObject({ state: 'active' })
})
