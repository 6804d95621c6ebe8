/**
 * home.todo: the home tab's to-do block. Loads what the caller's view needs in a fixed number of queries and hands
 * it to the pure rules in ../home/todo.ts. Access: the branch scope (anyone of the branch, its guides, committee staff;
 * no branch = committee staff only); which lines a caller gets follows their role in that branch, read from the
 * roster like every other check.
 */
import { collection, readAll } from '../framework/data'
import { BRANCH_READERS } from '../../../types/roles'
import { isCommitteeAdmin } from '../framework/access'
import { defineAction } from '../framework/action'
import { isWriterIn } from '../activities/store'
import type { ActivityDoc, AssignmentDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { findActiveEntry } from '../organisation/store'
import { beijingDate } from '../framework/time'
import { committeeTodo, guideTodo, memberTodo, SOON_DAYS, writerTodo, type TodoPoint, type TodoSession } from '../home/todo'
import { inAudience } from './activities'
import { branchRecruitDue } from '../recruitment/reminders'
import { leaveToDecide, membersBehindOnDues, ownDuesUnpaid } from '../home/dues-leave'
import { keepsDuesIn } from '../dues/branch-ledger'
import { incomingTransfers, overdueReceipts } from '../transfers/reminders'
import { secretaryTermDue } from '../terms/reminders'

const DAY = 86_400_000
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/** Points not done and due by `until` (late ones included), in one branch or across branches. */
async function openPoints(port: Port, until: string, branchId?: string): Promise<AssignmentDoc[]> {
  const _ = port.db.command
  return readAll(port, 'assignments', {
    ...(branchId ? { branchId } : {}),
    state: _.in(['not_started', 'in_progress']),
    dueOn: _.lte(until),
  })
}

/** Points of the branch the committee reopened after the branch's last report: returned for correction. */
async function returnedPoints(port: Port, branchId: string): Promise<Map<string, { doc: AssignmentDoc; reason: string }>> {
  const _ = port.db.command
  const reopens = await readAll(port, 'progress_reports', { branchId, kind: 'reopen' })
  const out = new Map<string, { doc: AssignmentDoc; reason: string }>()
  if (!reopens.length) return out
  const docs = await readAll(port, 'assignments', { _id: _.in([...new Set(reopens.map((r) => r.assignmentId))]), state: _.neq('done') })
  for (const doc of docs) {
    const last = reopens.filter((r) => r.assignmentId === doc._id).sort((a, b) => +new Date(b.at) - +new Date(a.at))[0]
    if (last && (!doc.lastReportAt || new Date(last.at) > new Date(doc.lastReportAt))) out.set(doc._id, { doc, reason: last.note })
  }
  return out
}

const asPoint = (a: AssignmentDoc, returnedFor?: string): TodoPoint => ({ id: a._id, planId: a.planId, title: a.title, dueOn: a.dueOn, state: a.state, returnedFor })
const asSession = (d: ActivityDoc, eligible: boolean, signedIn: boolean): TodoSession => ({
  id: d._id,
  type: d.type,
  topic: d.topic,
  startAt: new Date(d.startAt),
  endAt: d.endAt ? new Date(d.endAt) : null,
  eligible,
  signedIn,
})

/** Planned sessions of the branch that have begun or open for sign-in within `ahead` ms. */
async function plannedBy(port: Port, branchId: string, until: Date): Promise<ActivityDoc[]> {
  const _ = port.db.command
  return readAll(port, 'activities', { branchId, status: 'planned', deleted: false, startAt: _.lte(until) }, { sortBy: 'startAt' })
}

export const homeTodo = defineAction({
  name: 'home.todo',
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port, caller }) {
    const { memberships } = caller
    const now = port.now()
    const today = beijingDate(now)
    const soonUntil = plusDays(today, SOON_DAYS)

    if (isCommitteeAdmin(memberships)) {
      const _ = port.db.command
      const [points, drafts, toReview, feedbackOpen] = await Promise.all([
        openPoints(port, soonUntil),
        readAll(port, 'work_plans', { status: 'draft' }),
        // The same records reviews.queue lists as 待审核 (cloud/core/actions/reviews.ts): a resubmitted one counts again.
        collection(port, 'activities').where({ status: 'recorded', deleted: false, reviewState: _.nin(['approved', 'returned']) }).count(),
        // 意见反馈 waiting for an answer; an environment from before feedback has no collection yet: none.
        collection(port, 'feedback').where({ status: 'open' }).count().catch(() => ({ total: 0 })),
      ])
      const result = committeeTodo({
        today,
        points: points.map((a) => ({ ...asPoint(a), pointSeq: a.pointSeq, branchId: a.branchId })),
        drafts: drafts.map((d) => ({ id: d._id, title: d.title })),
        toReview: toReview.total,
        feedbackOpen: feedbackOpen.total,
      })
      return { view: 'committee' as const, ...result }
    }

    // The branch scope let only committee staff through without a branch.
    const b = branchId!
    const rolesHere = memberships.filter((m) => m.branchId === b).map((m) => m.role)
    if (isWriterIn(memberships, b)) {
      const [points, returned, sessions, requests, returnedRecords, recruitDue, term] = await Promise.all([
        openPoints(port, soonUntil, b),
        returnedPoints(port, b),
        // Sign-in opens 30 minutes before the start (activities/rules.ts).
        plannedBy(port, b, new Date(now.getTime() + 30 * 60_000)),
        rolesHere.includes('secretary') ? collection(port, 'join_requests').where({ branchId: b, status: 'pending' }).count() : { total: 0 },
        // Records the committee returned (reviews.decide) stay here until resubmitted.
        collection(port, 'activities').where({ branchId: b, reviewState: 'returned', deleted: false }).limit(20).get(),
        // 发展党员 deadlines, for the secretary and the 组织委员 (recruitment/reminders.ts).
        branchRecruitDue(port, b, caller.openid, rolesHere.includes('secretary'), soonUntil),
        // 换届 due (terms/rules.ts termStatus), for the secretary.
        rolesHere.includes('secretary') ? secretaryTermDue(port, b, today) : null,
      ])
      // 组织关系转接 waiting for this branch, for its secretary and 组织委员 (transfers/reminders.ts).
      const [incoming, lateReceipts] = await Promise.all([incomingTransfers(port, b, caller.openid, rolesHere.includes('secretary')), overdueReceipts(port, b, caller.openid, rolesHere.includes('secretary'), today)])
      // 请假 waiting for this caller's decision, and members behind on dues for the keepers (home/dues-leave.ts).
      const isSecretaryHere = rolesHere.includes('secretary')
      const [leaveWaiting, duesBehind, ownEntry] = await Promise.all([
        leaveToDecide(port, b, caller.openid, isSecretaryHere),
        (await keepsDuesIn(port, memberships, b, caller.openid)) ? membersBehindOnDues(port, b) : Promise.resolve(0),
        // A secretary or 支委 on the roster owes dues like anyone: their own unpaid months too (walk: 刘洋, 9 months).
        findActiveEntry(port, b, caller.openid),
      ])
      const duesUnpaid = ownEntry ? { memberId: ownEntry._id, months: await ownDuesUnpaid(port, ownEntry) } : null
      const merged = new Map(points.map((a) => [a._id, asPoint(a)]))
      for (const [id, r] of returned) merged.set(id, asPoint(r.doc, r.reason))
      const result = writerTodo({ today, now, branchId: b, points: [...merged.values()], sessions: sessions.map((d) => asSession(d, true, false)), joinRequests: requests.total, returnedRecords: returnedRecords.data.map((a) => ({ id: a._id, topic: a.topic, comment: a.review?.comment ?? null })), recruitDue, term, incomingTransfers: incoming, overdueReceipts: lateReceipts, leaveToDecide: leaveWaiting, duesBehind, duesUnpaid })
      return { view: 'writer' as const, ...result }
    }

    if (rolesHere.includes('member')) {
      const _ = port.db.command
      const endOfToday = new Date(Date.parse(`${plusDays(today, 1)}T00:00:00+08:00`))
      const [entry, docs] = await Promise.all([
        findActiveEntry(port, b, caller.openid),
        readAll(port, 'activities', { branchId: b, status: 'planned', deleted: false, signInClosesAt: _.gte(now), startAt: _.lt(endOfToday) }, { sortBy: 'startAt' }),
      ])
      const ids = entry ? docs.map((d) => `${d._id}:${entry._id}`) : []
      const signed = ids.length ? await readAll(port, 'activity_signins', { _id: _.in(ids) }) : []
      const signedIds = new Set(signed.map((s) => s.activityId))
      const sessions = docs.map((d) => asSession(d, !!entry && inAudience(d, entry, false, false), signedIds.has(d._id)))
      // Their own dues unpaid (home/dues-leave.ts), as the monthly reminder counts them.
      const duesUnpaid = entry ? { memberId: entry._id, months: await ownDuesUnpaid(port, entry) } : null
      return { view: 'member' as const, ...memberTodo({ today, now, sessions, duesUnpaid }) }
    }

    const [points, sessions] = await Promise.all([openPoints(port, soonUntil, b), plannedBy(port, b, now)])
    return { view: 'guide' as const, ...guideTodo({ today, now, points: points.map((a) => asPoint(a)), sessions: sessions.map((d) => asSession(d, false, false)) }) }
  },
})

export const HOME_ACTIONS = [homeTodo] as const
