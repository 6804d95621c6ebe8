/** Pure rules of the committee's work-plan screens. */
import type { ActionOutput } from '../../../types/actions'

export type PlanDraft = ActionOutput<'workPlans.parse'>
export type PlanSection = PlanDraft['sections'][number]
export type PlanPoint = PlanSection['points'][number]
export type PlanSummary = ActionOutput<'workPlans.save'>
export type PointProgress = ActionOutput<'workPlans.progress'>['points'][number]

/** The first time hint with a date, else the plan year's 12-31. */
export function suggestedDueOn(point: Pick<PlanPoint, 'timeHints'>, year: number): string {
  const hint = point.timeHints.find((h) => !!h.dueOn)
  return hint?.dueOn ?? `${year}-12-31`
}

/** Every point of a plan with its suggested due date, all selected. */
export function initialAssignRows(plan: PlanDraft): { seq: number; title: string; sectionTitle: string; dueOn: string; on: boolean }[] {
  return plan.sections.flatMap((s) => s.points.map((p) => ({ seq: p.seq, title: p.title, sectionTitle: s.title, dueOn: suggestedDueOn(p, plan.year), on: true })))
}

/** "张三、李四, 王五" → ['张三', '李四', '王五'], each once. */
export function parseResponsible(text: string): string[] {
  const seen: string[] = []
  for (const part of text.split(/[,，、;；\s]+/)) {
    const v = part.trim()
    if (v && !seen.includes(v)) seen.push(v)
  }
  return seen
}

export const formatResponsible = (list: string[]) => list.join('、')

export const pointCount = (plan: PlanDraft) => plan.sections.reduce((n, s) => n + s.points.length, 0)

export const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))

/** Problems to fix before saving, in Chinese; empty when fine. */
export function draftProblems(plan: PlanDraft): string[] {
  const out: string[] = []
  if (!plan.title.trim()) out.push('请填写标题')
  if (!Number.isInteger(plan.year) || plan.year < 2000 || plan.year > 2100) out.push('年度应为 2000–2100 之间的年份')
  if (plan.issuedOn && !isIsoDate(plan.issuedOn)) out.push('日期格式应为 YYYY-MM-DD')
  if (!plan.sections.length) out.push('工作要点至少要有一个部分')
  plan.sections.forEach((s) => s.points.forEach((p) => !p.title.trim() && out.push(`第 ${p.seq} 条要点缺少标题`)))
  return out
}
