/** 请假 documents: one request per member and session (`_id` = `${activityId}:${memberId}`). */
import { leaveReason } from '../../../types/leave'
import { readAll } from '../framework/data'
import type { Port } from '../framework/port'

/** The document is typed with every other in framework/model.ts (DocMap leave_requests). */
export type { LeaveDoc } from '../framework/model'

/** An absence reason that starts so came from an approved leave (types/leave.ts leaveReason). */
export const LEAVE_MARK_PREFIX = '请假（'


export const leaveId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

/** Approved leave of a session as attendance marks (absent, with the reason), for the record's attendance sheet. */
export async function approvedLeaveMarks(port: Port, activityId: string): Promise<{ memberId: string; present: false; absentReason: string }[]> {
  const rows = await readAll(port, 'leave_requests', { activityId, status: 'approved' })
  return rows.map((l) => ({ memberId: l.memberId, present: false as const, absentReason: leaveReason(l.kind, l.note) }))
}
