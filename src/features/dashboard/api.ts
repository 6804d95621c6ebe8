/** Typed calls of the committee dashboard and the exports. Sub-package code only (packages/committee). */
import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const getOverview = (input: ActionInput<'dashboard.overview'>) => callApi('dashboard.overview', input)
export const getHeatmap = (year: number) => callApi('dashboard.heatmap', { year })
export const getPoints = (year: number, planId?: string) => callApi('dashboard.points', { year, ...(planId ? { planId } : {}) })
export const getBranchDetail = (branchId: string, year: number) => callApi('dashboard.branch', { branchId, year })
export const startExport = (input: ActionInput<'exports.start'>) => callApi('exports.start', input)
export const stepExport = (jobId: string) => callApi('exports.step', { jobId })
