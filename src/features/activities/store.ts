/**
 * A branch's sessions, newest start first (cancelled ones among them, marked `cancelled`: members who saw a session
 * planned see where it went), on the paged list (src/lib/paged-list.ts): the 活动 tab and 首页 keep the
 * first page (useActivitiesStore); the 全部活动 page's virtual list reads page after page with its own store made the
 * same way (records-store.ts). A session saved or removed on this device enters or leaves the loaded rows.
 */
import { create } from 'zustand'
import { pagedList, type PagedList } from '../../lib/paged-list'
import { listActivities, withSaved, type ActivityItem } from './list-api'

export const PAGE_SIZE = 10

export interface BranchActivities extends PagedList<ActivityItem, string> {
  /** The first page for a branch (again when `force` or when the branch changed). */
  load(branchId: string, force?: boolean): Promise<void>
  /** A session saved elsewhere: replaced in place, or put where its start time belongs. */
  saved(activity: ActivityItem): void
  /** A session deleted: gone from the list (a cancelled one stays, marked cancelled). */
  removed(id: string): void
  /** A planned session cancelled here: its row stays, greyed, with the reason. */
  cancelled(id: string, reason: string): void
}

/**
 * A store of a branch's sessions, `pageSize` a request (the scope is the branch). `clearOnForce`: a forced reload
 * starts from nothing shown (a virtual list keeps no stale rows); otherwise the rows stay while it reloads.
 */
export const branchActivities = (pageSize: number, clearOnForce = false) =>
  create<BranchActivities>()((set, get) => {
    const list = pagedList<ActivityItem, string>({
      fetch: async (branchId, cursor) => {
        const page = await listActivities(branchId, cursor, pageSize)
        return { items: page.items, next: page.nextCursor ?? null }
      },
      id: (a) => a.id,
    })(set, get)
    return {
      ...list,
      load(branchId, force = false) {
        const s = get()
        if (!force && s.scope === branchId && (s.status === 'ready' || s.status === 'loading')) return Promise.resolve()
        if (clearOnForce && (s.scope !== branchId || force)) list.reset()
        return list.load(branchId)
      },
      saved(activity) {
        const s = get()
        if (s.scope === activity.branchId) set({ items: withSaved(s.items, activity, !!s.nextCursor) })
      },
      removed(id) {
        get().setItems((items) => items.filter((a) => a.id !== id || !!a.cancelled))
      },
      cancelled(id, reason) {
        const at = new Date().toISOString()
        get().setItems((items) => items.map((a) => (a.id === id ? { ...a, cancelled: { reason, at } } : a)))
      },
    }
  })

/** The 活动 tab's and 首页's first page. */
export const useActivitiesStore = branchActivities(PAGE_SIZE)
