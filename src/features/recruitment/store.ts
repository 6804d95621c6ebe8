/** The branch's pipeline list, on the one paged list (src/lib/paged-list.ts): scope = branch and status filter. */
import { createPagedList } from '../../lib/paged-list'
import { listRecruits, type RecruitList, type RecruitSummary } from './api'

export interface RecruitScope {
  branchId: string
  status: RecruitSummary['status'] | 'all'
}

export const useRecruitList = createPagedList<RecruitSummary, RecruitScope, string, RecruitList['counts']>({
  async fetch(scope, cursor) {
    const page = await listRecruits({ branchId: scope.branchId, ...(scope.status === 'all' ? {} : { status: scope.status }), ...(cursor ? { cursor } : {}), limit: 30 })
    return { items: page.items, next: page.nextCursor, meta: page.counts }
  },
  id: (r) => r.id,
})
