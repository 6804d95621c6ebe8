/**
 * Issue #4 in a real browser (the H5 build served by the local cloud, real function bundles on the real SDK):
 * the secretary plans a voting 支部党员大会 → a member of the branch sees it under 即将开展 and signs in on its page,
 * another by opening its QR code's link → the secretary records it with attendance (sign-ins prefilled, one absence
 * with a reason, quorum shown) and two large photos compressed in the browser → members and the committee see the
 * record. A draft survives a reload; text refused by the content check names its field and keeps the draft; a double
 * submit makes one record; a member of another branch sees nothing.
 */
import { crc32, deflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { e2eWorld, goTo } from '../support/browser'

const world = e2eWorld()

const RUN = Date.now() % 100000
const TOPIC = `端到端党员大会 ${RUN}`
// Screenshots land in docs/screenshots only when asked (E2E_SHOTS=1); a normal run keeps them in test-results.
const SHOTS = process.env.E2E_SHOTS ? 'docs/screenshots' : 'test-results'
let activityId = ''
/** The planned session's Beijing date and time. */
let planned = { date: '', time: '' }
const bytes: { original: number; uploaded: number }[] = []

world.beforeStop(() => {
  if (bytes.length) {
    const o = bytes.reduce((s, b) => s + b.original, 0)
    const u = bytes.reduce((s, b) => s + b.uploaded, 0)
    console.log(`activity photos: original ${bytes.map((b) => b.original).join(' + ')} = ${o} bytes; uploaded ${bytes.map((b) => b.uploaded).join(' + ')} = ${u} bytes (${((u / o) * 100).toFixed(1)}%)`)
  }
})

const person = (openid: string) => world.person(openid)

/**
 * A phone-camera-sized PNG (3264×2448, 8 MP): a gradient with a banner and coarse grain (3 px cells, so some texture
 * survives the browser's downscale to 1600 px as it would in a real photo) — a few MB, as a picked photo would be.
 */
function cameraPhoto(variant: number): Buffer {
  const width = 3264
  const height = 2448
  let seed = 7 + variant
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    if (y % 3) {
      raw.copy(raw, row, row - (width * 3 + 1), row)
      continue
    }
    let g = 0
    for (let x = 0; x < width; x++) {
      if (x % 3 === 0) g = Math.round(rnd() * 40 - 20)
      const i = row + 1 + x * 3
      const banner = y > height * 0.1 && y < height * 0.2 ? 1 : 0
      raw[i] = Math.max(0, Math.min(255, (banner ? 200 : 60 + (y / height) * 150) + g))
      raw[i + 1] = Math.max(0, Math.min(255, (banner ? 30 : 90 + (x / width) * 100) + g + variant * 20))
      raw[i + 2] = Math.max(0, Math.min(255, (banner ? 40 : 160 - (y / height) * 80) + g))
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))])
}

/**
 * After a record is saved, its page offers once a day to renew reminder subscriptions that ran out (these secretaries
 * have none): the H5 modal; 暂不 declines it.
 */
async function declineSubscribeOffer(page: Page): Promise<string> {
  const offer = page.locator('.taro-modal__content:visible', { hasText: '订阅提醒' })
  await offer.waitFor({ timeout: 20000 })
  const text = await offer.innerText()
  await offer.locator('.taro-model__cancel').click()
  await offer.waitFor({ state: 'hidden' })
  return text
}

const input = (page: Page, id: string) => page.locator(`[data-testid=${id}] input, [data-testid=${id}] textarea, input[data-testid=${id}], textarea[data-testid=${id}]`).first()

/** Beijing date and a time a few minutes from now (so the session's sign-in window is open). */
function soon(minutes: number) {
  const d = new Date(Date.now() + 8 * 3600_000 + minutes * 60_000)
  return { date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) }
}

async function call(page: Page, openid: string, action: string, payload: unknown) {
  return page.evaluate(
    async ([who, name, body]) => {
      const res = await fetch('/cloud/functions/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-OpenId': who as string },
        body: JSON.stringify({ action: name, payload: body }),
      })
      return res.json()
    },
    [openid, action, payload] as const,
  )
}

