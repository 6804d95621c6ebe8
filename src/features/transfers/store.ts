/**
 * 组织关系转接's lists (src/lib/paged-list.ts): a branch's letters in or out, or the committee's in flight; and the
 * one transfer open on the detail screen with its actions (accept, return, 回执), each sent once per tap
 * (clientRequestId kept while the same action is retried).
 */
import { create } from 'zustand'
import { createPagedList } from '../../lib/paged-list'
import { isRequestReused, newClientRequestId } from '../../lib/request-id'
import { ApiCallError, errorMessage } from '../../services/api'
import type { ActionInput } from '../../../types/actions'
import { paidThroughMonth } from '../../../types/dues'
import { acceptTransfer, getMember, getMemberDuesYear, getTransfer, issueTransfer, listTransfers, myTransfers, printLetter, receiveTransfer, recordReceipt, returnTransfer, transferBranches, transferSettings, withdrawTransfer, type LetterFile, type TransferDetail, type TransferSummary } from './api'

export interface TransferScope {
  /** null: the committee's transfers in flight across every branch. */
  branchId: string | null
  direction: 'in' | 'out'
}

export const useTransferList = createPagedList<TransferSummary, TransferScope, string, never>({
  async fetch(scope, cursor) {
    const page = await listTransfers({ ...(scope.branchId ? { branchId: scope.branchId, direction: scope.direction } : {}), ...(cursor ? { cursor } : {}), limit: 20 })
    return { items: page.items, next: page.nextCursor }
  },
  id: (t) => t.id,
})

type Step = 'accept' | 'return' | 'receipt' | 'withdraw' | 'sentBack'

/** What the print form adds to the letter (not kept by the roster, not stored): each may be left blank. */
export interface LetterFacts {
  gender?: '男' | '女'
  age?: number
  ethnicity?: string
  idNumber?: string
}

interface TransferState {
  id: string | null
  transfer: TransferDetail | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  busy: Step | null
  actionError: string | null
  /** One request id per action until it succeeds, so a retried tap is the same request. */
  requests: Partial<Record<Step, string>>
  load(id: string): Promise<void>
  accept(joinedBranchOn: string): Promise<boolean>
  giveBack(reason: string): Promise<boolean>
  receipt(receivedOn: string, note: string): Promise<boolean>
  /** 撤回 by the sending branch. */
  withdraw(reason: string): Promise<boolean>
  /** 对方退回: a letter to outside came back. */
  sentBack(reason: string, returnedOn: string): Promise<boolean>
  /** The printable letter (.docx), once made: opened like an export. */
  letter: LetterFile | null
  printing: boolean
  printError: string | null
  print(facts: LetterFacts): Promise<void>
}

export const useTransferStore = create<TransferState>((set, get) => {
  const run = async (step: Step, call: (clientRequestId: string) => Promise<TransferDetail>) => {
    const clientRequestId = get().requests[step] ?? newClientRequestId()
    set((s) => ({ busy: step, actionError: null, requests: { ...s.requests, [step]: clientRequestId } }))
    try {
      const transfer = await call(clientRequestId)
      set((s) => ({ transfer, busy: null, requests: { ...s.requests, [step]: undefined } }))
      return true
    } catch (e) {
      set({ busy: null, actionError: errorMessage(e) })
      // The request id was used by an earlier tap with other input (its answer was lost, then the form changed): the
      // cloud refuses it (framework/writes.ts). A new id for the next tap, and the letter as it is now on screen.
      if (isRequestReused(e)) {
        set((s) => ({ requests: { ...s.requests, [step]: undefined } }))
        const id = get().id
        if (id) await getTransfer(id).then((transfer) => get().id === id && set({ transfer })).catch(() => undefined)
      }
      return false
    }
  }
  return {
    id: null,
    transfer: null,
    status: 'idle',
    error: null,
    busy: null,
    actionError: null,
    requests: {},
    letter: null,
    printing: false,
    printError: null,
    async load(id) {
      set((s) => ({ id, status: 'loading', error: null, actionError: null, ...(s.id === id ? {} : { transfer: null, requests: {}, letter: null, printError: null }) }))
      try {
        const transfer = await getTransfer(id)
        if (get().id === id) set({ transfer, status: 'ready' })
      } catch (e) {
        if (get().id === id) set({ status: 'error', error: errorMessage(e) })
      }
    },
    accept: (joinedBranchOn) => run('accept', (clientRequestId) => acceptTransfer({ transferId: get().id!, joinedBranchOn, clientRequestId })),
    giveBack: (reason) => run('return', (clientRequestId) => returnTransfer({ transferId: get().id!, reason, clientRequestId })),
    withdraw: (reason) => run('withdraw', (clientRequestId) => withdrawTransfer({ transferId: get().id!, reason, clientRequestId })),
    sentBack: (reason, returnedOn) => run('sentBack', (clientRequestId) => returnTransfer({ transferId: get().id!, reason, returnedOn, clientRequestId })),
    async print(facts) {
      const id = get().id
      if (!id) return
      set({ printing: true, printError: null, letter: null })
      try {
        const letter = await printLetter({ transferId: id, ...facts })
        if (get().id === id) set({ letter, printing: false })
      } catch (e) {
        if (get().id === id) set({ printing: false, printError: errorMessage(e) })
      }
    },
    receipt: (receivedOn, note) => run('receipt', (clientRequestId) => recordReceipt({ transferId: get().id!, receivedOn, ...(note.trim() ? { note: note.trim() } : {}), clientRequestId })),
  }
})

export type { TransferSummary, TransferDetail } from './api'

/** The issue form's facts: the member, the other branches to choose from, the committee's default validity. */
export async function loadIssueForm(memberId: string) {
  const member = await getMember(memberId)
  const [branches, settings, dues] = await Promise.all([
    transferBranches(member.branchId),
    transferSettings(),
    // 党费交至 defaults to what the ledger says was paid (types/dues.ts paidThroughMonth); without it, the form's own default.
    getMemberDuesYear(memberId).catch(() => null),
  ])
  return { member, branches: branches.items, validDays: settings.validDays, duesPaidTo: dues ? paidThroughMonth(dues.months) : null }
}
/**
 * 开具 and 登记外单位转入 keep one request id per form: when it is refused as used with other input (framework/writes.ts —
 * the first tap was stored, its answer lost, the form changed since), the letter exists already. The form says so in
 * plain words and keeps the id, so that tapping again cannot make a second letter.
 */
const storedBefore = (what: string) => (error: unknown): never => {
  if (isRequestReused(error)) throw new ApiCallError('CONFLICT', `上次${what}已成功（网络中断时），请返回组织关系转接列表查看，不要重复${what}。`, { requestReused: true })
  throw error
}
export const issue = (input: ActionInput<'transfers.issue'>) => issueTransfer(input).catch(storedBefore('开具'))
export const receive = (input: ActionInput<'transfers.receive'>) => receiveTransfer(input).catch(storedBefore('登记'))
export const mine = async () => (await myTransfers()).items
/** Whether the caller may issue this branch's letters (secretary, 组织委员, committee): the roster page's button. */
export const mayIssueIn = async (branchId: string) => (await transferSettings(branchId)).mayIssue === true
