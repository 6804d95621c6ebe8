/**
 * 民主评议党员 returned by the committee, in the browser at 390×844: the secretary opens the sheet of a 确定 record the
 * committee returned, sees the committee's comment and 重新评定, reopens (asked once more), and the form is editable
 * again with the first results in the history. Screenshots (E2E_SHOTS=1): docs/screenshots/appraisal-returned.png and
 * appraisal-reopened.png. docs/appraisal.md.
 */
import type { Page } from 'playwright-core'
import { SEED_BRANCHES } from '../../cloud/local/seed'
import { apiAs, ok } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()
const SECRETARY = SEED_BRANCHES[0].secretary.openid
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
let reviewId: string
let seq = 0
const rid = () => `e2e-appr-ret-${Date.now()}-${++seq}`

const shown = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true })
async function shot(page: Page, name: string) {
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop) el.scrollTop = 0
    window.scrollTo(0, 0)
  })
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'}/${name}.png` })
}

beforeAll(async () => {
  const secretary = apiAs(world.url, SECRETARY)
  const branch1 = (await ok(secretary('session.get', {}))).roles.find((r) => r.branchId)!.branchId!
  reviewId = (
    await ok(
      secretary(
        'activities.record',
        sessionRecord({ branchId: branch1, clientRequestId: rid(), type: 'democratic_review', topic: `${YEAR}年度民主评议党员`, place: '学会会议室', startAt: new Date(Date.now() - 86_400_000).toISOString() }),
      ),
    )
  ).id
  const blank = await ok(secretary('appraisal.get', { activityId: reviewId }))
  const rows = blank.rows.map((r, i) => ({ memberId: r.memberId, grade: i === 0 ? ('excellent' as const) : ('qualified' as const), votes: null, disposal: null }))
  const saved = await ok(secretary('appraisal.save', { activityId: reviewId, version: 0, clientRequestId: rid(), rows }))
  await ok(secretary('appraisal.finalize', { activityId: reviewId, version: saved.version, clientRequestId: rid() }))
  const rec = await ok(secretary('activities.get', { id: reviewId }))
  await ok(apiAs(world.url, 'dev-committee-admin')('reviews.decide', { activityId: reviewId, decision: 'return', comment: '赵磊的等次与测评票数不符', expectedVersion: rec.version }))
}, 120_000)

test('the returned sheet shows the comment and 重新评定; reopening makes it editable with the first results kept', async () => {
  const sec = (await world.person(SECRETARY)).page
  await goTo(sec, world.url, `packages/appraisal/pages/sheet/index?id=${reviewId}`)
  await shown(sec, 'appraisal-returned').filter({ hasText: '赵磊的等次与测评票数不符' }).waitFor({ timeout: 30_000 })
  expect((await shown(sec, 'appraisal-reopen').boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await shot(sec, 'appraisal-returned')
  await shown(sec, 'appraisal-reopen').click()
  await shown(sec, 'appraisal-reopen-confirm').click()
  await shown(sec, 'appraisal-save').waitFor({ timeout: 30_000 })
  await expect(shown(sec, 'appraisal-history').innerText()).resolves.toContain('重新评定')
  await shot(sec, 'appraisal-reopened')
})
