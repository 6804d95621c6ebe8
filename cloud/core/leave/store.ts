/** 请假 documents: one request per member and session (`_id` = `${activityId}:${memberId}`). */
import { leaveReason } from '../../../types/leave'
import { collection, insertNew, readAll } from '../framework/data'
import type { ActivityDoc } from '../framework/model'
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

/** Where a notice about a session that is gone sends the secretary: 全部活动, which shows a cancelled one greyed. */
export const SESSIONS_PAGE = '/pages/activities/index'

/**
 * A session cancelled (activities.cancel) or deleted (activities.remove): its leave requests need nothing more. The
 * secretary's notices about them (an ask or a withdrawal, LeaveDoc.noticeId) open the session's page, which answers
 * NOT_FOUND once the session is gone, so they are removed; requests still waiting are closed (`cancelled`, never
 * decided, not in home 待办). Decided ones keep their status (the history). When requests were waiting and someone
 * other than the branch's secretary did it, one notice in their place tells the secretary there is nothing to decide.
 * The members were told of the cancellation itself (activities-plan.ts tellAudience).
 * Test: test/integration/leave-walk.test.ts (cancelled by 王芳; deleted by the secretary).
 */
export async function closeLeaveOfSession(port: Port, session: Pick<ActivityDoc, '_id' | 'branchId' | 'topic'>, how: 'cancelled' | 'deleted', bySecretary: boolean): Promise<void> {
  const _ = port.db.command
  const rows = await readAll(port, 'leave_requests', { activityId: session._id })
  const waiting = rows.filter((l) => l.status === 'pending')
  const noticed = rows.filter((l) => l.noticeId)
  if (waiting.length) await collection(port, 'leave_requests').where({ activityId: session._id, status: 'pending' }).update({ data: { status: 'cancelled' } })
  if (noticed.length) {
    await collection(port, 'inbox').where({ _id: _.in(noticed.map((l) => l.noticeId!)) }).remove()
    await collection(port, 'leave_requests').where({ _id: _.in(noticed.map((l) => l._id)) }).update({ data: { noticeId: null } })
  }
  if (!waiting.length || bySecretary) return
  const word = how === 'cancelled' ? '取消' : '删除'
  const id = `leave_closed_${session._id}`
  await insertNew(port, 'inbox', [
    {
      _id: id,
      branchId: session.branchId,
      roles: ['secretary'],
      kind: 'leave_request',
      title: `活动已${word}，请假无需审批：${session.topic}`,
      body: `${waiting.map((l) => l.name).join('、')} 的请假随活动${word}而关闭。`,
      page: SESSIONS_PAGE,
      createdAt: port.now(),
      dedupeKey: id,
    },
  ])
}
