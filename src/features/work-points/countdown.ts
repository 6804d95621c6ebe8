/** The few rules the 工作要点 tab (main package) needs; kept apart so the rest stays in the sub-package. */
import type { ActionOutput } from '../../../types/actions'

export type Assignment = ActionOutput<'assignments.list'>['items'][number]
export type AssignmentStatus = Assignment['status']

export const STATUS_LABEL: Record<AssignmentStatus, string> = { not_started: '未开始', in_progress: '进行中', done: '已完成', overdue: '已逾期' }

/** "还剩 6 天" · "今天到期" · "已逾期 3 天"; a done point shows nothing to count down. */
export const countdownText = ({ daysLeft: d, status }: Pick<Assignment, 'daysLeft' | 'status'>): string =>
  status === 'done' ? '' : d > 0 ? `还剩 ${d} 天` : d ? `已逾期 ${-d} 天` : '今天到期'
