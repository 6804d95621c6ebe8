/**
 * The current branch's assigned work points, for the 工作要点 tab (main package: keep it small). One page of up to 100
 * and no paging, so it stays off the paged list (src/lib/paged-list.ts), whose ~1 KB the main package cannot carry.
 */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import { listAssignments } from './api'
import type { Assignment } from './countdown'

interface WorkPointsState {
  branchId?: string
  items?: Assignment[]
  error?: string
  load(branchId: string): Promise<void>
}

/** `items` undefined while the first page loads; `error` set when it failed. */
export const useWorkPointsStore = create<WorkPointsState>()((set, get) => ({
  async load(branchId) {
    if (get().branchId !== branchId) set({ branchId, items: undefined })
    set({ error: undefined })
    try {
      const { items } = await listAssignments({ branchId, limit: 100 })
      if (get().branchId === branchId) set({ items })
    } catch (e) {
      if (get().branchId === branchId) set({ error: errorMessage(e) })
    }
  },
}))
