/**
 * Pure aggregation for the committee dashboard and the year-end workbook: from one branch's rows of the year
 * (recorded activities, assignments of the year's plans) to the figures the committee reads. No port, no clock:
 * `today` and `asOf` are Beijing dates passed in. Compliance itself is cloud/core/compliance/rules.ts (one calculation
 * for reminders, dashboard and workbook alike); this file only feeds it and reads its score and history.
 */
import { ACTIVITY_TYPES, type ActivityType } from '../../../types/domain'
import { complianceYear, type ComplianceYear } from '../compliance/rules'
import { beijingDate, daysBetween } from '../framework/time'

/** A branch with no recorded session for this many days counts as silent (monthly 主题党日 make 31 the norm). */
export const SILENT_DAYS = 45

export interface ActivityRow {
  _id: string
  branchId: string
  type: ActivityType
  status: 'planned' | 'recorded'
  deleted: boolean
  startAt: Date | string
  lecturer?: string
}

export interface AssignmentRow {
  _id: string
  branchId: string
  state: 'not_started' | 'in_progress' | 'done'
  dueOn: string
  doneAt: Date | string | null
}

export interface BranchFacts {
  id: string
  name: string
  hasGroups: boolean
  secretaryNames: string[]
  activities: ActivityRow[]
  assignments: AssignmentRow[]
  /** The first day the branch is judged on (compliance/rules.ts evaluationStart); null for always. */
  evaluatedFrom?: string | null
}

export interface BranchFigures {
  branchId: string
  name: string
  score: number | null
  recorded: number
  /** Recorded sessions per month, January first. */
  months: number[]
  /** Recorded sessions per type and quarter, in ACTIVITY_TYPES order: [type][quarter]. */
  byTypeQuarter: number[][]
  lastActivityOn: string | null
  silent: boolean
  assignments: number
  done: number
  /** Done, but after the due date. */
  doneLate: number
  /** Not done and past due today. */
  overdue: number
  compliance: ComplianceYear
}

/** The date a year is judged at: today within the year, 31 December once it is over, 1 January before it starts. */
export function asOfFor(year: number, today: string): string {
  const y = Number(today.slice(0, 4))
  if (year === y) return today
  return year < y ? `${year}-12-31` : `${year}-01-01`
}

