/** The leave screens' data and writes: components call these, never api.ts (docs/architecture.md). */
import { useEffect, useState } from 'react'
import type { ActionInput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { decideLeave, leaveForSession, memberAttendance, requestLeave, withdrawLeave, type Attendance, type SessionLeave } from './api'

export type { Attendance, LeaveRequest, SessionLeave } from './api'

/** A session's leave as the caller sees it; `reload` after any write. */
export function useSessionLeave(activityId: string) {
  const [state, setState] = useState<SessionLeave | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = () => leaveForSession(activityId).then(setState, (e) => setError(errorMessage(e)))
  useEffect(() => {
    void reload()
  }, [activityId])
  return { state, error, reload }
}

export function useAttendance(memberId: string) {
  const [data, setData] = useState<Attendance | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    memberAttendance(memberId).then(setData, (e) => setError(errorMessage(e)))
  }, [memberId])
  return { data, error }
}

export const askLeave = (input: ActionInput<'leave.request'>) => requestLeave(input)
export const decideOnLeave = (input: ActionInput<'leave.decide'>) => decideLeave(input)
export const withdrawOwnLeave = (activityId: string) => withdrawLeave(activityId)
