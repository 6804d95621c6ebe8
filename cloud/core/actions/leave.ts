/**
 * 请假 and attendance (contract: types/actions/leave.ts; docs/leave.md). A member asks from the planned session's
 * page before it starts; the secretary approves or declines; approved leave becomes the member's absence and reason
 * when the session is recorded (activities.attendanceSheet reads approvedLeaveMarks).
 */
import { LEAVE_KIND_LABELS, LEAVE_STATUS_LABELS } from '../../../types/leave'
import { expectedFor } from '../activities/store'
import { defineAction, type ActionContext } from '../framework/action'
import { AppError, invalid } from '../framework/errors'
import type { ActivityDoc, InboxDoc, MemberDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { attendanceOf, missedMonthsInARow, type SessionMark } from '../leave/attendance'
import { leaveId, type LeaveDoc } from '../leave/store'
import { actorName } from '../organisation/audit'
import { findActiveEntry, readAll, rolesByOpenid } from '../organisation/store'
import { insertNew } from '../reminders/store'

const sessionRecord = { kind: 'record', collection: 'activities', noun: '活动', idOf: (input: { activityId: string }) => input.activityId } as const
const DETAIL_PAGE = '/packages/activities/pages/detail/index'
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

function present(l: LeaveDoc) {
  return {
    id: l._id,
    activityId: l.activityId,
    memberId: l.memberId,
    name: l.name,
    kind: l.kind,
    note: l.note,
    status: l.status,
    askedAt: new Date(l.askedAt).toISOString(),
    decidedBy: l.decidedBy?.name ?? null,
    decidedAt: iso(l.decidedAt),
    decisionNote: l.decisionNote,
  }
}

async function loadLeave(port: Port, id: string): Promise<LeaveDoc | null> {
  const { data } = await port.db.collection('leave_requests').where({ _id: id }).limit(1).get()
  return (data[0] as unknown as LeaveDoc | undefined) ?? null
}

/** Why the caller may not ask leave for this session (null: they may). */
async function refusal(ctx: ActionContext, doc: ActivityDoc, entry: MemberDoc | undefined): Promise<string | null> {
  if (!entry) return '你不在本支部的花名册中'
  if (doc.status !== 'planned' || new Date(doc.startAt).getTime() <= ctx.port.now().getTime()) return '活动已经开始，不能再请假；如未能参加，请向支部书记说明'
  const expected = await expectedFor(ctx.port, doc.branchId, doc.audience ?? { kind: 'branch' })
  if (!expected.some((m) => m._id === entry._id)) return '本次活动你不在应到名单中，不需请假'
  return null
}

export const requestLeave = defineAction({
  name: 'leave.request',
  roles: ['secretary', 'branch_committee', 'member'],
  scope: sessionRecord,
  async handler({ activityId, kind, note }, ctx) {
    const { port } = ctx
    const doc = ctx.record as unknown as ActivityDoc
    const entry = await findActiveEntry(port, doc.branchId, ctx.caller.openid)
    const why = await refusal(ctx, doc, entry)
    if (why) throw new AppError(why.startsWith('活动已经开始') ? 'INVALID_INPUT' : 'FORBIDDEN', why)
    if (kind === 'other' && !note) throw invalid('请写明请假原因', { field: 'note' })
    const _id = leaveId(activityId, entry!._id)
    const prior = await loadLeave(port, _id)
    if (prior && prior.status !== 'declined') throw new AppError('CONFLICT', `你已经请过假了（${LEAVE_STATUS_LABELS[prior.status]}）`)
    const now = port.now()
    const doc2: LeaveDoc = {
      _id,
      branchId: doc.branchId,
      activityId,
      memberId: entry!._id,
      openid: ctx.caller.openid,
      name: entry!.name,
      kind,
      note: note ?? null,
      status: 'pending',
      askedAt: now,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    }
    const { _id: key, ...data } = doc2
    // A declined request may be asked again (a new reason): it replaces the old one.
    await port.db.collection('leave_requests').doc(key).set({ data })
    const item: InboxDoc & { _id: string } = {
      _id: `leave_${key}_${now.getTime()}`,
      branchId: doc.branchId,
      roles: ['secretary'],
      kind: 'leave_request',
      title: `${entry!.name} 请假：${doc.topic}`,
      body: `${LEAVE_KIND_LABELS[kind]}${note ? `，${note}` : ''}。请在活动页审批。`,
      page: `${DETAIL_PAGE}?id=${activityId}`,
      createdAt: now,
      dedupeKey: `leave:${key}:${now.getTime()}`,
    }
    await insertNew(port, 'inbox', [{ ...item }])
    return present(doc2)
  },
})

export const leaveForSession = defineAction({
  name: 'leave.forSession',
  roles: ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'],
  scope: sessionRecord,
  async handler({ activityId }, ctx) {
    const { port } = ctx
    const doc = ctx.record as unknown as ActivityDoc
    const canDecide = ctx.caller.memberships.some((m) => m.role === 'secretary' && m.branchId === doc.branchId)
    const entry = await findActiveEntry(port, doc.branchId, ctx.caller.openid)
    const [mine, all] = await Promise.all([
      entry ? loadLeave(port, leaveId(activityId, entry._id)) : Promise.resolve(null),
      canDecide ? readAll<LeaveDoc>(port, 'leave_requests', { activityId }, 'askedAt') : Promise.resolve([]),
    ])
    const why = await refusal(ctx, doc, entry)
    const open = !mine || mine.status === 'declined'
    return {
      mine: mine ? present(mine) : null,
      canAsk: !why && open,
      cannotAsk: why,
      all: all.map(present),
      canDecide,
    }
  },
})

export const decideLeave = defineAction({
  name: 'leave.decide',
  // 支委 and the committee decide only the secretary's own leave (nobody approves their own request).
  roles: ['secretary', 'branch_committee', 'committee_admin'],
  scope: sessionRecord,
  async handler({ activityId, memberId, approve, note }, ctx) {
    const { port } = ctx
    const doc = ctx.record as unknown as ActivityDoc
    const leave = await loadLeave(port, leaveId(activityId, memberId))
    if (!leave) throw new AppError('NOT_FOUND', '请假申请不存在')
    if (leave.openid === ctx.caller.openid) throw new AppError('FORBIDDEN', '不能审批自己的请假，请由其他支委或上级党委审批')
    const isSecretary = ctx.caller.memberships.some((m) => m.role === 'secretary' && m.branchId === doc.branchId)
    if (!isSecretary) {
      const askerRoles = (await rolesByOpenid(port, doc.branchId, [leave.openid])).get(leave.openid) ?? []
      if (!askerRoles.includes('secretary')) throw new AppError('FORBIDDEN', '请假由支部书记审批')
    }
    // One decision per request: a flip would send the member contradicting messages.
    if (leave.status !== 'pending') throw new AppError('CONFLICT', `该请假已经审批过了（${LEAVE_STATUS_LABELS[leave.status]}），不能更改`)
    // Once the session is recorded its attendance is written: a decision then would change nothing there.
    if (doc.status === 'recorded') throw new AppError('CONFLICT', '活动已记录，请在记录的出勤中修改缺席原因')
    if (!approve && !note) throw invalid('不准假时请写明原因', { field: 'note' })
    const now = port.now()
    const patch = { status: approve ? ('approved' as const) : ('declined' as const), decidedBy: { openid: ctx.caller.openid, name: await actorName(ctx) }, decidedAt: now, decisionNote: note ?? null }
    await port.db.collection('leave_requests').doc(leave._id).update({ data: patch })
    await insertNew(port, 'inbox', [
      {
        _id: `leave_decided_${leave._id}_${now.getTime()}`,
        openid: leave.openid,
        kind: 'leave_decided',
        title: `${approve ? '已准假' : '未准假'}：${doc.topic}`,
        body: approve ? `${LEAVE_KIND_LABELS[leave.kind]}已批准。` : `未批准：${note}。请尽量参加。`,
        page: `${DETAIL_PAGE}?id=${activityId}`,
        createdAt: now,
        dedupeKey: `leave_decided:${leave._id}:${now.getTime()}`,
      },
    ])
    return present({ ...leave, ...patch })
  },
})

export const memberAttendance = defineAction({
  name: 'leave.attendance',
  roles: ['committee_admin', 'secretary', 'branch_committee', 'guide'],
  scope: { kind: 'record', collection: 'members', noun: '党员', idOf: (input) => input.memberId, ownerField: 'openid', ownerRoles: 'any' },
  async handler({ memberId, year: asked }, { port, record }) {
    const member = record as unknown as MemberDoc
    const today = beijingDate(port.now())
    const year = asked ?? Number(today.slice(0, 4))
    const _ = port.db.command
    // The year, and the twelve months before today for the run of missed months.
    const from = new Date(`${Math.min(year, Number(today.slice(0, 4)) - 1)}-01-01T00:00:00+08:00`)
    const to = new Date(`${year + 1}-01-01T00:00:00+08:00`)
    const sessions = await readAll<ActivityDoc>(port, 'activities', _.and({ branchId: member.branchId, status: 'recorded', deleted: false }, { startAt: _.gte(from) }, { startAt: _.lt(to) }) as Record<string, unknown>, 'startAt')
    const marks: SessionMark[] = []
    for (const s of sessions) {
      const a = s.attendance?.attendees.find((x) => x.memberId === memberId)
      if (a) marks.push({ on: beijingDate(new Date(s.startAt)), present: a.present, ...(a.absentReason ? { absentReason: a.absentReason } : {}) })
    }
    const ofYear = attendanceOf(marks.filter((m) => m.on.startsWith(String(year))))
    return { year, ...ofYear, missedMonthsInARow: missedMonthsInARow(marks, today.slice(0, 7)) }
  },
})

export const LEAVE_ACTIONS = [requestLeave, leaveForSession, decideLeave, memberAttendance] as const
