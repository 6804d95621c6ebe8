/** A branch's organisation-life status (compliance.branch) and the committee's per-branch overview, paged (src/lib/paged-list.ts). */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { createPagedList } from '../../lib/paged-list'
import { getBranchCompliance, getComplianceOverview } from './api'

export type BranchCompliance = ActionOutput<'compliance.branch'>
export type OverviewRow = ActionOutput<'compliance.overview'>['items'][number]

interface ComplianceState {
  branchId: string | null
  detail: BranchCompliance | null
  detailError: string | null
  loadBranch(branchId: string): Promise<void>
  reset(): void
}

const initial = { branchId: null, detail: null, detailError: null }

export const useComplianceStore = create<ComplianceState>()((set, get) => ({
  ...initial,
  async loadBranch(branchId) {
    set({ branchId, detailError: null, ...(get().branchId === branchId ? {} : { detail: null }) })
    try {
      const detail = await getBranchCompliance(branchId)
      if (get().branchId === branchId) set({ detail })
    } catch (error) {
      if (get().branchId === branchId) set({ detailError: errorMessage(error) })
    }
  },
  reset() {
    set({ ...initial })
  },
}))

/** The committee's overview; the scope is 只看有缺项的 (true) or every branch, `meta.date` the day it is computed for. */
export const useComplianceOverviewStore = createPagedList<OverviewRow, boolean, string, { date: string }>({
  fetch: async (gapsOnly, cursor) => {
    const page = await getComplianceOverview({ gapsOnly, ...(cursor ? { cursor } : {}) })
    return { items: page.items, next: page.nextCursor ?? null, meta: { date: page.date } }
  },
  id: (r) => r.branchId,
})
