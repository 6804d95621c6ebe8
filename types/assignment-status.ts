/**
 * A work point's status as a branch sees it, and its words on every screen (工作要点, the committee's branch page,
 * the progress view). `overdue` is not stored: the cloud computes it from the due date (cloud/core/actions/assignments.ts
 * assignmentStatus).
 */
export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number]

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  overdue: '已逾期',
}
