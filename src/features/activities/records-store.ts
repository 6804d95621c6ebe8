/**
 * Every session of a branch, page after page (newest start first, cursor pagination), for the 全部活动 page's
 * virtual list. Sub-package only: the 活动 tab (main package) keeps just the first page in store.ts.
 */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import { listActivities, type ActivityItem } from './list-api'

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

const byStartDesc = (a: ActivityItem, b: ActivityItem) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : 0)

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
    if (s.branchId !== activity.branchId) return
    const row = { ...activity, photos: activity.photos.slice(0, 1) }
    const at = s.items.findIndex((a) => a.id === activity.id)
    if (at >= 0) {
      set({ items: s.items.map((a, i) => (i === at ? row : a)) })
      return
    }
    // A new session goes where it belongs among the pages loaded so far (beyond them, a later page brings it).
    const last = s.items[s.items.length - 1]
    if (s.nextCursor && last && row.startAt < last.startAt) return
    set({ items: [...s.items, row].sort(byStartDesc) })
  },
  removed(id) {
    set({ items: get().items.filter((a) => a.id !== id) })
  },
}))
