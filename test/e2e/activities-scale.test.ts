/**
 * A branch with many sessions in the browser (issue #4, item 7): the 活动 tab shows the latest page only and links to
 * 全部活动, a virtual list — the DOM holds a small window of rows however far one scrolls, scrolling reaches the
 * oldest session, and further pages are fetched with the cursor as the end nears. 130 sessions are written through
 * the api (activities.record), a few with a photo (list rows show its thumbnail). The record editor's attendance of a
 * 200-member branch is a virtual list too (members written through the local cloud's database API, as the bench does:
 * members arrive by invitation, which has no bulk action).
 */
import type { Page } from 'playwright-core'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import { apiAs, ok, uploadPhoto } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { e2eWorld, goTo } from '../support/browser'

/** E2E_SHOTS=1 also writes the 全部活动 list and the 200-member roster to docs/screenshots. */
const SHOTS = !!process.env.E2E_SHOTS
import { sdkFor } from '../support/local-cloud'

const world = e2eWorld()

const SECRETARY = 'dev-secretary-3'
const MANY = 130
const HOUR = 3600_000
const topic = (i: number) => `批量活动 ${String(i).padStart(3, '0')}`

let total = 0
let branchId = ''

beforeAll(async () => {
  const sec = apiAs(world.url, SECRETARY)
  branchId = (await ok(sec('session.get', {}))).roles.find((r) => r.branchId)!.branchId!
  const photo = await uploadPhoto(world.url, branchId, drawSeedPhoto(3, 640, 480), 'batch.png')
  // 批量活动 001 is the newest, 130 the oldest; every tenth has a photo.
  const start = Date.now() - 2 * 24 * HOUR
  for (let i = 1; i <= MANY; i += 1) {
    await ok(
      sec(
        'activities.record',
        sessionRecord({
          branchId,
          type: i % 3 ? 'theme_day' : 'org_life_meeting',
          topic: topic(i),
          place: '学会会议室',
          startAt: new Date(start - i * 6 * HOUR).toISOString(),
          photos: i % 10 === 0 ? [photo] : [],
          clientRequestId: `scale-${i}-${Date.now()}`,
        }),
      ),
    )
  }
  // Everything the branch has (the seed's own sessions too), counted through the api in pages.
  let cursor: string | null = null
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await ok(sec('activities.list', { branchId, limit: 50, ...(cursor ? { cursor } : {}) }))
    total += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  expect(total).toBeGreaterThanOrEqual(MANY)
})

/** The activities.list calls the page makes, with or without a cursor. */
function watchListCalls(page: Page): { first: number; more: number } {
  const calls = { first: 0, more: 0 }
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().includes('/cloud/functions/api')) return
    const body = r.postDataJSON() as { action?: string; payload?: { cursor?: string } } | null
    if (body?.action !== 'activities.list') return
    if (body.payload?.cursor) calls.more += 1
    else calls.first += 1
  })
  return calls
}

const rowsInDom = (page: Page) => page.locator('[data-testid=record-item]').count()

