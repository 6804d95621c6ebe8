/**
 * 请假 and attendance (contract: types/actions/leave.ts; docs/leave.md). A member asks from the planned session's
 * page before it starts; the secretary approves or declines; approved leave becomes the member's absence and reason
 * when the session is recorded (activities.attendanceSheet reads approvedLeaveMarks).
 */
import { LEAVE_KIND_LABELS, LEAVE_STATUS_LABELS } from '../../../types/leave'
import { expectedFor } from '../activities/store'
import { BRANCH_READERS, RECORD_EDITORS, ROSTER_READERS } from '../../../types/roles'
import { defineAction, type ActionContext } from '../framework/action'
import { collection, insertNew, loadOne, readAll, recordOf } from '../framework/data'
import { AppError, invalid } from '../framework/errors'
import type { ActivityDoc, InboxDoc, MemberDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { attendanceInYear, marksByMember, missedMonthsInARow } from '../leave/attendance'
import { decisionOpen, LEAD_WORDS, leadsSession, withdrawIsQuiet } from '../leave/rules'
import { leaveId, type LeaveDoc } from '../leave/store'
import { actorName } from '../organisation/audit'
import { findActiveEntry, rolesByOpenid } from '../organisation/store'

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
  return (await loadOne(port, 'leave_requests', id)) ?? null
}

/** Whether the session has begun (or is no longer planned): no asking, no withdrawing then. */
const begun = (port: Port, doc: ActivityDoc) => doc.status !== 'planned' || new Date(doc.startAt).getTime() <= port.now().getTime()

/** Why the caller may not ask leave for this session (null: they may). */
async function refusal(ctx: ActionContext, doc: ActivityDoc, entry: MemberDoc | undefined): Promise<string | null> {
  if (!entry) return '你不在本支部的花名册中'
  if (begun(ctx.port, doc)) return '活动已经开始，不能再请假；如未能参加，请向支部书记说明'
  const lead = leadsSession(doc, entry.name)
  if (lead) return `你是本次活动的${LEAD_WORDS[lead]}，不需请假；如不能参加，请先在活动计划中更换${LEAD_WORDS[lead]}`
  const expected = await expectedFor(ctx.port, doc.branchId, doc.audience ?? { kind: 'branch' })
  if (!expected.some((m) => m._id === entry._id)) return '本次活动你不在应到名单中，不需请假'
  return null
}

export const requestLeave = defineAction({
  name: 'leave.request',
  // Whoever is on the branch's roster and expected at the session (refusal() checks the roster and the audience).
  roles: ['secretary', 'branch_committee', 'member'],
  scope: sessionRecord,
  async handler({ activityId, kind, note }, ctx) {
    const { port } = ctx
    const doc = recordOf(ctx, 'activities')
    const entry = await findActiveEntry(port, doc.branchId, ctx.caller.openid)
    const why = await refusal(ctx, doc, entry)
    if (why) throw new AppError(why.startsWith('活动已经开始') ? 'INVALID_INPUT' : 'FORBIDDEN', why)
    if (kind === 'other' && !note) throw invalid('请写明请假原因', { field: 'note' })
    const _id = leaveId(activityId, entry!._id)
    const prior = await loadLeave(port, _id)
    if (prior && prior.status !== 'declined' && prior.status !== 'withdrawn') throw new AppError('CONFLICT', `你已经请过假了（${LEAVE_STATUS_LABELS[prior.status]}）`)
    const now = port.now()
    const noticeId = `leave_${_id}_${now.getTime()}`
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
      noticeId,
    }
    const { _id: key, ...data } = doc2
    // A declined or withdrawn request may be asked again (a new reason): it replaces the old one.
    await collection(port, 'leave_requests').doc(key).set({ data })
    // One notice per member and session: the earlier ask's or withdrawal's notice gives way to this one.
    if (prior?.noticeId) await collection(port, 'inbox').doc(prior.noticeId).remove()
    const item: InboxDoc & { _id: string } = {
      _id: noticeId,
      branchId: doc.branchId,
      roles: ['secretary'],
      kind: 'leave_request',
      title: `${entry!.name} 请假：${doc.topic}`,
      body: `${LEAVE_KIND_LABELS[kind]}${note ? `，${note}` : ''}。请在活动页审批。`,
      page: `${DETAIL_PAGE}?id=${activityId}`,
      createdAt: now,
      dedupeKey: noticeId,
    }
    await insertNew(port, 'inbox', [{ ...item }])
    return present(doc2)
  },
})

