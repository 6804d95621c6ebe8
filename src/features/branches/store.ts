/** The branches the caller may see (all of them for the committee): searched by name, in cursor pages. */
import { create } from 'zustand'
import type { BranchSummary } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import type { ActionInput } from '../../../types/actions'
import { createBranch, listBranches } from './api'

interface BranchesState {
  items: BranchSummary[]
  q: string
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  loadingMore: boolean
  moreError: string | null
  /** First page for the search `q` (the current one when omitted). */
  load(q?: string): Promise<void>
  loadMore(): Promise<void>
  /** A branch just created or changed: shown at once, without a reload. */
  upsert(branch: BranchSummary): void
  /** 新建支部: throws Error with the server's message. */
  create(input: ActionInput<'branches.create'>): Promise<BranchSummary>
  reset(): void
}

const initial = { items: [], q: '', nextCursor: null, status: 'idle' as const, error: null, loadingMore: false, moreError: null }

export const useBranchesStore = create<BranchesState>()((set, get) => ({
  ...initial,
  async load(q) {
    const query = (q ?? get().q).trim()
    set({ q: query, status: 'loading', error: null, moreError: null })
    try {
      const page = await listBranches(query || undefined, null)
      if (get().q !== query) return
      set({ items: page.items, nextCursor: page.nextCursor ?? null, status: 'ready' })
    } catch (error) {
      if (get().q !== query) return
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async loadMore() {
    const { q, nextCursor, loadingMore, status } = get()
    if (!nextCursor || loadingMore || status !== 'ready') return
    set({ loadingMore: true, moreError: null })
    try {
      const page = await listBranches(q || undefined, nextCursor)
      if (get().q !== q) return
      const seen = new Set(get().items.map((b) => b.id))
      set({ items: [...get().items, ...page.items.filter((b) => !seen.has(b.id))], nextCursor: page.nextCursor ?? null, loadingMore: false })
    } catch (error) {
      set({ loadingMore: false, moreError: errorMessage(error) })
    }
  },
  upsert(branch) {
    const items = get().items
    const at = items.findIndex((b) => b.id === branch.id)
    if (branch.status === 'archived') set({ items: items.filter((b) => b.id !== branch.id) })
    else if (at >= 0) set({ items: items.map((b) => (b.id === branch.id ? branch : b)) })
    else set({ items: [branch, ...items] })
  },
  async create(input) {
    let branch: BranchSummary
    try {
      branch = await createBranch(input)
    } catch (error) {
      throw new Error(errorMessage(error))
    }
    get().upsert(branch)
    return branch
  },
  reset() {
    set({ ...initial })
  },
}))
