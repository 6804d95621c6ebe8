/** 请假 calls (contract: types/actions/leave.ts). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type SessionLeave = ActionOutput<'leave.forSession'>
export type LeaveRequest = ActionOutput<'leave.request'>
export type Attendance = ActionOutput<'leave.attendance'>

export const leaveForSession = (activityId: string) => callApi('leave.forSession', { activityId })
export const requestLeave = (input: ActionInput<'leave.request'>) => callApi('leave.request', input)
export const decideLeave = (input: ActionInput<'leave.decide'>) => callApi('leave.decide', input)
export const memberAttendance = (memberId: string, year?: number) => callApi('leave.attendance', { memberId, ...(year ? { year } : {}) })
export const withdrawLeave = (activityId: string) => callApi('leave.withdraw', { activityId })
