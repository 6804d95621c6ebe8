/**
 * A member's attendance at organisation life, from the recorded sessions' attendance lists (pure).
 * 请假 is shown apart from absence: 《中国共产党支部工作条例（试行）》 asks members to attend and to ask leave
 * beforehand; 党章 第九条 treats six months without attending organisation life, without a proper reason, as
 * 自行脱党 — so months missed WITHOUT leave in a row are counted for the secretary, well before six.
 */
import { beijingDate } from '../framework/time'
import { LEAVE_MARK_PREFIX } from './store'

export interface SessionMark {
  /** Beijing date of the session, YYYY-MM-DD. */
  on: string
  present: boolean
  absentReason?: string
}

export const isLeave = (m: Pick<SessionMark, 'present' | 'absentReason'>) => !m.present && !!m.absentReason?.startsWith(LEAVE_MARK_PREFIX)

export function attendanceOf(marks: readonly SessionMark[]) {
  const present = marks.filter((m) => m.present).length
  const leave = marks.filter(isLeave).length
  return {
    expected: marks.length,
    present,
    leave,
    absent: marks.length - present - leave,
    rate: marks.length ? Number((present / marks.length).toFixed(4)) : null,
  }
}

/**
 * Months in a row, ending with `thisMonth` or the last month before it that had a session for the member, in which
 * they were absent without leave from every session they were expected at. A month attended, or excused by leave,
 * ends the run; a month without sessions for them neither ends nor extends it. Looks back twelve months at most.
 */
export function missedMonthsInARow(marks: readonly SessionMark[], thisMonth: string): number {
  const byMonth = new Map<string, SessionMark[]>()
  for (const m of marks) byMonth.set(m.on.slice(0, 7), [...(byMonth.get(m.on.slice(0, 7)) ?? []), m])
  let run = 0
  let month = thisMonth
  for (let i = 0; i < 12; i += 1) {
    const list = byMonth.get(month)
    if (list) {
      if (list.some((m) => m.present || isLeave(m))) break
      run += 1
    }
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2
    month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
  }
  return run
}

/** A recorded session as the marks need it: its start and its attendance list. */
export interface MarkedSession {
  startAt: Date | string
  attendance?: { attendees: { memberId: string; present: boolean; absentReason?: string }[] }
}

/**
 * Every member's marks from recorded sessions (their attendance lists), in the sessions' order: what attendanceOf and
 * missedMonthsInARow count, for one member's page (leave.attendance) and for a whole roster (members.attendance).
 */
export function marksByMember(sessions: readonly MarkedSession[]): Map<string, SessionMark[]> {
  const marks = new Map<string, SessionMark[]>()
  for (const s of sessions) {
    const on = beijingDate(new Date(s.startAt))
    for (const a of s.attendance?.attendees ?? []) {
      const list = marks.get(a.memberId) ?? []
      list.push({ on, present: a.present, ...(a.absentReason ? { absentReason: a.absentReason } : {}) })
      marks.set(a.memberId, list)
    }
  }
  return marks
}

/** The year's attendance (Beijing dates) of some marks. */
export const attendanceInYear = (marks: readonly SessionMark[], year: number) => attendanceOf(marks.filter((m) => m.on.startsWith(`${year}-`)))
