/**
 * The current branch's assigned work points, for the 工作要点 tab and 按截止日期 / 搜索 / 筛选 (packages/plans), on the
 * paged list (src/lib/paged-list.ts; the scope is the branch): the first page of up to 100, which holds a year's points.
 */
import { createPagedList } from '../../lib/paged-list'
import { listAssignments } from './api'
import type { Assignment } from './countdown'

export const useWorkPointsStore = createPagedList<Assignment, string>({
  fetch: async (branchId, cursor) => {
    const page = await listAssignments({ branchId, limit: 100, ...(cursor ? { cursor } : {}) })
    return { items: page.items, next: page.nextCursor }
  },
  id: (a) => a.id,
})
