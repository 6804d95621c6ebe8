/** The current branch's activity list (newest first, cursor pages) and the activities opened in detail. */
import { create } from 'zustand'
import type { ActivitySummary } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import { getActivity, listActivities } from './api'

export const PAGE_SIZE = 10

type Status = 'idle' | 'loading' | 'ready' | 'error'

interface ActivitiesData {
  branchId: string | null
  items: ActivitySummary[]
  nextCursor: string | null
  status: Status
  error: string | null
  loadingMore: boolean
  moreError: string | null
  byId: Record<string, ActivitySummary>
  detailError: Record<string, string>
}

interface ActivitiesActions {
  /** Loads the first page for a branch (again, when `force` or when the branch changed). */
  load(branchId: string, force?: boolean): Promise<void>
  loadMore(): Promise<void>
  fetchOne(id: string): Promise<void>
  /** Puts a just-created activity at the top of its branch's list. */
  added(activity: ActivitySummary): void
  reset(): void
}

const initial: ActivitiesData = {
  branchId: null,
  items: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  loadingMore: false,
  moreError: null,
  byId: {},
  detailError: {},
}

const byStartDesc = (a: ActivitySummary, b: ActivitySummary) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : 0)

export const useActivitiesStore = create<ActivitiesData & ActivitiesActions>()((set, get) => ({
  ...initial,
  async load(branchId, force = false) {
    const s = get()
    if (!force && s.branchId === branchId && (s.status === 'ready' || s.status === 'loading')) return
    const keep = s.branchId === branchId
    set({ branchId, status: 'loading', error: null, moreError: null, ...(keep ? {} : { items: [], nextCursor: null }) })
    try {
      const page = await listActivities(branchId, null, PAGE_SIZE)
      if (get().branchId !== branchId) return
      set({ items: page.items, nextCursor: page.nextCursor, status: 'ready' })
    } catch (error) {
      if (get().branchId !== branchId) return
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async loadMore() {
    const { branchId, nextCursor, loadingMore, status } = get()
    if (!branchId || !nextCursor || loadingMore || status !== 'ready') return
    set({ loadingMore: true, moreError: null })
    try {
      const page = await listActivities(branchId, nextCursor, PAGE_SIZE)
      if (get().branchId !== branchId) return
      const seen = new Set(get().items.map((a) => a.id))
      set({
        items: [...get().items, ...page.items.filter((a) => !seen.has(a.id))],
        nextCursor: page.nextCursor,
        loadingMore: false,
      })
    } catch (error) {
      set({ loadingMore: false, moreError: errorMessage(error) })
    }
  },
  async fetchOne(id) {
    set({ detailError: { ...get().detailError, [id]: '' } })
    try {
      const activity = await getActivity(id)
      set({ byId: { ...get().byId, [id]: activity } })
    } catch (error) {
      set({ detailError: { ...get().detailError, [id]: errorMessage(error) } })
    }
  },
  added(activity) {
    const s = get()
    const byId = { ...s.byId, [activity.id]: activity }
    if (s.branchId !== activity.branchId) {
      set({ byId })
      return
    }
    const items = [activity, ...s.items.filter((a) => a.id !== activity.id)].sort(byStartDesc)
    set({ byId, items })
  },
  reset() {
    set({ ...initial })
  },
}))
