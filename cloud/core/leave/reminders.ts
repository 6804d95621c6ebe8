/**
 * The daily pass tells a branch's secretary when a member has missed organisation life without leave for 3 and
 * again 5 months in a row — well before the six months after which 党章 第九条 treats it as 自行脱党 — so there is
 * time to talk. Inbox only, once a month per member while the run lasts (the item's _id holds level and month).
 */
import { readAll } from '../framework/data'
import type { ActivityDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { levelReached, secretaryFlag, writeFlags, type InboxItem } from '../reminders/secretary-flags'
import { missedMonthsInARow, type SessionMark } from './attendance'

export const ABSENCE_FLAG_MONTHS = [3, 5] as const
const MEMBER_PAGE = '/packages/org/pages/member/index'

export function planAbsenceReminders(input: {
  today: string
  sessions: Pick<ActivityDoc, 'branchId' | 'startAt' | 'attendance'>[]
  active: ReadonlySet<string>
}): InboxItem[] {
  const thisMonth = input.today.slice(0, 7)
  const marks = new Map<string, { branchId: string; name: string; marks: SessionMark[] }>()
  for (const s of input.sessions) {
    const on = beijingDate(new Date(s.startAt))
    for (const a of s.attendance?.attendees ?? []) {
      if (!input.active.has(a.memberId)) continue
      const entry = marks.get(a.memberId) ?? { branchId: s.branchId, name: a.name, marks: [] }
      entry.marks.push({ on, present: a.present, ...(a.absentReason ? { absentReason: a.absentReason } : {}) })
      marks.set(a.memberId, entry)
    }
  }
  const items: InboxItem[] = []
  for (const [memberId, m] of marks) {
    const run = missedMonthsInARow(m.marks, thisMonth)
    const level = levelReached(run, ABSENCE_FLAG_MONTHS)
    if (level === null) continue
    items.push(
      secretaryFlag({
        key: `absence:${memberId}:${level}:${thisMonth}`,
        branchId: m.branchId,
        kind: 'absence_run',
        title: `${m.name} 已连续 ${run} 个月未请假缺席组织生活`,
        body: '请及时谈话，了解原因（党章第九条：连续六个月不参加党的组织生活又无正当理由的，视为自行脱党）。',
        page: `${MEMBER_PAGE}?id=${memberId}`,
      }),
    )
  }
  return items
}

/** Reads six months of recorded sessions and the active roster; writes new inbox items. Returns how many. */
export async function runAbsenceReminders(port: Port, now: Date): Promise<number> {
  const _ = port.db.command
  const today = beijingDate(now)
  const since = new Date(`${today.slice(0, 7)}-01T00:00:00+08:00`)
  since.setUTCMonth(since.getUTCMonth() - 6)
  const sessions = await readAll(port, 'activities', _.and({ status: 'recorded', deleted: false }, { startAt: _.gte(since) }) as Record<string, unknown>, { fields: ['branchId', 'startAt', 'attendance'] })
  if (!sessions.length) return 0
  const members = await readAll(port, 'members', { state: 'active' }, { fields: ['_id'] })
  return writeFlags(port, planAbsenceReminders({ today, sessions, active: new Set(members.map((m) => m._id)) }), now)
}
