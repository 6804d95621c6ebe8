/**
 * The current branch's sessions for the 活动 tab and 首页: the first page (newest start first). Main package: keep it
 * small — the detail, upcoming and calendar state live in detail-store.ts, and every session page after page (a
 * virtual list, records-store.ts) in the 全部活动 page, all in the sub-package.
 */
import { create } from 'zustand'
import { pagedList, type PagedList } from '../../lib/paged-list'
import { listActivities, withSaved, type ActivityItem } from './list-api'

export const PAGE_SIZE = 10

interface ActivitiesState extends PagedList<ActivityItem, string> {
  /** Loads the first page for a branch (again, when `force` or when the branch changed). */
  load(branchId: string, force?: boolean): Promise<void>
  /** Puts a just-saved session in its place in the list (or at the top). */
  saved(activity: ActivityItem): void
  removed(id: string): void
}

/** The scope is the branch; only the first page is read here (加载更多 is the 全部活动 page's). */
const list = pagedList<ActivityItem, string>({
  fetch: async (branchId, cursor) => {
    const page = await listActivities(branchId, cursor, PAGE_SIZE)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (a) => a.id,
})

export const useActivitiesStore = create<ActivitiesState>()((set, get) => {
  const activities = list(set, get)
  return {
    ...activities,
    load(branchId, force = false) {
      const s = get()
      if (!force && s.scope === branchId && (s.status === 'ready' || s.status === 'loading')) return Promise.resolve()
      return activities.load(branchId)
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
