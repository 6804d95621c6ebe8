/** The current branch's assigned work points (the 工作要点 tab, main package: keep small). */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import { listAssignments } from './api'
import type { Assignment } from './countdown'

interface WorkPointsState {
  branchId: string | null
  items: Assignment[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(branchId: string): Promise<void>
  /** An assignment changed on its page: shown at once. */
  upsert(a: Assignment): void
}

export const useWorkPointsStore = create<WorkPointsState>()((set, get) => ({
  branchId: null,
  items: [],
  status: 'idle',
  error: null,
  async load(branchId) {
    const keep = get().branchId === branchId && get().status === 'ready'
    set(keep ? { error: null } : { branchId, status: 'loading', error: null, items: [] })
    try {
      const { items } = await listAssignments({ branchId, limit: 100 })
      if (get().branchId === branchId) set({ items, status: 'ready' })
    } catch (error) {
      if (get().branchId === branchId) set({ status: 'error', error: errorMessage(error) })
    }
  },
  upsert(a) {
    set({ items: get().items.map((x) => (x.id === a.id ? a : x)) })
  },
}))
