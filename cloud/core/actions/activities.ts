/**
 * Reading organisation life (list, detail, month calendar, upcoming sessions) and sign-in. Writing lives in
 * activities-write.ts; shared data access and presentation in ../activities/store.ts; pure rules in
 * ../activities/rules.ts. The contract is types/actions/activities.ts.
 */
import { BRANCH_READERS, RECORD_EDITORS } from '../../../types/roles'
import { collection, isDuplicateKey, recordOf, readAll } from '../framework/data'
import { SIGN_IN_PAGE } from '../../../types/actions/activities'
import { holdsRoleInBranch, isCommitteeAdmin } from '../framework/access'
import { defineAction } from '../framework/action'
import { monthBounds, computeAttendance, quorumOf, signInWindow, windowState } from '../activities/rules'
import { approvedLeaveMarks } from '../leave/store'
import { audienceOf, branchRoster, expectedFor, iso, isWriterIn, LIST_FIELDS, loadActivity, presentDetail, presentList, signInStateFor, signInsOf } from '../activities/store'
import { AppError, forbidden, notFound } from '../framework/errors'
import type { ActivityDoc, ActivitySignInDoc, MemberDoc } from '../framework/model'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import { findActiveEntry, groupNames } from '../organisation/store'
import { beijingDate } from '../framework/time'
import { activityHistory, planActivity, recordActivity, removeActivity, updateActivity } from './activities-write'


export const listActivities = defineAction({
  name: 'activities.list',
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, status, type, cursor, limit, withCancelled }, { port, caller }) {
    const _ = port.db.command
    const filters = { branchId, ...(status ? { status } : {}), ...(type ? { type } : {}) }
    // A cancelled session is a deleted one with `cancelled` (activities-plan.ts): listed, on request, where it was.
    const base = (withCancelled ? _.and(filters, _.or({ deleted: false }, { cancelled: true })) : { ...filters, deleted: false }) as Record<string, unknown>
    let where: Record<string, unknown> = base
    if (cursor) {
      const c = decodeCursor(cursor, 'time')
      where = _.and(base, afterCursor(_, 'startAt', c.key, c.id, 'desc')) as Record<string, unknown>
    }
    const { data } = await collection(port, 'activities')
      .where(where)
      .orderBy('startAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .field(withCancelled ? { ...LIST_FIELDS, deleted: true, cancelled: true, deletedReason: true, deletedAt: true } : LIST_FIELDS)
      .get()
    const { items, nextCursor } = pageOf(data, limit, (a) => iso(a.startAt)!)
    const shown = await presentList(port, items, caller.memberships)
    if (!withCancelled) return { items: shown, nextCursor }
    return {
      items: shown.map((a, i) => {
        const d = items[i]
        return d.deleted && d.cancelled ? { ...a, cancelled: { reason: d.deletedReason ?? '', at: iso(d.deletedAt) ?? iso(d.startAt)! } } : a
      }),
      nextCursor,
    }
  },
})

export const getActivity = defineAction({
  name: 'activities.get',
  roles: BRANCH_READERS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler(_input, { port, caller, record }) {
    return presentDetail(port, recordOf({ record }, 'activities'), caller)
  },
})

export const monthActivities = defineAction({
  name: 'activities.month',
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, month }, { port, caller }) {
    const _ = port.db.command
    const { from, to } = monthBounds(month)
    const where = { branchId, deleted: false, startAt: _.and(_.gte(from), _.lt(to)) }
    const docs: ActivityDoc[] = []
    // A month holds a few dozen sessions at most; read it in pages, list fields only.
    for (let skip = 0; ; skip += 100) {
      const { data } = await collection(port, 'activities').where(where).orderBy('startAt', 'asc').orderBy('_id', 'asc').skip(skip).limit(100).field(LIST_FIELDS).get()
      docs.push(...data)
      if (data.length < 100) break
    }
    const items = await presentList(port, docs, caller.memberships)
    return { month, items: items.map((item, i) => ({ ...item, date: beijingDate(new Date(docs[i].startAt)) })) }
  },
})

/** Whether a person of the branch is in a session's audience (writers organise every session of their branch). */
export function inAudience(doc: ActivityDoc, entry: MemberDoc | undefined, writer: boolean, guide: boolean): boolean {
  const audience = doc.audience ?? { kind: 'branch' }
  if (writer) return true
  if (audience.kind === 'branch') return !!entry || guide
  if (audience.kind === 'group') return !!entry && entry.groupId === audience.groupId
  return !!entry && (entry.posts?.length ?? 0) > 0
}

