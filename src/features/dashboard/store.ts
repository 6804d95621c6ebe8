/**
 * The committee dashboard (overview with filters and sorting — a paged list, src/lib/paged-list.ts —, heatmap, points), one branch in detail, and the
 * export runner that drives a job step by step for the progress bar.
 */
import { create } from 'zustand'
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { createPagedList } from '../../lib/paged-list'
import { getBranchDetail, getHeatmap, getOverview, getPoints, startExport, stepExport } from './api'

type Status = 'idle' | 'loading' | 'ready' | 'error'
export type Overview = ActionOutput<'dashboard.overview'>
export type Heatmap = ActionOutput<'dashboard.heatmap'>
export type Points = ActionOutput<'dashboard.points'>
export type BranchDetail = ActionOutput<'dashboard.branch'>
export type ExportJob = ActionOutput<'exports.step'>
export type OverviewFilter = NonNullable<ActionInput<'dashboard.overview'>['filter']>
export type OverviewSort = NonNullable<ActionInput<'dashboard.overview'>['sort']>

export const PAGE = 30
export const beijingYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))

export type OverviewRow = Overview['items'][number]
/** What the overview's first page says besides its rows: the year's summary tiles and the row count. */
export type OverviewMeta = Omit<Overview, 'items' | 'nextOffset'>
export interface OverviewScope {
  year: number
  filter: OverviewFilter
  sort: OverviewSort
  q: string
}

/** The 各支部 list: one scope per year, filter, sort and search; pages by offset. */
export const useOverviewListStore = createPagedList<OverviewRow, OverviewScope, number, OverviewMeta>({
  fetch: async ({ year, filter, sort, q }, offset) => {
    const { items, nextOffset, ...meta } = await getOverview({ year, filter, sort, limit: PAGE, ...(offset ? { offset } : {}), ...(q ? { q } : {}) })
    return { items, next: nextOffset, meta }
  },
  id: (r) => r.branchId,
})

interface DashboardState {
  year: number
  filter: OverviewFilter
  sort: OverviewSort
  /** Part of a branch name the list is narrowed to ('' = all). */
  q: string
  heatmap: Heatmap | null
  points: Points | null
  /** The work plan the points chart shows; null = the year's newest. */
  planId: string | null
  /** The charts' state (the list has its own, in useOverviewListStore). */
  status: Status
  error: string | null
  /** The list, the heatmap and the points for the year. */
  load(): Promise<void>
  /** The branch list alone (a filter, sort or search changed; the charts do not depend on them). */
  loadList(): Promise<void>
  loadMore(): Promise<void>
  setYear(year: number): void
  setFilter(filter: OverviewFilter): void
  setSort(sort: OverviewSort): void
  setQuery(q: string): void
  setPlan(planId: string): Promise<void>
  reset(): void
}

const initial = { year: beijingYear(), filter: 'all' as OverviewFilter, sort: 'score_asc' as OverviewSort, q: '', heatmap: null, points: null, planId: null as string | null, status: 'idle' as Status, error: null }

export const useDashboardStore = create<DashboardState>()((set, get) => ({
  ...initial,
  async load() {
    const { year, planId } = get()
    set({ status: useOverviewListStore.getState().meta ? 'ready' : 'loading', error: null })
    try {
      const [, heatmap, points] = await Promise.all([get().loadList(), getHeatmap(year), getPoints(year, planId ?? undefined)])
      // A newer year's answer wins.
      if (get().year === year) set({ heatmap, points, status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  loadList() {
    const { year, filter, sort, q } = get()
    return useOverviewListStore.getState().load({ year, filter, sort, q })
  },
  loadMore: () => useOverviewListStore.getState().loadMore(),
  setYear(year) {
    set({ year, heatmap: null, points: null, planId: null })
    void get().load()
  },
  async setPlan(planId) {
    const { year, points: shown, planId: before } = get()
    set({ planId, points: null, error: null })
    try {
      const points = await getPoints(year, planId)
      if (get().planId === planId && get().year === year) set({ points })
    } catch (error) {
      // Keep showing the plan that was there, and say why the other did not load.
      if (get().planId === planId) set({ planId: before, points: shown, error: errorMessage(error) })
    }
  },
  setFilter(filter) {
    set({ filter })
    void get().loadList()
  },
  setSort(sort) {
    set({ sort })
    void get().loadList()
  },
  setQuery(q) {
    const query = q.trim()
    if (query === get().q) return
    set({ q: query })
    void get().loadList()
  },
  reset() {
    useOverviewListStore.getState().reset()
    set({ ...initial, year: beijingYear() })
  },
}))

interface BranchState {
  detail: BranchDetail | null
  status: Status
  error: string | null
  load(branchId: string, year: number): Promise<void>
  reset(): void
}

export const useBranchDetailStore = create<BranchState>()((set, get) => ({
  detail: null,
  status: 'idle',
  error: null,
  async load(branchId, year) {
    const keep = get().detail?.branch.id === branchId && get().detail?.year === year
    set({ status: keep ? 'ready' : 'loading', error: null, ...(keep ? {} : { detail: null }) })
    try {
      set({ detail: await getBranchDetail(branchId, year), status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  reset() {
    set({ detail: null, status: 'idle', error: null })
  },
}))

interface ExportState {
  job: ExportJob | null
  status: 'idle' | 'running' | 'done' | 'error'
  error: string | null
  /** Starts a job and steps it to the end; each step is one short call, so the bar moves as the work does. */
  run(input: ActionInput<'exports.start'>): Promise<void>
  reset(): void
}

/** Steps are short calls; a job that has not finished after this many is reported rather than looped forever. */
const MAX_STEPS = 500

/** Bumped by reset(): a loop of a page that was left stops instead of writing into the next page's state. */
let generation = 0

export const useExportStore = create<ExportState>()((set, get) => ({
  job: null,
  status: 'idle',
  error: null,
  async run(input) {
    if (get().status === 'running') return
    const mine = ++generation
    const live = () => mine === generation
    set({ status: 'running', error: null, job: null })
    try {
      let job = await startExport(input)
      if (!live()) return
      set({ job })
      for (let i = 0; i < MAX_STEPS && job.status === 'running'; i += 1) {
        job = await stepExport(job.id)
        if (!live()) return
        set({ job })
      }
      if (job.status === 'done') set({ status: 'done' })
      else set({ status: 'error', error: job.error ?? '导出未完成，请重试' })
    } catch (error) {
      if (live()) set({ status: 'error', error: errorMessage(error) })
    }
  },
  reset() {
    generation += 1
    set({ job: null, status: 'idle', error: null })
  },
}))
