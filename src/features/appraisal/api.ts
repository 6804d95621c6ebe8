/** 民主评议党员 calls (contract: types/actions/appraisal.ts). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type AppraisalSheet = ActionOutput<'appraisal.get'>
export type AppraisalRow = AppraisalSheet['rows'][number]
export type AppraisalList = ActionOutput<'appraisal.list'>
export type MemberAppraisals = ActionOutput<'appraisal.member'>

export const listAppraisals = (branchId: string) => callApi('appraisal.list', { branchId })
export const getAppraisal = (activityId: string) => callApi('appraisal.get', { activityId })
export const saveAppraisal = (input: ActionInput<'appraisal.save'>) => callApi('appraisal.save', input)
export const finalizeAppraisal = (input: ActionInput<'appraisal.finalize'>) => callApi('appraisal.finalize', input)
export const reopenAppraisal = (input: ActionInput<'appraisal.reopen'>) => callApi('appraisal.reopen', input)
export const memberAppraisals = (memberId: string) => callApi('appraisal.member', { memberId })
