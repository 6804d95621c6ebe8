/** The change log of a branch (or the committee's, without a branch): newest first, cursor pages. */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { listAudit } from './api'

export type AuditEntry = ActionOutput<'audit.list'>['items'][number]

interface AuditState {
  branchId: string | null
  items: AuditEntry[]
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  loadingMore: boolean
  load(branchId: string | null): Promise<void>
  loadMore(): Promise<void>
  reset(): void
}

const initial = { branchId: null, items: [], nextCursor: null, status: 'idle' as const, error: null, loadingMore: false }

export const useAuditStore = create<AuditState>()((set, get) => ({
  ...initial,
  async load(branchId) {
    set({ branchId, status: 'loading', error: null, ...(get().branchId === branchId ? {} : { items: [], nextCursor: null }) })
    try {
      const page = await listAudit(branchId ?? undefined)
      if (get().branchId === branchId) set({ items: page.items, nextCursor: page.nextCursor, status: 'ready' })
    } catch (error) {
      if (get().branchId === branchId) set({ status: 'error', error: errorMessage(error) })
    }
  },
  async loadMore() {
    const { branchId, nextCursor, loadingMore } = get()
    if (!nextCursor || loadingMore) return
    set({ loadingMore: true })
    try {
      const page = await listAudit(branchId ?? undefined, nextCursor)
      const seen = new Set(get().items.map((e) => e.id))
      set({ items: [...get().items, ...page.items.filter((e) => !seen.has(e.id))], nextCursor: page.nextCursor, loadingMore: false })
    } catch (error) {
      set({ loadingMore: false, error: errorMessage(error) })
    }
  },
  reset() {
    set({ ...initial })
  },
}))
