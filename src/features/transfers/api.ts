/** 组织关系转接 calls (contract: types/actions/transfers.ts; rules: docs/transfers.md). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type TransferList = ActionOutput<'transfers.list'>
export type TransferSummary = TransferList['items'][number]
export type TransferDetail = ActionOutput<'transfers.get'>

export const listTransfers = (input: ActionInput<'transfers.list'>) => callApi('transfers.list', input)
export const myTransfers = () => callApi('transfers.mine', {})
export const getTransfer = (transferId: string) => callApi('transfers.get', { transferId })
export const issueTransfer = (input: ActionInput<'transfers.issue'>) => callApi('transfers.issue', input)
export const acceptTransfer = (input: ActionInput<'transfers.accept'>) => callApi('transfers.accept', input)
export const returnTransfer = (input: ActionInput<'transfers.return'>) => callApi('transfers.return', input)
export const withdrawTransfer = (input: ActionInput<'transfers.withdraw'>) => callApi('transfers.withdraw', input)
export const printLetter = (input: ActionInput<'transfers.letter'>) => callApi('transfers.letter', input)
export type LetterFile = ActionOutput<'transfers.letter'>
export const recordReceipt = (input: ActionInput<'transfers.receipt'>) => callApi('transfers.receipt', input)
export const receiveTransfer = (input: ActionInput<'transfers.receive'>) => callApi('transfers.receive', input)
export const transferBranches = (branchId: string) => callApi('transfers.branches', { branchId })
export const transferSettings = (branchId?: string) => callApi('transfers.settings', branchId ? { branchId } : {})
export const getMember = (memberId: string) => callApi('members.get', { memberId })
/** The member's 党费 of this year (dues.member), for the 介绍信's 党费交至 default. */
export const getMemberDuesYear = (memberId: string) => callApi('dues.member', { memberId })
