/**
 * 意见反馈's stores: the sender's own items with the draft being written (kept whole when a send fails, and the
 * same request id on the retry, so a send that did arrive is not written twice), and the committee's list by state
 * (src/lib/paged-list.ts) with its answer and close steps.
 */
import { create } from 'zustand'
import { pagedList, type PagedList } from '../../lib/paged-list'
import { newClientRequestId } from '../../lib/request-id'
import { errorMessage } from '../../services/api'
import { answerFeedback, closeFeedback, listFeedback, myFeedback, sendFeedback, type FeedbackItem, type FeedbackKind, type FeedbackStatus } from './api'

/** The bound of a suggestion and of an answer (types/actions/feedback.ts: text('内容', 500)). */
export const FEEDBACK_LIMIT = 500

/** The form's own check, before anything is sent: the message a user reads under the field, or null. */
export function feedbackProblem(body: string, what: '意见' | '答复' = '意见', limit = FEEDBACK_LIMIT): string | null {
  const text = body.trim()
  const min = what === '意见' ? 5 : 2
  if (!text) return what === '意见' ? '请写下你的意见' : '请写下答复的内容'
  if (text.length < min) return `${what}太短了，请至少写 ${min} 个字，说清楚是什么事`
  if (text.length > limit) return `${what}最多 ${limit} 字，现在多了 ${text.length - limit} 字`
  return null
}

interface Draft {
  kind: FeedbackKind
  body: string
  /** Send it about the current branch. */
  aboutBranch: boolean
  /** One id per draft: a retry after a lost answer is the same request. */
  requestId: string
}

const freshDraft = (): Draft => ({ kind: 'suggestion', body: '', aboutBranch: false, requestId: newClientRequestId() })

interface MyFeedbackStore {
  items: FeedbackItem[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  draft: Draft
  sending: boolean
  /** Why the draft was not sent (its own check or the cloud's answer); the text stays in the form. */
  sendError: string | null
  /** The item just sent, for a word of thanks. */
  sentId: string | null
  load(): Promise<void>
  edit(patch: Partial<Omit<Draft, 'requestId'>>): void
  send(branchId: string | null): Promise<boolean>
}

export const useMyFeedback = create<MyFeedbackStore>()((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  draft: freshDraft(),
  sending: false,
  sendError: null,
  sentId: null,
  async load() {
    set({ status: 'loading', error: null })
    try {
      set({ items: (await myFeedback()).items, status: 'ready' })
    } catch (e) {
      set({ status: 'error', error: errorMessage(e) })
    }
  },
  edit(patch) {
    // A changed text is a new request (the old one may have been written with the old text).
    const draft = get().draft
    const changed = (patch.body !== undefined && patch.body !== draft.body) || (patch.kind !== undefined && patch.kind !== draft.kind) || (patch.aboutBranch !== undefined && patch.aboutBranch !== draft.aboutBranch)
    set({ draft: { ...draft, ...patch, ...(changed ? { requestId: newClientRequestId() } : {}) }, sendError: null, ...(changed ? { sentId: null } : {}) })
  },
  async send(branchId) {
    const { draft, sending } = get()
    if (sending) return false
    const problem = feedbackProblem(draft.body)
    if (problem) {
      set({ sendError: problem })
      return false
    }
    set({ sending: true, sendError: null })
    try {
      const item = await sendFeedback({ kind: draft.kind, body: draft.body.trim(), clientRequestId: draft.requestId, ...(draft.aboutBranch && branchId ? { branchId } : {}) })
      set({ items: [item, ...get().items.filter((i) => i.id !== item.id)], draft: freshDraft(), sending: false, sentId: item.id })
      return true
    } catch (e) {
      // Too many today or the same text again (RATE_LIMITED): sending again now would only be refused again.
      const limited = (e as { code?: string }).code === 'RATE_LIMITED'
      set({ sending: false, sendError: limited ? errorMessage(e) : `没有发出去：${errorMessage(e)}。你写的内容还在，可以再点一次发送。` })
      return false
    }
  },
}))

interface CommitteeFeedbackStore extends PagedList<FeedbackItem, FeedbackStatus> {
  /** The item being worked on and its error. */
  busyId: string | null
  stepError: { id: string; message: string } | null
  answer(id: string, text: string): Promise<boolean>
  close(id: string): Promise<boolean>
  /** The answer is being rewritten: its old error goes. */
  clearStepError(): void
}

const committeeList = pagedList<FeedbackItem, FeedbackStatus>({
  fetch: async (status, cursor) => {
    const page = await listFeedback({ status, limit: 20, ...(cursor ? { cursor } : {}) })
    return { items: page.items, next: page.nextCursor }
  },
  id: (i) => i.id,
})

export const useCommitteeFeedback = create<CommitteeFeedbackStore>()((set, get) => {
  const list = committeeList(set, get)
  /** A step's answer: the row changes state, so it leaves the list of the state shown (or is replaced in it). */
  const step = async (id: string, run: () => Promise<FeedbackItem>) => {
    if (get().busyId) return false
    set({ busyId: id, stepError: null })
    try {
      const item = await run()
      get().setItems((items) => (item.status === get().scope ? items.map((i) => (i.id === id ? item : i)) : items.filter((i) => i.id !== id)))
      set({ busyId: null })
      return true
    } catch (e) {
      set({ busyId: null, stepError: { id, message: errorMessage(e) } })
      return false
    }
  }
  return {
    ...list,
    busyId: null,
    stepError: null,
    answer(id, text) {
      const problem = feedbackProblem(text, '答复')
      if (problem) {
        set({ stepError: { id, message: problem } })
        return Promise.resolve(false)
      }
      return step(id, () => answerFeedback(id, text.trim()))
    },
    close: (id) => step(id, () => closeFeedback(id)),
    clearStepError: () => set({ stepError: null }),
  }
})
