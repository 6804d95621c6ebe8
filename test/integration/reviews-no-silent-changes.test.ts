/**
 * "No record is edited by the committee silently" (docs/reviews.md, issue #20): a committee edit of a branch's record
 * must give its reason, is marked in the record's 修改历史 as the committee's, and tells the branch; a record the
 * committee returned (退回修改) or approved cannot be deleted by the branch — a returned record is corrected and
 * resubmitted, an approved one stays as approved — so neither leaves the review without a trace.
 */
import { ok } from '../support/api'
import { DAY, fromNow as at, reviewWorld } from '../support/review-world'

const { world, secretary, admin } = reviewWorld()
const run = Date.now() % 100000

async function newRecord(key: string, topic: string) {
  return ok(secretary()('activities.record', {
    branchId: world.branch1,
    clientRequestId: `silent-${key}-${run}`,
    type: 'theme_day',
    topic,
    place: '学会会议室',
    startAt: at(-3 * DAY),
    endAt: at(-3 * DAY + 3_600_000),
    host: '李建国',
    recorder: '王芳',
    minutes: '学习。',
  }))
}

test('a committee edit of a branch record needs its reason, is marked as the committee’s in the history, and the branch is told', async () => {
  const rec = await newRecord('edit', `党委修改测试${run}`)
  const refused = await admin()('activities.update', { id: rec.id, expectedVersion: rec.version, minutes: '党委改写的内容' })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '党委修改支部的记录时请写明修改原因，支部会收到通知' } })
  expect((await ok(secretary()('activities.get', { id: rec.id }))).minutes).toBe('学习。')

  const edited = await ok(admin()('activities.update', { id: rec.id, expectedVersion: rec.version, minutes: '学习了党章第一章。', reason: '按考核要求补充学习内容' }))
  expect(edited.minutes).toBe('学习了党章第一章。')
  const history = await ok(secretary()('activities.history', { id: rec.id }))
  const entry = history.items.find((v) => v.version === edited.version)!
  expect(entry).toMatchObject({ kind: 'updated', by: { name: '周敏' }, reason: '按考核要求补充学习内容' })
  expect(entry.changes).toEqual(expect.arrayContaining([expect.objectContaining({ label: '修改人', after: '党委（周敏）' })]))
  const inbox = await ok(secretary()('inbox.list', {}))
  expect(inbox.items.find((i) => i.title === `党委修改了记录：党委修改测试${run}`)).toMatchObject({ body: expect.stringContaining('按考核要求补充学习内容'), page: expect.stringContaining(rec.id) })

  // The branch's own edit is not marked (nor told to itself).
  const own = await ok(secretary()('activities.update', { id: rec.id, expectedVersion: edited.version, place: '支部活动室' }))
  const ownEntry = (await ok(secretary()('activities.history', { id: rec.id }))).items.find((v) => v.version === own.version)!
  expect(ownEntry.changes.map((c) => c.label)).not.toContain('修改人')
})

test('the branch cannot delete a returned or an approved record; the committee’s review stays in force', async () => {
  const returned = await newRecord('returned', `退回后删除${run}`)
  const r = await ok(admin()('reviews.decide', { activityId: returned.id, decision: 'return', comment: '请补充发言情况', expectedVersion: returned.version }))
  expect(await secretary()('activities.remove', { id: returned.id, reason: '不想改了' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条记录被党委退回修改，请按审核意见修改后重新提交，不能删除' } })
  expect((await ok(admin()('reviews.queue', { branchId: world.branch1, state: 'returned' }))).items.map((i) => i.activityId)).toContain(returned.id)
  expect((await ok(secretary()('reviews.get', { activityId: returned.id }))).version).toBe(r.version)

  const approved = await newRecord('approved', `通过后删除${run}`)
  await ok(admin()('reviews.decide', { activityId: approved.id, decision: 'approve', expectedVersion: approved.version }))
  expect(await secretary()('activities.remove', { id: approved.id, reason: '录入错误' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条记录已经党委审核通过，不能删除；确需删除请联系党委' } })
  expect((await ok(secretary()('activities.get', { id: approved.id }))).topic).toBe(`通过后删除${run}`)

  // A record not yet reviewed is still the branch's to delete.
  const fresh = await newRecord('fresh', `未审核删除${run}`)
  expect(await ok(secretary()('activities.remove', { id: fresh.id, reason: '重复录入' }))).toMatchObject({ deleted: true })
})
