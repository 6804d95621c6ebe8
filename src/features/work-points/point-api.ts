import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const getAssignment = (assignmentId: string) => callApi('assignments.get', { assignmentId })
export const reportAssignment = (input: ActionInput<'assignments.report'>) => callApi('assignments.report', input)
export const reopenAssignment = (assignmentId: string, reason: string) => callApi('assignments.reopen', { assignmentId, reason })
/** The branch's recent activities, to link as evidence. */
/** Sessions that can be evidence: recorded ones only (a planned, unheld session proves nothing yet). */
export const listBranchActivities = (branchId: string) => callApi('activities.list', { branchId, status: 'recorded', limit: 30 })

/** Where a report's photo or document is stored: a report's evidence grouped by its request (the queue uploads it). */
export function reportFilePath(assignmentId: string, draftId: string, key: string, name: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? 'jpg').toLowerCase()
  return `work-points/${assignmentId}/${draftId}/${key}.${ext}`
}
