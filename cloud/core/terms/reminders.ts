/**
 * 换届 reminders in the reminders run's daily pass (cloud/core/reminders/run.ts, docs/reminders.md), kind `term_due`,
 * to the branch's secretaries: six and three months before the term ends, the day after it ends and monthly while
 * overdue, and once a month while the branch has no term recorded (rules.ts termMilestone). Through the same
 * machinery as every reminder — dedupe key claimed in reminder_log, inbox always, a subscription message where
 * granted — so none goes out twice. planTermReminders is pure; loadTermState reads two paged queries.
 */
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'
import { dateText } from '../../../types/time-text'
import { readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { messageData } from '../reminders/fit'
import { beijing0800, dedupeKey, type PlannedReminder, type PlannerPerson } from '../reminders/planner'
import { termMilestone, termStatus } from './rules'
import { currentTerms, dueOf } from './store'
import { unlessMissing } from '../framework/errors'

export const TERMS_PAGE = '/packages/terms/pages/term/index'

export interface TermBranch {
  id: string
  name: string
  /** When the 换届 is due (the current term's end, or the approved 延期换届's date), or null when none is recorded. */
  endOn: string | null
  /** The 换届 was postponed (延期换届 approved): the messages say so. */
  postponed?: boolean
}

export function planTermReminders(now: Date, branches: readonly TermBranch[], people: readonly PlannerPerson[]): PlannedReminder[] {
  const today = beijingDate(now)
  const templateId = SUBSCRIPTION_TEMPLATES.term_due.id
  const out: PlannedReminder[] = []
  for (const b of branches) {
    const term = b.endOn ? { endOn: b.endOn } : null
    const m = termMilestone(term, today)
    if (!m) continue
    const dueAt = beijing0800(m.day)
    if (dueAt.getTime() > now.getTime()) continue
    const s = termStatus(term, today)
    const title = !term
      ? '支委会任期尚未登记'
      : b.postponed
        ? s.state === 'overdue'
          ? `延期换届日期已过 ${-(s.daysLeft ?? 0)} 天`
          : `距延期换届日期还剩 ${s.daysLeft} 天`
        : s.state === 'overdue'
          ? `支委会任期已届满 ${-(s.daysLeft ?? 0)} 天`
          : `支委会任期还剩 ${s.daysLeft} 天届满`
    const body = !term
      ? `${b.name}尚未登记支委会任期。请补录现任支委会（任期开始日期与成员职务），以便按期提醒换届。`
      : b.postponed
        ? s.state === 'overdue'
          ? `${b.name}经批准延期的换届日期（${dateText(b.endOn!)}）已过，请尽快召开支部党员大会进行换届选举。`
          : `${b.name}经上级党组织批准延期换届，应于${dateText(b.endOn!)}前完成换届选举，请提前筹备。`
        : s.state === 'overdue'
        ? `${b.name}支委会任期已于${dateText(b.endOn!)}届满，请尽快召开支部党员大会进行换届选举；如需延期，应报上级党组织批准（《中国共产党支部工作条例（试行）》）。`
        : `${b.name}支委会任期将于${dateText(b.endOn!)}届满，请提前向上级党组织请示，筹备换届选举。`
    const subject = `${b.id}.${b.endOn ?? 'none'}`
    const data = messageData('term_due', { item: '支委会换届', dueOn: b.endOn ?? today, note: !term ? '请登记支委会任期' : s.state === 'overdue' ? '任期已满，请尽快换届' : '请筹备换届选举' })
    for (const p of people) {
      if (p.branchId !== b.id || !p.roles.includes('secretary')) continue
      out.push({ key: dedupeKey('term_due', subject, p.openid, m.name), kind: 'term_due', openid: p.openid, subject, milestone: m.name, dueAt, inbox: { title, body, page: TERMS_PAGE }, templateId, page: TERMS_PAGE, data })
    }
  }
  return out
}

/** Active branches with their current term's end (two paged reads, whatever the number of branches). */
export async function loadTermBranches(port: Port): Promise<TermBranch[]> {
  const [branches, terms] = await Promise.all([readAll(port, 'branches', { status: 'active' }, { fields: ['name'] }), currentTerms(port)])
  return branches.map((b) => ({ id: b._id, name: b.name, endOn: terms.get(b._id)?.endOn ?? null, postponed: terms.get(b._id)?.postponed ?? false }))
}

/** The branch's term state for the secretary's home 待办 (one read of the branch's current term). */
export async function secretaryTermDue(port: Port, branchId: string, today: string) {
  const rows = await readAll(port, 'branch_terms', { branchId, current: true }, { fields: ['endOn', 'postponements'] }).catch(unlessMissing([]))
  const endOn = rows.map((r) => dueOf(r)).sort().at(-1)
  return { ...termStatus(endOn ? { endOn } : null, today), postponed: rows.some((r) => !!r.postponements?.length) }
}
