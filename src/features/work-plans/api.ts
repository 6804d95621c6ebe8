import type { ActionInput } from '../../../types/actions'
import { callApi, uploadFile, type UploadSource } from '../../services/api'

export const parsePlan = (input: { text: string } | { fileID: string }) => callApi('workPlans.parse', input)
export const savePlan = (input: ActionInput<'workPlans.save'>) => callApi('workPlans.save', input)
export const publishPlan = (planId: string) => callApi('workPlans.publish', { planId })
export const listPlans = () => callApi('workPlans.list', {})
export const getPlan = (planId: string) => callApi('workPlans.get', { planId })
export const assignPlan = (input: ActionInput<'workPlans.assign'>) => callApi('workPlans.assign', input)
export const getProgress = (planId: string) => callApi('workPlans.progress', { planId })
export const listPointAssignments = (planId: string, pointSeq: number, cursor?: string | null) =>
  callApi('assignments.list', { planId, pointSeq, limit: 100, ...(cursor ? { cursor } : {}) })
export const listBranchAssignments = (planId: string, branchId: string, cursor?: string | null) =>
  callApi('assignments.list', { planId, branchId, limit: 100, ...(cursor ? { cursor } : {}) })
export const searchBranches = (q?: string) => callApi('branches.list', { ...(q ? { q } : {}), limit: 50 })

/** A plan file for the importer, uploaded to cloud storage first; it keeps its extension (the cloud checks it). */
export const uploadPlanFile = (source: UploadSource, ext: string) =>
  uploadFile(source, `work-plans/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`)
