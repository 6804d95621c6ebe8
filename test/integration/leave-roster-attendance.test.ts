/**
 * The roster's 出勤率 (issue #20: each member's attendance rate per year, present ÷ expected, leave shown apart, on
 * the member's page and in the roster): members.attendance counts every member of a branch as leave.attendance
 * counts one (cloud/core/leave/attendance.ts), only the roster's readers of that branch get it.
 */
import { ok, apiAs } from '../support/api'
import { reviewWorld } from '../support/review-world'

const { world, secretary, admin } = reviewWorld()
const HOUR = 3_600_000
const run = Date.now() % 100000

test('each member’s year: present ÷ expected with leave apart, the same numbers as the member’s own page', async () => {
  const roster = (await ok(secretary()('members.list', { branchId: world.branch1, limit: 100 }))).items
  const [a, b, c] = roster
  const before = await ok(secretary()('members.attendance', { branchId: world.branch1 }))
  const was = (id: string) => before.items.find((i) => i.memberId === id) ?? { expected: 0, present: 0, leave: 0, absent: 0 }
  const others = roster.slice(3).map((m) => ({ memberId: m.id, present: true }))
  for (const [i, marks] of [
    [{ memberId: a.id, present: true }, { memberId: b.id, present: false, absentReason: '请假（事假）' }, { memberId: c.id, present: false, absentReason: '未说明' }],
    [{ memberId: a.id, present: true }, { memberId: b.id, present: true }, { memberId: c.id, present: false, absentReason: '未说明' }],
  ].entries()) {
    const start = Date.now() - (i + 2) * HOUR
    await ok(secretary()('activities.record', { branchId: world.branch1, clientRequestId: `roster-att-${i}-${run}`, type: 'theme_day', topic: `出勤统计${i}`, place: '会议室', startAt: new Date(start).toISOString(), endAt: new Date(start + HOUR / 2).toISOString(), host: '李建国', recorder: '王芳', minutes: '学习。', attendance: [...marks, ...others] }))
  }
  const year = await ok(secretary()('members.attendance', { branchId: world.branch1 }))
  const now = (id: string) => year.items.find((i) => i.memberId === id)!
  expect(year.year).toBe(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())))
  expect(now(a.id)).toMatchObject({ expected: was(a.id).expected + 2, present: was(a.id).present + 2, leave: was(a.id).leave, absent: was(a.id).absent })
  expect(now(b.id)).toMatchObject({ expected: was(b.id).expected + 2, present: was(b.id).present + 1, leave: was(b.id).leave + 1, absent: was(b.id).absent })
  expect(now(c.id)).toMatchObject({ expected: was(c.id).expected + 2, present: was(c.id).present, leave: was(c.id).leave, absent: was(c.id).absent + 2 })
  // The roster's numbers are the member page's numbers, for everyone.
  for (const m of roster) {
    const own = await ok(secretary()('leave.attendance', { memberId: m.id }))
    const row = year.items.find((i) => i.memberId === m.id)
    expect(row ?? { expected: 0, present: 0, leave: 0, absent: 0, rate: null }).toMatchObject({ expected: own.expected, present: own.present, leave: own.leave, absent: own.absent, rate: own.rate })
  }
  // The committee reads any branch's; another year has its own count.
  expect((await ok(admin()('members.attendance', { branchId: world.branch1 }))).items).toEqual(year.items)
  expect((await ok(admin()('members.attendance', { branchId: world.branch1, year: 2000 }))).items).toEqual([])
})

test('only the roster’s readers of the branch: a member, another branch’s secretary and a bad year are refused', async () => {
  expect(await apiAs(world.cloud.url, 'dev-member-1b')('members.attendance', { branchId: world.branch1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const other = await apiAs(world.cloud.url, 'dev-secretary-2')('members.attendance', { branchId: world.branch1 })
  expect(other).toMatchObject({ ok: false })
  expect(['FORBIDDEN', 'NOT_FOUND']).toContain((other as { error: { code: string } }).error.code)
  expect(await secretary()('members.attendance', { branchId: world.branch1, year: 1999 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('年份不正确') } })
})
