/** The branch's pipeline list, on the one paged list (src/lib/paged-list.ts): scope = branch and status filter. */
import { createPagedList } from '../../lib/paged-list'
import { newClientRequestId } from '../../lib/request-id'
import type { ActionInput } from '../../../types/actions'
import { createRecruit, listRecruits, type RecruitList, type RecruitSummary } from './api'

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

let intent: { key: string; id: string } | null = null

/**
 * 登记入党申请人, once per intent: every tap of 保存 (and a retry after a lost answer) with the same form sends the same
 * clientRequestId, so the cloud makes one file (recruitment.create runs once per request, framework/writes.ts runOnce).
 * A changed form is a new intent; a saved one ends it.
 */
export async function addApplicant(input: Omit<ActionInput<'recruitment.create'>, 'clientRequestId'>) {
  const key = JSON.stringify(input)
  if (!intent || intent.key !== key) intent = { key, id: newClientRequestId() }
  const saved = await createRecruit({ ...input, clientRequestId: intent.id })
  if (intent?.key === key) intent = null
  return saved
}
