/**
 * The committee is told on 首页's 待办 that records wait for its review (issue #20 walk): 「N 条组织生活记录待审核」 to
 * the review queue; a returned record leaves the count, a resubmitted one counts again.
 */
import { ok } from '../support/api'
import { DAY, fromNow as at, reviewWorld } from '../support/review-world'

const { world, secretary, admin } = reviewWorld()

/** The number on the committee's 待审核 line (0 when there is no line). */
async function waitingLine(): Promise<number> {
  const todo = await ok(admin()('home.todo', {}))
  expect(todo.view).toBe('committee')
  const line = todo.items.find((i) => i.kind === 'records_to_review')
  if (!line) return 0
  expect(line).toMatchObject({ title: expect.stringMatching(/^\d+ 条组织生活记录待审核$/), page: '/packages/reviews/pages/queue/index' })
  return Number(line.title.split(' ')[0])
}

test('a new record is on the committee 待办; returned it leaves, resubmitted it counts again', async () => {
  const before = await waitingLine()
  const saved = await ok(secretary()('activities.record', {
    branchId: world.branch1,
    clientRequestId: `todo-review-${Date.now()}`,
    type: 'theme_day',
    topic: '待办审核·主题党日',
    place: '学会会议室',
    startAt: at(-DAY),
    endAt: at(-DAY + 3_600_000),
    host: '李建国',
    recorder: '王芳',
    minutes: '学习。',
  }))
  expect(await waitingLine()).toBe(before + 1)
  const view = await ok(admin()('reviews.get', { activityId: saved.id }))
  await ok(admin()('reviews.decide', { activityId: saved.id, decision: 'return', comment: '请补充发言情况', expectedVersion: view.version }))
  expect(await waitingLine()).toBe(before)
  const current = await ok(secretary()('activities.get', { id: saved.id }))
  await ok(secretary()('activities.update', { id: saved.id, expectedVersion: current.version, minutes: '学习。王芳、赵磊发言。' }))
  await ok(secretary()('reviews.resubmit', { activityId: saved.id, note: '已补充' }))
  expect(await waitingLine()).toBe(before + 1)
  // A branch writer's 待办 has no such line.
  const writer = await ok(secretary()('home.todo', { branchId: world.branch1 }))
  expect(writer.items.filter((i) => i.kind === 'records_to_review')).toEqual([])
})
