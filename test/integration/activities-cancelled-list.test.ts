/**
 * A cancelled session leaves a trace in the list (docs/activities.md 「取消的活动」): activities.list with
 * `withCancelled` (what the 活动 tab and 全部活动 ask) keeps it where its start puts it, marked `cancelled` with the
 * reason, for every reader of the branch; a deleted record stays out; without the flag nothing changes (counts,
 * reminders and other lists never see cancelled sessions). Before, a cancelled session vanished from every list.
 */
import type { ActionOutput } from '../../types/actions'
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branchId: string
const DAY = 86400e3
const secretary = () => apiAs(cloud.url, 'dev-secretary-1')
const member = () => apiAs(cloud.url, 'dev-member-1b')
const inFuture = (days: number) => new Date(Date.now() + days * DAY).toISOString()

beforeAll(async () => {
  cloud = await startLocalCloud()
  branchId = (await ok(secretary()('session.get'))).roles.find((r) => r.role === 'secretary')!.branchId!
}, 60_000)
afterAll(() => cloud?.stop())

test('a cancelled session stays in the list with its reason (withCancelled), for members too; a deleted one does not; paging holds', async () => {
  const sec = secretary()
  const cancelledOne = await ok(sec('activities.plan', { branchId, clientRequestId: 'cl-plan-1', type: 'theme_day', topic: '参观红色教育基地', place: '学会会议室', startAt: inFuture(6) }))
  const kept = await ok(sec('activities.plan', { branchId, clientRequestId: 'cl-plan-2', type: 'party_lecture', topic: '学习党章', place: '学会会议室', startAt: inFuture(5), lecturer: '李建国' }))
  const removed = await ok(sec('activities.plan', { branchId, clientRequestId: 'cl-plan-3', type: 'theme_day', topic: '误建的计划', place: '学会会议室', startAt: inFuture(7) }))
  await ok(sec('activities.cancel', { id: cancelledOne.id, reason: '上级党委通知延期', expectedVersion: 1 }))
  await ok(sec('activities.remove', { id: removed.id, reason: '重复录入' }))

  for (const reader of [sec, member()]) {
    const list = await ok(reader('activities.list', { branchId, withCancelled: true }))
    const ids = list.items.map((a) => a.id)
    expect(ids).toContain(kept.id)
    expect(ids).not.toContain(removed.id)
    const row = list.items.find((a) => a.id === cancelledOne.id)
    expect(row).toMatchObject({ topic: '参观红色教育基地', status: 'planned', cancelled: { reason: '上级党委通知延期', at: expect.any(String) } })
    // In its place by start: after the later-planned deletion (absent), before the session a day earlier.
    expect(ids.indexOf(cancelledOne.id)).toBeLessThan(ids.indexOf(kept.id))
    expect(list.items.find((a) => a.id === kept.id)!.cancelled).toBeUndefined()
  }
  // Without the flag, as before: no cancelled session.
  const plain = await ok(member()('activities.list', { branchId }))
  expect(plain.items.map((a) => a.id)).not.toContain(cancelledOne.id)
  expect(plain.items.every((a) => a.cancelled === undefined)).toBe(true)

  // Pages of one carry the cancelled session once, in order.
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const page: ActionOutput<'activities.list'> = await ok(member()('activities.list', { branchId, withCancelled: true, limit: 1, ...(cursor ? { cursor } : {}) }))
    seen.push(...page.items.map((a) => a.id))
    cursor = page.nextCursor
  } while (cursor && seen.length < 50)
  expect(seen.filter((id) => id === cancelledOne.id)).toHaveLength(1)
  expect(seen.slice(0, 2)).toEqual([cancelledOne.id, kept.id])
})

test('opening a cancelled session (its audience\'s notice links there) says it was cancelled and why; another branch learns nothing', async () => {
  const sec = secretary()
  const plan = await ok(sec('activities.plan', { branchId, clientRequestId: 'cl-plan-open', type: 'theme_day', topic: '重温入党誓词', place: '学会会议室', startAt: inFuture(8) }))
  await ok(sec('activities.cancel', { id: plan.id, reason: '场地临时不可用', expectedVersion: 1 }))
  expect(await member()('activities.get', { id: plan.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该活动已取消，原因：场地临时不可用' } })
  const other = await apiAs(cloud.url, 'dev-secretary-2')('activities.get', { id: plan.id })
  expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '活动不存在或已删除' } })
})
