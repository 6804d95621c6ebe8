/**
 * The committee dashboard (overview with filters and sorting, heatmap, points), one branch in detail, and the
 * export runner that drives a job step by step for the progress bar.
 */
import { create } from 'zustand'
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
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

interface DashboardState {
  year: number
  filter: OverviewFilter
  sort: OverviewSort
  /** Part of a branch name the list is narrowed to ('' = all). */
  q: string
  overview: Overview | null
  heatmap: Heatmap | null
  points: Points | null
  /** The work plan the points chart shows; null = the year's newest. */
  planId: string | null
  status: Status
  error: string | null
  /** More rows of the overview are being fetched. */
  more: boolean
  /** The list, the heatmap and the points for the year. */
  load(): Promise<void>
  /** The branch list alone (a filter, sort or search changed; the charts do not depend on them). Throws. */
  loadList(): Promise<void>
  reloadList(): Promise<void>
  loadMore(): Promise<void>
  setYear(year: number): void
  setFilter(filter: OverviewFilter): void
  setSort(sort: OverviewSort): void
  setQuery(q: string): void
  setPlan(planId: string): Promise<void>
  reset(): void
}

const initial = { year: beijingYear(), filter: 'all' as OverviewFilter, sort: 'score_asc' as OverviewSort, q: '', overview: null, heatmap: null, points: null, planId: null as string | null, status: 'idle' as Status, error: null, more: false }

export const useDashboardStore = create<DashboardState>()((set, get) => ({
  ...initial,
  async load() {
    const { year, planId } = get()
    set({ status: get().overview ? 'ready' : 'loading', error: null })
    try {
      const [, heatmap, points] = await Promise.all([get().loadList(), getHeatmap(year), getPoints(year, planId ?? undefined)])
      // The list set its own state (loadList); a newer year's answer wins.
      if (get().year === year) set({ heatmap, points })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async loadList() {
    const { year, filter, sort, q } = get()
    const overview = await getOverview({ year, filter, sort, limit: PAGE, ...(q ? { q } : {}) })
    // A newer choice of year, filter, sort or search may have been made meanwhile; keep only the latest answer.
    if (get().year !== year || get().filter !== filter || get().sort !== sort || get().q !== q) return
    set({ overview, status: 'ready' })
  },
  async loadMore() {
    const { overview, year, filter, sort, q, more } = get()
    if (!overview || overview.nextOffset === null || more) return
    set({ more: true })
    try {
      const next = await getOverview({ year, filter, sort, limit: PAGE, offset: overview.nextOffset, ...(q ? { q } : {}) })
      set({ overview: { ...next, items: [...overview.items, ...next.items] }, more: false })
    } catch (error) {
      set({ more: false, error: errorMessage(error) })
    }
  },
  setYear(year) {
    set({ year, overview: null, heatmap: null, points: null, planId: null })
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
    set({ filter, overview: null })
    void get().reloadList()
  },
  setSort(sort) {
    set({ sort, overview: null })
    void get().reloadList()
  },
  setQuery(q) {
    const query = q.trim()
    if (query === get().q) return
    set({ q: query, overview: null })
    void get().reloadList()
  },
  async reloadList() {
    set({ error: null })
    try {
      await get().loadList()
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  reset() {
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