/** The UTC instants bounding a Beijing calendar year: [start, end). */
export function yearBounds(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+08:00`), end: new Date(`${year + 1}-01-01T00:00:00+08:00`) }
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v))

/**
 * complianceYear judges a date inside the year, so on 31 December the last month, quarter and the year itself are
 * still "current". For a year that is over (the year-end assessment run in January) those periods are over too:
 * not held means missed. Scores follow compliance/rules.ts's rule (share of evaluated periods, mean of the types).
 */
export function closeYear(c: ComplianceYear, over: boolean, evaluatedFrom?: string | null): ComplianceYear {
  if (!over) return c
  const types = c.types.map((t) => {
    const periods = t.periods
      // The branch's partial first period, not held, is not judged (compliance/rules.ts evaluationStart).
      .filter((p) => p.status === 'done' || !evaluatedFrom || p.period.start >= evaluatedFrom)
      .map((p) => (p.status === 'done' || p.status === 'missed' ? p : { ...p, status: 'missed' as const }))
    const done = periods.filter((p) => p.status === 'done').length
    return { ...t, periods, evaluated: periods.length, done, score: periods.length ? Math.round((100 * done) / periods.length) : null }
  })
  const scored = types.filter((t) => t.score !== null)
  const score = scored.length ? Math.round(scored.reduce((s, t) => s + (t.score as number), 0) / scored.length) : null
  return { ...c, types, score }
}

/** Recorded sessions of the year per month and per type × quarter, and the latest session's Beijing date. */
export function monthCounts(activities: ActivityRow[], year: number) {
  const months = Array<number>(12).fill(0)
  const byTypeQuarter = ACTIVITY_TYPES.map(() => [0, 0, 0, 0])
  let recorded = 0
  let last: string | null = null
  for (const a of activities) {
    if (a.status !== 'recorded' || a.deleted) continue
    const date = beijingDate(toDate(a.startAt))
    if (Number(date.slice(0, 4)) !== year) continue
    const month = Number(date.slice(5, 7)) - 1
    recorded += 1
    months[month] += 1
    const t = ACTIVITY_TYPES.indexOf(a.type)
    if (t >= 0) byTypeQuarter[t][Math.floor(month / 3)] += 1
    if (!last || date > last) last = date
  }
  return { months, byTypeQuarter, recorded, last }
}

export function figuresOf(f: BranchFacts, year: number, today: string): BranchFigures {
  const asOf = asOfFor(year, today)
  const { months, byTypeQuarter, recorded, last } = monthCounts(f.activities, year)
  let done = 0
  let doneLate = 0
  let overdue = 0
  for (const a of f.assignments) {
    if (a.state === 'done') {
      done += 1
      if (a.doneAt && beijingDate(toDate(a.doneAt)) > a.dueOn) doneLate += 1
    } else if (a.dueOn < today) {
      overdue += 1
    }
  }
  const from = f.evaluatedFrom ?? null
  const compliance = closeYear(
    complianceYear({ hasGroups: f.hasGroups, secretaryNames: f.secretaryNames, activities: f.activities, evaluatedFrom: from }, asOf),
    asOf < today,
    from,
  )
  // A past year is silent when nothing was recorded at all; the current one when the last session is long ago.
  // Quiet time before the branch is judged (founded, or started using the app) is not silence.
  const quietSince = [last, from].filter((d): d is string => !!d).sort().pop() ?? null
  const judgedInYear = !from || from <= asOf
  const silent = judgedInYear && (asOf === today ? quietSince === null || daysBetween(quietSince, today) > SILENT_DAYS : last === null)
  return {
    branchId: f.id,
    name: f.name,
    score: compliance.score,
    recorded,
    months,
    byTypeQuarter,
    lastActivityOn: last,
    silent,
    assignments: f.assignments.length,
    done,
    doneLate,
    overdue,
    compliance,
  }
}

export type OverviewFilter = 'all' | 'overdue' | 'silent' | 'low_score'
export type OverviewSort = 'score_asc' | 'score_desc' | 'overdue_desc' | 'last_activity_asc' | 'name'

/** Below this a branch needs the committee's attention. */
export const LOW_SCORE = 60

export function filterRows<T extends Pick<BranchFigures, 'overdue' | 'silent' | 'score' | 'name'>>(rows: T[], filter: OverviewFilter, q?: string): T[] {
  const needle = q?.trim()
  return rows.filter((r) => {
    if (needle && !r.name.includes(needle)) return false
    if (filter === 'overdue') return r.overdue > 0
    if (filter === 'silent') return r.silent
    if (filter === 'low_score') return r.score !== null && r.score < LOW_SCORE
    return true
  })
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN')

/** Sorts a copy; branches without a score sort after those with one, then by name, so the order is stable. */
export function sortRows<T extends Pick<BranchFigures, 'overdue' | 'score' | 'name' | 'lastActivityOn'>>(rows: T[], sort: OverviewSort): T[] {
  const score = (r: T, missing: number) => (r.score === null ? missing : r.score)
  const out = [...rows]
  out.sort((a, b) => {
    let d = 0
    if (sort === 'score_asc') d = score(a, 101) - score(b, 101)
    else if (sort === 'score_desc') d = score(b, -1) - score(a, -1)
    else if (sort === 'overdue_desc') d = b.overdue - a.overdue
    else if (sort === 'last_activity_asc') d = (a.lastActivityOn ?? '').localeCompare(b.lastActivityOn ?? '')
    return d || byName(a, b)
  })
  return out
}
