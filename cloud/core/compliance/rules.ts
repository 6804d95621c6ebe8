/**
 * Compliance of a branch's organisation life (组织生活) with the frequency rules of 《中国共产党支部工作条例（试行）》:
 * for every activity type, in its period (month, quarter or year — Beijing calendar), whether it was held.
 *
 * Pure: no port, no clock. Everything is computed on Beijing calendar dates (YYYY-MM-DD strings), so the runtime's
 * time zone cannot move a period edge: an activity's instant becomes its Beijing date once (beijingDate), and
 * period arithmetic is done on the date's digits.
 *
 * What counts: an activity with status 'recorded' and deleted false (a planned session is not yet proof), in the
 * period that holds its Beijing start date. 党小组会 only counts for a branch that has party groups. The secretary's
 * own 党课 (at least one a year) is a recorded 党课 whose lecturer is one of the secretary's names.
 *
 * Statuses of a period: `done` (held at least once), `due_soon` (current period, not held, ≤ 10 days left
 * including today), `open` (current period, not held, more days left), `missed` (period over, not held).
 */
import { ACTIVITY_TYPE_INFO, ACTIVITY_TYPES, type ActivityType, type Frequency } from '../../../types/domain'
import { beijingDate, daysBetween } from '../framework/time'

export const DUE_SOON_DAYS = 10

export type PeriodStatus = 'done' | 'due_soon' | 'open' | 'missed'

export interface Period {
  frequency: Frequency
  /** '2026-11', '2026-Q4' or '2026'. */
  key: string
  /** 11月 · 第四季度 · 2026年 */
  label: string
  /** First and last Beijing day of the period, inclusive. */
  start: string
  end: string
}

/** The fields of an ActivityDoc compliance reads. */
export interface ComplianceActivity {
  type: ActivityType
  status: 'planned' | 'recorded'
  deleted: boolean
  startAt: Date | string
  lecturer?: string
}

export interface ComplianceInput {
  /** Whether the branch has at least one party group (党小组会 is required only then). */
  hasGroups: boolean
  /** Names the secretary may be recorded under as 党课 lecturer (roster name, WeChat name). */
  secretaryNames: string[]
  /** The branch's activities of the year (others are ignored). */
  activities: ComplianceActivity[]
  /**
   * The first Beijing day the branch is judged on (evaluationStart: its founding or its 启用日期), or null/absent
   * for "always". A branch cannot have missed a period before it existed.
   */
  evaluatedFrom?: string | null
}

/** The pseudo-type of the secretary's own 党课 of the year. */
export const SECRETARY_LECTURE = 'secretary_lecture' as const
export type ComplianceItemType = ActivityType | typeof SECRETARY_LECTURE

export interface ComplianceItem {
  type: ComplianceItemType
  /** 支部党员大会 … or 书记讲党课 */
  name: string
  frequency: Frequency
  period: Period
  status: Exclude<PeriodStatus, 'missed'>
  /** Recorded sessions in the period. */
  count: number
  /** Days left in the period, today included (1 on its last day). */
  daysLeft: number
  /** A plain sentence for a gap (not done), e.g. 本季度支部党员大会尚未召开，还剩 12 天; null when done. */
  sentence: string | null
  /** The period before, once over: done or missed (null in the first period of the data: January for monthly…). */
  previous: { period: Period; status: 'done' | 'missed'; count: number; sentence: string | null } | null
}

export interface BranchCompliance {
  /** The Beijing date it is computed for. */
  date: string
  items: ComplianceItem[]
  counts: Record<PeriodStatus, number>
  /** Sentences of the current gaps, most urgent first (fewest days left), then the previous periods missed. */
  gaps: string[]
}

// ---------------------------------------------------------------------------------------------------------------
// Periods (pure date arithmetic on YYYY-MM-DD)

const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度']
const pad = (n: number) => String(n).padStart(2, '0')
/** Days in a month (month 1–12), computed in UTC so the runtime zone cannot matter; knows 29 February. */
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

function parts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number)
  return { y, m, d }
}

/** The period of `frequency` that holds the Beijing date `date`. */
export function periodOf(frequency: Frequency, date: string): Period {
  const { y, m } = parts(date)
  if (frequency === 'month') {
    return { frequency, key: `${y}-${pad(m)}`, label: `${m}月`, start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` }
  }
  if (frequency === 'quarter') {
    const q = Math.floor((m - 1) / 3)
    const last = q * 3 + 3
    return { frequency, key: `${y}-Q${q + 1}`, label: QUARTER_LABELS[q], start: `${y}-${pad(q * 3 + 1)}-01`, end: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` }
  }
  return { frequency, key: String(y), label: `${y}年`, start: `${y}-01-01`, end: `${y}-12-31` }
}

