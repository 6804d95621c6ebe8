import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const BRANCH_PAGE_SIZE = 20

export const listBranches = (q?: string, cursor?: string | null, limit = BRANCH_PAGE_SIZE) =>
  callApi('branches.list', { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), limit })
export const getBranch = (branchId: string) => callApi('branches.get', { branchId })
export const createBranch = (input: ActionInput<'branches.create'>) => callApi('branches.create', input)
export const updateBranch = (input: ActionInput<'branches.update'>) => callApi('branches.update', input)
export const archiveBranch = (branchId: string, reason: string) => callApi('branches.archive', { branchId, reason })
export const createGroup = (branchId: string, name: string) => callApi('groups.create', { branchId, name })
export const renameGroup = (groupId: string, name: string) => callApi('groups.rename', { groupId, name })
