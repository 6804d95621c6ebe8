/**
 * Every session of a branch, page after page (newest start first, cursor pagination), for the 全部活动 page's
 * virtual list. Sub-package only: the 活动 tab (main package) keeps just the first page in store.ts.
 */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import { listActivities, withSaved, type ActivityItem } from './list-api'
import { useActivitiesStore } from './store'

/** Rows per request: more than a phone screen of rows, so the first page always scrolls. */
export const RECORDS_PAGE_SIZE = 20

interface RecordsData {
  branchId: string | null
  items: ActivityItem[]
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  loadingMore: boolean
  moreError: string | null
}

interface RecordsActions {
  /** The first page for a branch (again when `force` or when the branch changed). */
  load(branchId: string, force?: boolean): Promise<void>
  /** The next page, once at a time; nothing at the end or while the first page loads. */
  loadMore(): Promise<void>
  /** A session saved or changed elsewhere: replaced in place, or put where its start time belongs. */
  saved(activity: ActivityItem): void
  removed(id: string): void
}

const initial: RecordsData = { branchId: null, items: [], nextCursor: null, status: 'idle', error: null, loadingMore: false, moreError: null }

export const useRecordsStore = create<RecordsData & RecordsActions>()((set, get) => ({
  ...initial,
  async load(branchId, force = false) {
    const s = get()
    if (!force && s.branchId === branchId && (s.status === 'ready' || s.status === 'loading')) return
    set({ ...initial, branchId, status: 'loading' })
    try {
      const page = await listActivities(branchId, null, RECORDS_PAGE_SIZE)
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
      const page = await listActivities(branchId, nextCursor, RECORDS_PAGE_SIZE)
      if (get().branchId !== branchId || get().nextCursor !== nextCursor) return
      const seen = new Set(get().items.map((a) => a.id))
      set({ items: [...get().items, ...page.items.filter((a) => !seen.has(a.id))], nextCursor: page.nextCursor, loadingMore: false })
    } catch (error) {
      set({ loadingMore: false, moreError: errorMessage(error) })
    }
  },
  saved(activity) {
    const s = get()
    if (s.branchId === activity.branchId) set({ items: withSaved(s.items, activity, !!s.nextCursor) })
  },
  removed(id) {
    set({ items: get().items.filter((a) => a.id !== id) })
  },
}))

/** A session saved on a sub-package page: both lists that may show it (the 活动 tab's page, 全部活动) follow. */
export function followSaved(activity: ActivityItem): void {
  useActivitiesStore.getState().saved(activity)
  useRecordsStore.getState().saved(activity)
}

/** A session deleted: gone from both lists. */
export function followRemoved(id: string): void {
  useActivitiesStore.getState().removed(id)
  useRecordsStore.getState().removed(id)
}
