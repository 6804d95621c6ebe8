/**
 * The reminder planner: from the data and `now`, which reminders are due. Pure — no port, no clock of its own.
 *
 * Every reminder is one person's (recipient openid) and carries a dedupe key `kind:subject:recipient:milestone`;
 * the runner claims the key before anything is written or sent, so a second run, or a run after a crash half-way,
 * sends nothing twice. Each milestone has a *due instant*; a run plans a milestone when it is due (dueAt ≤ now)
 * and not yet superseded by a later milestone of the same subject, so a run that was missed (a failed 08:00 run)
 * is caught up by the next one, and a late run never sends a stale milestone after a newer one.
 *
 * Rules (all days are Beijing days; "08:00" is 08:00 Beijing time):
 * - Work point (assignment not done), to the branch's secretaries: 7, 3 and 1 days before its due date
 *   (milestones d7, d3, d1, due at 08:00 of those days), and overdue: the day after the due date and then weekly
 *   (w1, w2 … due at 08:00 on due+1, due+8 …), for at most OVERDUE_WEEKS weeks.
 * - Compliance gap, to the branch's secretaries and committee members (支委): when a period (month, quarter, year) has 10 days left
 *   (08:00 of its 10th-last day) and a required type is not done in it. One reminder per branch and period end
 *   lists every gap of the periods ending that day (on 21 December: the month, the quarter and the year).
 *   Planned until the period ends.
 * - Upcoming planned activity, to its audience (the branch, a party group, or the branch committee): the day
 *   before at 08:00 (d1), and two hours before (h2, due at the start minus two hours rounded down to the hour).
 *   The timer fires hourly (config.json "0 0 * * * * *" — WeChat allows one trigger per function), so h2 goes out
 *   between two and three hours before the start. Planned until the start; when both are due only h2 is sent.
 * - Committee notice, to each person in the chosen branches holding a chosen role who has quota for the notice
 *   template (the notice's inbox item is written once by notices.send, addressed by branch and role).
 */
import type { ActivityType, Role } from '../../../types/domain'
import { ACTIVITY_TYPE_INFO } from '../../../types/domain'
import { type ReminderKind } from '../../../types/subscription-templates'
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'
import { complianceAt, type ComplianceActivity, dayBefore } from '../compliance/rules'
import { beijingDate, daysBetween } from '../framework/time'
import { formatTime, messageData } from './fit'

/** Pages a reminder opens (src/app.config.ts). */
export const REMINDER_PAGES = {
  workPoints: '/pages/work-points/index',
  home: '/pages/home/index',
  activity: (id: string) => `/packages/activities/pages/detail/index?id=${id}`,
  inbox: '/packages/inbox/pages/inbox/index',
} as const

export const ASSIGNMENT_MILESTONES = [7, 3, 1] as const
export const OVERDUE_WEEKS = 12
export const COMPLIANCE_LEAD_DAYS = 10
const HOUR = 3600 * 1000
const DAY = 24 * HOUR

export interface PlannerBranch {
  id: string
  name: string
  hasGroups: boolean
  secretaryNames: string[]
  /** Recorded activities of the periods under review (the runner reads only the periods with ≤ 10 days left). */
  activities: ComplianceActivity[]
  /** compliance/rules.ts evaluationStart: no gap is reported for periods before it. */
  evaluatedFrom?: string | null
}

export interface PlannerPerson {
  openid: string
  name: string
  branchId: string
  roles: Role[]
  groupId: string | null
}

export interface PlannerAssignment {
  id: string
  branchId: string
  title: string
  planTitle: string
  dueOn: string
  state: 'not_started' | 'in_progress' | 'done'
}

export interface PlannerActivity {
  id: string
  branchId: string
  type: ActivityType
  topic: string
  place: string
  startAt: Date
  audience: { kind: 'branch' } | { kind: 'group'; groupId: string } | { kind: 'committee' }
}

export interface PlannerNotice {
  id: string
  title: string
  body: string
  fromName: string
  createdAt: Date
  allBranches: boolean
  branchIds: string[]
  roles: Role[]
}

export interface PlannerInput {
  now: Date
  branches: PlannerBranch[]
  people: PlannerPerson[]
  assignments: PlannerAssignment[]
  activities: PlannerActivity[]
  notices: PlannerNotice[]
  /** Whether the person may still receive the template (notices are planned only for them). */
  hasQuota?: (openid: string, templateId: string) => boolean
}

