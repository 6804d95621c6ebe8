/** The change log of a branch (or the committee's, without a branch): newest first, cursor pages (src/lib/paged-list.ts). */
import type { ActionOutput } from '../../../types/actions'
import { createPagedList } from '../../lib/paged-list'
import { listAudit } from './api'

export type AuditEntry = ActionOutput<'audit.list'>['items'][number]

/** The scope is the branch, or null for the committee's own log. */
export const useAuditStore = createPagedList<AuditEntry, string | null>({
  fetch: async (branchId, cursor) => {
    const page = await listAudit(branchId ?? undefined, cursor)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (e) => e.id,
})