export const upcomingActivities = defineAction({
  name: 'activities.upcoming',
  roles: BRANCH_READERS,
  scope: { kind: 'authenticated' },
  async handler({ branchId, limit }, { port, caller }) {
    const { memberships } = caller
    let branchIds: string[]
    if (branchId) {
      if (!holdsRoleInBranch(memberships, BRANCH_READERS, branchId)) throw notFound('支部')
      branchIds = [branchId]
    } else {
      // Committee staff hold no branch: without a branchId their list is empty (they pick a branch to look at).
      branchIds = [...new Set(memberships.map((m) => m.branchId).filter((b): b is string => !!b))]
    }
    if (branchIds.length === 0) return { items: [] }
    const _ = port.db.command
    const now = port.now()
    const { data } = await collection(port, 'activities')
      .where({ branchId: _.in(branchIds), status: 'planned', deleted: false, signInClosesAt: _.gte(now) })
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(100)
      .field(LIST_FIELDS)
      .get()
    const docs = data
    const [entries, branches] = await Promise.all([
      readAll(port, 'members', { branchId: _.in(branchIds), openid: caller.openid || '-', state: 'active' }),
      readAll(port, 'branches', { _id: _.in(branchIds) }),
    ])
    const entryOf = new Map(entries.map((e) => [e.branchId, e]))
    const visible = docs
      .filter((d) => {
        const writer = isWriterIn(memberships, d.branchId) || (isCommitteeAdmin(memberships) && !!branchId)
        const guide = memberships.some((m) => m.role === 'guide' && m.branchId === d.branchId)
        return inAudience(d, entryOf.get(d.branchId), writer, guide)
      })
      .slice(0, limit)
    const ids = visible.map((d) => d._id)
    const signIns = ids.length ? await readAll(port, 'activity_signins', { activityId: _.in(ids) }) : []
    const count = new Map<string, number>()
    for (const s of signIns) count.set(s.activityId, (count.get(s.activityId) ?? 0) + 1)
    const listed = await presentList(port, visible, memberships)
    const names = new Map(branches.map((b) => [b._id, b.name]))
    return {
      items: listed.map((item, i) => {
        const doc = visible[i]
        const entry = entryOf.get(doc.branchId)
        // May sign in: on the roster and expected (a 支委会 also expects the secretary, who may hold no post).
        const eligible =
          !!entry && (inAudience(doc, entry, false, false) || (doc.audience?.kind === 'committee' && isWriterIn(memberships, doc.branchId)))
        const mine = entry ? signIns.find((s) => s.activityId === doc._id && s.memberId === entry._id) : undefined
        return {
          ...item,
          branchName: names.get(doc.branchId) ?? '',
          signIn: signInStateFor(doc, now, count.get(doc._id) ?? 0, eligible, mine ? new Date(mine.at) : undefined),
        }
      }),
    }
  },
})

