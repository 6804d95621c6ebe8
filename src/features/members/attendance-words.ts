import type { MemberAttendance } from './roster-store'

/** 「2026年出勤 5/6（83%）· 请假 1」: present ÷ expected, leave apart; no sessions expected yet says so. */
export function attendanceWords(a: Pick<MemberAttendance, 'expected' | 'present' | 'leave' | 'rate'> | null, year: number): string {
  if (!a || !a.expected) return `${year}年尚无应参加的组织生活`
  return `${year}年出勤 ${a.present}/${a.expected}（${Math.round((a.rate ?? 0) * 100)}%）${a.leave ? ` · 请假 ${a.leave}` : ''}`
}
