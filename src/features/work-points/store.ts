/** The current branch's assigned work points (the 工作要点 tab and its search page). */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import { listAssignments } from './api'
import type { Assignment } from './logic'

interface WorkPointsState {
  branchId: string | null
  items: Assignment[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(branchId: string): Promise<void>
  /** An assignment changed on its page: shown at once. */
  upsert(a: Assignment): void
  reset(): void
}

const initial = { branchId: null, items: [], status: 'idle' as const, error: null }

export const useWorkPointsStore = create<WorkPointsState>()((set, get) => ({
  ...initial,
  async load(branchId) {
    const keep = get().branchId === branchId && get().status === 'ready'
    set({ branchId, status: keep ? 'ready' : 'loading', error: null, ...(keep ? {} : { items: [] }) })
    try {
      const items: Assignment[] = []
      let cursor: string | null = null
      do {
        const page = await listAssignments({ branchId, limit: 100, ...(cursor ? { cursor } : {}) })
        items.push(...page.items)
        cursor = page.nextCursor
      } while (cursor && items.length < 500)
      if (get().branchId !== branchId) return
      set({ items, status: 'ready' })
    } catch (error) {
      if (get().branchId !== branchId) return
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  upsert(a) {
    const items = get().items
    if (items.some((x) => x.id === a.id)) set({ items: items.map((x) => (x.id === a.id ? a : x)) })
  },
  reset() {
    set({ ...initial })
  },
}))
