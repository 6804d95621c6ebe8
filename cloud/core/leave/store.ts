/** 请假 documents: one request per member and session (`_id` = `${activityId}:${memberId}`). */
import type { LeaveKind, LeaveStatus } from '../../../types/leave'
import { leaveReason } from '../../../types/leave'
import type { Port } from '../framework/port'
import { readAll } from '../organisation/store'

/** An absence reason that starts so came from an approved leave (types/leave.ts leaveReason). */
export const LEAVE_MARK_PREFIX = '请假（'

export interface LeaveDoc {
  _id: string
  branchId: string
  activityId: string
  memberId: string
  openid: string
  name: string
  kind: LeaveKind
  note: string | null
  status: LeaveStatus
  askedAt: Date
  decidedBy: { openid: string; name: string } | null
  decidedAt: Date | null
  decisionNote: string | null
}

export const leaveId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

/** Approved leave of a session as attendance marks (absent, with the reason), for the record's attendance sheet. */
export async function approvedLeaveMarks(port: Port, activityId: string): Promise<{ memberId: string; present: false; absentReason: string }[]> {
  const rows = await readAll<LeaveDoc>(port, 'leave_requests', { activityId, status: 'approved' })
  return rows.map((l) => ({ memberId: l.memberId, present: false as const, absentReason: leaveReason(l.kind, l.note) }))
}
