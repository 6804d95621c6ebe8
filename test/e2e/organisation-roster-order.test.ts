/**
 * The roster's order in the browser (docs/organisation.md 「名册的顺序」): 书记, 支委 by post, 正式, 预备, each by pinyin.
 * E2E_SHOTS=1 writes docs/screenshots/organisation-roster-order.png.
 */
import { e2eWorld, goTo } from '../support/browser'
import { apiAs, ok } from '../support/api'
import { sdkFor } from '../support/local-cloud'

const world = e2eWorld()

test('党员名册 lists 书记 and 支委 by post first, then 正式 and 预备 党员, each in pinyin order', async () => {
  const sec = apiAs(world.url, 'dev-secretary-1')
  const branchId = (await ok(sec('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  const db = sdkFor(world.url).database()
  const entry = (name: string, more: Record<string, unknown> = {}) => ({
    branchId, openid: null, name, partyStatus: 'full', joinedPartyOn: '2010-07-01', confirmedOn: '2011-07-01', groupId: null, phone: null,
    posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null, createdAt: new Date(), updatedAt: new Date(), ...more,
  })
  for (const doc of [entry('吴刚'), entry('阿明'), entry('周敏华', { posts: ['副书记'] }), entry('冯巩', { partyStatus: 'probationary', confirmedOn: null, joinedPartyOn: '2026-03-01' }), entry('陈晨')])
    await db.collection('members').add({ data: doc })

  const { page } = await world.person('dev-secretary-1')
  await goTo(page, world.url, `packages/org/pages/roster/index?branchId=${encodeURIComponent(branchId)}`)
  const names = page.getByTestId('roster-name').filter({ visible: true })
  await names.nth(7).waitFor({ timeout: 30_000 })
  const shownNames = (await names.allInnerTexts()).map((t) => t.split(/\s/)[0].trim())
  expect(shownNames).toEqual(['李建国', '周敏华', '王芳', '阿明', '陈晨', '吴刚', '冯巩', '赵磊'])
  if (process.env.E2E_SHOTS) await page.screenshot({ path: 'docs/screenshots/organisation-roster-order.png' })
})
