/** 下发: which points, with which due dates, to all branches or chosen ones. */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { assignPlan, getPlan, searchBranches } from './api'
import { initialAssignRows, isIsoDate, type PlanSummary } from './logic'

export type AssignRow = ReturnType<typeof initialAssignRows>[number]
export interface BranchChoice {
  id: string
  name: string
}
export type AssignResult = ActionOutput<'workPlans.assign'>

interface AssignState {
  planId: string | null
  summary: PlanSummary | null
  rows: AssignRow[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  mode: 'all' | 'some'
  chosen: BranchChoice[]
  q: string
  found: BranchChoice[]
  searching: boolean
  result: AssignResult | null
  load(planId: string): Promise<void>
  setRow(seq: number, patch: Partial<Pick<AssignRow, 'dueOn' | 'on'>>): void
  setAll(on: boolean): void
  setMode(mode: 'all' | 'some'): void
  search(q: string): Promise<void>
  toggleBranch(b: BranchChoice): void
  /** Throws Error with a Chinese message. */
  submit(): Promise<AssignResult>
}

export function assignProblem(s: Pick<AssignState, 'rows' | 'mode' | 'chosen'>): string | null {
  const on = s.rows.filter((r) => r.on)
  if (!on.length) return '请至少选择一个要点'
  const bad = on.find((r) => !isIsoDate(r.dueOn))
  if (bad) return `第 ${bad.seq} 条的截止日期格式应为 YYYY-MM-DD`
  if (s.mode === 'some' && !s.chosen.length) return '请至少选择一个支部'
  return null
}

export const useAssignStore = create<AssignState>()((set, get) => ({
  planId: null,
  summary: null,
  rows: [],
  status: 'idle',
  error: null,
  mode: 'all',
  chosen: [],
  q: '',
  found: [],
  searching: false,
  result: null,
  async load(planId) {
    set({ planId, summary: null, rows: [], status: 'loading', error: null, mode: 'all', chosen: [], result: null })
    try {
      const { summary, plan } = await getPlan(planId)
      if (get().planId !== planId) return
      set({ summary, rows: initialAssignRows(plan), status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  setRow(seq, patch) {
    set({ rows: get().rows.map((r) => (r.seq === seq ? { ...r, ...patch } : r)) })
  },
  setAll(on) {
    set({ rows: get().rows.map((r) => ({ ...r, on })) })
  },
  setMode(mode) {
    set({ mode })
    if (mode === 'some' && !get().found.length) void get().search('')
  },
  async search(q) {
    set({ q, searching: true })
    try {
      const page = await searchBranches(q.trim() || undefined)
      if (get().q !== q) return
      set({ found: page.items.map((b) => ({ id: b.id, name: b.name })), searching: false })
    } catch {
      if (get().q === q) set({ searching: false })
    }
  },
  toggleBranch(b) {
    const chosen = get().chosen
    set({ chosen: chosen.some((c) => c.id === b.id) ? chosen.filter((c) => c.id !== b.id) : [...chosen, b] })
  },
  async submit() {
    const s = get()
    const problem = assignProblem(s)
    if (problem) throw new Error(problem)
    try {
      const result = await assignPlan({
        planId: s.planId!,
        branchIds: s.mode === 'all' ? 'all' : s.chosen.map((c) => c.id),
        points: s.rows.filter((r) => r.on).map((r) => ({ seq: r.seq, dueOn: r.dueOn })),
      })
      set({ result })
      return result
    } catch (error) {
      throw new Error(errorMessage(error))
    }
  },
}))
