import type { PartyStatus } from '../../../types/domain'
/** A branch's invitations and join requests, as its secretary or the committee manages them. */
import { create } from 'zustand'
import type { ActionInput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { createInvite, decideJoinRequest, inviteQr, listInvites, listJoinRequests, revokeInvite } from './api'
import type { Invite, JoinRequest } from './labels'

interface InvitesState {
  branchId: string | null
  invites: Invite[]
  requests: JoinRequest[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** Join requests failing to load (e.g. for a role that may not see them) do not hide the invitations. */
  requestsError: string | null
  qr: Record<string, { url?: string; error?: string; loading?: boolean }>
  /** The invitation just made, shown on top until another is made. */
  lastCode: string | null
  load(branchId: string): Promise<void>
  create(input: Omit<ActionInput<'invites.create'>, 'branchId'>): Promise<Invite>
  revoke(code: string): Promise<void>
  showQr(code: string): Promise<void>
  decide(requestId: string, approve: boolean, reason?: string, partyStatus?: PartyStatus): Promise<void>
  reset(): void
}

const initial = { branchId: null, invites: [], requests: [], status: 'idle' as const, error: null, requestsError: null, qr: {}, lastCode: null }
const rethrow = (error: unknown): never => {
  throw new Error(errorMessage(error))
}

export const useInvitesStore = create<InvitesState>()((set, get) => ({
  ...initial,
  async load(branchId) {
    const keep = get().branchId === branchId
    set({ branchId, status: 'loading', error: null, ...(keep ? {} : { invites: [], requests: [], qr: {}, lastCode: null }) })
    const [invites, requests] = await Promise.allSettled([listInvites(branchId), listJoinRequests(branchId)])
    if (get().branchId !== branchId) return
    if (invites.status === 'rejected') {
      set({ status: 'error', error: errorMessage(invites.reason) })
      return
    }
    set({
      status: 'ready',
      invites: invites.value.items,
      requests: requests.status === 'fulfilled' ? requests.value.items : [],
      requestsError: requests.status === 'rejected' ? errorMessage(requests.reason) : null,
    })
  },
  async create(input) {
    const branchId = get().branchId
    if (!branchId) throw new Error('缺少支部')
    const invite = await createInvite({ branchId, ...input }).catch(rethrow)
    set({ invites: [invite, ...get().invites.filter((i) => i.code !== invite.code)], lastCode: invite.code })
    return invite
  },
  async revoke(code) {
    const invite = await revokeInvite(code).catch(rethrow)
    set({ invites: get().invites.map((i) => (i.code === code ? invite : i)) })
  },
  async showQr(code) {
    set({ qr: { ...get().qr, [code]: { loading: true } } })
    try {
      const { url } = await inviteQr(code)
      set({ qr: { ...get().qr, [code]: { url } } })
    } catch (error) {
      set({ qr: { ...get().qr, [code]: { error: errorMessage(error) } } })
    }
  },
  async decide(requestId, approve, reason, partyStatus) {
    const decided = await decideJoinRequest(requestId, approve, reason?.trim() || undefined, partyStatus).catch(rethrow)
    set({ requests: get().requests.map((r) => (r.id === requestId ? decided : r)) })
  },
  reset() {
    set({ ...initial })
  },
}))
