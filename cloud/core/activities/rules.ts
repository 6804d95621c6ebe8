/**
 * The rules of organisation-life records as pure functions (no port): what a type requires, the sign-in window,
 * the 30-day lock, attendance counts from the roster, and the field-by-field diff kept in the version history.
 * Time is Asia/Shanghai whatever the runtime's zone.
 */
import dayjs from 'dayjs'
import { ACTIVITY_EDITABLE_DAYS, ACTIVITY_TYPE_INFO, SIGN_IN_HOURS_WITHOUT_END, SIGN_IN_OPENS_MINUTES_BEFORE, type ActivityType } from '../../../types/domain'
import { ACTIVITY_FIELD_LABELS, ACTIVITY_TYPE_RULES, audienceLabel, type ActivityField } from '../../../types/activity-rules'
import type { ActivityDoc, MemberDoc } from '../framework/model'
import { beijingDateTimeText, dateText } from '../../../types/time-text'
import { absenceText } from '../../../types/leave'
import { hasQuorum } from '../organisation/roster'
import { beijingDate, daysBetween, ZONE } from '../framework/time'

/** The first required field of `type` that `fields` leaves empty, for the plan or the record; undefined when none. */
export function missingField(
  type: ActivityType,
  phase: 'plan' | 'record',
  fields: Partial<Record<ActivityField, unknown>>,
): { field: ActivityField; message: string } | undefined {
  const rules = ACTIVITY_TYPE_RULES[type]
  const required = phase === 'plan' ? rules.planRequires : rules.recordRequires
  for (const field of required) {
    const value = fields[field]
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      const verb = field === 'groupId' ? '请选择' : '请填写'
      return { field, message: `${ACTIVITY_TYPE_INFO[type].name}${verb}${ACTIVITY_FIELD_LABELS[field]}` }
    }
  }
  return undefined
}

/** Sign-in runs from 30 minutes before the start to the end, or to 3 hours after the start when no end is set. */
export function signInWindow(startAt: Date, endAt?: Date | null): { opensAt: Date; closesAt: Date } {
  const opensAt = new Date(startAt.getTime() - SIGN_IN_OPENS_MINUTES_BEFORE * 60_000)
  const closesAt = endAt ? new Date(endAt.getTime()) : new Date(startAt.getTime() + SIGN_IN_HOURS_WITHOUT_END * 3_600_000)
  return { opensAt, closesAt }
}

export type WindowState = 'NOT_OPEN' | 'OPEN' | 'CLOSED'
export function windowState(now: Date, window: { opensAt: Date; closesAt: Date }): WindowState {
  if (now < window.opensAt) return 'NOT_OPEN'
  if (now > window.closesAt) return 'CLOSED'
  return 'OPEN'
}

/** Beijing days from the record's start day to today. */
/**
 * A record is of a session that has begun (or whose sign-in has opened): 《中国共产党支部工作条例（试行）》 第十九条 asks branches to keep true records
 * of organisation life, and compliance counts a record as a session held. A session not yet begun is planned
 * (activities.plan) and recorded when it has taken place. Null when `startAt` may be recorded at `now`.
 */
export function notYetHeldReason(startAt: Date, now: Date): string | null {
  // From the moment sign-in opens the session is on (people are at the door), so it may be recorded from then.
  if (signInWindow(startAt).opensAt.getTime() <= now.getTime()) return null
  return `活动开始时间（${beijingDateTimeText(startAt)}）还没到，不能记录为已开展；请先“计划活动”，开展后再记录`
}

export function ageInDays(startAt: Date, now: Date): number {
  return daysBetween(beijingDate(startAt), beijingDate(now))
}

/**
 * The Beijing date from which a record is an archive (only committee staff may correct it): 30 Beijing days after
 * the day it was recorded — not after the session was held, so a session entered afterwards (补录) can still be
 * corrected by the branch for a month. Null for a plan (nothing recorded yet). Records from before `recordedAt` was
 * kept count from when they were created.
 */
export function lockDate(doc: { status: 'planned' | 'recorded'; recordedAt?: Date | string; createdAt?: Date | string }): string | null {
  if (doc.status !== 'recorded') return null
  const from = doc.recordedAt ?? doc.createdAt
  if (!from) return null
  const day = beijingDate(new Date(from))
  return new Date(Date.parse(`${day}T00:00:00Z`) + (ACTIVITY_EDITABLE_DAYS + 1) * 86400000).toISOString().slice(0, 10)
}

/** Why a writer may not change the record now, or null: it is archived from its lockDate on, except to committee staff. */
export function readOnlyReason(doc: Parameters<typeof lockDate>[0], now: Date, isCommittee: boolean): string | null {
  if (isCommittee) return null
  const locks = lockDate(doc)
  if (!locks || beijingDate(now) < locks) return null
  return `记录已满 ${ACTIVITY_EDITABLE_DAYS} 天，已于${dateText(locks)}归档，只有党委管理员可以修改`
}

export interface Mark {
  memberId: string
  present: boolean
  absentReason?: string
}

export interface Attendee {
  memberId: string
  name: string
  partyStatus: 'full' | 'probationary'
  present: boolean
  absentReason?: string
  signedInAt?: Date
}

