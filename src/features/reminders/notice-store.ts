/**
 * The notice composer: the draft, its checks, the preview (how it reads in the inbox and as a subscription
 * message, and whom it reaches) and the send, with one request id per draft so a retried send is not a second
 * notice.
 */
import { create } from 'zustand'
import type { ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { newClientRequestId } from '../../lib/request-id'
import { previewNotice, searchBranches, sendNotice } from './api'
import { emptyNotice, noticeInput, validateNotice, type NoticeDraft, type NoticeErrors, type PickedBranch } from './notice-logic'

export type NoticeReach = ActionOutput<'notices.preview'>
export type NoticeSent = ActionOutput<'notices.send'>

interface NoticeState {
  draft: NoticeDraft
  errors: NoticeErrors
  /** The preview of the draft as it is now (cleared by any edit). */
  preview: NoticeReach | null
  sent: NoticeSent | null
  busy: 'preview' | 'send' | null
  error: string | null
  requestId: string
  /** Branch search for 指定支部 (branches.list, by name). */
  branchQuery: string
  branchOptions: PickedBranch[] | null
  branchError: string | null
  findBranches(q: string): Promise<void>
  edit(patch: Partial<NoticeDraft>): void
  showPreview(): Promise<void>
  send(): Promise<void>
  reset(): void
}

const fresh = () => ({
  draft: emptyNotice(),
  errors: {},
  preview: null,
  sent: null,
  busy: null,
  error: null,
  requestId: newClientRequestId(),
  branchQuery: '',
  branchOptions: null,
  branchError: null,
})

export const useNoticeStore = create<NoticeState>()((set, get) => ({
  ...fresh(),
  async findBranches(q) {
    set({ branchQuery: q, branchError: null })
    try {
      const page = await searchBranches(q.trim())
      // A slower answer to an older query must not overwrite a newer one.
      if (get().branchQuery === q) set({ branchOptions: page.items.map((b) => ({ id: b.id, name: b.name })) })
    } catch (error) {
      if (get().branchQuery === q) set({ branchError: errorMessage(error) })
    }
  },
  edit(patch) {
    const draft = { ...get().draft, ...patch }
    // Errors already shown are re-checked as the person types; new ones wait for 预览.
    const errors = validateNotice(draft)
    const shown = get().errors
    const kept = Object.fromEntries(Object.entries(errors).filter(([k]) => k in shown)) as NoticeErrors
    set({ draft, errors: kept, preview: null, error: null, requestId: newClientRequestId() })
  },
  async showPreview() {
    const errors = validateNotice(get().draft)
    set({ errors, error: null })
    if (Object.keys(errors).length) return
    set({ busy: 'preview' })
    try {
      const preview = await previewNotice(noticeInput(get().draft))
      set({ preview, busy: null })
    } catch (error) {
      set({ busy: null, error: errorMessage(error) })
    }
  },
  async send() {
    const { draft, preview, busy, requestId } = get()
    if (!preview || busy) return
    set({ busy: 'send', error: null })
    try {
      const sent = await sendNotice({ ...noticeInput(draft), clientRequestId: requestId })
      set({ sent, busy: null })
    } catch (error) {
      set({ busy: null, error: errorMessage(error) })
    }
  },
  reset() {
    set(fresh())
  },
}))
