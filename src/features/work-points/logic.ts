/** Pure rules of the branch's work points: grouping, countdown wording, status labels, report validation. */
import { STATUS_LABEL, countdownText, type Assignment, type AssignmentStatus } from './countdown'

export { STATUS_LABEL, countdownText }
export type { Assignment, AssignmentStatus }

export const STATUS_FILTERS: { value: AssignmentStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  ...(['not_started', 'in_progress', 'overdue', 'done'] as const).map((value) => ({ value, label: STATUS_LABEL[value] })),
]

export interface SectionGroup {
  key: string
  title: string
  items: Assignment[]
}

/** Assignments grouped by plan and section, in section order, points in their order within. */
export function groupBySection(items: Assignment[]): SectionGroup[] {
  const groups = new Map<string, SectionGroup & { sectionSeq: number; planId: string }>()
  for (const a of items) {
    const key = `${a.planId}#${a.sectionSeq}`
    let g = groups.get(key)
    if (!g) {
      g = { key, title: a.sectionTitle, items: [], sectionSeq: a.sectionSeq, planId: a.planId }
      groups.set(key, g)
    }
    g.items.push(a)
  }
  const list = [...groups.values()]
  const planOrder = [...new Set(items.map((a) => a.planId))]
  list.sort((x, y) => planOrder.indexOf(x.planId) - planOrder.indexOf(y.planId) || x.sectionSeq - y.sectionSeq)
  const titled = planOrder.length > 1
  return list.map((g) => ({
    key: g.key,
    title: titled ? `${g.items[0].planTitle} · ${g.title}` : g.title,
    items: [...g.items].sort((x, y) => x.pointSeq - y.pointSeq),
  }))
}

/** 按截止日期: open points by due date across plans, done ones last. */
export const byDeadline = (items: Assignment[]): Assignment[] =>
  [...items].sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done') || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title))

/** Filters on the client: status and a search in the title, section and plan. */
export function filterAssignments(items: Assignment[], status: AssignmentStatus | 'all', q: string): Assignment[] {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return items.filter(
    (a) =>
      (status === 'all' || a.status === status) &&
      words.every((w) => `${a.pointSeq} ${a.title} ${a.sectionTitle} ${a.planTitle}`.toLowerCase().includes(w)),
  )
}

export interface ReportDraft {
  note: string
  activityIds: string[]
  photoCount: number
  /** 书面材料 attached as files (PDF, Word, Excel). */
  fileCount?: number
  markDone: boolean
}

/** The client's copy of the server's rule: marking done needs a note or some evidence. null when fine. */
export function validateReport(d: ReportDraft): string | null {
  const hasNote = d.note.trim().length > 0
  const hasEvidence = d.activityIds.length > 0 || d.photoCount > 0 || (d.fileCount ?? 0) > 0
  if (d.note.trim().length > 2000) return '进展说明不能超过 2000 字'
  if (d.photoCount > 9) return '照片最多 9 张'
  if ((d.fileCount ?? 0) > 9) return '文件最多 9 个'
  if (d.markDone && !hasNote && !hasEvidence) return '标记完成前，请写一句进展说明，或关联一次活动、上传一张照片或一份文件'
  if (!d.markDone && !hasNote && !hasEvidence) return '请写进展说明，或关联活动、上传照片或文件'
  return null
}