test('130+ sessions: the tab shows one page, 全部活动 keeps a small window of rows while scrolling loads every page', async () => {
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('activity-list').waitFor({ timeout: 20000 })
  const onTab = await page.locator('[data-testid=activity-item]:visible, [data-testid=upcoming-item]:visible').count()
  expect(onTab).toBeLessThanOrEqual(10)
  expect(await page.locator('[data-testid=activity-item]:visible').filter({ hasText: topic(1) }).count()).toBe(1)

  const calls = watchListCalls(page)
  await page.locator('[data-testid=all-activities]:visible').click()
  await page.locator('[data-testid=record-item]').first().waitFor({ timeout: 20000 })
  expect(calls.first).toBe(1)
  const firstWindow = await rowsInDom(page)
  expect(firstWindow).toBeGreaterThan(3)
  expect(firstWindow).toBeLessThanOrEqual(20)
  expect(await page.locator('[data-testid=record-item]').filter({ hasText: topic(1) }).count()).toBe(1)
  // A row with a photo shows its thumbnail.
  expect(await page.locator('[data-testid=record-item] .record-row__thumb img, [data-testid=record-item] img.record-row__thumb').count()).toBeGreaterThan(0)
  if (SHOTS) {
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'docs/screenshots/activities-all.png' })
  }

  // Scroll the list down step by step, as a finger would, until its end says how many sessions there are.
  const list = page.locator('.nut-virtuallist').first()
  let most = firstWindow
  for (let step = 0; step < 200; step += 1) {
    if (await page.locator('[data-testid=records-end]').count()) break
    await list.evaluate((el) => {
      el.scrollTop += 600
      el.dispatchEvent(new Event('scroll'))
    })
    await page.waitForTimeout(60)
    most = Math.max(most, await rowsInDom(page))
  }
  await page.locator('[data-testid=records-end]').waitFor({ timeout: 20000 })
  expect(await page.locator('[data-testid=records-end]').innerText()).toBe(`共 ${total} 次活动，没有更多了`)
  // The oldest session is reached; the DOM never held more than a window of rows.
  await page.locator('[data-testid=record-item]').filter({ hasText: topic(MANY) }).waitFor({ timeout: 10000 })
  expect(most).toBeLessThanOrEqual(20)
  expect(most * 5).toBeLessThan(total)
  expect(await page.locator('[data-testid=record-item]').filter({ hasText: topic(1) }).count()).toBe(0)
  // Pages of 20 fetched with the cursor, one after another.
  expect(calls.more).toBe(Math.ceil(total / 20) - 1)

  // A row far down opens its session.
  await page.locator('[data-testid=record-item]').filter({ hasText: topic(MANY) }).click()
  await page.getByTestId('activity-detail').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('activity-detail').innerText()).toContain(topic(MANY))
})

test('a branch of 200 members: the record editor’s attendance keeps a window of rows; a member far down is marked absent', async () => {
  const db = sdkFor(world.url).database()
  const now = new Date()
  for (let i = 1; i <= 200; i += 1) {
    await db.collection('members').add({
      data: {
        branchId, openid: null, name: `党员${String(i).padStart(3, '0')}`, partyStatus: i % 10 === 0 ? 'probationary' : 'full', joinedPartyOn: null,
        confirmedOn: null, groupId: null, phone: null, posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null,
        createdAt: now, updatedAt: now,
      },
    })
  }
  const { page } = await world.person(SECRETARY)
  await goTo(page, world.url, 'packages/activities/pages/edit/index')
  await page.getByTestId('attendee').first().waitFor({ timeout: 20000 })
  const hint = await page.locator('.attend__hint').innerText()
  const expected = Number(/共 (\d+) 人/.exec(hint)![1])
  expect(expected).toBeGreaterThanOrEqual(200)
  expect(await page.getByTestId('attendee').count()).toBeLessThanOrEqual(20)
  // Nobody signed in to this record: everyone starts absent but whoever hosts or records; 全部出席 marks them all.
  await page.getByTestId('attendance-all-present').click()

  // Scroll the roster (its own scroll box) to the end: the last member appears, the window stays small.
  const roster = page.locator('.attend--virtual .nut-virtuallist')
  for (let step = 0; step < 100 && !(await page.getByTestId('absent-党员200').count()); step += 1) {
    await roster.evaluate((el) => {
      el.scrollTop += 500
      el.dispatchEvent(new Event('scroll'))
    })
    await page.waitForTimeout(40)
  }
  await page.getByTestId('absent-党员200').click()
  await page.getByTestId('reason-党员200-病假').click()
  expect(await page.getByTestId('attendee').count()).toBeLessThanOrEqual(20)
  const counts = await page.getByTestId('attendance-counts').innerText()
  expect(counts.replace(/\s+/g, ' ')).toContain(`${expected} 应到 ${expected - 1} 实到 1 缺席`)
  if (SHOTS) await page.getByTestId('attendance').screenshot({ path: 'docs/screenshots/activities-roster-200.png' })
})
