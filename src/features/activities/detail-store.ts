/**
 * The sub-package's activity state: opened records (with version history and the sign-in code), upcoming sessions
 * and the month calendar. Kept out of store.ts so none of it weighs on the main package.
 */
import { create } from 'zustand'
import { ApiCallError, errorMessage } from '../../services/api'
import { formatDateTime } from '../../lib/time'
import { createPagedList } from '../../lib/paged-list'
import type { ActionInput, ActionOutput } from '../../../types/actions'
import {
  activityHistory,
  cancelPlan,
  changePlan,
  getActivity,
  monthActivities,
  removeActivity,
  signIn,
  signInQr,
  upcomingActivities,
  type ActivityFull,
  type HistoryEntry,
  type MonthItem,
  type UpcomingItem,
} from './api'
import { onPendingCompleted } from './draft-store'

type Status = 'idle' | 'loading' | 'ready' | 'error'

/** The version history of the record shown (the scope is its id), older versions page by page (src/lib/paged-list.ts). */
export const useHistoryStore = createPagedList<HistoryEntry, string>({
  fetch: async (id, cursor) => {
    const page = await activityHistory(id, cursor)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (e) => `${e.version}-${e.at}`,
})
interface DetailData {
  byId: Record<string, ActivityFull>
  errors: Record<string, string>
  qr: Record<string, { status: Status; url?: string; error?: string }>
  upcoming: { status: Status; items: UpcomingItem[]; error?: string }
  months: Record<string, { status: Status; items: MonthItem[]; error?: string }>
}

export type CodeSignIn = { ok: true; topic: string; name: string; at: string; already: boolean; awaiting: boolean } | { ok: false; message: string }

interface DetailActions {
  fetch(id: string): Promise<void>
  /** The record as it is now, kept like fetch's; throws the server's refusal (the editor starts from it). */
  read(id: string): Promise<ActivityFull>
  put(activity: ActivityFull): void
  /** Changes a planned session; the new version is kept and returned; throws the server's refusal. */
  changePlan(input: ActionInput<'activities.changePlan'>): Promise<ActivityFull>
  /** Cancels a planned session; resolves to how many people were told; throws the server's refusal. */
  cancelPlan(input: ActionInput<'activities.cancel'>): Promise<ActionOutput<'activities.cancel'>>
  /** Soft delete with a reason; throws the Chinese message on refusal. */
  remove(id: string, reason: string): Promise<void>
  /** Signs the caller in; resolves to a sentence to show, throws the Chinese message on refusal. */
  signIn(id: string, via: 'page' | 'qr'): Promise<string>
  /** Signs in by a scanned code (the sign-in page): what happened, or why not in words (when it opens, if not yet). */
  signInByCode(id: string): Promise<CodeSignIn>
  loadQr(id: string): Promise<void>
  loadUpcoming(branchId?: string): Promise<void>
  loadMonth(branchId: string, month: string): Promise<void>
  reset(): void
}

const initial: DetailData = { byId: {}, errors: {}, qr: {}, upcoming: { status: 'idle', items: [] }, months: {} }

export const useDetailStore = create<DetailData & DetailActions>()((set, get) => ({
  ...initial,
  async fetch(id) {
    set({ errors: { ...get().errors, [id]: '' } })
    try {
      const a = await getActivity(id)
      set({ byId: { ...get().byId, [id]: a } })
    } catch (error) {
      set({ errors: { ...get().errors, [id]: errorMessage(error) } })
    }
  },
  async read(id) {
    const a = await getActivity(id)
    set({ byId: { ...get().byId, [id]: a } })
    return a
  },
  put(activity) {
    set({ byId: { ...get().byId, [activity.id]: activity } })
    // A new version of the record shown with its history: the history follows.
    if (useHistoryStore.getState().scope === activity.id) void useHistoryStore.getState().refresh()
  },
  async changePlan(input) {
    const a = await changePlan(input)
    set({ byId: { ...get().byId, [a.id]: a } })
    return a
  },
  cancelPlan: (input) => cancelPlan(input),
  async remove(id, reason) {
    const a = get().byId[id]
    await removeActivity(id, reason, a?.version)
    const byId = { ...get().byId }
    delete byId[id]
    set({ byId })
  },
  async signIn(id, via) {
    const r = await signIn(id, via)
    void get().fetch(id)
    // A session already recorded: the sign-in is kept and the secretary confirms the attendance.
    if (r.awaitingConfirmation) return `${r.name}，签到已提交，待书记确认出席`
    return r.already ? `${r.name}，您已签到过` : `${r.name}，签到成功`
  },
  async signInByCode(id) {
    try {
      const r = await signIn(id, 'qr')
      return { ok: true, topic: r.topic, name: r.name, at: r.signedInAt, already: r.already, awaiting: r.awaitingConfirmation }
    } catch (e) {
      const details = e instanceof ApiCallError ? (e.details as { reason?: string; opensAt?: string } | undefined) : undefined
      const message = details?.reason === 'NOT_OPEN' && details.opensAt ? `签到尚未开始，${formatDateTime(details.opensAt)} 开始签到` : errorMessage(e)
      return { ok: false, message }
    }
  },
  async loadQr(id) {
    set({ qr: { ...get().qr, [id]: { status: 'loading' } } })
    try {
      const r = await signInQr(id)
      set({ qr: { ...get().qr, [id]: { status: 'ready', url: r.url } } })
    } catch (error) {
      set({ qr: { ...get().qr, [id]: { status: 'error', error: errorMessage(error) } } })
    }
  },
  async loadUpcoming(branchId) {
    set({ upcoming: { ...get().upcoming, status: 'loading', error: undefined } })
    try {
      const r = await upcomingActivities(branchId)
      set({ upcoming: { status: 'ready', items: r.items } })
    } catch (error) {
      set({ upcoming: { ...get().upcoming, status: 'error', error: errorMessage(error) } })
    }
  },
  async loadMonth(branchId, month) {
    const key = `${branchId}:${month}`
    set({ months: { ...get().months, [key]: { items: get().months[key]?.items ?? [], status: 'loading' } } })
    try {
      const r = await monthActivities(branchId, month)
      set({ months: { ...get().months, [key]: { status: 'ready', items: r.items } } })
    } catch (error) {
      set({ months: { ...get().months, [key]: { items: [], status: 'error', error: errorMessage(error) } } })
    }
  },
  reset() {
    set({ ...initial })
  },
}))

// A record whose photos finished uploading after it was saved: show the completed record.
onPendingCompleted((a) => useDetailStore.getState().put(a))
