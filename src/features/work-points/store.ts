/**
 * The current branch's assigned work points, for the 工作要点 tab (main package: keep it small). One page of up to
 * 100 (the tab shows them all, grouped by plan), read through the one paged list (src/lib/paged-list.ts).
 */
import type { Assignment } from './countdown'
import { createPagedList } from '../../lib/paged-list'
import { listAssignments } from './api'

/** The scope is the branch. */
export const useWorkPointsStore = createPagedList<Assignment, string>({
  fetch: async (branchId) => {
    const { items } = await listAssignments({ branchId, limit: 100 })
    return { items, next: null }
  },
  id: (a) => a.id,
})

/** The points to show, or undefined while the branch's first answer is coming. */
export const selectAssignments = (s: { items: Assignment[]; status: string }) => (s.status === 'ready' || s.items.length ? s.items : undefined)
