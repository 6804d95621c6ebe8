/**
 * The roster's 出勤率 from the recorded sessions (cloud/core/leave/attendance.ts marksByMember, attendanceInYear — the
 * counting leave.attendance and members.attendance share) and its words on a roster row (src/features/members).
 */
import { attendanceInYear, marksByMember } from '../../cloud/core/leave/attendance'
import { attendanceWords } from '../../src/features/members/attendance-words'

const session = (startAt: string, ...attendees: { memberId: string; present: boolean; absentReason?: string }[]) => ({ startAt, attendance: { attendees } })

test('marks per member in session order, dated in Beijing: a session at 17:00 UTC on 31 December is next year’s', () => {
  const marks = marksByMember([
    session('2025-12-31T15:59:00Z', { memberId: 'a', present: true }, { memberId: 'b', present: false, absentReason: '请假（病假）' }),
    session('2025-12-31T16:00:00Z', { memberId: 'a', present: false, absentReason: '未说明' }),
    { startAt: '2026-03-01T02:00:00Z' },
  ])
  expect(marks.get('a')).toEqual([{ on: '2025-12-31', present: true }, { on: '2026-01-01', present: false, absentReason: '未说明' }])
  expect(attendanceInYear(marks.get('a')!, 2025)).toEqual({ expected: 1, present: 1, leave: 0, absent: 0, rate: 1 })
  expect(attendanceInYear(marks.get('a')!, 2026)).toEqual({ expected: 1, present: 0, leave: 0, absent: 1, rate: 0 })
  expect(attendanceInYear(marks.get('b')!, 2025)).toEqual({ expected: 1, present: 0, leave: 1, absent: 0, rate: 0 })
  expect(attendanceInYear([], 2026)).toEqual({ expected: 0, present: 0, leave: 0, absent: 0, rate: null })
})

test('a roster row says present/expected with the rate and leave apart, or that nothing was expected yet', () => {
  expect(attendanceWords({ expected: 6, present: 5, leave: 1, rate: 0.8333 }, 2026)).toBe('2026年出勤 5/6（83%） · 请假 1')
  expect(attendanceWords({ expected: 4, present: 4, leave: 0, rate: 1 }, 2026)).toBe('2026年出勤 4/4（100%）')
  expect(attendanceWords(null, 2026)).toBe('2026年尚无应参加的组织生活')
  expect(attendanceWords({ expected: 0, present: 0, leave: 0, rate: null }, 2026)).toBe('2026年尚无应参加的组织生活')
})
