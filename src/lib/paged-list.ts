/**
 * The one paged list every list store is built on (issue #17: six hand-written copies had drifted into bugs — a
 * late 加载更多 answer left `loadingMore` stuck, or appended rows of the previous branch or filter to the new list).
 *
 * A list has a scope (the branch, search or filter it shows) and is read in pages by cursor. `load(scope)` reads
 * the first page, `loadMore()` the next one (once at a time), `refresh()` the first page of the same scope again.
 * Every call takes a ticket; an answer whose ticket is no longer the latest (another load, a refresh or a reset
 * came in between) is dropped without touching the state, and each of those resets `loadingMore`, so a dropped
 * answer can never leave it stuck. Rows are de-duplicated by id across pages.
 *
 * Use it as a slice (`pagedList(options)(set, get)` spread into a store that adds its own fields) or as a whole
 * store (`createPagedList(options)`).
 */
import { create } from 'zustand'
import { errorMessage } from '../services/api'

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error'

/** One page as the list needs it: its rows, the cursor of the next page (null = no more), and anything else the first page says. */
export interface ListPage<T, C, M> {
  items: T[]
  next: C | null
  meta?: M
}

export interface PagedListOptions<T, S, C, M> {
  /** Reads one page of `scope` from `cursor` (null = the first page). */
  fetch(scope: S, cursor: C | null): Promise<ListPage<T, C, M>>
  /** The id rows are de-duplicated by. */
  id(item: T): string
  /** Two scopes that show the same list (rows stay on screen while it reloads). Default: equal as JSON. */
  same?(a: S, b: S): boolean
}

export interface PagedListData<T, S, C = string, M = never> {
  /** The scope shown (or being loaded); null before the first load. */
  scope: S | null
  items: T[]
  /** The next page's cursor; null = no more pages. */
  nextCursor: C | null
  /** What the first page said besides its rows (a date, totals). */
  meta: M | null
  status: ListStatus
  error: string | null
  loadingMore: boolean
  moreError: string | null
}

export interface PagedList<T, S, C = string, M = never> extends PagedListData<T, S, C, M> {
  /** The first page of `scope`; rows of the same scope stay shown meanwhile, another scope's are cleared. */
  load(scope: S): Promise<void>
  /** The first page of the current scope again (nothing before the first load). */
  refresh(): Promise<void>
  /** The next page: nothing at the end, while a page is coming, or before the first page is in. */
  loadMore(): Promise<void>
  /** Rows changed on this device (a save, a delete): the list follows without a reload. */
  setItems(change: (items: T[]) => T[]): void
  reset(): void
}

type SetList<T, S, C, M> = (partial: Partial<PagedListData<T, S, C, M>>) => void
type GetList<T, S, C, M> = () => PagedListData<T, S, C, M>

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const empty = <T, S, C, M>(): PagedListData<T, S, C, M> => ({ scope: null, items: [], nextCursor: null, meta: null, status: 'idle', error: null, loadingMore: false, moreError: null })

/** The list as a slice of a larger store: spread its result into the store's state. */
export function pagedList<T, S, C = string, M = never>(options: PagedListOptions<T, S, C, M>) {
  const same = options.same ?? sameJson
  return (set: SetList<T, S, C, M>, get: GetList<T, S, C, M>): PagedList<T, S, C, M> => {
    /** The latest ticket; answers carrying an older one are dropped. */
    let ticket = 0
    /** Rows not yet in `before` (nor twice in `rows`). */
    const unique = (rows: T[], before: T[] = []) => {
      const seen = new Set(before.map(options.id))
      return rows.filter((row) => !seen.has(options.id(row)) && !!seen.add(options.id(row)))
    }
    /** Reads a page; the answer is applied only while `mine` is still the latest ticket. */
    const read = async (mine: number, cursor: C | null, done: (page: ListPage<T, C, M>) => Partial<PagedListData<T, S, C, M>>, failed: (message: string) => Partial<PagedListData<T, S, C, M>>) => {
      try {
        const page = await options.fetch(get().scope as S, cursor)
        if (mine === ticket) set(done(page))
      } catch (error) {
        if (mine === ticket) set(failed(errorMessage(error)))
      }
    }
    const load = (scope: S) => {
      const before = get().scope
      set({ scope, status: 'loading', error: null, loadingMore: false, moreError: null, ...(before !== null && same(before, scope) ? {} : { items: [], nextCursor: null, meta: null }) })
      return read(
        ++ticket,
        null,
        (page) => ({ items: unique(page.items), nextCursor: page.next, meta: page.meta ?? null, status: 'ready' }),
        (error) => ({ status: 'error', error }),
      )
    }
    return {
      ...empty<T, S, C, M>(),
      load,
      refresh: () => (get().scope === null ? Promise.resolve() : load(get().scope as S)),
      loadMore() {
        const { scope, nextCursor, loadingMore, status } = get()
        if (scope === null || nextCursor === null || loadingMore || status !== 'ready') return Promise.resolve()
        set({ loadingMore: true, moreError: null })
        return read(
          ticket,
          nextCursor,
          (page) => ({ items: [...get().items, ...unique(page.items, get().items)], nextCursor: page.next, loadingMore: false }),
          (moreError) => ({ loadingMore: false, moreError }),
        )
      },
      setItems: (change) => set({ items: change(get().items) }),
      reset() {
        ticket += 1
        set(empty<T, S, C, M>())
      },
    }
  }
}

/** A store that is nothing but the list. */
export const createPagedList = <T, S, C = string, M = never>(options: PagedListOptions<T, S, C, M>) =>
  create<PagedList<T, S, C, M>>()((set, get) => pagedList(options)(set, get))
