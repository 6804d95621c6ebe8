/**
 * The current branch's sessions for the 活动 tab and 首页: the first page (newest start first). Main package: keep it
 * small — the detail, upcoming and calendar state live in detail-store.ts, and every session page after page (a
 * virtual list, records-store.ts) in the 全部活动 page, all in the sub-package. It reads one page and never pages, so
 * it stays off the paged list (src/lib/paged-list.ts), whose ~1 KB the main package cannot carry.
 */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import { listActivities, withSaved, type ActivityItem } from './list-api'

export const PAGE_SIZE = 10

type Status = 'idle' | 'loading' | 'ready' | 'error'

interface ActivitiesData {
  branchId: string | null
  items: ActivityItem[]
  nextCursor: string | null
  status: Status
  error: string | null
}

interface ActivitiesActions {
  /** Loads the first page for a branch (again, when `force` or when the branch changed). */
  load(branchId: string, force?: boolean): Promise<void>
  /** Puts a just-saved session in its place in the list (or at the top). */
  saved(activity: ActivityItem): void
  removed(id: string): void
  reset(): void
}

const initial: ActivitiesData = { branchId: null, items: [], nextCursor: null, status: 'idle', error: null }

export const useActivitiesStore = create<ActivitiesData & ActivitiesActions>()((set, get) => ({
  ...initial,
  async load(branchId, force = false) {
    const s = get()
    if (!force && s.branchId === branchId && (s.status === 'ready' || s.status === 'loading')) return
    const keep = s.branchId === branchId
    set({ branchId, status: 'loading', error: null, ...(keep ? {} : { items: [], nextCursor: null }) })
    try {
      const page = await listActivities(branchId, null, PAGE_SIZE)
      if (get().branchId !== branchId) return
      set({ items: page.items, nextCursor: page.nextCursor, status: 'ready' })
    } catch (error) {
      if (get().branchId !== branchId) return
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  saved(activity) {
    const s = get()
    if (s.branchId === activity.branchId) set({ items: withSaved(s.items, activity, !!s.nextCursor) })
  },
  removed(id) {
    set({ items: get().items.filter((a) => a.id !== id) })
  },
  reset() {
    set({ ...initial })
  },
}))
