import type { PartyStatus } from '../../../types/domain'
import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const createInvite = (input: ActionInput<'invites.create'>) => callApi('invites.create', input)
export const listInvites = (branchId: string) => callApi('invites.list', { branchId })
export const revokeInvite = (code: string) => callApi('invites.revoke', { code })
export const inviteQr = (code: string) => callApi('invites.qr', { code })
export const listJoinRequests = (branchId: string) => callApi('joinRequests.list', { branchId })
export const decideJoinRequest = (requestId: string, approve: boolean, reason?: string, partyStatus?: PartyStatus) =>
  callApi('joinRequests.decide', { requestId, approve, ...(reason ? { reason } : {}), ...(partyStatus ? { partyStatus } : {}) })