export interface PlannedReminder {
  key: string
  kind: ReminderKind
  openid: string
  /** The assignment, branch, activity or notice it is about. */
  subject: string
  milestone: string
  dueAt: Date
  /** The personal inbox item; null for notices (their inbox item is per notice). */
  inbox: { title: string; body: string; page: string } | null
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/** 08:00 Beijing on a Beijing date (YYYY-MM-DD), as an instant (Beijing has no DST: UTC+8 all year). */
export function beijing0800(date: string): Date {
  return new Date(`${date}T08:00:00+08:00`)
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)

export const dedupeKey = (kind: ReminderKind, subject: string, openid: string, milestone: string) =>
  `${kind}:${subject}:${openid}:${milestone}`

/** The latest milestone that is due: milestones must be in due order. */
function latestDue<M extends { dueAt: Date }>(milestones: M[], now: Date): M | undefined {
  let found: M | undefined
  for (const m of milestones) if (m.dueAt.getTime() <= now.getTime()) found = m
  return found
}

function byBranch(people: PlannerPerson[]) {
  const map = new Map<string, PlannerPerson[]>()
  for (const p of people) map.set(p.branchId, [...(map.get(p.branchId) ?? []), p])
  return map
}

const secretariesOf = (people: PlannerPerson[] | undefined) => (people ?? []).filter((p) => p.roles.includes('secretary'))
/** The branch's leadership: organisation life is theirs to hold (the 组织委员 arranges the meetings). */
const leadersOf = (people: PlannerPerson[] | undefined) =>
  (people ?? []).filter((p) => p.roles.includes('secretary') || p.roles.includes('branch_committee'))

export function planReminders(input: PlannerInput): PlannedReminder[] {
  const { now } = input
  const today = beijingDate(now)
  const people = byBranch(input.people)
  const out = new Map<string, PlannedReminder>()
  const add = (r: Omit<PlannedReminder, 'key'>) => {
    const key = dedupeKey(r.kind, r.subject, r.openid, r.milestone)
    if (!out.has(key)) out.set(key, { key, ...r })
  }

  // Work points due and overdue.
  const tplAssignment = SUBSCRIPTION_TEMPLATES.assignment_due.id
  for (const a of input.assignments) {
    if (a.state === 'done') continue
    const milestones = [
      ...ASSIGNMENT_MILESTONES.map((d) => ({ name: `d${d}`, day: addDays(a.dueOn, -d) })),
      ...Array.from({ length: OVERDUE_WEEKS }, (_, w) => ({ name: `w${w + 1}`, day: addDays(a.dueOn, 1 + 7 * w) })),
    ].map((m) => ({ ...m, dueAt: beijing0800(m.day) }))
    const m = latestDue(milestones, now)
    if (!m) continue
    // A late run never plans past the next milestone's day (latestDue already picked the newest due one).
    const left = daysBetween(today, a.dueOn)
    const note = left > 0 ? `还剩 ${left} 天，请及时报送进展` : left === 0 ? '今天到期，请及时报送进展' : `已逾期 ${-left} 天，请尽快完成`
    const title = left > 0 ? `工作要点还剩 ${left} 天到期` : left === 0 ? '工作要点今天到期' : `工作要点已逾期 ${-left} 天`
    const body = `「${a.title}」（${a.planTitle}）截止日期 ${a.dueOn}，${note}。`
    const data = messageData('assignment_due', { title: a.title, dueOn: a.dueOn, note })
    for (const s of secretariesOf(people.get(a.branchId))) {
      add({
        kind: 'assignment_due',
        openid: s.openid,
        subject: a.id,
        milestone: m.name,
        dueAt: m.dueAt,
        inbox: { title, body, page: REMINDER_PAGES.workPoints },
        templateId: tplAssignment,
        page: REMINDER_PAGES.workPoints,
        data,
      })
    }
  }

  // Compliance gaps, 10 days before a period ends.
  const tplGap = SUBSCRIPTION_TEMPLATES.compliance_gap.id
  for (const b of input.branches) {
    const leaders = leadersOf(people.get(b.id))
    if (!leaders.length) continue
    const status = complianceAt({ hasGroups: b.hasGroups, secretaryNames: b.secretaryNames, activities: b.activities, evaluatedFrom: b.evaluatedFrom }, today)
    const byEnd = new Map<string, typeof status.items>()
    for (const item of status.items) {
      if (item.status !== 'due_soon') continue
      byEnd.set(item.period.end, [...(byEnd.get(item.period.end) ?? []), item])
    }
    for (const [end, items] of byEnd) {
      const dueAt = beijing0800(addDays(end, -(COMPLIANCE_LEAD_DAYS - 1)))
      if (dueAt.getTime() > now.getTime()) continue
      const daysLeft = items[0].daysLeft
      const names = items.map((i) => (i.type === 'secretary_lecture' ? '书记讲党课' : ACTIVITY_TYPE_INFO[i.type as ActivityType].short))
      const periodLabel = (['month', 'quarter', 'year'] as const)
        .map((f) => items.find((i) => i.frequency === f)?.period.label)
        .filter(Boolean)
        .join('、')
      const body = `${items.map((i) => i.sentence).join('；')}。`
      const data = messageData('compliance_gap', { item: names.join('、'), period: periodLabel, dueOn: end, note: `还剩 ${daysLeft} 天，请及时开展并记录` })
      for (const s of leaders) {
        add({
          kind: 'compliance_gap',
          openid: s.openid,
          subject: b.id,
          milestone: `end${end}`,
          dueAt,
          inbox: {
            title: `组织生活还有 ${items.length} 项未完成`,
            body,
            page: REMINDER_PAGES.home,
          },
          templateId: tplGap,
          page: REMINDER_PAGES.home,
          data,
        })
      }
    }
  }

  // Upcoming planned activities: the day before at 08:00, and two hours before.
  const tplActivity = SUBSCRIPTION_TEMPLATES.activity_upcoming.id
  for (const act of input.activities) {
    const start = act.startAt.getTime()
    if (start <= now.getTime()) continue
    const startDay = beijingDate(act.startAt)
    const h2 = new Date(Math.floor((start - 2 * HOUR) / HOUR) * HOUR)
    const m = latestDue([{ name: 'd1', dueAt: beijing0800(dayBefore(startDay)) }, { name: 'h2', dueAt: h2 }].sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime()), now)
    if (!m) continue
    const audience = (people.get(act.branchId) ?? []).filter((p) => {
      if (p.roles.every((r) => r === 'guide')) return false
      if (act.audience.kind === 'group') return p.groupId === act.audience.groupId
      if (act.audience.kind === 'committee') return p.roles.includes('secretary') || p.roles.includes('branch_committee')
      return true
    })
    const typeName = ACTIVITY_TYPE_INFO[act.type].name
    const when = formatTime(act.startAt)
    const lead = m.name === 'h2' ? '即将开始' : '明天举行'
    const page = REMINDER_PAGES.activity(act.id)
    const data = messageData('activity_upcoming', { topic: act.topic, startAt: act.startAt, place: act.place, note: `${typeName}${lead}，请准时参加` })
    for (const p of audience) {
      add({
        kind: 'activity_upcoming',
        openid: p.openid,
        subject: act.id,
        milestone: m.name,
        dueAt: m.dueAt,
        inbox: { title: `${typeName}${lead}`, body: `${act.topic}。时间：${when}，地点：${act.place}。`, page },
        templateId: tplActivity,
        page,
        data,
      })
    }
  }

  // Committee notices, to the people who can still receive the notice template.
  const tplNotice = SUBSCRIPTION_TEMPLATES.committee_notice.id
  for (const n of input.notices) {
    const branchSet = new Set(n.branchIds)
    const data = noticeMessage(n)
    for (const p of input.people) {
      if (!n.allBranches && !branchSet.has(p.branchId)) continue
      if (!p.roles.some((r) => n.roles.includes(r))) continue
      if (input.hasQuota && !input.hasQuota(p.openid, tplNotice)) continue
      add({
        kind: 'committee_notice',
        openid: p.openid,
        subject: n.id,
        milestone: 'sent',
        dueAt: n.createdAt,
        inbox: null,
        templateId: tplNotice,
        page: REMINDER_PAGES.inbox,
        data,
      })
    }
  }

  return [...out.values()]
}

export function noticeMessage(n: Pick<PlannerNotice, 'title' | 'body' | 'fromName' | 'createdAt'>) {
  return messageData('committee_notice', { title: n.title, from: n.fromName, at: n.createdAt, summary: n.body })
}
