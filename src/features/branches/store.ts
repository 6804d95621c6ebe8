/** The branches the caller may see (all of them for the committee). */
import { create } from 'zustand'
import type { BranchSummary } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import { listBranches } from './api'

interface BranchesState {
  items: BranchSummary[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(): Promise<void>
  reset(): void
}

export const useBranchesStore = create<BranchesState>()((set) => ({
  items: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: 'loading', error: null })
    try {
      const { items } = await listBranches()
      set({ items, status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  reset() {
    set({ items: [], status: 'idle', error: null })
  },
}))
