/** A branch's roster: search by name, filter by party group and state, cursor pages (src/lib/paged-list.ts); a changed member updates in place. */
import { create } from 'zustand'
import type { MemberSummary } from '../../../types/domain'
import { pagedList, type PagedList } from '../../lib/paged-list'
import type { ActionOutput } from '../../../types/actions'
import { listGroups, listMembers, rosterAttendance, ROSTER_PAGE_SIZE } from './api'

export type RosterState = 'active' | 'transferred' | 'all'
export interface RosterFilter {
  q: string
  groupId: string
  state: RosterState
}

/** The roster's scope: one branch with its filter. */
export interface RosterScope {
  branchId: string
  filter: RosterFilter
}

/** One member's attendance in the year (present ÷ expected, leave apart), as members.attendance counts it. */
export type MemberAttendance = ActionOutput<'members.attendance'>['items'][number]

interface RosterStore extends Omit<PagedList<MemberSummary, RosterScope>, 'load'> {
  groups: { id: string; name: string }[]
  /** The year's attendance by member id, for the branch shown (null: not read, or it failed — the roster works without it). */
  attendance: { branchId: string; year: number; byMember: Record<string, MemberAttendance> } | null
  loadAttendance(branchId: string): Promise<void>
  /** First page for the branch with the filter (merged into the current one). */
  load(branchId: string, filter?: Partial<RosterFilter>): Promise<void>
  loadGroups(branchId: string): Promise<void>
  /** A member changed elsewhere (detail page): replace it, or drop it when it no longer matches the state filter. */
  changed(member: MemberSummary): void
}

export const DEFAULT_FILTER: RosterFilter = { q: '', groupId: '', state: 'active' }

/** The branch the roster shows (null before the first load) and its filter, for components. */
export const selectRosterBranch = (s: RosterStore) => s.scope?.branchId ?? null
export const selectRosterFilter = (s: RosterStore) => s.scope?.filter ?? DEFAULT_FILTER

const query = (branchId: string, f: RosterFilter, cursor?: string | null) => ({
  branchId,
  state: f.state,
  limit: ROSTER_PAGE_SIZE,
  ...(f.q.trim() ? { q: f.q.trim() } : {}),
  ...(f.groupId ? { groupId: f.groupId } : {}),
  ...(cursor ? { cursor } : {}),
})

export const matchesState = (m: MemberSummary, state: RosterState) => state === 'all' || m.state === state

const list = pagedList<MemberSummary, RosterScope>({
  fetch: async ({ branchId, filter }, cursor) => {
    const page = await listMembers(query(branchId, filter, cursor))
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (m) => m.id,
})

export const useRosterStore = create<RosterStore>()((set, get) => {
  const roster = list(set, get)
  return {
    ...roster,
    groups: [],
    attendance: null,
    async loadAttendance(branchId) {
      try {
        const { year, items } = await rosterAttendance(branchId)
        if (selectRosterBranch(get()) === branchId) set({ attendance: { branchId, year, byMember: Object.fromEntries(items.map((a) => [a.memberId, a])) } })
      } catch {
        // 出勤率 is extra on the roster; the roster still works without it.
      }
    },
    load(branchId, patch = {}) {
      const { scope } = get()
      return roster.load({ branchId, filter: { ...(scope?.branchId === branchId ? scope.filter : DEFAULT_FILTER), ...patch } })
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
      const state = selectRosterFilter(get()).state
      get().setItems((items) =>
        !items.some((m) => m.id === member.id)
          ? items
          : matchesState(member, state)
            ? items.map((m) => (m.id === member.id ? member : m))
            : items.filter((m) => m.id !== member.id),
      )
    },
    reset() {
      roster.reset()
      set({ groups: [], attendance: null })
    },
  }
})
