/** A branch's organisation-life status (compliance.branch) and the committee's per-branch overview, paged. */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { getBranchCompliance, getComplianceOverview } from './api'

export type BranchCompliance = ActionOutput<'compliance.branch'>
export type OverviewRow = ActionOutput<'compliance.overview'>['items'][number]

interface ComplianceState {
  branchId: string | null
  detail: BranchCompliance | null
  detailError: string | null
  loadBranch(branchId: string): Promise<void>
  rows: OverviewRow[]
  date: string | null
  gapsOnly: boolean
  nextCursor: string | null
  overviewStatus: 'idle' | 'loading' | 'ready' | 'error'
  overviewError: string | null
  loadingMore: boolean
  loadOverview(gapsOnly?: boolean): Promise<void>
  loadMore(): Promise<void>
  reset(): void
}

const initial = {
  branchId: null,
  detail: null,
  detailError: null,
  rows: [],
  date: null,
  gapsOnly: false,
  nextCursor: null,
  overviewStatus: 'idle' as const,
  overviewError: null,
  loadingMore: false,
}

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
  async loadOverview(gapsOnly = get().gapsOnly) {
    set({ gapsOnly, overviewStatus: 'loading', overviewError: null, ...(gapsOnly === get().gapsOnly ? {} : { rows: [] }) })
    try {
      const page = await getComplianceOverview({ gapsOnly })
      if (get().gapsOnly === gapsOnly) set({ rows: page.items, date: page.date, nextCursor: page.nextCursor, overviewStatus: 'ready' })
    } catch (error) {
      if (get().gapsOnly === gapsOnly) set({ overviewStatus: 'error', overviewError: errorMessage(error) })
    }
  },
  async loadMore() {
    const { nextCursor, loadingMore, gapsOnly } = get()
    if (!nextCursor || loadingMore) return
    set({ loadingMore: true })
    try {
      const page = await getComplianceOverview({ gapsOnly, cursor: nextCursor })
      const seen = new Set(get().rows.map((r) => r.branchId))
      set({ rows: [...get().rows, ...page.items.filter((r) => !seen.has(r.branchId))], nextCursor: page.nextCursor, loadingMore: false })
    } catch (error) {
      set({ loadingMore: false, overviewError: errorMessage(error) })
    }
  },
  reset() {
    set({ ...initial })
  },
}))
