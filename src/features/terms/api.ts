/** 换届 calls (contract: types/actions/terms.ts; rules: docs/terms.md). Screens use ./hooks.ts. */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type TermView = ActionOutput<'terms.get'>
export type Term = NonNullable<TermView['term']>
export type TermsOverview = ActionOutput<'terms.overview'>
export type RecordTermInput = ActionInput<'terms.record'>
export type CorrectTermInput = ActionInput<'terms.correct'>
export type PostponeTermInput = ActionInput<'terms.postpone'>

export const getTerm = (branchId: string) => callApi('terms.get', { branchId })
export const termsOverview = () => callApi('terms.overview', {})
export const recordTerm = (input: RecordTermInput) => callApi('terms.record', input)
export const correctTerm = (input: CorrectTermInput) => callApi('terms.correct', input)
export const postponeTerm = (input: PostponeTermInput) => callApi('terms.postpone', input)
export const syncRoles = (branchId: string, clientRequestId: string) => callApi('terms.syncRoles', { branchId, clientRequestId })
export const setGreetings = (branchId: string, on: boolean) => callApi('terms.setGreetings', { branchId, on })
/** The branch's recorded 支部党员大会 (the 换届选举 is held at one). */
export const listCongresses = (branchId: string) => callApi('activities.list', { branchId, type: 'party_congress', status: 'recorded', limit: 20 })
/** The branch's roster (candidates and 支委 are its 正式党员). */
export const listRoster = (branchId: string) => callApi('members.list', { branchId, limit: 100 })
