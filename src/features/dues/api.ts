/** 党费 calls (contract: types/actions/dues.ts). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type MemberDues = ActionOutput<'dues.member'>
export type DuesLedger = ActionOutput<'dues.ledger'>

export const previewDues = (input: ActionInput<'dues.preview'>) => callApi('dues.preview', input)
export const getMemberDues = (memberId: string, year?: number) => callApi('dues.member', { memberId, ...(year ? { year } : {}) })
export const setDuesProfile = (input: ActionInput<'dues.setProfile'>) => callApi('dues.setProfile', input)
export const recordDues = (input: ActionInput<'dues.record'>) => callApi('dues.record', input)
export const getDuesLedger = (branchId: string, year?: number) => callApi('dues.ledger', { branchId, ...(year ? { year } : {}) })
export const publishDues = (branchId: string, year: number) => callApi('dues.publish', { branchId, year })
export const correctDues = (input: ActionInput<'dues.correct'>) => callApi('dues.correct', input)
export const publishDuesOnce = (branchId: string, year: number, clientRequestId: string) => callApi('dues.publish', { branchId, year, clientRequestId })
