/**
 * Issue 16.11 through the real actions on the seeded branch: a planned session is rescheduled, moved and cancelled;
 * each change is in its history and its audience is told (inbox, and a message to whoever granted one).
 */
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
const TPL = SUBSCRIPTION_TEMPLATES.activity_upcoming.id
const DAY = 86400e3
const secretary = () => apiAs(cloud.url, 'dev-secretary-1')
const member = () => apiAs(cloud.url, 'dev-member-1a')
const outbox = async () => (await (await fetch(`${cloud.url}/dev/outbox`)).json()) as { touser: string; templateId: string; data: Record<string, { value: string }> }[]

beforeAll(async () => {
  cloud = await startLocalCloud()
  const s = await ok(secretary()('session.get'))
  branch1 = s.roles.find((r) => r.role === 'secretary')!.branchId!
  // 王芳 granted one activity message (WeChat's consent sheet, and the app's record of it).
  await fetch(`${cloud.url}/dev/subscriptions`, { method: 'POST', headers: { 'x-dev-openid': 'dev-member-1a', 'content-type': 'application/json' }, body: JSON.stringify({ results: { [TPL]: 'accept' } }) })
  await ok(member()('subscriptions.record', { results: { [TPL]: 'accept' } }))
}, 60_000)
afterAll(() => cloud?.stop())

const inFuture = (days: number) => {
  const d = new Date(Date.now() + days * DAY)
  d.setUTCHours(6, 30, 0, 0) // 14:30 Beijing
  return d.toISOString()
}

test('改期 and a new place: in the history with the reason, the audience told once, a message where granted', async () => {
  const planned = await ok(secretary()('activities.plan', { branchId: branch1, clientRequestId: 'pc-plan-1', type: 'theme_day', topic: '参观红色教育基地', place: '学会会议室', startAt: inFuture(3) }))
  const newStart = inFuture(5)
  const changed = await ok(secretary()('activities.changePlan', { id: planned.id, expectedVersion: 1, startAt: newStart, place: '烈士纪念馆', reason: '场馆周三闭馆' }))
  expect(changed).toMatchObject({ status: 'planned', place: '烈士纪念馆', startAt: newStart, version: 2 })
  const history = await ok(member()('activities.history', { id: planned.id }))
  expect(history.items[0]).toMatchObject({ kind: 'updated', reason: '场馆周三闭馆' })
  expect(history.items[0].changes.map((c: { label: string }) => c.label).sort()).toEqual(['地点', '开始时间'].sort())
  const inbox = await ok(member()('inbox.list', {}))
  const item = inbox.items.find((i) => i.title === '主题党日改期：参观红色教育基地')
  expect(item).toBeTruthy()
  expect(item!.body).toContain('地点改为 烈士纪念馆')
  expect(item!.body).toContain('说明：场馆周三闭馆')
  const sent = (await outbox()).filter((m) => m.touser === 'dev-member-1a' && m.templateId === TPL)
  expect(sent).toHaveLength(1)
  expect(Object.values(sent[0].data).map((v) => v.value)).toContain('烈士纪念馆')
  // The one who made the change is not told about it.
  const own = await ok(secretary()('inbox.list', {}))
  expect(own.items.some((i: { title: string }) => i.title.includes('改期：参观红色教育基地'))).toBe(false)
  // A past time is refused in words; a stale version too.
  expect(await secretary()('activities.changePlan', { id: planned.id, expectedVersion: 2, startAt: new Date(Date.now() - DAY).toISOString() })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { field: 'startAt' } },
  })
  expect(await secretary()('activities.changePlan', { id: planned.id, expectedVersion: 1, host: '李建国' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

test('cancelling tells the audience why; the session leaves the lists; a recorded one cannot be cancelled; members cannot cancel', async () => {
  const planned = await ok(secretary()('activities.plan', { branchId: branch1, clientRequestId: 'pc-plan-2', type: 'party_congress', topic: '选举大会', place: '学会会议室', startAt: inFuture(4) }))
  expect(await apiAs(cloud.url, 'dev-member-1b')('activities.cancel', { id: planned.id, reason: '我不想开' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const cancelled = await ok(secretary()('activities.cancel', { id: planned.id, reason: '上级党委通知延期', expectedVersion: 1 }))
  expect(cancelled).toMatchObject({ id: planned.id, cancelled: true })
  expect(cancelled.told).toBeGreaterThan(1)
  const inbox = await ok(member()('inbox.list', {}))
  const item = inbox.items.find((i) => i.title === '支部党员大会取消：选举大会')
  expect(item!.body).toContain('原因：上级党委通知延期')
  const list = await ok(member()('activities.list', { branchId: branch1 }))
  expect(list.items.some((i: { id: string }) => i.id === planned.id)).toBe(false)
  const recorded = (await ok(secretary()('activities.list', { branchId: branch1, status: 'recorded' }))).items[0]
  expect(await secretary()('activities.cancel', { id: recorded.id, reason: '误操作' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})
