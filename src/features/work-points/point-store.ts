/** One assignment's page: the point's text, its progress log, and reporting / reopening. */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { isRequestReused } from '../../lib/request-id'
import { getAssignment, listBranchActivities, reopenAssignment, reportAssignment } from './point-api'
import type { Assignment } from './logic'

export type PointDetail = ActionOutput<'assignments.get'>

export interface ReportInput {
  note: string
  activityIds: string[]
  photos: string[]
  /** 书面材料 (PDF, Word, Excel) as uploaded. */
  files: { fileID: string; name: string }[]
  markDone: boolean
  clientRequestId: string
}

export interface ActivityOption {
  id: string
  topic: string
  startAt: string
}

interface PointState {
  id: string | null
  /** The branch's recent activities, offered as evidence. */
  activities: ActivityOption[]
  activitiesStatus: 'idle' | 'loading' | 'ready' | 'error'
  loadActivities(branchId: string): Promise<void>
  detail: PointDetail | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(id: string): Promise<void>
  /** Sends a report, then reloads the log; throws Error with the server's message. */
  report(input: ReportInput): Promise<Assignment>
  reopen(reason: string): Promise<Assignment>
  reset(): void
}

/** Said when the first send of a report was stored but its answer lost, and the draft changed since. */
export const REPORT_STORED = '上次提交已保存（网络中断时）。修改后的内容再点一次提交会另存为一次新的进展。'

const initial = { activities: [] as ActivityOption[], activitiesStatus: 'idle' as const, id: null, detail: null, status: 'idle' as const, error: null }

export const usePointStore = create<PointState>()((set, get) => ({
  ...initial,
  async loadActivities(branchId) {
    set({ activitiesStatus: 'loading' })
    try {
      const page = await listBranchActivities(branchId)
      set({ activities: page.items.map((a) => ({ id: a.id, topic: a.topic, startAt: a.startAt })), activitiesStatus: 'ready' })
    } catch {
      set({ activitiesStatus: 'error' })
    }
  },
  async load(id) {
    const same = get().id === id && get().detail
    set({ id, status: same ? 'ready' : 'loading', error: null, ...(same ? {} : { detail: null }) })
    try {
      const detail = await getAssignment(id)
      if (get().id !== id) return
      set({ detail, status: 'ready' })
    } catch (error) {
      if (get().id !== id) return
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async report(input) {
    const id = get().id
    if (!id) throw new Error('没有打开要点')
    let a: Assignment
    try {
      a = await reportAssignment({ assignmentId: id, ...input, note: input.note.trim() })
    } catch (error) {
      if (isRequestReused(error)) {
        // The first send was stored (its answer lost) and the draft changed since: the log is read again, and the
        // form keeps the draft under a new id (report-draft.ts renew).
        await get().load(id)
        throw Object.assign(new Error(REPORT_STORED), { details: { requestReused: true } })
      }
      throw new Error(errorMessage(error))
    }
    await get().load(id)
    return a
  },
  async reopen(reason) {
    const id = get().id
    if (!id) throw new Error('没有打开要点')
    let a: Assignment
    try {
      a = await reopenAssignment(id, reason.trim())
    } catch (error) {
      throw new Error(errorMessage(error))
    }
    await get().load(id)
    return a
  },
  reset() {
    set({ ...initial })
  },
}))
