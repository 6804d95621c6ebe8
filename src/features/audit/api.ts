import { callApi } from '../../services/api'

export const listAudit = (branchId: string | undefined, cursor?: string | null) =>
  callApi('audit.list', { ...(branchId ? { branchId } : {}), ...(cursor ? { cursor } : {}), limit: 20 })
