/**
 * feedback.send's limits through the local cloud (cloud/core/actions/feedback-limit.ts, docs/feedback.md): not the same
 * text twice within 10 minutes, at most 5 items a Beijing day — RATE_LIMITED with a Chinese message, nothing written;
 * a retry of a sent item still answers that item; someone else is not limited; the next day starts afresh.
 */
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
const as = (openid: string) => apiAs(cloud.url, openid)
const ZHAO = 'dev-member-1b'
const WANG = 'dev-member-1a'
const rid = (n: string) => `fblimit-${Date.now().toString(36)}-${n}`

async function clock(change: Record<string, unknown>) {
  const res = await fetch(`${cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  cloud = await startLocalCloud()
})
afterAll(() => cloud?.stop())

test('the same text again within 10 minutes and a sixth item in a day are refused (RATE_LIMITED), nothing written; others and the next day are not', async () => {
  // Tomorrow 09:00 Beijing: the whole test stays inside one Beijing day until it moves to the next on purpose.
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10)
  await clock({ set: `${tomorrow}T09:00:00+08:00` })
  const zhao = as(ZHAO)
  const before = (await ok(zhao('feedback.mine', {}))).items.length
  const send = (body: string, id: string) => zhao('feedback.send', { kind: 'suggestion', body, clientRequestId: id })

  const firstId = rid('a')
  const first = await ok(send('活动通知请提前三天发出', firstId))
  await clock({ advance: '1m' })
  const again = await send('活动通知请提前三天发出 ', rid('b'))
  expect(again).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'REPEATED', retryAfterMinutes: 9 } } })
  if (!again.ok) expect(again.error.message).toMatch(/^这条意见刚刚已经提交过.*9 分钟后再提交$/)
  // A retry of the first send (its own request id) is no new item: it answers the item, not the limit.
  expect((await ok(send('活动通知请提前三天发出', firstId))).id).toBe(first.id)

  await clock({ advance: '10m' })
  await ok(send('活动通知请提前三天发出', rid('c')))
  for (const n of ['d', 'e', 'f']) await ok(send(`第 ${n} 条：希望增加党费缴纳记录的导出`, rid(n)))
  const sixth = await send('再提一条：学习资料请放到小程序里', rid('g'))
  expect(sixth).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'DAILY_LIMIT', limit: 5 } } })
  if (!sixth.ok) expect(sixth.error.message).toBe('今天已经提交了 5 条意见建议，请明天再提交；已提交的在下方“我提的意见”里')
  const mine = await ok(zhao('feedback.mine', {}))
  expect(mine.items).toHaveLength(before + 5)
  expect(mine.items.map((i) => i.body)).not.toContain('再提一条：学习资料请放到小程序里')

  // Another member is not limited by 赵磊's items, even with his words.
  await ok(as(WANG)('feedback.send', { kind: 'suggestion', body: '活动通知请提前三天发出', clientRequestId: rid('w') }))

  // The next Beijing day starts afresh.
  await clock({ set: `${tomorrow}T23:59:00+08:00` })
  expect(await send('再提一条：学习资料请放到小程序里', rid('h'))).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
  await clock({ advance: '2m' })
  await ok(send('再提一条：学习资料请放到小程序里', rid('i')))
})

test('20 sends at the same instant with different texts: exactly 5 stored, 15 refused with DAILY_LIMIT (attacker review: 8 got through)', async () => {
  // A Beijing day no other test writes in, for a member no other test here sends as.
  const day = new Date(Date.now() + 8 * 3600_000 + 5 * 86400_000).toISOString().slice(0, 10)
  await clock({ set: `${day}T10:00:00+08:00` })
  const chen = as('dev-secretary-2')
  const ofDay = async () => (await ok(chen('feedback.mine', {}))).items.filter((i) => new Date(Date.parse(i.createdAt) + 8 * 3600_000).toISOString().startsWith(day))
  expect(await ofDay()).toHaveLength(0)
  const ids = Array.from({ length: 20 }, (_, n) => rid(`par${n}`))
  const answers = await Promise.all(ids.map((id, n) => chen('feedback.send', { kind: 'suggestion', body: `第 ${n + 1} 条并发提交的意见：请改进活动通知`, clientRequestId: id })))
  const refused = answers.filter((a) => !a.ok)
  expect(answers.filter((a) => a.ok)).toHaveLength(5)
  expect(refused).toHaveLength(15)
  for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'DAILY_LIMIT', limit: 5 } } })
  expect(await ofDay()).toHaveLength(5)
  // A retry of a stored one still answers it; a new one is still refused.
  const first = answers.findIndex((a) => a.ok)
  const again = await chen('feedback.send', { kind: 'suggestion', body: `第 ${first + 1} 条并发提交的意见：请改进活动通知`, clientRequestId: ids[first] })
  expect(again.ok && answers[first].ok && again.data.id === answers[first].data.id).toBe(true)
  expect(await chen('feedback.send', { kind: 'suggestion', body: '再来一条', clientRequestId: rid('par-late') })).toMatchObject({ ok: false, error: { details: { reason: 'DAILY_LIMIT' } } })
  expect(await ofDay()).toHaveLength(5)
})

test('a text disguised with invisible characters or full-width letters is the same text (REPEATED); the stored text has no word joiner', async () => {
  const day = new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 10)
  await clock({ set: `${day}T10:00:00+08:00` })
  const wang = as(WANG)
  const sent = await ok(wang('feedback.send', { kind: 'complaint', body: 'ABC 活动\u2060通知发得太晚', clientRequestId: rid('inv1') }))
  expect(sent.body).toBe('ABC 活动通知发得太晚')
  for (const [n, disguised] of ['A\u2060B\u2060C活动通知发得太晚', 'ABC活动\u200D通知发得太晚', 'ABC活动通知\u180E发得太晚', 'ＡＢＣ活动通知发得太晚'].entries()) {
    expect(await wang('feedback.send', { kind: 'complaint', body: disguised, clientRequestId: rid(`inv${n + 2}`) })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'REPEATED' } } })
  }
  const mine = (await ok(wang('feedback.mine', {}))).items.filter((i) => i.body.includes('活动通知发得太晚'))
  expect(mine).toHaveLength(1)
})

test('the same text sent 10 times at the same instant is stored once; 9 are refused as REPEATED', async () => {
  const day = new Date(Date.now() + 8 * 3600_000 + 9 * 86400_000).toISOString().slice(0, 10)
  await clock({ set: `${day}T10:00:00+08:00` })
  const li = as('dev-secretary-1')
  const body = '同一时刻连点十次：请把学习资料放到小程序里'
  const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => li('feedback.send', { kind: 'suggestion', body, clientRequestId: rid(`same${n}`) })))
  expect(answers.filter((a) => a.ok)).toHaveLength(1)
  for (const r of answers.filter((a) => !a.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'REPEATED' } } })
  expect((await ok(li('feedback.mine', {}))).items.filter((i) => i.body === body)).toHaveLength(1)
  // Ten minutes on, the text may be sent again.
  await clock({ advance: '10m' })
  await ok(li('feedback.send', { kind: 'suggestion', body, clientRequestId: rid('same-later') }))
})
