/** Attendance per member: leave shown apart from absence, and months missed without leave in a row (党章 第九条). */
import { attendanceOf, missedMonthsInARow } from '../../cloud/core/leave/attendance'
import { leaveReason } from '../../types/leave'

const absent = (on: string) => ({ on, present: false, absentReason: '出差未请假' })
const leave = (on: string) => ({ on, present: false, absentReason: leaveReason('sick', null) })
const here = (on: string) => ({ on, present: true })

test('present ÷ expected, with leave counted apart from absence', () => {
  expect(attendanceOf([here('2026-01-05'), leave('2026-02-05'), absent('2026-03-05'), here('2026-04-05')])).toEqual({ expected: 4, present: 2, leave: 1, absent: 1, rate: 0.5 })
  expect(attendanceOf([])).toEqual({ expected: 0, present: 0, leave: 0, absent: 0, rate: null })
  expect(leaveReason('other', '照顾家人')).toBe('请假（其他：照顾家人）')
})

test('months missed without leave in a row; a month attended or on leave ends the run; an empty month neither', () => {
  const marks = [here('2026-06-10'), absent('2026-07-10'), absent('2026-08-10'), absent('2026-10-10'), absent('2026-10-20')]
  expect(missedMonthsInARow(marks, '2026-11')).toBe(3) // Oct, (Sep empty), Aug, Jul; June attended
  expect(missedMonthsInARow([...marks, leave('2026-08-20')], '2026-11')).toBe(1) // August excused by leave
  expect(missedMonthsInARow([...marks, here('2026-10-25')], '2026-11')).toBe(0)
  expect(missedMonthsInARow([absent('2026-01-10')], '2026-01')).toBe(1)
  expect(missedMonthsInARow([absent('2025-12-10'), absent('2026-01-10')], '2026-01')).toBe(2)
})

test('the secretary is told at 3 months missed without leave, in the member\'s branch; leave and transferred members are left out', async () => {
  const { planAbsenceReminders } = await import('../../cloud/core/leave/reminders')
  const session = (on: string, attendees: { memberId: string; name: string; present: boolean; absentReason?: string }[]) => ({ branchId: 'b1', startAt: new Date(`${on}T10:00:00+08:00`), attendance: { expected: attendees.length, present: 0, attendees } })
  const a = (present: boolean, absentReason?: string) => [
    { memberId: 'm1', name: '张三', present, ...(absentReason ? { absentReason } : {}) },
    { memberId: 'm2', name: '李四', present: false, absentReason: leaveReason('business', null) },
    { memberId: 'm3', name: '王五', present: false },
  ]
  const sessions = [session('2026-08-05', a(false)), session('2026-09-05', a(false)), session('2026-10-05', a(false))]
  const items = planAbsenceReminders({ today: '2026-10-20', sessions, active: new Set(['m1', 'm2']) })
  expect(items).toEqual([expect.objectContaining({ _id: 'absence:m1:3:2026-10', branchId: 'b1', roles: ['secretary'], title: '张三 已连续 3 个月未请假缺席组织生活' })])
})
