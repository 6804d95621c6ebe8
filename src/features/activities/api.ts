/** Typed wrappers of the activities actions (types/actions/activities.ts) and the photo upload path. */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type { ActivityItem } from './list-api'
export { listActivities } from './list-api'
export type ActivityFull = ActionOutput<'activities.get'>
export type UpcomingItem = ActionOutput<'activities.upcoming'>['items'][number]
export type MonthItem = ActionOutput<'activities.month'>['items'][number]
export type HistoryEntry = ActionOutput<'activities.history'>['items'][number]
export type AttendanceSheet = ActionOutput<'activities.attendanceSheet'>
export type SheetAttendee = AttendanceSheet['attendees'][number]

export const getActivity = (id: string) => callApi('activities.get', { id })
export const planActivity = (input: ActionInput<'activities.plan'>) => callApi('activities.plan', input)
export const recordActivity = (input: ActionInput<'activities.record'>) => callApi('activities.record', input)
export const updateActivity = (input: ActionInput<'activities.update'>) => callApi('activities.update', input)
export const removeActivity = (id: string, reason: string, expectedVersion?: number) =>
  callApi('activities.remove', { id, reason, ...(expectedVersion ? { expectedVersion } : {}) })
export const activityHistory = (id: string, cursor?: string | null) =>
  callApi('activities.history', { id, limit: 20, ...(cursor ? { cursor } : {}) })
export const upcomingActivities = (branchId?: string) => callApi('activities.upcoming', { limit: 50, ...(branchId ? { branchId } : {}) })
export const monthActivities = (branchId: string, month: string) => callApi('activities.month', { branchId, month })
/** 改期 / 修改安排 of a planned session (#16.11): only what changed is sent. */
export const changePlan = (input: ActionInput<'activities.changePlan'>) => callApi('activities.changePlan', input)
/** 取消活动: the audience is told (inbox, and a message where granted). */
export const cancelPlan = (input: ActionInput<'activities.cancel'>) => callApi('activities.cancel', input)
export const signIn = (id: string, via: 'page' | 'qr') => callApi('activities.signIn', { id, via })
export const signInQr = (id: string) => callApi('activities.signInQr', { id })
export const attendanceSheet = (input: ActionInput<'activities.attendanceSheet'>) => callApi('activities.attendanceSheet', input)
export const listGroups = (branchId: string) => callApi('groups.list', { branchId })
/** Open work-point assignments of the branch, to link a record to (the work-points area's action). */
export const listAssignments = (branchId: string) => callApi('assignments.list', { branchId, limit: 50 })

/** Where a draft's photo is stored: a draft's photos grouped together (the queue uploads it, src/lib/upload-queue.ts). */
export function activityPhotoPath(branchId: string, draftId: string, photoKey: string, name: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? 'jpg').toLowerCase()
  return `activities/${branchId}/${draftId}/${photoKey}.${ext}`
}
