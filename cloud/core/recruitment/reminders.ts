/**
 * 发展党员 deadlines in the reminders run (cloud/core/reminders/run.ts, docs/reminders.md): the talk within a month
 * of the application, the next half-year 考察, the 上级党委's approval, the 转正 支部大会 at the end of the 预备期 and
 * the 转正 approval (rules.ts dueItems). They go through the same machinery as every reminder — dedupe key claimed
 * in reminder_log, inbox item always, a subscription message where the person granted one — so none is ever sent
 * twice.
 *
 * To the branch's secretaries and its 组织委员. Milestones (08:00 Beijing): `remindDaysBefore` days ahead (the
 * committee's setting, 7 by default) and one day ahead; when missed, the day after and then weekly for twelve weeks.
 * The subject carries the deadline (`recruitId.step.dueOn`), so a deadline that moves (an extension) is reminded
 * afresh. planRecruitmentReminders is pure; loadRecruitmentDue reads with paged queries, never one per branch.
 */
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'
import { dateText } from '../../../types/time-text'
import { collection, readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { beijingDate, daysBetween } from '../framework/time'
import { messageData } from '../reminders/fit'
import { beijing0800, dedupeKey, OVERDUE_WEEKS, type PlannedReminder, type PlannerPerson } from '../reminders/planner'
import { addDays, dueItems, type RecruitmentSettings } from './rules'
import { loadSettings } from './store'
import { unlessMissing } from '../framework/errors'

export const RECRUIT_PAGE = (id: string) => `/packages/recruitment/pages/person/index?id=${id}`

export interface RecruitDue {
  recruitId: string
  branchId: string
  name: string
  step: string
  title: string
  dueOn: string
}

/** Who keeps the pipeline in a branch: its secretaries, and the members holding 组织委员 (openids). */
export interface PipelineKeepers {
  people: PlannerPerson[]
  organisers: { openid: string; branchId: string }[]
}

export function planRecruitmentReminders(now: Date, dues: readonly RecruitDue[], keepers: PipelineKeepers, leadDays: number): PlannedReminder[] {
  const today = beijingDate(now)
  const byBranch = new Map<string, Set<string>>()
  const add = (branchId: string, openid: string) => byBranch.set(branchId, (byBranch.get(branchId) ?? new Set()).add(openid))
  for (const p of keepers.people) if (p.roles.includes('secretary')) add(p.branchId, p.openid)
  for (const o of keepers.organisers) add(o.branchId, o.openid)
  const templateId = SUBSCRIPTION_TEMPLATES.recruitment_due.id
  const out: PlannedReminder[] = []
  for (const d of dues) {
    const before = [...new Set([leadDays, 1])].sort((a, b) => b - a)
    const milestones = [
      ...before.map((n) => ({ name: `d${n}`, day: addDays(d.dueOn, -n) })),
      ...Array.from({ length: OVERDUE_WEEKS }, (_, w) => ({ name: `w${w + 1}`, day: addDays(d.dueOn, 1 + 7 * w) })),
    ].map((m) => ({ ...m, dueAt: beijing0800(m.day) }))
    // The newest milestone that is due: a missed run is caught up, a stale milestone never follows a newer one.
    const m = milestones.filter((x) => x.dueAt.getTime() <= now.getTime()).pop()
    if (!m) continue
    const left = daysBetween(today, d.dueOn)
    const when = left > 0 ? `还剩 ${left} 天` : left === 0 ? '今天到期' : `已逾期 ${-left} 天`
    const title = `${d.name}：${d.title}${when}`
    const body = `${d.name}的「${d.title}」应在${dateText(d.dueOn)}前完成（${when}）。完成后请在发展党员档案中记录。`
    const subject = `${d.recruitId}.${d.step}.${d.dueOn}`
    const page = RECRUIT_PAGE(d.recruitId)
    const data = messageData('recruitment_due', { name: d.name, item: d.title, dueOn: d.dueOn, note: `${when}，请及时办理` })
    for (const openid of byBranch.get(d.branchId) ?? []) {
      out.push({ key: dedupeKey('recruitment_due', subject, openid, m.name), kind: 'recruitment_due', openid, subject, milestone: m.name, dueAt: m.dueAt, inbox: { title, body, page }, templateId, page, data })
    }
  }
  return out
}

/** The deadlines of every person whose nearest deadline falls in the reminder window, and the settings' lead. */
export async function loadRecruitmentDue(port: Port, now: Date): Promise<{ dues: RecruitDue[]; organisers: PipelineKeepers['organisers']; settings: RecruitmentSettings }> {
  const _ = port.db.command
  const today = beijingDate(now)
  const settings = await loadSettings(port)
  // nextDueOn is the nearest deadline: a person none of whose deadlines is within `lead` days (or twelve weeks late) is not read.
  const rows = await readAll(port, 'recruits', { nextDueOn: _.and(_.gte(addDays(today, -(OVERDUE_WEEKS * 7 + 1))), _.lte(addDays(today, settings.remindDaysBefore))) }, { fields: ['branchId', 'name', 'log', 'status'] }).catch(unlessMissing([]))
  const dues: RecruitDue[] = []
  for (const r of rows) for (const d of dueItems(r.log, settings)) dues.push({ recruitId: r._id, branchId: r.branchId, name: r.name, step: d.step, title: d.title, dueOn: d.dueOn })
  const organisers = rows.length
    ? (await readAll(port, 'members', { state: 'active', posts: '组织委员', openid: _.neq(null) }, { fields: ['openid', 'branchId'] })).flatMap((m) => (m.openid ? [{ openid: m.openid, branchId: m.branchId }] : []))
    : []
  return { dues, organisers, settings }
}

/**
 * The branch's pipeline deadlines up to `until` (late ones included) for the home to-do, when the caller keeps the
 * pipeline (the secretary or the 组织委员): one query on the branch's records by their nearest deadline.
 */
export async function branchRecruitDue(port: Port, branchId: string, openid: string, isSecretary: boolean, until: string): Promise<RecruitDue[]> {
  if (!isSecretary) {
    const { data } = await collection(port, 'members').where({ branchId, openid, state: 'active' }).limit(1).get()
    if (!(data[0]?.posts ?? []).includes('组织委员')) return []
  }
  const settings = await loadSettings(port)
  const rows = await readAll(port, 'recruits', { branchId, nextDueOn: port.db.command.lte(until) }, { fields: ['branchId', 'name', 'log', 'status'] }).catch(unlessMissing([]))
  return rows.flatMap((r) => dueItems(r.log, settings).map((d) => ({ recruitId: r._id, branchId: r.branchId, name: r.name, step: d.step, title: d.title, dueOn: d.dueOn })))
}