async function branchOf(openid: string): Promise<string> {
  const ids = await (await fetch(`${world.url}/dev/identities`)).json()
  return ids.find((p: { openid: string }) => p.openid === openid).roles[0].branchId
}

/** The natural width of a (lazy-loaded) image once it has loaded; 0 if it failed. Scrolls it into view first. */
async function imageWidth(page: Page, selector: string) {
  const el = page.locator(selector).first()
  await el.scrollIntoViewIfNeeded()
  return el.evaluate(
    (node: HTMLElement) =>
      new Promise<number>((resolve) => {
        const img = (node.tagName === 'IMG' ? node : node.querySelector('img')) as HTMLImageElement
        const started = Date.now()
        const poll = () => {
          if (img.getAttribute('src') && img.complete) return resolve(img.naturalWidth)
          if (Date.now() - started > 10000) return resolve(img.naturalWidth)
          setTimeout(poll, 100)
        }
        poll()
      }),
  )
}

test('the secretary plans a voting 支部党员大会 and shows its sign-in QR code', async () => {
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('plan-activity').click()
  await page.getByTestId('activity-form-plan').waitFor()
  await page.getByTestId('activity-type').selectOption('party_lecture')
  await page.getByTestId('activity-submit').click()
  await page.getByText('请填写授课人').waitFor()
  await page.getByText('请填写主题').waitFor()
  await page.getByTestId('activity-type').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/activities-plan.png` })

  await page.getByTestId('activity-type').selectOption('party_congress')
  planned = soon(10)
  const { date, time } = planned
  await input(page, 'activity-topic').fill(TOPIC)
  await input(page, 'activity-place').fill('学会三楼会议室')
  await page.getByTestId('activity-date').fill(date)
  await page.getByTestId('activity-time').fill(time)
  await input(page, 'activity-host').fill('李建国')
  await page.getByTestId('activity-submit').click()

  await page.getByTestId('activity-detail').waitFor({ timeout: 20000 })
  activityId = decodeURIComponent(/[?&]id=([^&]+)/.exec(page.url())![1])
  expect(await page.getByTestId('activity-status').innerText()).toBe('已计划')
  await page.getByTestId('show-qr').click()
  await page.getByTestId('sign-in-qr').waitFor({ timeout: 20000 })
  expect(await imageWidth(page, '[data-testid=sign-in-qr]')).toBeGreaterThan(0)
  await page.screenshot({ path: `${SHOTS}/activities-detail-planned.png` })
})

test('a member of the branch sees it under 即将开展 (list and calendar) and signs in on its page', async () => {
  const { page } = await person('dev-member-1b')
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('upcoming-item').filter({ hasText: TOPIC }).waitFor({ timeout: 20000 })
  await page.screenshot({ path: `${SHOTS}/activities-tab-member.png` })
  await page.getByTestId('open-calendar').click()
  const row = page.getByTestId('upcoming-row').filter({ hasText: TOPIC })
  await row.waitFor({ timeout: 20000 })
  await page.waitForTimeout(500) // the page's slide-in
  await page.screenshot({ path: `${SHOTS}/activities-upcoming.png` })
  await page.getByTestId('upcoming-view-calendar').click()
  await page.getByTestId('month-calendar').waitFor()
  // The session's Beijing day (next month when run minutes before a month ends) lists it under the month.
  const { date } = planned
  if (!(await page.getByTestId(`calendar-day-${date}`).count())) await page.getByTestId('calendar-next').click()
  await page.getByTestId(`calendar-day-${date}`).click()
  await page.getByTestId('upcoming-row').filter({ hasText: TOPIC }).waitFor({ timeout: 20000 })
  await page.screenshot({ path: `${SHOTS}/activities-calendar.png` })
  await page.getByTestId('upcoming-row').filter({ hasText: TOPIC }).click()
  await page.getByTestId('sign-in').click()
  await page.getByTestId('signed-in').waitFor({ timeout: 20000 })
})

test('another member signs in by opening the QR code’s link', async () => {
  const { page } = await person('dev-member-1a')
  await goTo(page, world.url, `packages/activities/pages/sign-in/index?scene=${encodeURIComponent(activityId)}`)
  await page.getByTestId('sign-in-result').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('sign-in-result').innerText()).toBe('签到成功')
  await page.screenshot({ path: `${SHOTS}/activities-sign-in.png` })
})

test('the secretary records it: sign-ins prefilled, an absence with a reason, quorum, two large photos compressed', async () => {
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${activityId}`)
  await page.getByTestId('record-planned').click()
  await page.getByTestId('activity-form-record').waitFor({ timeout: 20000 })
  expect(await input(page, 'activity-topic').inputValue()).toBe(TOPIC)
  await page.getByTestId('attendee').first().waitFor({ timeout: 20000 })
  // Both members signed in, so they come marked present; mark the secretary absent without a reason first.
  const attendees = await page.getByTestId('attendee').allInnerTexts()
  expect(attendees.join('\n')).toContain('王芳')
  await page.getByTestId('absent-李建国').click()
  await page.getByTestId('activity-voting').click()
  await input(page, 'activity-recorder').fill('王芳')
  await input(page, 'activity-minutes').fill('传达学习全会精神，讨论发展党员事项。')
  await input(page, 'activity-resolutions').fill('同意接收赵磊同志为正式党员的讨论提交支委会。')

  // The draft survives a reload.
  await page.waitForTimeout(300)
  await page.reload()
  await page.getByTestId('activity-form-record').waitFor({ timeout: 20000 })
  expect(await input(page, 'activity-minutes').inputValue()).toBe('传达学习全会精神，讨论发展党员事项。')

  await page.getByTestId('activity-submit').click()
  await page.getByTestId('error-attendance').waitFor()
  expect(await page.getByTestId('error-attendance').innerText()).toContain('李建国')
  await page.getByTestId('reason-李建国-公出').click()
  // 正式党员 李建国 and 王芳 vote (赵磊 is probationary): one of two present is not more than half.
  const counts = await page.getByTestId('attendance-counts').innerText()
  expect(counts).toContain('有表决权的正式党员 2 人，到会 1 人：未超过半数')
  await page.getByTestId('present-李建国').click()
  expect(await page.getByTestId('attendance-counts').innerText()).toContain('到会 2 人：已超过半数')
  await page.getByTestId('absent-李建国').click()
  await page.getByTestId('reason-李建国-公出').click()

  await page.getByTestId('activity-photo-input').setInputFiles([
    { name: 'site-1.png', mimeType: 'image/png', buffer: cameraPhoto(1) },
    { name: 'site-2.png', mimeType: 'image/png', buffer: cameraPhoto(2) },
  ])
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=photo-tile][data-status=done]').length === 2, undefined, { timeout: 30000 })
  for (const tile of await page.getByTestId('photo-tile').all()) {
    bytes.push({ original: Number(await tile.getAttribute('data-original-bytes')), uploaded: Number(await tile.getAttribute('data-bytes')) })
  }
  expect(bytes).toHaveLength(2)
  for (const b of bytes) {
    expect(b.original).toBeGreaterThan(2_000_000)
    expect(b.uploaded).toBeLessThan(b.original / 4)
  }
  // Reorder: the second photo moves first.
  const firstBefore = await page.getByTestId('photo-tile').nth(1).getAttribute('data-bytes')
  await page.getByTestId('photo-left').nth(1).click()
  expect(await page.getByTestId('photo-tile').first().getAttribute('data-bytes')).toBe(firstBefore)
  await page.screenshot({ path: `${SHOTS}/activities-record-photos.png` })
  await page.getByTestId('attendance-counts').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/activities-record.png` })

  await page.getByTestId('activity-submit').dblclick()
  await page.getByTestId('activity-detail').waitFor({ timeout: 20000 })
  expect(await declineSubscribeOffer(page)).toContain('记录已保存。订阅提醒后，下次活动和到期事项会通过微信通知你。')
  expect(await page.getByTestId('activity-status').innerText()).toBe('已记录')
  await page.getByTestId('quorum').waitFor()
  expect(await page.getByTestId('detail-photo').count()).toBe(2)
  await page.getByTestId('show-history').click()
  await page.getByTestId('history-entry').first().waitFor({ timeout: 20000 })
  await page.getByTestId('activity-status').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/activities-detail.png` })
})