/**
 * Attendance from the roster: every expected member once, in roster order. A member's mark decides; without a
 * mark, a sign-in means present, otherwise absent. Marks for people outside the expected list are refused by the
 * caller (see unknownMarks). Counts are never taken from the client.
 */
export function computeAttendance(
  expected: readonly MemberDoc[],
  marks: readonly Mark[],
  signIns: ReadonlyMap<string, Date>,
): { expected: number; present: number; attendees: Attendee[] } {
  const byMember = new Map(marks.map((m) => [m.memberId, m]))
  const attendees = expected.map((m): Attendee => {
    const mark = byMember.get(m._id)
    const signedInAt = signIns.get(m._id)
    const present = mark ? mark.present : !!signedInAt
    return {
      memberId: m._id,
      name: m.name,
      partyStatus: m.partyStatus,
      present,
      ...(!present && mark?.absentReason ? { absentReason: mark.absentReason } : {}),
      ...(signedInAt ? { signedInAt } : {}),
    }
  })
  return { expected: attendees.length, present: attendees.filter((a) => a.present).length, attendees }
}

/** Marks naming someone who is not expected at this session. */
export function unknownMarks(expected: readonly MemberDoc[], marks: readonly Mark[]): Mark[] {
  const ids = new Set(expected.map((m) => m._id))
  return marks.filter((m) => !ids.has(m.memberId))
}

/** Quorum of a voting 支部党员大会: more than half of the 正式党员 expected are present. */
export function quorumOf(attendees: readonly Attendee[]): { voters: number; presentVoters: number; reached: boolean } {
  const voters = attendees.filter((a) => a.partyStatus === 'full')
  const presentVoters = voters.filter((a) => a.present).length
  return { voters: voters.length, presentVoters, reached: hasQuorum(presentVoters, voters.length) }
}

/** Fields whose changes the history shows, with their labels. */
export const HISTORY_FIELDS: Record<string, string> = {
  type: '类型',
  topic: '主题',
  place: '地点',
  startAt: '开始时间',
  endAt: '结束时间',
  audience: '参加对象',
  host: '主持人',
  recorder: '记录人',
  lecturer: '授课人',
  agenda: '议程',
  minutes: '会议内容',
  resolutions: '决议',
  attendance: '出席情况',
  photos: '现场照片',
  assignmentIds: '关联工作要点',
  voting: '表决',
  status: '状态',
}

const timeText = (d: Date) => beijingDateTimeText(d)

/** A field's value as the history shows it: times in Beijing, attendance as counts and absentees, photos as a count. */
export function displayValue(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null
  switch (field) {
    case 'type':
      return ACTIVITY_TYPE_INFO[value as ActivityType]?.name ?? String(value)
    case 'startAt':
    case 'endAt':
      return timeText(new Date(value as Date))
    case 'audience': {
      return audienceLabel(value as ActivityDoc['audience'])
    }
    case 'attendance': {
      const a = value as NonNullable<ActivityDoc['attendance']>
      const absent = a.attendees.filter((x) => !x.present).map((x) => (x.absentReason ? absenceText(x.name, x.absentReason) : x.name))
      return `应到 ${a.expected} 人，实到 ${a.present} 人${absent.length ? `；缺席：${absent.join('、')}` : ''}`
    }
    case 'photos':
      return `${(value as string[]).length} 张`
    case 'assignmentIds':
      return (value as string[]).length ? `${(value as string[]).length} 项` : null
    case 'voting':
      return value ? '表决' : '不表决'
    case 'status':
      return value === 'planned' ? '已计划' : '已记录'
    default:
      return String(value)
  }
}

/**
 * Comparable form of a value (dates by instant, arrays and objects by JSON). A field never entered and its empty
 * value are the same: no 表决 is 不表决, no list is an empty list (the history showed 「表决：（空）→ 不表决」 and
 * 「关联工作要点：（空）→（名单有调整）」 for fields nobody touched).
 */
function comparable(value: unknown): string {
  if (value === undefined || value === null || value === '' || value === false) return ''
  if (Array.isArray(value) && value.length === 0) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v))
  return String(value)
}

/** What changed between two versions of a record, field by field, as the history keeps it. */
export function diffRecord(
  before: Partial<ActivityDoc>,
  after: Partial<ActivityDoc>,
): { field: string; label: string; before: string | null; after: string | null }[] {
  const changes: { field: string; label: string; before: string | null; after: string | null }[] = []
  for (const [field, label] of Object.entries(HISTORY_FIELDS)) {
    const b = (before as Record<string, unknown>)[field]
    const a = (after as Record<string, unknown>)[field]
    if (comparable(b) === comparable(a)) continue
    let bText = displayValue(field, b)
    let aText = displayValue(field, a)
    // Two attendance lists with the same counts and absentees still differ (who signed in): say so.
    if (bText === aText) {
      bText = bText ?? null
      aText = `${aText ?? ''}（名单有调整）`
    }
    changes.push({ field, label, before: bText, after: aText })
  }
  return changes
}

/** The Beijing month's bounds as instants: [start, end). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const start = dayjs.tz(`${month}-01 00:00`, ZONE)
  return { from: start.toDate(), to: start.add(1, 'month').toDate() }
}
