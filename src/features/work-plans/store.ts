/** The committee's plans: the list, the draft being imported or edited, and a plan's progress. */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage, type UploadSource } from '../../services/api'
import { createPagedList } from '../../lib/paged-list'
import { getPlan, getProgress, listBranchAssignments, listPlans, listPointAssignments, parsePlan, publishPlan, savePlan, uploadPlanFile } from './api'
import { checkPlanFile, draftProblems, type PlanDraft, type PlanPoint, type PlanSummary } from './logic'

type Status = 'idle' | 'loading' | 'ready' | 'error'

interface PlansState {
  items: PlanSummary[]
  status: Status
  error: string | null
  load(): Promise<void>
  upsert(p: PlanSummary): void
  reset(): void
}

export const usePlansStore = create<PlansState>()((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: get().items.length ? 'ready' : 'loading', error: null })
    try {
      const { items } = await listPlans()
      set({ items, status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  upsert(p) {
    const items = get().items
    set({ items: items.some((x) => x.id === p.id) ? items.map((x) => (x.id === p.id ? p : x)) : [p, ...items] })
  },
  reset() {
    set({ items: [], status: 'idle', error: null })
  },
}))

interface DraftState {
  planId: string | null
  summary: PlanSummary | null
  draft: PlanDraft | null
  /** loading: reading a saved plan; parsing: the importer at work. */
  status: 'idle' | 'loading' | 'parsing' | 'ready' | 'error'
  error: string | null
  dirty: boolean
  parseText(text: string): Promise<void>
  /** Checks the file (format, size) before uploading it: a refused file is never uploaded. */
  parseFile(source: UploadSource, size?: number): Promise<void>
  /** Opens a saved plan (draft or published). */
  open(planId: string): Promise<void>
  setHeader(patch: Partial<Pick<PlanDraft, 'title' | 'docNumber' | 'issuer' | 'issuedOn' | 'year' | 'intro'>>): void
  setPoint(seq: number, patch: Partial<PlanPoint>): void
  setSectionTitle(seq: number, title: string): void
  /** 保存草稿; throws Error with a Chinese message. */
  save(): Promise<PlanSummary>
  /** Saves unsaved edits, then publishes. */
  publish(): Promise<PlanSummary>
  reset(): void
}

const draftInitial = { planId: null, summary: null, draft: null, status: 'idle' as const, error: null, dirty: false }

export const useDraftStore = create<DraftState>()((set, get) => ({
  ...draftInitial,
  async parseText(text) {
    if (!text.trim()) {
      set({ error: '请先粘贴工作要点全文' })
      return
    }
    set({ ...draftInitial, status: 'parsing' })
    try {
      const draft = await parsePlan({ text })
      set({ draft, status: 'ready', dirty: true })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async parseFile(source, size) {
    const checked = checkPlanFile(source.name, size)
    if ('refusal' in checked) {
      set({ ...draftInitial, error: checked.refusal })
      return
    }
    set({ ...draftInitial, status: 'parsing' })
    try {
      const fileID = await uploadPlanFile(source, checked.ext)
      const draft = await parsePlan({ fileID })
      set({ draft, status: 'ready', dirty: true })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async open(planId) {
    set({ ...draftInitial, planId, status: 'loading' })
    try {
      const { summary, plan } = await getPlan(planId)
      if (get().planId !== planId) return
      set({ summary, draft: plan, status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  setHeader(patch) {
    const d = get().draft
    if (d) set({ draft: { ...d, ...patch }, dirty: true })
  },
  setPoint(seq, patch) {
    const d = get().draft
    if (!d) return
    set({
      dirty: true,
      draft: { ...d, sections: d.sections.map((s) => ({ ...s, points: s.points.map((p) => (p.seq === seq ? { ...p, ...patch } : p)) })) },
    })
  },
  setSectionTitle(seq, title) {
    const d = get().draft
    if (d) set({ dirty: true, draft: { ...d, sections: d.sections.map((s) => (s.seq === seq ? { ...s, title } : s)) } })
  },
  async save() {
    const { draft, planId } = get()
    if (!draft) throw new Error('没有可保存的工作要点')
    const problems = draftProblems(draft)
    if (problems.length) throw new Error(problems[0])
    try {
      const summary = await savePlan({ ...(planId ? { planId } : {}), plan: draft })
      set({ planId: summary.id, summary, dirty: false })
      usePlansStore.getState().upsert(summary)
      return summary
    } catch (error) {
      throw new Error(errorMessage(error))
    }
  },
  async publish() {
    if (get().dirty || !get().planId) await get().save()
    try {
      const summary = await publishPlan(get().planId!)
      set({ summary })
      usePlansStore.getState().upsert(summary)
      return summary
    } catch (error) {
      throw new Error(errorMessage(error))
    }
  },
  reset() {
    set({ ...draftInitial })
  },
}))

export type Progress = ActionOutput<'workPlans.progress'>
export type AssignmentRow = ActionOutput<'assignments.list'>['items'][number]

/** What the committee drilled into on the progress page: one point across branches, or one branch's points. */
export type ProgressDrill = { kind: 'point'; seq: number } | { kind: 'branch'; branchId: string }

const sameDrill = (a: ProgressDrill | null, b: ProgressDrill | null) =>
  !!a && !!b && (a.kind === 'point' ? b.kind === 'point' && a.seq === b.seq : b.kind === 'branch' && a.branchId === b.branchId)

/** The assignments under the open drill-down, page by page (src/lib/paged-list.ts). */
export const useDrillStore = createPagedList<AssignmentRow, { planId: string; drill: ProgressDrill }>({
  fetch: async ({ planId, drill }, cursor) => {
    const page = drill.kind === 'point' ? await listPointAssignments(planId, drill.seq, cursor) : await listBranchAssignments(planId, drill.branchId, cursor)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (a) => a.id,
})

interface ProgressState {
  planId: string | null
  progress: Progress | null
  status: Status
  error: string | null
  load(planId: string): Promise<void>
  /** The open drill-down (its rows in useDrillStore); opening the same one again closes it. */
  drill: ProgressDrill | null
  toggle(target: ProgressDrill): Promise<void>
}

export const useProgressStore = create<ProgressState>()((set, get) => ({
  planId: null,
  progress: null,
  status: 'idle',
  error: null,
  drill: null,
  async load(planId) {
    const same = get().planId === planId && get().progress
    set({ planId, status: same ? 'ready' : 'loading', error: null, ...(same ? {} : { progress: null, drill: null }) })
    if (!same) useDrillStore.getState().reset()
    try {
      const progress = await getProgress(planId)
      if (get().planId !== planId) return
      set({ progress, status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async toggle(target) {
    const planId = get().planId
    if (!planId || sameDrill(get().drill, target)) {
      set({ drill: null })
      useDrillStore.getState().reset()
      return
    }
    set({ drill: target })
    await useDrillStore.getState().load({ planId, drill: target })
  },
}))
