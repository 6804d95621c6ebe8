/**
 * The caller's inbox: newest first, cursor pages, read marks applied at once on screen (and put back if the cloud
 * refuses), and the unread count the list shows.
 */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { countUnread, listInbox, markAllRead, markRead } from './api'

export type InboxItem = ActionOutput<'inbox.list'>['items'][number]

interface InboxState {
  items: InboxItem[]
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  loadingMore: boolean
  markingAll: boolean
  /** Unread items in the whole inbox (the server's count, kept in step with marks made here). */
  unread: number
  load(): Promise<void>
  loadMore(): Promise<void>
  /** Marks one item read (no-op when it already is). */
  open(item: InboxItem): Promise<void>
  markAll(): Promise<void>
  reset(): void
}

const initial = { items: [], nextCursor: null, status: 'idle' as const, error: null, loadingMore: false, markingAll: false, unread: 0 }

export const useInboxStore = create<InboxState>()((set, get) => ({
  ...initial,
  async load() {
    set({ status: 'loading', error: null })
    try {
      const [page, unread] = await Promise.all([listInbox(), countUnread()])
      set({ items: page.items, nextCursor: page.nextCursor, status: 'ready', unread: unread.count })
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) })
    }
  },
  async loadMore() {
    const { nextCursor, loadingMore } = get()
    if (!nextCursor || loadingMore) return
    set({ loadingMore: true, error: null })
    try {
      const page = await listInbox(nextCursor)
      const seen = new Set(get().items.map((i) => i.id))
      set({ items: [...get().items, ...page.items.filter((i) => !seen.has(i.id))], nextCursor: page.nextCursor, loadingMore: false })
    } catch (error) {
      set({ loadingMore: false, error: errorMessage(error) })
    }
  },
  async open(item) {
    if (item.read) return
    const setRead = (read: boolean) =>
      set({ items: get().items.map((i) => (i.id === item.id ? { ...i, read } : i)), unread: Math.max(0, get().unread + (read ? -1 : 1)) })
    setRead(true)
    try {
      await markRead([item.id])
    } catch (error) {
      setRead(false)
      set({ error: errorMessage(error) })
    }
  },
  async markAll() {
    if (get().markingAll) return
    set({ markingAll: true, error: null })
    try {
      await markAllRead()
      set({ items: get().items.map((i) => ({ ...i, read: true })), markingAll: false, unread: 0 })
    } catch (error) {
      set({ markingAll: false, error: errorMessage(error) })
    }
  },
  reset() {
    set({ ...initial })
  },
}))