test('a double submit of a new record makes one record', async () => {
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('record-activity').click()
  await page.getByTestId('activity-form-record').waitFor({ timeout: 20000 })
  const topic = `端到端主题党日 ${RUN}`
  await input(page, 'activity-topic').fill(topic)
  await input(page, 'activity-place').fill('会议室')
  const held = soon(-3 * 24 * 60)
  await page.getByTestId('activity-date').fill(held.date)
  await page.getByTestId('activity-time').fill('09:30')
  await input(page, 'activity-host').fill('李建国')
  await input(page, 'activity-recorder').fill('王芳')
  // The platform's text check refuses a word: the form says which field, and keeps everything typed.
  await input(page, 'activity-minutes').fill('学习。违禁词')
  await page.getByTestId('attendee').first().waitFor({ timeout: 20000 })
  await page.getByTestId('attendance-all-present').click()
  await page.getByTestId('activity-submit').click()
  await page.getByTestId('error-minutes').waitFor({ timeout: 20000 })
  expect(await page.getByTestId('activity-form-error').innerText()).toContain('草稿已保留')
  expect(await input(page, 'activity-topic').inputValue()).toBe(topic)
  await page.getByTestId('activity-form-error').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/activities-rejected.png` })
  await input(page, 'activity-minutes').fill('学习。')
  await page.getByTestId('activity-submit').dblclick()
  await page.getByTestId('activity-detail').waitFor({ timeout: 20000 })
  const list = await call(page, 'dev-secretary-1', 'activities.list', { branchId: await branchOf('dev-secretary-1'), limit: 50 })
  expect(list.ok).toBe(true)
  expect(list.data.items.filter((a: { topic: string }) => a.topic === topic)).toHaveLength(1)
})

test('on a weak signal: a failed upload is retried, the record is saved while its photo uploads and gets it after', async () => {
  const { page } = await person('dev-secretary-1')
  // The first upload fails; the retry is held until the record has been saved.
  let uploads = 0
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/cloud/storage', async (route) => {
    uploads += 1
    if (uploads === 1) return route.abort('failed')
    await gate
    return route.continue()
  })
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('record-activity').click()
  await page.getByTestId('activity-form-record').waitFor({ timeout: 20000 })
  const topic = `端到端弱网记录 ${RUN}`
  await input(page, 'activity-topic').fill(topic)
  await input(page, 'activity-place').fill('社区活动室')
  await page.getByTestId('activity-date').fill(soon(-2 * 24 * 60).date)
  await input(page, 'activity-host').fill('李建国')
  await input(page, 'activity-recorder').fill('王芳')
  await input(page, 'activity-minutes').fill('重温入党誓词。')
  await page.getByTestId('attendee').first().waitFor({ timeout: 20000 })
  await page.getByTestId('attendance-all-present').click()
  await page.getByTestId('activity-photo-input').setInputFiles({ name: 'weak.png', mimeType: 'image/png', buffer: cameraPhoto(3) })
  await page.locator('[data-testid=photo-tile][data-status=failed]').waitFor({ timeout: 20000 })
  await page.getByTestId('photo-retry').click()
  await page.locator('[data-testid=photo-tile][data-status=uploading]').waitFor()
  expect(await page.getByTestId('photo-upload-status').innerText()).toBe('1 张照片上传中')
  expect(await page.getByTestId('activity-submit').innerText()).toContain('1 张照片稍后补充')
  await page.getByTestId('activity-submit').click()

  const pending = page.getByTestId('pending-photos')
  await pending.waitFor({ timeout: 20000 })
  expect(await pending.innerText()).toContain('1 张照片上传中，完成后自动补充到记录')
  expect(await page.getByTestId('detail-photo').count()).toBe(0)
  await page.waitForTimeout(500) // the page's slide-in
  await pending.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/activities-detail-pending.png` })

  release()
  await page.getByTestId('detail-photo').waitFor({ timeout: 30000 })
  await pending.waitFor({ state: 'detached' })
  const id = decodeURIComponent(/[?&]id=([^&]+)/.exec(page.url())![1])
  const saved = await call(page, 'dev-secretary-1', 'activities.get', { id })
  expect(saved.data.photos).toHaveLength(1)
  expect(saved.data.version).toBe(2)
})