/** The day before a date (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) - 86400000
  return new Date(t).toISOString().slice(0, 10)
}

/** Every period of the year of `date` that has started by `date`, in order. */
export function periodsOfYearUpTo(frequency: Frequency, date: string): Period[] {
  const { y, m } = parts(date)
  if (frequency === 'year') return [periodOf('year', date)]
  const lastMonth = frequency === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1
  const step = frequency === 'month' ? 1 : 3
  const out: Period[] = []
  for (let month = 1; month <= lastMonth; month += step) out.push(periodOf(frequency, `${y}-${pad(month)}-01`))
  return out
}


/** Days left in a period on `date`, today included. */
export const daysLeftIn = (period: Period, date: string) => daysBetween(date, period.end) + 1

/**
 * The first Beijing day a branch is judged on: its founding (成立日期) or the day it started using the app — its
 * 启用日期 (`startedOn`, set by the committee so that history can be backfilled), else the day it was created
 * here — whichever is later. Periods that end before it are not evaluated; the period that holds it is partial
 * and counts only if the session was held (a branch founded on 11-20 has not "missed" November).
 */
export function evaluationStart(branch: { foundedOn?: string | null; startedOn?: string | null; createdAt?: Date | string | null }): string | null {
  const created = branch.createdAt ? beijingDate(branch.createdAt instanceof Date ? branch.createdAt : new Date(branch.createdAt)) : null
  const started = branch.startedOn || created
  const founded = branch.foundedOn || null
  if (!started) return founded
  if (!founded) return started
  return founded > started ? founded : started
}

/** Whether a period is judged for a branch judged from `from`: whole periods after it always, the partial one if held. */
function judged(period: Period, from: string | null | undefined, count: number): boolean {
  if (!from || period.start >= from) return true
  return period.end >= from && count > 0
}

// ---------------------------------------------------------------------------------------------------------------
// Which rules apply, and the words for them

/** Types a branch must hold; 党小组会 only where it has groups. */
export function requiredTypes(hasGroups: boolean): ActivityType[] {
  return ACTIVITY_TYPES.filter((t) => t !== 'group_meeting' || hasGroups)
}

const VERB: Record<ActivityType, string> = {
  party_congress: '召开',
  committee_meeting: '召开',
  group_meeting: '召开',
  party_lecture: '开展',
  theme_day: '开展',
  org_life_meeting: '召开',
  democratic_review: '开展',
  heart_talk: '开展',
}
const THIS: Record<Frequency, string> = { month: '本月', quarter: '本季度', year: '今年' }
const LAST: Record<Frequency, string> = { month: '上月', quarter: '上季度', year: '去年' }

function gapSentence(type: ComplianceItemType, frequency: Frequency, daysLeft: number): string {
  if (type === SECRETARY_LECTURE) return `${THIS.year}支部书记尚未讲党课，还剩 ${daysLeft} 天`
  return `${THIS[frequency]}${ACTIVITY_TYPE_INFO[type].name}尚未${VERB[type]}，还剩 ${daysLeft} 天`
}

function missedSentence(type: ComplianceItemType, period: Period): string {
  if (type === SECRETARY_LECTURE) return `${period.label}支部书记未讲党课`
  return `${LAST[period.frequency]}（${period.label}）${ACTIVITY_TYPE_INFO[type].name}未${VERB[type]}`
}

// ---------------------------------------------------------------------------------------------------------------
// Counting

/** Whether a session is the secretary's own 党课: a 党课 whose lecturer is one of the secretary's names. */
export function isSecretaryLecture(a: { type: string; lecturer?: string | null }, secretaryNames: string[]): boolean {
  if (a.type !== 'party_lecture' || !a.lecturer) return false
  const lecturer = a.lecturer.trim()
  return secretaryNames.some((n) => n.trim() !== '' && n.trim() === lecturer)
}

/** Recorded, not deleted activities bucketed by type and Beijing date. */
function countable(input: ComplianceInput) {
  const rows: { type: ActivityType; date: string; bySecretary: boolean }[] = []
  for (const a of input.activities) {
    if (a.status !== 'recorded' || a.deleted) continue
    const at = a.startAt instanceof Date ? a.startAt : new Date(a.startAt)
    if (Number.isNaN(at.getTime())) continue
    rows.push({ type: a.type, date: beijingDate(at), bySecretary: isSecretaryLecture(a, input.secretaryNames) })
  }
  return rows
}

type Row = ReturnType<typeof countable>[number]
const countIn = (rows: Row[], type: ComplianceItemType, period: Period) =>
  rows.filter(
    (r) => (type === SECRETARY_LECTURE ? r.bySecretary : r.type === type) && r.date >= period.start && r.date <= period.end,
  ).length

