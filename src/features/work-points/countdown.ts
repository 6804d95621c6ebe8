/** The few rules the 工作要点 tab (main package) needs; kept apart so the rest stays in the sub-package. */
import type { ActionOutput } from '../../../types/actions'
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from '../../../types/assignment-status'

export type Assignment = ActionOutput<'assignments.list'>['items'][number]
export type { AssignmentStatus }

/** The status words (types/assignment-status.ts), under the name the tab's code uses. */
export const STATUS_LABEL = ASSIGNMENT_STATUS_LABELS

/** "还剩 6 天" · "今天到期" · "已逾期 3 天"; a done point shows nothing to count down. */
export const countdownText = ({ daysLeft: d, status }: Pick<Assignment, 'daysLeft' | 'status'>): string =>
  status === 'done' ? '' : d > 0 ? `还剩 ${d} 天` : d ? `已逾期 ${-d} 天` : '今天到期'
