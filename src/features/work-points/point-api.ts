import type { ActionInput } from '../../../types/actions'
import { callApi, uploadFile, type UploadSource } from '../../services/api'

export const getAssignment = (assignmentId: string) => callApi('assignments.get', { assignmentId })
export const reportAssignment = (input: ActionInput<'assignments.report'>) => callApi('assignments.report', input)
export const reopenAssignment = (assignmentId: string, reason: string) => callApi('assignments.reopen', { assignmentId, reason })
/** The branch's recent activities, to link as evidence. */
/** Sessions that can be evidence: recorded ones only (a planned, unheld session proves nothing yet). */
export const listBranchActivities = (branchId: string) => callApi('activities.list', { branchId, status: 'recorded', limit: 30 })

export const uploadReportPhoto = (assignmentId: string, draftId: string, index: number, source: UploadSource) => {
  const ext = (/\.([a-z0-9]+)$/i.exec(source.name)?.[1] ?? 'jpg').toLowerCase()
  return uploadFile(source, `work-points/${assignmentId}/${draftId}/${index}.${ext}`)
}
