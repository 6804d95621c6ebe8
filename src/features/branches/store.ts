/** The branches the caller may see (all of them for the committee): searched by name, in cursor pages (src/lib/paged-list.ts). */
import { create } from 'zustand'
import type { BranchSummary } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import type { ActionInput } from '../../../types/actions'
import { pagedList, type PagedList } from '../../lib/paged-list'
import { createBranch, listBranches } from './api'

/** The scope is the search text ('' = every branch). */
interface BranchesState extends PagedList<BranchSummary, string> {
  /** First page for the search `q` (the current one when omitted). */
  load(q?: string): Promise<void>
  /** A branch just created or changed: shown at once, without a reload. */
  upsert(branch: BranchSummary): void
  /** 新建支部: throws Error with the server's message. */
  create(input: ActionInput<'branches.create'>): Promise<BranchSummary>
}

const list = pagedList<BranchSummary, string>({
  fetch: async (q, cursor) => {
    const page = await listBranches(q || undefined, cursor)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (b) => b.id,
})

export const useBranchesStore = create<BranchesState>()((set, get) => {
  const branches = list(set, get)
  return {
    ...branches,
    load: (q) => branches.load((q ?? get().scope ?? '').trim()),
    upsert(branch) {
      get().setItems((items) => {
        if (branch.status === 'archived') return items.filter((b) => b.id !== branch.id)
        if (items.some((b) => b.id === branch.id)) return items.map((b) => (b.id === branch.id ? branch : b))
        return [branch, ...items]
      })
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
  }
})
