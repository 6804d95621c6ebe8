/**
 * The sub-package's activity state: opened records (with version history and the sign-in code), upcoming sessions
 * and the month calendar. Kept out of store.ts so none of it weighs on the main package.
 */
import { create } from 'zustand'
import { errorMessage } from '../../services/api'
import {
  activityHistory,
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
interface Paged<T> {
  status: Status
  items: T[]
  nextCursor: string | null
  error?: string
}

interface DetailData {
  byId: Record<string, ActivityFull>
  errors: Record<string, string>
  history: Record<string, Paged<HistoryEntry>>
  qr: Record<string, { status: Status; url?: string; error?: string }>
  upcoming: { status: Status; items: UpcomingItem[]; error?: string }
  months: Record<string, { status: Status; items: MonthItem[]; error?: string }>
}

interface DetailActions {
  fetch(id: string): Promise<void>
  put(activity: ActivityFull): void
  loadHistory(id: string, more?: boolean): Promise<void>
  /** Soft delete with a reason; throws the Chinese message on refusal. */
  remove(id: string, reason: string): Promise<void>
  /** Signs the caller in; resolves to a sentence to show, throws the Chinese message on refusal. */
  signIn(id: string, via: 'page' | 'qr'): Promise<string>
  loadQr(id: string): Promise<void>
  loadUpcoming(branchId?: string): Promise<void>
  loadMonth(branchId: string, month: string): Promise<void>
  reset(): void
}

const initial: DetailData = { byId: {}, errors: {}, history: {}, qr: {}, upcoming: { status: 'idle', items: [] }, months: {} }

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
  put(activity) {
    set({ byId: { ...get().byId, [activity.id]: activity } })
    if (get().history[activity.id]) void get().loadHistory(activity.id)
  },
  async loadHistory(id, more = false) {
    const cur = get().history[id]
    if (more && (!cur?.nextCursor || cur.status === 'loading')) return
    set({ history: { ...get().history, [id]: { status: 'loading', items: more ? cur!.items : (cur?.items ?? []), nextCursor: cur?.nextCursor ?? null } } })
    try {
      const page = await activityHistory(id, more ? cur!.nextCursor : null)
      const items = more ? [...cur!.items, ...page.items] : page.items
      set({ history: { ...get().history, [id]: { status: 'ready', items, nextCursor: page.nextCursor } } })
    } catch (error) {
      set({ history: { ...get().history, [id]: { status: 'error', items: cur?.items ?? [], nextCursor: cur?.nextCursor ?? null, error: errorMessage(error) } } })
    }
  },
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