test('members of the branch and the committee see the record', async () => {
  for (const openid of ['dev-member-1a', 'dev-committee-admin']) {
    const { page } = await person(openid)
    await goTo(page, world.url, `packages/activities/pages/detail/index?id=${activityId}`)
    const detail = page.getByTestId('activity-detail')
    await detail.waitFor({ timeout: 20000 })
    const text = await detail.innerText()
    expect(text).toContain(TOPIC)
    expect(text).toContain('传达学习全会精神')
    expect(text).toContain('李建国（公出）')
    expect(await page.getByTestId('detail-photo').count()).toBe(2)
    expect(await imageWidth(page, '[data-testid=detail-photo]')).toBeGreaterThan(0)
  }
  const { page } = await person('dev-member-1a')
  await goTo(page, world.url, 'pages/activities/index')
  await page.getByTestId('activity-item').filter({ hasText: TOPIC }).waitFor({ timeout: 20000 })
  await page.screenshot({ path: `${SHOTS}/activities-tab.png` })
})

test('the secretary corrects the record; the history says who changed what', async () => {
  const { page } = await person('dev-secretary-1')
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${activityId}`)
  await page.getByTestId('edit-activity').click()
  await page.getByTestId('activity-form-edit').waitFor({ timeout: 20000 })
  expect(await input(page, 'activity-resolutions').inputValue()).toBe('同意接收赵磊同志为正式党员的讨论提交支委会。')
  await input(page, 'activity-resolutions').fill('同意将赵磊同志转正事项提交下次支部党员大会讨论。')
  await page.getByTestId('activity-submit').click()
  await page.getByTestId('activity-detail').waitFor({ timeout: 20000 })
  await declineSubscribeOffer(page)
  expect(await page.getByTestId('activity-detail').innerText()).toContain('提交下次支部党员大会讨论')
  await page.getByTestId('show-history').click()
  const latest = page.getByTestId('history-entry').first()
  await latest.waitFor({ timeout: 20000 })
  const text = await latest.innerText()
  expect(text).toContain('修改')
  expect(text).toContain('李建国')
  expect(text).toContain('决议')
  expect(text).toContain('提交下次支部党员大会讨论')
  await latest.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/activities-detail-history.png` })
})

test('a member of another branch sees nothing of it, in the UI or by calling the actions', async () => {
  const { page } = await person('dev-member-2a')
  await goTo(page, world.url, 'pages/activities/index')
  await page.waitForLoadState('networkidle')
  expect(await page.getByText(TOPIC).count()).toBe(0)
  await goTo(page, world.url, 'packages/activities/pages/upcoming/index')
  await page.waitForLoadState('networkidle')
  expect(await page.getByText(TOPIC).count()).toBe(0)
  await goTo(page, world.url, `packages/activities/pages/detail/index?id=${activityId}`)
  await page.getByText('加载失败').waitFor({ timeout: 20000 })
  expect(await page.getByText(TOPIC).count()).toBe(0)

  expect(await call(page, 'dev-member-2a', 'activities.get', { id: activityId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call(page, 'dev-member-2a', 'activities.signIn', { id: activityId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call(page, 'dev-member-2a', 'activities.list', { branchId: await branchOf('dev-secretary-1') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})