export const leaveForSession = defineAction({
  name: 'leave.forSession',
  roles: BRANCH_READERS,
  scope: sessionRecord,
  async handler({ activityId }, ctx) {
    const { port } = ctx
    const doc = recordOf(ctx, 'activities')
    const isSecretary = ctx.caller.memberships.some((m) => m.role === 'secretary' && m.branchId === doc.branchId)
    // Another 支委 or the committee decides the secretary's own leave (nobody decides their own): they see those.
    const decidesSecretary = !isSecretary && ctx.caller.memberships.some((m) => m.role === 'committee_admin' || (m.role === 'branch_committee' && m.branchId === doc.branchId))
    const entry = await findActiveEntry(port, doc.branchId, ctx.caller.openid)
    const [mine, requests] = await Promise.all([
      entry ? loadLeave(port, leaveId(activityId, entry._id)) : Promise.resolve(null),
      isSecretary || decidesSecretary ? readAll(port, 'leave_requests', { activityId }, { sortBy: 'askedAt' }) : Promise.resolve([]),
    ])
    let all = requests.filter((l) => l.status !== 'withdrawn')
    if (decidesSecretary && all.length) {
      const roles = await rolesByOpenid(port, doc.branchId, [...new Set(all.map((l) => l.openid))])
      all = all.filter((l) => (roles.get(l.openid) ?? []).includes('secretary'))
    }
    const why = await refusal(ctx, doc, entry)
    const open = !mine || mine.status === 'declined' || mine.status === 'withdrawn'
    const session = { recorded: doc.status === 'recorded', begun: begun(port, doc) }
    const decidable = all.filter((l) => l.openid !== ctx.caller.openid && decisionOpen(l.status, session)).map((l) => l._id)
    return {
      mine: mine ? present(mine) : null,
      canAsk: !why && open,
      cannotAsk: why,
      all: all.map(present),
      canDecide: all.length > 0 || isSecretary,
      decidable,
      canWithdraw: !!mine && mine.status === 'pending' && !begun(port, doc),
    }
  },
})