const itemTypes = (hasGroups: boolean): { type: ComplianceItemType; name: string; frequency: Frequency }[] => [
  ...requiredTypes(hasGroups).map((t) => ({ type: t as ComplianceItemType, name: ACTIVITY_TYPE_INFO[t].name, frequency: ACTIVITY_TYPE_INFO[t].frequency })),
  { type: SECRETARY_LECTURE, name: '书记讲党课', frequency: 'year' as Frequency },
]

/**
 * A branch's compliance on the Beijing date `date` (YYYY-MM-DD; use beijingDate(now)): per required type, the
 * current period's status and the previous period's outcome within the same year.
 */
export function complianceAt(input: ComplianceInput, date: string): BranchCompliance {
  const rows = countable(input)
  const items: ComplianceItem[] = []
  for (const { type, name, frequency } of itemTypes(input.hasGroups)) {
    const period = periodOf(frequency, date)
    // Not yet judged at all (the 启用日期 lies ahead): no item, no gap.
    if (input.evaluatedFrom && period.end < input.evaluatedFrom) continue
    const count = countIn(rows, type, period)
    const daysLeft = daysLeftIn(period, date)
    const status = count > 0 ? 'done' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'open'
    let previous: ComplianceItem['previous'] = null
    if (frequency !== 'year' && period.start.slice(5) !== '01-01') {
      const before = periodOf(frequency, dayBefore(period.start))
      const n = countIn(rows, type, before)
      if (judged(before, input.evaluatedFrom, n)) previous = { period: before, status: n > 0 ? 'done' : 'missed', count: n, sentence: n > 0 ? null : missedSentence(type, before) }
    }
    items.push({ type, name, frequency, period, status, count, daysLeft, sentence: status === 'done' ? null : gapSentence(type, frequency, daysLeft), previous })
  }
  const counts: Record<PeriodStatus, number> = { done: 0, due_soon: 0, open: 0, missed: 0 }
  for (const i of items) {
    counts[i.status] += 1
    if (i.previous?.status === 'missed') counts.missed += 1
  }
  const gaps = [
    ...items.filter((i) => i.sentence).sort((a, b) => a.daysLeft - b.daysLeft).map((i) => i.sentence as string),
    ...items.filter((i) => i.previous?.sentence).map((i) => i.previous!.sentence as string),
  ]
  return { date, items, counts, gaps }
}

// ---------------------------------------------------------------------------------------------------------------
// The year: history per period and a score

export interface YearPeriod {
  period: Period
  status: PeriodStatus
  count: number
}

export interface YearType {
  type: ComplianceItemType
  name: string
  frequency: Frequency
  /** Every period of the year that has started by the date (Jan…this month, Q1…this quarter, the year). */
  periods: YearPeriod[]
  /** Periods that count for the score: those over, plus the current one once done. */
  evaluated: number
  done: number
  /** 0–100, or null while nothing is evaluated yet (e.g. a yearly type before it is held or the year ends). */
  score: number | null
}

export interface ComplianceYear {
  year: number
  date: string
  types: YearType[]
  /** 0–100: the mean of the types' scores (types not yet evaluated are left out); null when none is evaluated. */
  score: number | null
}

/**
 * The year of the Beijing date `date`, period by period up to that date, with a score.
 *
 * Scoring: a type's score is the share of its *evaluated* periods that were done, × 100, rounded. A period is
 * evaluated when it is over (done or missed) or, while current, once done — an open current period neither helps
 * nor hurts until it ends. The branch's score is the plain mean of the type scores, so a monthly type (12 periods)
 * weighs no more than a yearly one; the secretary's own 党课 counts as one more (yearly) type.
 */
export function complianceYear(input: ComplianceInput, date: string): ComplianceYear {
  const rows = countable(input)
  const types: YearType[] = itemTypes(input.hasGroups).map(({ type, name, frequency }) => {
    const periods = periodsOfYearUpTo(frequency, date).flatMap((period): YearPeriod[] => {
      const count = countIn(rows, type, period)
      const over = period.end < date
      // Before the branch is judged: not listed. The partial first period, once over, only if held; while current
      // it is still open (it can be held yet).
      const from = input.evaluatedFrom
      if (from && (over ? !judged(period, from, count) : period.end < from)) return []
      const status: PeriodStatus = count > 0 ? 'done' : over ? 'missed' : daysLeftIn(period, date) <= DUE_SOON_DAYS ? 'due_soon' : 'open'
      return [{ period, status, count }]
    })
    const evaluated = periods.filter((p) => p.status === 'done' || p.status === 'missed').length
    const done = periods.filter((p) => p.status === 'done').length
    return { type, name, frequency, periods, evaluated, done, score: evaluated ? Math.round((100 * done) / evaluated) : null }
  })
  const scored = types.filter((t) => t.score !== null)
  const score = scored.length ? Math.round(scored.reduce((s, t) => s + (t.score as number), 0) / scored.length) : null
  return { year: parts(date).y, date, types, score }
}
