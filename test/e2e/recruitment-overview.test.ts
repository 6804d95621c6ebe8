/**
 * The committee's 发展党员 in the browser (390×844): 我的 → 发展党员工作 lands on the overview (the users' walk found an
 * empty 「请选择支部」 page): people per stage in every branch, every overdue step, the column labels on one line each
 * (they wrapped a character a line), and a branch's row opening its list. E2E_SHOTS=1 writes
 * docs/screenshots/recruitment-overview.png.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES, SEED_COMMITTEE } from '../../cloud/local/seed'
import { rawApiAs, ok } from '../support/api'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })

beforeAll(async () => {
  const branches = await ok(rawApiAs(world.url, SEED_COMMITTEE.openid)('branches.list', {}))
  const branchOf = (i: number) => branches.items.find((b: { name: string }) => b.name === SEED_BRANCHES[i].name)!.id
  const one = rawApiAs(world.url, SEED_BRANCHES[0].secretary.openid)
  const two = rawApiAs(world.url, SEED_BRANCHES[1].secretary.openid)
  const a = await ok(one('recruitment.create', { branchId: branchOf(0), name: '刘积极', appliedOn: '2025-03-02', clientRequestId: 'rc-recruitmentoverview-1' }))
  await ok(one('recruitment.record', { recruitId: a.id, step: 'talk', on: '2025-03-20', talker: '王芳' }))
  await ok(one('recruitment.record', { recruitId: a.id, step: 'activist', on: '2025-05-06' }))
  await ok(one('recruitment.create', { branchId: branchOf(0), name: '陈申请', appliedOn: '2026-11-20', clientRequestId: 'rc-recruitmentoverview-2' }))
  await ok(two('recruitment.create', { branchId: branchOf(1), name: '周申请', appliedOn: '2026-06-01', clientRequestId: 'rc-recruitmentoverview-3' }))
}, 120_000)

test('the committee lands on people per stage per branch and every overdue step, and goes into a branch from its row', async () => {
  const { page } = await world.person(SEED_COMMITTEE.openid)
  await goTo(page, world.url, 'pages/me/index')
  await shown(page, 'open-recruitment').click()
  await shown(page, `overview-branch-${SEED_BRANCHES[0].name}`).waitFor({ timeout: 30_000 })
  // 预备党员 is the roster's (赵磊, no 转正 file yet: the walk read 0), with where to make his file.
  await expect(shown(page, `overview-branch-${SEED_BRANCHES[0].name}`).innerText()).resolves.toMatch(/1\s+1\s+0\s+1\s+1/)
  await expect(shown(page, `overview-unfiled-${SEED_BRANCHES[0].name}`).innerText()).resolves.toBe('预备党员中未建档 1 人：进入名单点「花名册中的预备党员转正」建立转正档案')
  await expect(shown(page, 'overview-late-周申请').innerText()).resolves.toContain('入党谈话')
  await expect(shown(page, 'overview-late-刘积极').innerText()).resolves.toContain('半年考察')
  // Each column label on one line: as tall as one line of its text, nothing cut off.
  const labels = await shown(page, 'overview-head').locator('.recruit-grid__n').evaluateAll((els) =>
    els.map((e) => ({ text: e.textContent, oneLine: e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).fontSize), clipped: e.scrollWidth > e.clientWidth + 1 })),
  )
  expect(labels.map((l) => l.text)).toEqual(['申请人', '积极分子', '发展对象', '预备党员', '逾期'])
  for (const l of labels) expect(l).toMatchObject({ oneLine: true, clipped: false })
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/recruitment-overview.png` })
  // A branch's row opens its list.
  await shown(page, `overview-branch-${SEED_BRANCHES[0].name}`).click()
  await shown(page, 'recruit-row-刘积极').waitFor({ timeout: 30_000 })
})
