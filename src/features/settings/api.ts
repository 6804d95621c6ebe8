/** The committee's settings calls (contracts: types/actions/dues.ts, types/actions/appraisal.ts). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type DuesSettings = ActionOutput<'dues.settings'>
export type AppraisalSettings = ActionOutput<'appraisal.settings'>

export const getDuesSettings = () => callApi('dues.settings', {})
export const setDuesSettings = (input: ActionInput<'dues.setSettings'>) => callApi('dues.setSettings', input)
export const getAppraisalSettings = () => callApi('appraisal.settings', {})
export const setAppraisalSettings = (input: ActionInput<'appraisal.setSettings'>) => callApi('appraisal.setSettings', input)
