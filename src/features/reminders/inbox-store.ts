/**
 * The caller's inbox: newest first, cursor pages (src/lib/paged-list.ts), read marks applied at once on screen (and put back if the cloud
 * refuses), and the unread count the list shows.
 */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { pagedList, type PagedList } from '../../lib/paged-list'
import { countUnread, listInbox, markAllRead, markRead } from './api'

export type InboxItem = ActionOutput<'inbox.list'>['items'][number]

interface InboxState extends PagedList<InboxItem, 'inbox'> {
  markingAll: boolean
  /** Unread items in the whole inbox (the server's count, kept in step with marks made here). */
  unread: number
  /** The first page and the unread count. */
  load(): Promise<void>
  /** Marks one item read (no-op when it already is). */
  open(item: InboxItem): Promise<void>
  markAll(): Promise<void>
}

/** The caller's one inbox: the scope is always the same. */
const list = pagedList<InboxItem, 'inbox'>({
  fetch: async (_, cursor) => {
    const page = await listInbox(cursor ?? undefined)
    return { items: page.items, next: page.nextCursor ?? null }
  },
  id: (i) => i.id,
})

export const useInboxStore = create<InboxState>()((set, get) => {
  const inbox = list(set, get)
  return {
    ...inbox,
    markingAll: false,
    unread: 0,
    async load() {
      const [, unread] = await Promise.all([inbox.load('inbox'), countUnread().catch(() => null)])
      if (unread) set({ unread: unread.count })
    },
    async open(item) {
      if (item.read) return
      const setRead = (read: boolean) => {
        get().setItems((items) => items.map((i) => (i.id === item.id ? { ...i, read } : i)))
        set({ unread: Math.max(0, get().unread + (read ? -1 : 1)) })
      }
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
      inbox.reset()
      set({ markingAll: false, unread: 0 })
    },
  }
})
