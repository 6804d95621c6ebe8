/** The one activities call the main package makes (the 活动 tab and 首页); every other wrapper is in api.ts. */
import type { ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type ActivityItem = ActionOutput<'activities.list'>['items'][number]

export const listActivities = (branchId: string, cursor?: string | null, limit = 10) =>
  callApi('activities.list', { branchId, limit, ...(cursor ? { cursor } : {}) })
