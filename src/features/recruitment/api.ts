/** 发展党员 calls (contract: types/actions/recruitment.ts; rules: docs/recruitment.md). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type RecruitList = ActionOutput<'recruitment.list'>
export type RecruitSummary = RecruitList['items'][number]
export type RecruitDetail = ActionOutput<'recruitment.get'>
export type RecruitStep = RecruitDetail['stages'][number]['steps'][number]
export type RecordStepInput = ActionInput<'recruitment.record'>

export const listRecruits = (input: ActionInput<'recruitment.list'>) => callApi('recruitment.list', input)
export const createRecruit = (input: ActionInput<'recruitment.create'>) => callApi('recruitment.create', input)
export const getRecruit = (recruitId: string) => callApi('recruitment.get', { recruitId })
export const recordStep = (input: RecordStepInput) => callApi('recruitment.record', input)
export const fromRoster = (memberId: string) => callApi('recruitment.fromRoster', { memberId })
export const setMaterial = (input: ActionInput<'recruitment.material'>) => callApi('recruitment.material', input)
export const attachFiles = (input: ActionInput<'recruitment.attach'>) => callApi('recruitment.attach', input)
export const detachFile = (input: ActionInput<'recruitment.detach'>) => callApi('recruitment.detach', input)
/** A short-lived link to one of the person's files (keepers only; every open is audited). */
export const fileLink = (recruitId: string, fileID: string) => callApi('recruitment.file', { recruitId, fileID })
export type MaterialFile = RecruitDetail['materials'][number]['files'][number]
export const recruitmentOverview = () => callApi('recruitment.overview', {})
export type RecruitOverview = ActionOutput<'recruitment.overview'>
export const correctStep = (input: ActionInput<'recruitment.correct'>) => callApi('recruitment.correct', input)
/** The branch's 支部党员大会 records, to link the meeting that voted. */
export const listCongresses = (branchId: string) => callApi('activities.list', { branchId, type: 'party_congress', status: 'recorded', limit: 20 })
/** 正式党员 of the branch (培养联系人, 入党介绍人). */
export const listRoster = (branchId: string) => callApi('members.list', { branchId, limit: 100 })
