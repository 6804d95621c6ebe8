/** The few rules the 工作要点 tab (main package) needs; kept apart so the rest stays in the sub-package. */
import type { ActionOutput } from '../../../types/actions'

export type Assignment = ActionOutput<'assignments.list'>['items'][number]
export type AssignmentStatus = Assignment['status']

export const STATUS_LABEL: Record<AssignmentStatus, string> = { not_started: '未开始', in_progress: '进行中', done: '已完成', overdue: '已逾期' }

/** "还剩 6 天" · "今天到期" · "已逾期 3 天"; a done point shows nothing to count down. */
export const countdownText = ({ daysLeft: d, status }: Pick<Assignment, 'daysLeft' | 'status'>): string =>
  status === 'done' ? '' : d > 0 ? `还剩 ${d} 天` : d ? `已逾期 ${-d} 天` : '今天到期'

/** A plan's year: the year most of its points fall due in (assignments carry no plan year). */
const planYear = (items: Assignment[]) => {
  const count = new Map<string, number>()
  for (const a of items) count.set(a.dueOn.slice(0, 4), (count.get(a.dueOn.slice(0, 4)) ?? 0) + 1)
  return Number([...count].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0])
}

/**
 * The tab's points grouped by plan, then section (points are numbered per plan, so two plans must not interleave):
 * the plan of `year` first, later plans next (nearest first), then earlier ones (latest first). Within a plan the
 * server's order (section, point) stands.
 */
export function byPlan(items: Assignment[], year: number): { planId: string; title: string; sections: Assignment[][] }[] {
  const plans = new Map<string, Assignment[]>()
  for (const a of items) plans.set(a.planId, [...(plans.get(a.planId) ?? []), a])
  const rank = (y: number) => (y === year ? [0, 0] : y > year ? [1, y] : [2, -y])
  return [...plans.values()]
    .map((list) => ({ list, y: planYear(list) }))
    .sort((p, q) => rank(p.y)[0] - rank(q.y)[0] || rank(p.y)[1] - rank(q.y)[1])
    .map(({ list }) => {
      const sections: Assignment[][] = []
      list.forEach((a, i) => (i && a.sectionTitle === list[i - 1].sectionTitle ? sections[sections.length - 1].push(a) : sections.push([a])))
      return { planId: list[0].planId, title: list[0].planTitle, sections }
    })
}

/** 按截止日期: open points by due date (the latest first when late), done ones last. */
export const byDeadline = (items: Assignment[]): Assignment[] =>
  [...items].sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done') || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title))
