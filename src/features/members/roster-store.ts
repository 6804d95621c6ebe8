/** A branch's roster: search by name, filter by party group and state, cursor pages; a changed member updates in place. */
import { create } from 'zustand'
import type { MemberSummary } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import { listGroups, listMembers, ROSTER_PAGE_SIZE } from './api'

export type RosterState = 'active' | 'transferred' | 'all'
export interface RosterFilter {
  q: string
  groupId: string
  state: RosterState
}

interface RosterStore {
  branchId: string | null
  filter: RosterFilter
  items: MemberSummary[]
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  loadingMore: boolean
  moreError: string | null
  groups: { id: string; name: string }[]
  /** First page for the branch with the filter (merged into the current one). */
  load(branchId: string, filter?: Partial<RosterFilter>): Promise<void>
  loadMore(): Promise<void>
  loadGroups(branchId: string): Promise<void>
  /** A member changed elsewhere (detail page): replace it, or drop it when it no longer matches the state filter. */
  changed(member: MemberSummary): void
  reset(): void
}

export const DEFAULT_FILTER: RosterFilter = { q: '', groupId: '', state: 'active' }
const initial = { branchId: null, filter: DEFAULT_FILTER, items: [], nextCursor: null, status: 'idle' as const, error: null, loadingMore: false, moreError: null, groups: [] }

const sameFilter = (a: RosterFilter, b: RosterFilter) => a.q === b.q && a.groupId === b.groupId && a.state === b.state

const query = (branchId: string, f: RosterFilter, cursor?: string | null) => ({
  branchId,
  state: f.state,
  limit: ROSTER_PAGE_SIZE,
  ...(f.q.trim() ? { q: f.q.trim() } : {}),
  ...(f.groupId ? { groupId: f.groupId } : {}),
  ...(cursor ? { cursor } : {}),
})

export const matchesState = (m: MemberSummary, state: RosterState) => state === 'all' || m.state === state

export const useRosterStore = create<RosterStore>()((set, get) => ({
  ...initial,
  async load(branchId, patch = {}) {
    const s = get()
    const filter = { ...(s.branchId === branchId ? s.filter : DEFAULT_FILTER), ...patch }
    const keep = s.branchId === branchId && sameFilter(s.filter, filter)
    set({ branchId, filter, status: 'loading', error: null, moreError: null, ...(keep ? {} : { items: [], nextCursor: null }) })
    try {
      const page = await listMembers(query(branchId, filter))
      const now = get()
      if (now.branchId !== branchId || !sameFilter(now.filter, filter)) return
      set({ items: page.items, nextCursor: page.nextCursor ?? null, status: 'ready' })
    } catch (error) {
      const now = get()
      if (now.branchId !== branchId || !sameFilter(now.filter, filter)) return
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async loadMore() {
    const { branchId, filter, nextCursor, loadingMore, status } = get()
    if (!branchId || !nextCursor || loadingMore || status !== 'ready') return
    set({ loadingMore: true, moreError: null })
    try {
      const page = await listMembers(query(branchId, filter, nextCursor))
      const now = get()
      if (now.branchId !== branchId || !sameFilter(now.filter, filter)) return
      const seen = new Set(now.items.map((m) => m.id))
      set({ items: [...now.items, ...page.items.filter((m) => !seen.has(m.id))], nextCursor: page.nextCursor ?? null, loadingMore: false })
    } catch (error) {
      set({ loadingMore: false, moreError: errorMessage(error) })
    }
  },
  async loadGroups(branchId) {
    try {
      const { items } = await listGroups(branchId)
      set({ groups: items.map((g) => ({ id: g.id, name: g.name })) })
    } catch {
      // The group filter is optional; the roster still works without it.
    }
  },
  changed(member) {
    const { items, filter } = get()
    if (!items.some((m) => m.id === member.id)) return
    set({ items: matchesState(member, filter.state) ? items.map((m) => (m.id === member.id ? member : m)) : items.filter((m) => m.id !== member.id) })
  },
  reset() {
    set({ ...initial })
  },
}))
