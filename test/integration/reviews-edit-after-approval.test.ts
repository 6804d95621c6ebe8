/**
 * An approved record edited by the branch goes back to 待审核 (issue #20 walk): the edit's history entry says
 * 审核 通过 → 待审核, the record is in the committee's queue again, and reviews.get no longer says 通过.
 */
import { ok } from '../support/api'
import { DAY, fromNow as at, reviewWorld } from '../support/review-world'

const { world, secretary, admin } = reviewWorld()

test('editing an approved record puts it back to 待审核, in its history and in the committee queue', async () => {
  const saved = await ok(secretary()('activities.record', {
    branchId: world.branch1,
    clientRequestId: `approved-edit-${Date.now()}`,
    type: 'theme_day',
    topic: '审核后修改·主题党日',
    place: '学会会议室',
    startAt: at(-2 * DAY),
    endAt: at(-2 * DAY + 3_600_000),
    host: '李建国',
    recorder: '王芳',
    minutes: '学习了党章第一章。',
  }))
  const view = await ok(admin()('reviews.get', { activityId: saved.id }))
  const approved = await ok(admin()('reviews.decide', { activityId: saved.id, decision: 'approve', expectedVersion: view.version }))
  expect(approved.state).toBe('approved')
  expect((await ok(admin()('reviews.queue', { branchId: world.branch1 }))).items.map((i) => i.activityId)).not.toContain(saved.id)

  const current = await ok(secretary()('activities.get', { id: saved.id }))
  await ok(secretary()('activities.update', { id: saved.id, expectedVersion: current.version, minutes: '学习了党章第一章和第二章。' }))

  const after = await ok(secretary()('reviews.get', { activityId: saved.id }))
  expect(after).toMatchObject({ state: 'waiting', comment: null, by: null })
  expect((await ok(admin()('reviews.queue', { branchId: world.branch1 }))).items.map((i) => i.activityId)).toContain(saved.id)
  const history = await ok(secretary()('activities.history', { id: saved.id }))
  expect(history.items[0]).toMatchObject({ kind: 'updated', by: { name: '李建国' } })
  expect(history.items[0].changes).toEqual(expect.arrayContaining([
    expect.objectContaining({ field: 'minutes' }),
    { field: 'review', label: '审核', before: '通过', after: '待审核' },
  ]))
  const counts = await ok(admin()('reviews.counts', {}))
  expect(counts.branches.find((b) => b.branchId === world.branch1)!.waiting).toBeGreaterThanOrEqual(1)
})