export const signIn = defineAction({
  name: 'activities.signIn',
  roles: ['secretary', 'branch_committee', 'member'],
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler({ via }, ctx) {
    const { port, caller } = ctx
    const doc = recordOf(ctx, 'activities')
    const entry = await findActiveEntry(port, doc.branchId, caller.openid)
    if (!entry) throw forbidden('你不在本支部的花名册中，不能签到')
    const expected = await expectedFor(port, doc.branchId, doc.audience ?? { kind: 'branch' })
    if (!expected.some((m) => m._id === entry._id)) {
      const who = doc.audience?.kind === 'group' ? `党小组「${doc.audience.groupName}」` : '支部委员会'
      throw forbidden(`本次活动面向${who}，你不在应到名单中`)
    }
    // Once the session is recorded, its attendance is the secretary's: a sign-in of someone not recorded present
    // is kept (the attendance sheet shows it by their name) and waits for the secretary to confirm it; it no longer
    // turns 缺席 into 出席 by itself, since a sign-in from the page proves no presence (#15.12).
    const mark = doc.attendance?.attendees.find((a) => a.memberId === entry._id)
    const awaitingConfirmation = doc.status === 'recorded' && !mark?.present
    const sid = `${doc._id}:${entry._id}`
    const { data: prior } = await collection(port, 'activity_signins').where({ _id: sid }).limit(1).get()
    if (prior[0]) {
      return { activityId: doc._id, topic: doc.topic, name: entry.name, signedInAt: iso(prior[0].at as Date)!, already: true, awaitingConfirmation }
    }
    const now = port.now()
    const window = signInWindow(new Date(doc.startAt), doc.endAt ? new Date(doc.endAt) : null)
    const state = windowState(now, window)
    if (state !== 'OPEN') {
      const at = (d: Date) => iso(d)!
      throw new AppError('CONFLICT', state === 'NOT_OPEN' ? '签到尚未开始（活动开始前 30 分钟开放）' : '签到已结束', {
        reason: state,
        opensAt: at(window.opensAt),
        closesAt: at(window.closesAt),
      })
    }
    const row: ActivitySignInDoc = { _id: sid, activityId: doc._id, branchId: doc.branchId, memberId: entry._id, openid: caller.openid, name: entry.name, at: now, via }
    try {
      await collection(port, 'activity_signins').add({ data: { ...row } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const { data } = await collection(port, 'activity_signins').where({ _id: sid }).limit(1).get()
      return { activityId: doc._id, topic: doc.topic, name: entry.name, signedInAt: iso(data[0]?.at as Date)!, already: true, awaitingConfirmation }
    }
    return { activityId: doc._id, topic: doc.topic, name: entry.name, signedInAt: now.toISOString(), already: false, awaitingConfirmation }
  },
})

export const signInQr = defineAction({
  name: 'activities.signInQr',
  roles: RECORD_EDITORS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler({ id }, { port, record }) {
    const doc = recordOf({ record }, 'activities')
    // The scene (≤ 32 characters) is the activity id itself; the image is made once and kept in storage.
    if (id.length > 32) throw new AppError('CONFLICT', '该活动不支持扫码签到，请在活动页签到')
    let fileID = doc.qrFileID
    if (!fileID) {
      fileID = await port.storage.upload(`activities/${id}/sign-in.png`, await port.openapi.createQrCode(id, SIGN_IN_PAGE))
      await collection(port, 'activities').doc(id).update({ data: { qrFileID: fileID } })
    }
    const url = (await port.storage.getTempFileURLs([fileID])).get(fileID)
    if (!url) throw new AppError('INTERNAL', '二维码暂时无法显示，请稍后再试')
    return { fileID, url, scene: id, page: SIGN_IN_PAGE }
  },
})

export const attendanceSheet = defineAction({
  name: 'activities.attendanceSheet',
  roles: RECORD_EDITORS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, id, type, groupId, on: onInput }, { port }) {
    let doc: ActivityDoc | undefined
    if (id) {
      doc = await loadActivity(port, id)
      if (!doc || doc.deleted || doc.branchId !== branchId) throw notFound('活动')
    }
    const audience = doc
      ? (type || groupId ? await audienceOf(port, branchId, type ?? doc.type, groupId) : (doc.audience ?? { kind: 'branch' }))
      : await audienceOf(port, branchId, type ?? 'theme_day', groupId)
    // The roster of the session's own day (the form's date, else the saved session's), as the save will count it.
    const on = onInput ?? (doc ? beijingDate(new Date(doc.startAt)) : undefined)
    const [roster, names, signIns, leave] = await Promise.all([
      branchRoster(port, branchId, on),
      groupNames(port, branchId),
      doc ? signInsOf(port, doc._id) : Promise.resolve(new Map<string, Date>()),
      doc ? approvedLeaveMarks(port, doc._id) : Promise.resolve([]),
    ])
    const expected = await expectedFor(port, branchId, audience, roster, on)
    const saved = (doc?.attendance?.attendees ?? []).map((a) => ({ memberId: a.memberId, present: a.present, ...(a.absentReason ? { absentReason: a.absentReason } : {}) }))
    // Approved leave (leave.decide) prefills an absence with its reason, unless the record already says otherwise
    // or the member signed in after all.
    const marked = new Set(saved.map((m) => m.memberId))
    const marks = [...saved, ...leave.filter((l) => !marked.has(l.memberId) && !signIns.has(l.memberId))]
    const computed = computeAttendance(expected, marks, signIns)
    const groupOf = new Map(roster.map((m) => [m._id, m.groupId]))
    return {
      expected: computed.expected,
      present: computed.present,
      voters: quorumOf(computed.attendees).voters,
      attendees: computed.attendees.map((a) => ({
        memberId: a.memberId,
        name: a.name,
        partyStatus: a.partyStatus,
        present: a.present,
        ...(a.absentReason ? { absentReason: a.absentReason } : {}),
        ...(a.signedInAt ? { signedInAt: a.signedInAt.toISOString() } : {}),
        groupName: names.get(groupOf.get(a.memberId) ?? '') ?? null,
      })),
    }
  },
})

export const ACTIVITY_ACTIONS = [
  planActivity,
  recordActivity,
  updateActivity,
  removeActivity,
  activityHistory,
  listActivities,
  getActivity,
  monthActivities,
  upcomingActivities,
  signIn,
  signInQr,
  attendanceSheet,
] as const
