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

/**
 * The plan files the import page takes. The cloud decides (cloud/core/work-plans/file.ts reads the content and
 * refuses what it cannot read); these checks only spare an upload that would be refused anyway: nothing is
 * uploaded or written for a file refused here.
 */
export const PLAN_FILE_EXTENSIONS = ['docx', 'pdf', 'xlsx', 'txt'] as const
export type PlanFileExtension = (typeof PLAN_FILE_EXTENSIONS)[number]
/** The cloud's limit (MAX_PLAN_FILE_BYTES in cloud/core/work-plans/file.ts). */
export const MAX_PLAN_FILE_MB = 10

/** The extension a plan file is uploaded with, or a refusal in Chinese for a file the importer cannot take. */
export function checkPlanFile(name: string, size: number | undefined): { ext: PlanFileExtension } | { refusal: string } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''
  if (ext === 'doc' || ext === 'xls' || ext === 'wps' || ext === 'et') {
    return { refusal: `不支持旧版 .${ext} 文件，请在 Word、Excel 或 WPS 中另存为 .docx 或 .xlsx 后再选择。` }
  }
  if (!(PLAN_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    return { refusal: `不支持${ext ? ` .${ext} ` : '这种'}文件，请选择 Word（.docx）、PDF、Excel（.xlsx）或 .txt 文件。` }
  }
  if (size === 0) return { refusal: '文件是空的，请重新选择。' }
  if (size !== undefined && size > MAX_PLAN_FILE_MB * 1024 * 1024) {
    return { refusal: `文件超过 ${MAX_PLAN_FILE_MB} MB，请删去其中的图片后再选择。` }
  }
  return { ext: ext as PlanFileExtension }
}
