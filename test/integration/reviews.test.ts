/**
 * The committee's review of a record through the local cloud: 退回修改 with a comment reaches the branch (inbox and
 * home to-do), the record is not edited by the committee, the branch corrects and resubmits, the committee approves;
 * each step is in the record's history; the queue and per-branch counts follow. Wrong roles are refused.
 */
import { ok, rawApiAs } from '../support/api'
import { DAY, fromNow as at, reviewWorld } from '../support/review-world'

const { world, secretary, admin } = reviewWorld()
let recordId: string

beforeAll(async () => {
  const saved = await ok(secretary()('activities.record', {
    branchId: world.branch1,
    clientRequestId: `review-${Date.now()}`,
    type: 'theme_day',
    topic: '审核测试·主题党日',
    place: '学会会议室',
    startAt: at(-2 * DAY),
    endAt: at(-2 * DAY + 3_600_000),
    host: '李建国',
    recorder: '王芳',
    minutes: '学习。',
  }))
  recordId = saved.id
})

test('a new record waits in the committee queue; only the committee reviews', async () => {
  const queue = await ok(admin()('reviews.queue', { branchId: world.branch1 }))
  expect(queue.items.map((i) => i.activityId)).toContain(recordId)
  expect(await secretary()('reviews.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const view = await ok(secretary()('reviews.get', { activityId: recordId }))
  expect(view).toMatchObject({ state: 'waiting', canDecide: false, canResubmit: false })
  expect(await secretary()('reviews.decide', { activityId: recordId, decision: 'approve', expectedVersion: view.version })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await rawApiAs(world.cloud.url, 'dev-committee-admin')('reviews.decide', { activityId: recordId, decision: 'maybe', expectedVersion: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('退回修改 needs a comment, reaches the branch, and leaves the record as it was', async () => {
  const before = await ok(admin()('activities.get', { id: recordId }))
  const view = await ok(admin()('reviews.get', { activityId: recordId }))
  expect(view.canDecide).toBe(true)
  expect(await admin()('reviews.decide', { activityId: recordId, decision: 'return', expectedVersion: view.version })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '退回修改时请写明审核意见' } })
  expect(await admin()('reviews.decide', { activityId: recordId, decision: 'return', comment: '旧版本', expectedVersion: view.version - 1 || 99 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const returned = await ok(admin()('reviews.decide', { activityId: recordId, decision: 'return', comment: '会议内容过于简单，请补充学习的具体内容和发言情况', expectedVersion: view.version }))
  expect(returned).toMatchObject({ state: 'returned', comment: '会议内容过于简单，请补充学习的具体内容和发言情况', by: '周敏' })
  const after = await ok(admin()('activities.get', { id: recordId }))
  expect(after.minutes).toBe(before.minutes)
  expect(after.topic).toBe(before.topic)

  const mine = await ok(secretary()('reviews.get', { activityId: recordId }))
  expect(mine).toMatchObject({ state: 'returned', canResubmit: false, resubmitHint: '请先按审核意见修改记录，再重新提交' })
  expect(await secretary()('reviews.resubmit', { activityId: recordId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '请先按审核意见修改记录，再重新提交' } })
  const inbox = await ok(secretary()('inbox.list', {}))
  expect(inbox.items.map((i) => i.title)).toContain('记录被退回修改：审核测试·主题党日')
  const todo = await ok(secretary()('home.todo', { branchId: world.branch1 }))
  expect(todo.items.find((i) => i.kind === 'record_returned')).toMatchObject({ title: '「审核测试·主题党日」被退回修改', page: expect.stringContaining(recordId) })
  const counts = await ok(admin()('reviews.counts', {}))
  expect(counts.branches.find((b) => b.branchId === world.branch1)!.returned).toBeGreaterThanOrEqual(1)
  expect((await ok(admin()('reviews.queue', { branchId: world.branch1, state: 'returned' }))).items.map((i) => i.activityId)).toContain(recordId)
})

test('corrected and resubmitted, then approved; every step in the history; off the to-do', async () => {
  const current = await ok(secretary()('activities.get', { id: recordId }))
  await ok(secretary()('activities.update', { id: recordId, expectedVersion: current.version, minutes: '学习了党章第一章，赵磊、王芳先后发言，谈了学习体会。' }))
  const resubmitted = await ok(secretary()('reviews.resubmit', { activityId: recordId, note: '已补充会议内容' }))
  expect(resubmitted.state).toBe('resubmitted')
  expect((await ok(admin()('reviews.queue', { branchId: world.branch1 }))).items.map((i) => i.activityId)).toContain(recordId)
  const todo = await ok(secretary()('home.todo', { branchId: world.branch1 }))
  expect(todo.items.filter((i) => i.kind === 'record_returned')).toEqual([])

  const approved = await ok(admin()('reviews.decide', { activityId: recordId, decision: 'approve', expectedVersion: resubmitted.version }))
  expect(approved.state).toBe('approved')
  expect((await ok(admin()('reviews.queue', { branchId: world.branch1 }))).items.map((i) => i.activityId)).not.toContain(recordId)
  const history = await ok(secretary()('activities.history', { id: recordId }))
  const kinds = history.items.map((h) => `${h.kind}:${h.by.name}:${h.reason ?? ''}`)
  expect(kinds.slice(0, 4)).toEqual([
    'reviewed:周敏:',
    'resubmitted:李建国:已补充会议内容',
    expect.stringMatching(/^updated:李建国:/),
    'reviewed:周敏:会议内容过于简单，请补充学习的具体内容和发言情况',
  ])
})
