/**
 * Every session of a branch, page after page (newest start first, cursor pagination, src/lib/paged-list.ts), for the 全部活动 page's
 * virtual list. Sub-package only: the 活动 tab (main package) keeps just the first page in store.ts.
 */
import { create } from 'zustand'
import { pagedList, type PagedList } from '../../lib/paged-list'
import { listActivities, withSaved, type ActivityItem } from './list-api'
import { useActivitiesStore } from './store'

/** Rows per request: more than a phone screen of rows, so the first page always scrolls. */
export const RECORDS_PAGE_SIZE = 20

interface RecordsState extends PagedList<ActivityItem, string> {
  /** The first page for a branch (again when `force` or when the branch changed). */
  load(branchId: string, force?: boolean): Promise<void>
  /** A session saved or changed elsewhere: replaced in place, or put where its start time belongs. */
  saved(activity: ActivityItem): void
  removed(id: string): void
}

/** The scope is the branch. */
const list = pagedList<ActivityItem, string>({
  fetch: async (branchId, cursor) => {
    const page = await listActivities(branchId, cursor, RECORDS_PAGE_SIZE)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (a) => a.id,
})

export const useRecordsStore = create<RecordsState>()((set, get) => {
  const records = list(set, get)
  return {
    ...records,
    load(branchId, force = false) {
      const s = get()
      if (!force && s.scope === branchId && (s.status === 'ready' || s.status === 'loading')) return Promise.resolve()
      // A forced reload starts from the first page with nothing shown (a virtual list keeps no stale rows).
      if (s.scope !== branchId || force) records.reset()
      return records.load(branchId)
    },
    saved(activity) {
      const s = get()
      if (s.scope === activity.branchId) set({ items: withSaved(s.items, activity, !!s.nextCursor) })
    },
    removed(id) {
      get().setItems((items) => items.filter((a) => a.id !== id))
    },
  }
})

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