export const withdrawLeave = defineAction({
  name: 'leave.withdraw',
  roles: ['secretary', 'branch_committee', 'member'],
  scope: sessionRecord,
  async handler({ activityId }, ctx) {
    const { port } = ctx
    const doc = recordOf(ctx, 'activities')
    const entry = await findActiveEntry(port, doc.branchId, ctx.caller.openid)
    const leave = entry ? await loadLeave(port, leaveId(activityId, entry._id)) : null
    if (!leave || leave.openid !== ctx.caller.openid || leave.status === 'withdrawn') throw new AppError('NOT_FOUND', '你没有待撤回的请假')
    if (leave.status !== 'pending') throw new AppError('CONFLICT', `请假已经审批（${LEAVE_STATUS_LABELS[leave.status]}），不能撤回；如能参加，请告知支部书记`)
    if (begun(port, doc)) throw new AppError('CONFLICT', '活动已经开始，不能再撤回请假')
    // Conditional on still waiting: a decision made at the same moment wins, and the member is told so.
    const { stats } = await collection(port, 'leave_requests').where({ _id: leave._id, status: 'pending' }).update({ data: { status: 'withdrawn' } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '请假刚刚已被审批，不能撤回，请刷新后再看')
    const now = port.now()
    // One notice per member and session: the ask's notice goes; soon after the ask nothing replaces it (the
    // secretary never needed either), later a 撤回 notice does.
    if (leave.noticeId) await collection(port, 'inbox').doc(leave.noticeId).remove()
    const noticeId = withdrawIsQuiet(leave.askedAt, now) ? null : `leave_withdrawn_${leave._id}_${now.getTime()}`
    if (noticeId) {
      await insertNew(port, 'inbox', [
        {
          _id: noticeId,
          branchId: doc.branchId,
          roles: ['secretary'],
          kind: 'leave_request',
          title: `${leave.name} 撤回了请假：${doc.topic}`,
          body: '该党员将按时参加，无需审批。',
          page: `${DETAIL_PAGE}?id=${activityId}`,
          createdAt: now,
          dedupeKey: noticeId,
        },
      ])
    }
    await collection(port, 'leave_requests').doc(leave._id).update({ data: { noticeId } })
    return present({ ...leave, status: 'withdrawn' })
  },
})

export const decideLeave = defineAction({
  name: 'leave.decide',
  // 支委 and the committee decide only the secretary's own leave (nobody approves their own request).
  roles: RECORD_EDITORS,
  scope: sessionRecord,
  async handler({ activityId, memberId, approve, note }, ctx) {
    const { port } = ctx
    const doc = recordOf(ctx, 'activities')
    const leave = await loadLeave(port, leaveId(activityId, memberId))
    if (!leave) throw new AppError('NOT_FOUND', '请假申请不存在')
    if (leave.openid === ctx.caller.openid) throw new AppError('FORBIDDEN', '不能审批自己的请假，请由其他支委或上级党委审批')
    const isSecretary = ctx.caller.memberships.some((m) => m.role === 'secretary' && m.branchId === doc.branchId)
    if (!isSecretary) {
      const askerRoles = (await rolesByOpenid(port, doc.branchId, [leave.openid])).get(leave.openid) ?? []
      if (!askerRoles.includes('secretary')) throw new AppError('FORBIDDEN', '请假由支部书记审批')
    }
    if (leave.status === 'withdrawn') throw new AppError('CONFLICT', '该党员已撤回请假，无需审批')
    // Once the session is recorded its attendance is written: a decision then would change nothing there.
    if (doc.status === 'recorded') throw new AppError('CONFLICT', '活动已记录，请在记录的出勤中修改缺席原因')
    const next = approve ? ('approved' as const) : ('declined' as const)
    const change = leave.status !== 'pending'
    if (leave.status === next) throw new AppError('CONFLICT', `该请假已经是「${LEAVE_STATUS_LABELS[next]}」`)
    // A decision may be changed until the session starts (leave/rules.ts decisionOpen); the member is told each time.
    if (!decisionOpen(leave.status, { recorded: false, begun: begun(port, doc) })) {
      throw new AppError('CONFLICT', `活动已经开始，审批结果（${LEAVE_STATUS_LABELS[leave.status]}）不能再更改；如需更正，请在活动记录的出勤中修改`)
    }
    if (!approve && !note) throw invalid('不准假时请写明原因', { field: 'note' })
    const now = port.now()
    const patch = { status: next, decidedBy: { openid: ctx.caller.openid, name: await actorName(ctx) }, decidedAt: now, decisionNote: approve ? (note ?? null) : note! }
    // Conditional on the status read: a withdrawal or another decision at the same moment is not overwritten.
    const { stats } = await collection(port, 'leave_requests').where({ _id: leave._id, status: leave.status }).update({ data: patch })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '该请假刚刚已被撤回或审批，请刷新后再看')
    const was = change ? `（原为${LEAVE_STATUS_LABELS[leave.status]}）` : ''
    await insertNew(port, 'inbox', [
      {
        _id: `leave_decided_${leave._id}_${now.getTime()}`,
        openid: leave.openid,
        kind: 'leave_decided',
        title: `${change ? '请假审批已更改为' : ''}${approve ? '已准假' : '未准假'}：${doc.topic}`,
        body: approve ? `${LEAVE_KIND_LABELS[leave.kind]}已批准${was}。` : `未批准${was}：${note}。请尽量参加。`,
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
  roles: ROSTER_READERS,
  scope: { kind: 'record', collection: 'members', noun: '党员', idOf: (input) => input.memberId, ownerField: 'openid', ownerRoles: 'any' },
  async handler({ memberId, year: asked }, ctx) {
    const { port } = ctx
    const member: MemberDoc = recordOf(ctx, 'members')
    const today = beijingDate(port.now())
    const year = asked ?? Number(today.slice(0, 4))
    const _ = port.db.command
    // The year, and the twelve months before today for the run of missed months.
    const from = new Date(`${Math.min(year, Number(today.slice(0, 4)) - 1)}-01-01T00:00:00+08:00`)
    const to = new Date(`${year + 1}-01-01T00:00:00+08:00`)
    const sessions = await readAll(port, 'activities', _.and({ branchId: member.branchId, status: 'recorded', deleted: false }, { startAt: _.gte(from) }, { startAt: _.lt(to) }) as Record<string, unknown>, { sortBy: 'startAt' })
    // The same counting as the roster's (members.attendance): cloud/core/leave/attendance.ts.
    const marks = marksByMember(sessions).get(memberId) ?? []
    const ofYear = attendanceInYear(marks, year)
    return { year, ...ofYear, missedMonthsInARow: missedMonthsInARow(marks, today.slice(0, 7)) }
  },
})

export const LEAVE_ACTIONS = [requestLeave, leaveForSession, withdrawLeave, decideLeave, memberAttendance] as const
