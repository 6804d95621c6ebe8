/**
 * Writing organisation-life records: plan, record, update (optimistic, with a version history), soft remove,
 * and reading the history. Every typed text passes the platform's check before it is stored; every change bumps
 * `version` and writes one activity_versions entry.
 */
import { BRANCH_READERS, BRANCH_WRITERS, RECORD_EDITORS } from '../../../types/roles'
import type { ParsedInput } from '../../../types/actions'
import type { ActivityType } from '../../../types/domain'
import { ACTIVITY_TYPE_RULES } from '../../../types/activity-rules'
import { defineAction, type ActionContext } from '../framework/action'
import { diffRecord, missingField, notYetHeldReason, signInWindow, computeAttendance, unknownMarks, type Mark } from '../activities/rules'
import {
  assertEditable,
  currentVersion,
  audienceOf,
  branchRoster,
  expectedFor,
  iso,
  isWriterIn,
  loadActivity,
  presentDetail,
  replacing,
  signInsOf,
  userName,
  writeVersion,
} from '../activities/store'
import { finalAppraisalOf, recordYear } from '../appraisal/store'
import { linkPhotoChecks, startPhotoChecks, type PhotoReview } from '../activities/media-check'
import { collection, isDuplicateKey, recordOf, readAll } from '../framework/data'
import { AppError, invalid, notFound } from '../framework/errors'
import { checkTexts, versionConflict } from '../framework/writes'
import type { ActivityDoc, ActivityVersionDoc } from '../framework/model'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import type { Port } from '../framework/port'
import { approvedLeaveMarks, closeLeaveOfSession } from '../leave/store'
import { loadActiveBranch } from '../organisation/store'
import { beijingDate } from '../framework/time'
import { insertNew } from '../reminders/store'

type TextInput = Partial<Record<'topic' | 'place' | 'host' | 'recorder' | 'lecturer' | 'agenda' | 'minutes' | 'resolutions' | 'reason', string>> & {
  attendance?: Mark[]
}

const TEXT_LABELS: [keyof TextInput & string, string][] = [
  ['topic', '主题'],
  ['place', '地点'],
  ['host', '主持人'],
  ['recorder', '记录人'],
  ['lecturer', '授课人'],
  ['agenda', '议程'],
  ['minutes', '会议内容'],
  ['resolutions', '决议'],
  ['reason', '修改说明'],
]

/** Every text in the input the person typed, checked before anything is written. */
async function checkInputTexts(port: Port, openid: string, input: TextInput) {
  const fields: [string, string, string | undefined][] = TEXT_LABELS.map(([field, label]) => [field, label, input[field] as string | undefined])
  await checkTexts(port, openid, fields)
  // Absence reasons repeat (出差, 病假…) and each check is a platform call: check the distinct ones in one call, and
  // only when that fails one by one, to name the field.
  const reasons = (input.attendance ?? []).map((m, i) => [`attendance.${i}.absentReason`, m.absentReason] as const).filter(([, r]) => !!r)
  const distinct = [...new Set(reasons.map(([, r]) => r!))]
  if (distinct.length === 0) return
  const all = await port.openapi.checkText(distinct.join('\n'), openid)
  if (all.pass) return
  const firstOf = new Map<string, string>()
  for (const [field, r] of reasons) if (!firstOf.has(r!)) firstOf.set(r!, field)
  await checkTexts(port, openid, distinct.map((r) => [firstOf.get(r)!, '缺席原因', r]))
  // The parts pass one by one but not together: refuse the whole, naming the first reason.
  throw new AppError('CONTENT_REJECTED', '缺席原因含有不适宜发布的内容，请修改后再提交', { field: reasons[0][0], label: all.pass ? '' : all.label })
}

function requireFields(type: ActivityType, phase: 'plan' | 'record', fields: Record<string, unknown>) {
  const missing = missingField(type, phase, fields)
  if (missing) throw invalid(missing.message, { field: missing.field })
  if (fields.voting && !ACTIVITY_TYPE_RULES[type].canVote) throw invalid('只有支部党员大会可以进行表决', { field: 'voting' })
}

/** Linked work points must be assignments of this branch. */
async function checkAssignments(port: Port, branchId: string, ids: string[] | undefined) {
  if (!ids?.length) return
  const rows = await readAll(port, 'assignments', { _id: port.db.command.in(ids), branchId })
  const known = new Set(rows.map((r) => r._id))
  const unknown = ids.filter((x) => !known.has(x))
  if (unknown.length) throw invalid('关联的工作要点不存在，或不属于该支部', { field: 'assignmentIds', ids: unknown })
}

/**
 * Attendance computed from the roster of the audience on the session's own Beijing date (#16.1: a session recorded
 * afterwards expects the people of its day), the marks and the sign-ins; marks for others refused.
 */
async function attendanceFor(port: Port, doc: Pick<ActivityDoc, '_id' | 'branchId' | 'audience' | 'startAt'>, marks: Mark[], dropStrangers = false) {
  const on = beijingDate(new Date(doc.startAt))
  const roster = await branchRoster(port, doc.branchId, on)
  const expected = await expectedFor(port, doc.branchId, doc.audience, roster, on)
  const strangers = dropStrangers ? [] : unknownMarks(expected, marks)
  if (strangers.length) {
    // Named from the whole roster: someone not on that day's roster (joined later, transferred earlier) is still named.
    const everyone = await readAll(port, 'members', { branchId: doc.branchId })
    const names = strangers.map((s) => everyone.find((m) => m._id === s.memberId)?.name ?? s.memberId)
    throw invalid(`${names.join('、')}不在本次活动的应到名单中`, { field: 'attendance', memberIds: strangers.map((s) => s.memberId) })
  }
  const [signIns, leave] = await Promise.all([signInsOf(port, doc._id), approvedLeaveMarks(port, doc._id)])
  // Approved leave (leave.decide) stands as an absence with its reason unless the marks or a sign-in say otherwise
  // — a record made without attendance marks keeps it too (the same rule as activities.attendanceSheet).
  const marked = new Set(marks.map((m) => m.memberId))
  const expectedIds = new Set(expected.map((m) => m._id))
  const withLeave = [...marks, ...leave.filter((l) => expectedIds.has(l.memberId) && !marked.has(l.memberId) && !signIns.has(l.memberId))]
  return computeAttendance(expected, withLeave, signIns)
}

/**
 * A 民主评议党员 record whose appraisal is 确定 keeps its type, its year and its existence: the grades were given at
 * that meeting, members were told them, and every report (appraisal.list, appraisal.member, the record book, the
 * workbook) counts them by that record (docs/appraisal.md). Other fields (minutes, photos, the date within the year)
 * may still be corrected.
 */
async function assertNoFinalAppraisal(port: Port, doc: ActivityDoc, what: 'change' | 'remove') {
  if (doc.type !== 'democratic_review' || !(await finalAppraisalOf(port, doc._id))) return
  const message =
    what === 'remove'
      ? '这次民主评议党员的结果已经确定并通知了党员，记录不能删除；如确需更正，请联系党委处理'
      : '这次民主评议党员的结果已经确定，记录的活动类型和年份不能再改（结果按这条记录计入当年）；其他内容仍可修改，如确需更正请联系党委'
  throw new AppError('CONFLICT', message, { rule: 'appraisal_finalized' })
}

const dedupe = (ids: string[]) => [...new Set(ids)]

/** Refuses a record of a session that has not begun yet (rules.ts notYetHeldReason says why). */
function assertHeld(startAt: Date, now: Date) {
  const reason = notYetHeldReason(startAt, now)
  if (reason) throw invalid(reason, { field: 'startAt' })
}

/**
 * A record attaches only photos uploaded under its own branch's storage path — the app uploads them to
 * activities/<branchId>/… (src/features/activities/api.ts), the local cloud's demo data to seed/<branchId>/… — so a
 * fileID of another branch's photo (or of an export, a work plan…) cannot be attached (#15.12). Photos the record
 * already holds stay, whatever their path.
 */
function checkPhotoPaths(branchId: string, photos: readonly string[], kept: readonly string[] = []) {
  const own = (fileID: string) => {
    const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1]
    if (!path || path.split('/').some((s) => s === '' || s === '.' || s === '..')) return false
    return path.startsWith(`activities/${branchId}/`) || path.startsWith(`seed/${branchId}/`)
  }
  const foreign = photos.filter((f) => !kept.includes(f) && !own(f))
  if (foreign.length) throw invalid('照片不是本支部上传的，请重新选择照片上传', { field: 'photos', fileIDs: foreign })
}
const marksOf = (doc: ActivityDoc): Mark[] =>
  (doc.attendance?.attendees ?? []).map((a) => ({ memberId: a.memberId, present: a.present, ...(a.absentReason ? { absentReason: a.absentReason } : {}) }))

async function present(ctx: ActionContext, doc: ActivityDoc) {
  return presentDetail(ctx.port, doc, ctx.caller)
}

/** After a write that added photos: ties their checks to the record; answers the record as it now stands. */
async function afterPhotoChecks(ctx: ActionContext, doc: ActivityDoc, review: PhotoReview | undefined): Promise<ActivityDoc> {
  if (!review || !Object.values(review).some((r) => r.status === 'pending')) return doc
  await linkPhotoChecks(ctx.port, doc._id, review, ctx.caller.openid)
  return (await loadActivity(ctx.port, doc._id)) ?? doc
}

async function sameRequest(ctx: ActionContext, _id: string, branchId: string) {
  const existing = await loadActivity(ctx.port, _id)
  if (!existing) return undefined
  return usable(existing, branchId)
}

function usable(existing: ActivityDoc, branchId: string) {
  // Ids are hashes of the caller's request id: a different branch means a reused request id, not a retry.
  if (existing.branchId !== branchId) throw new AppError('CONFLICT', '请求编号已被使用，请刷新后重试')
  // A deleted record stays deleted: replaying the request that made it must neither hand it back in full (minutes,
  // attendance, photos) nor make it again.
  if (existing.deleted) throw new AppError('CONFLICT', '这条活动记录已被删除，不能再次提交；如需记录请新建', { deleted: true })
  return existing
}

async function insertOnce(ctx: ActionContext, doc: ActivityDoc): Promise<{ doc: ActivityDoc; inserted: boolean }> {
  try {
    await collection(ctx.port, 'activities').add({ data: { ...doc } })
    return { doc, inserted: true }
  } catch (error) {
    // Two concurrent retries of one submit: the loser returns what the winner wrote.
    if (!isDuplicateKey(error)) throw error
    const winner = await loadActivity(ctx.port, doc._id)
    if (!winner) throw error
    return { doc: winner, inserted: false }
  }
}

/**
 * What a retried plan or record answers (framework/writes.ts runOnce): the record it made, read afresh (photo links
 * expire), unless it was deleted since or the retry names another branch.
 */
async function replayActivity(first: { id: string }, input: { branchId: string }, ctx: ActionContext) {
  const doc = await loadActivity(ctx.port, first.id)
  if (!doc) throw notFound('活动')
  return present(ctx, usable(doc, input.branchId))
}

async function history(
  ctx: ActionContext,
  after: ActivityDoc,
  kind: ActivityVersionDoc['kind'],
  before: Partial<ActivityDoc>,
  reason: string | null,
  extra: ActivityVersionDoc['changes'] = [],
) {
  await writeVersion(ctx.port, {
    activityId: after._id,
    branchId: after.branchId,
    version: after.version ?? 1,
    kind,
    at: ctx.port.now(),
    by: { openid: ctx.caller.openid, name: await userName(ctx.port, ctx.caller.openid) },
    changes: [...diffRecord(before, after), ...extra],
    reason,
  })
}

export const planActivity = defineAction({
  name: 'activities.plan',
  roles: BRANCH_WRITERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input, ctx) {
    const { port, caller } = ctx
    // Named by the request key: a call taken over from one that died after inserting finds its plan.
    const _id = ctx.requestKey!
    const existing = await sameRequest(ctx, _id, input.branchId)
    if (existing) return present(ctx, existing)
    requireFields(input.type, 'plan', input)
    await loadActiveBranch(port, input.branchId)
    const audience = await audienceOf(port, input.branchId, input.type, input.groupId)
    await checkInputTexts(port, caller.openid, input)
    const startAt = new Date(input.startAt)
    const endAt = input.endAt ? new Date(input.endAt) : undefined
    const doc: ActivityDoc = {
      _id,
      branchId: input.branchId,
      type: input.type,
      status: 'planned',
      audience,
      topic: input.topic,
      place: input.place,
      startAt,
      ...(endAt ? { endAt } : {}),
      ...(input.host ? { host: input.host } : {}),
      ...(input.lecturer && input.type === 'party_lecture' ? { lecturer: input.lecturer } : {}),
      ...(input.agenda ? { agenda: input.agenda } : {}),
      photos: [],
      createdBy: { openid: caller.openid, name: await userName(port, caller.openid) },
      createdAt: port.now(),
      version: 1,
      clientRequestId: input.clientRequestId,
      signInClosesAt: signInWindow(startAt, endAt).closesAt,
      deleted: false,
    }
    const saved = await insertOnce(ctx, doc)
    if (saved.inserted) await history(ctx, saved.doc, 'planned', {}, null)
    return present(ctx, saved.doc)
  },
  replay: replayActivity,
})

type RecordInput = ParsedInput<'activities.record'>

export const recordActivity = defineAction({
  name: 'activities.record',
  roles: BRANCH_WRITERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input: RecordInput, ctx) {
    const { port, caller } = ctx
    let plan: ActivityDoc | undefined
    if (input.id) {
      plan = await loadActivity(port, input.id)
      if (!plan || plan.deleted || plan.branchId !== input.branchId) throw notFound('活动')
      if (plan.status === 'recorded') {
        if (plan.recordRequestId === input.clientRequestId) return present(ctx, plan)
        throw versionConflict(plan.version ?? 1, '该活动已经记录过了，如需更正请在活动页修改')
      }
    } else {
      // The request key names the record (a plan made by activities.plan has another key: another request).
      const existing = await sameRequest(ctx, ctx.requestKey!, input.branchId)
      if (existing) return present(ctx, existing)
    }

    const type = (input.type ?? plan?.type)!
    const groupId = input.groupId ?? (plan?.audience.kind === 'group' ? plan.audience.groupId : undefined)
    const merged = {
      type,
      topic: input.topic ?? plan?.topic,
      place: input.place ?? plan?.place,
      startAt: input.startAt ? new Date(input.startAt) : plan?.startAt,
      endAt: input.endAt ? new Date(input.endAt) : plan?.endAt,
      groupId,
      host: input.host ?? plan?.host,
      lecturer: type === 'party_lecture' ? (input.lecturer ?? plan?.lecturer) : undefined,
      recorder: input.recorder,
      agenda: input.agenda ?? plan?.agenda,
      minutes: input.minutes,
      resolutions: input.resolutions,
      voting: input.voting ?? false,
    }
    if (!merged.topic || !merged.place || !merged.startAt) throw invalid('请填写活动类型、主题、地点和开始时间', { field: 'topic' })
    if (merged.endAt && new Date(merged.endAt) <= new Date(merged.startAt)) throw invalid('结束时间必须晚于开始时间', { field: 'endAt' })
    requireFields(type, 'record', merged)
    assertHeld(new Date(merged.startAt), port.now())
    await loadActiveBranch(port, input.branchId)
    const audience = await audienceOf(port, input.branchId, type, groupId)
    await checkAssignments(port, input.branchId, input.assignmentIds)
    await checkInputTexts(port, caller.openid, input)

    const _id = plan?._id ?? ctx.requestKey!
    const attendance = await attendanceFor(port, { _id, branchId: input.branchId, audience, startAt: new Date(merged.startAt) }, input.attendance ?? [])
    const photos = dedupe(input.photos ?? [])
    checkPhotoPaths(input.branchId, photos, plan?.photos)
    const photoReview = await startPhotoChecks(port, caller.openid, photos, plan?.photoReview, plan?.photos)
    const now = port.now()
    const startAt = new Date(merged.startAt)
    const endAt = merged.endAt ? new Date(merged.endAt) : undefined
    const recorded: Omit<ActivityDoc, '_id' | 'createdBy' | 'createdAt' | 'clientRequestId' | 'deleted'> = {
      branchId: input.branchId,
      type,
      status: 'recorded',
      audience,
      topic: merged.topic,
      place: merged.place,
      startAt,
      ...(endAt ? { endAt } : {}),
      ...(merged.host ? { host: merged.host } : {}),
      ...(merged.recorder ? { recorder: merged.recorder } : {}),
      ...(merged.lecturer ? { lecturer: merged.lecturer } : {}),
      ...(merged.agenda ? { agenda: merged.agenda } : {}),
      ...(merged.minutes ? { minutes: merged.minutes } : {}),
      ...(merged.resolutions ? { resolutions: merged.resolutions } : {}),
      voting: type === 'party_congress' && merged.voting,
      attendance,
      photos,
      photoReview,
      assignmentIds: dedupe(input.assignmentIds ?? []),
      recordRequestId: input.clientRequestId,
      // The archive lock counts from this moment, not from the session's date (#16.12: backfilling is not a trap).
      recordedAt: now,
      signInClosesAt: signInWindow(startAt, endAt).closesAt,
      version: (plan?.version ?? 0) + 1,
    }

    if (!plan) {
      const doc: ActivityDoc = {
        _id,
        ...recorded,
        createdBy: { openid: caller.openid, name: await userName(port, caller.openid) },
        createdAt: now,
        clientRequestId: input.clientRequestId,
        deleted: false,
      }
      const saved = await insertOnce(ctx, doc)
      if (!saved.inserted) return present(ctx, saved.doc)
      await history(ctx, saved.doc, 'recorded', {}, null)
      return present(ctx, await afterPhotoChecks(ctx, saved.doc, photoReview))
    }

    // The plan turns into the record only if nobody changed it meanwhile (same version): one of two racing
    // submits wins; the other, if it was a retry of the same request, returns the winner's record.
    const _ = port.db.command
    const data: Record<string, unknown> = { ...recorded, updatedAt: now, updatedBy: { openid: caller.openid, name: await userName(port, caller.openid) } }
    if (!endAt && plan.endAt) data.endAt = _.remove()
    const { stats } = await collection(port, 'activities')
      .where({ _id, version: plan.version ?? 1, status: 'planned', deleted: false })
      .update({ data: replacing(port, data) })
    const after = (await loadActivity(port, _id))!
    if (stats.updated === 0) {
      if (after?.recordRequestId === input.clientRequestId) return present(ctx, after)
      throw versionConflict(after?.version ?? 1, '该活动刚被他人修改或记录，请刷新后再试')
    }
    await history(ctx, after, 'recorded', plan, null)
    return present(ctx, await afterPhotoChecks(ctx, after, photoReview))
  },  replay: replayActivity,
})

type UpdateInput = ParsedInput<'activities.update'>

/**
 * "No record is edited by the committee silently" (docs/reviews.md, issue #20): committee staff who are not writers
 * of the record's branch may correct it (activities.md: only they after the 30-day lock), but with a reason; the
 * history entry names them as the committee and the branch's writers are told in their inbox.
 */
const byCommittee = (doc: ActivityDoc, caller: ActionContext['caller']) => !isWriterIn(caller.memberships, doc.branchId)

async function tellBranch(port: Port, doc: ActivityDoc, version: number, what: '修改' | '删除', body: string) {
  await insertNew(port, 'inbox', [
    {
      _id: `committee_${what === '修改' ? 'edited' : 'removed'}_${doc._id}_${version}`,
      branchId: doc.branchId,
      roles: ['secretary', 'branch_committee'],
      kind: what === '修改' ? 'record_edited_by_committee' : 'record_removed_by_committee',
      title: `党委${what}了记录：${doc.topic}`,
      body,
      page: `/packages/activities/pages/detail/index?id=${doc._id}`,
      createdAt: port.now(),
      dedupeKey: `committee_${what}:${doc._id}:${version}`,
    },
  ])
}

/**
 * The committee's review stays in force (docs/reviews.md): a returned record is corrected and resubmitted, an
 * approved one stays approved, so the branch deletes neither (the committee itself may, and the branch is told).
 */
function assertRemovableByBranch(doc: ActivityDoc) {
  if (doc.reviewState === 'returned') throw new AppError('CONFLICT', '这条记录被党委退回修改，请按审核意见修改后重新提交，不能删除')
  if (doc.reviewState === 'approved') throw new AppError('CONFLICT', '这条记录已经党委审核通过，不能删除；确需删除请联系党委')
}
const SIMPLE_FIELDS = ['topic', 'place', 'host', 'recorder', 'agenda', 'minutes', 'resolutions'] as const

export const updateActivity = defineAction({
  name: 'activities.update',
  roles: RECORD_EDITORS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler(input: UpdateInput, ctx) {
    const { port, caller } = ctx
    const doc = recordOf(ctx, 'activities')
    assertEditable(doc, caller, port.now())
    const current = currentVersion(doc, input.expectedVersion, '修改')
    const committee = byCommittee(doc, caller)
    if (committee && !input.reason?.trim()) throw invalid('党委修改支部的记录时请写明修改原因，支部会收到通知', { field: 'reason' })
    const _ = port.db.command
    const patch: Partial<ActivityDoc> = {}
    const unset: ('lecturer' | 'endAt')[] = []
    for (const f of SIMPLE_FIELDS) if (input[f] !== undefined) patch[f] = input[f]
    const type = input.type ?? doc.type
    if (input.type !== undefined) patch.type = input.type
    if (input.lecturer !== undefined) patch.lecturer = input.lecturer
    if (type !== 'party_lecture' && doc.lecturer && input.type !== undefined) unset.push('lecturer')
    if (input.startAt !== undefined) patch.startAt = new Date(input.startAt)
    if (input.endAt === null) unset.push('endAt')
    else if (input.endAt !== undefined) patch.endAt = new Date(input.endAt)
    const startAt = patch.startAt ?? new Date(doc.startAt)
    const endAt = unset.includes('endAt') ? undefined : (patch.endAt ?? (doc.endAt ? new Date(doc.endAt) : undefined))
    if (endAt && endAt <= startAt) throw invalid('结束时间必须晚于开始时间', { field: 'endAt' })
    if (doc.status === 'recorded' && patch.startAt) assertHeld(startAt, port.now())
    await loadActiveBranch(port, doc.branchId)
    if (input.photos !== undefined) patch.photos = dedupe(input.photos)
    if (input.assignmentIds !== undefined) {
      await checkAssignments(port, doc.branchId, input.assignmentIds)
      patch.assignmentIds = dedupe(input.assignmentIds)
    }
    if (input.voting !== undefined) patch.voting = input.voting
    if ((patch.type && patch.type !== doc.type) || (patch.startAt && recordYear(patch.startAt) !== recordYear(doc.startAt))) await assertNoFinalAppraisal(port, doc, 'change')

    // Audience follows the type and the group; a change of either re-derives who is expected.
    const currentGroup = doc.audience?.kind === 'group' ? doc.audience.groupId : undefined
    const groupId = input.groupId === null ? undefined : (input.groupId ?? currentGroup)
    const audience = await audienceOf(port, doc.branchId, type, groupId)
    if (JSON.stringify(audience) !== JSON.stringify(doc.audience ?? { kind: 'branch' })) patch.audience = audience

    const merged = { ...doc, ...patch, groupId } as Record<string, unknown>
    for (const f of unset) delete merged[f]
    requireFields(type, doc.status === 'recorded' ? 'record' : 'plan', merged)
    await checkInputTexts(port, caller.openid, input)

    if (input.attendance !== undefined || ((patch.audience || patch.startAt) && doc.attendance)) {
      // Saved marks of people the new audience (or the roster of the new date) no longer expects are dropped; marks sent now must fit it.
      const marks = input.attendance ?? marksOf(doc)
      patch.attendance = await attendanceFor(port, { _id: doc._id, branchId: doc.branchId, audience, startAt }, marks, input.attendance === undefined)
    }
    if (patch.startAt || patch.endAt || unset.includes('endAt')) patch.signInClosesAt = signInWindow(startAt, endAt).closesAt
    // New photos start their image checks only once everything else passed (no check for a refused save).
    if (patch.photos && diffRecord({ photos: doc.photos }, { photos: patch.photos }).length) {
      checkPhotoPaths(doc.branchId, patch.photos, doc.photos)
      patch.photoReview = await startPhotoChecks(port, caller.openid, patch.photos, doc.photoReview, doc.photos)
    }

    const after = { ...doc, ...patch } as ActivityDoc
    for (const f of unset) delete after[f]
    if (diffRecord(doc, after).length === 0) return present(ctx, doc)

    const now = port.now()
    const by = { openid: caller.openid, name: await userName(port, caller.openid) }
    const data: Record<string, unknown> = { ...patch, version: current + 1, updatedAt: now, updatedBy: by }
    for (const f of unset) data[f] = _.remove()
    // The committee approved what the record said then: a content edit sends it back to 待审核 (no reviewState, as a
    // new record), so it is in the committee's queue again; the edit's history entry names the step (docs/reviews.md).
    const reopened = doc.reviewState === 'approved'
    if (reopened) {
      data.reviewState = _.remove()
      data.review = _.remove()
    }
    const { stats } = await collection(port, 'activities')
      .where({ _id: doc._id, version: current, deleted: false })
      .update({ data: replacing(port, data) })
    if (stats.updated === 0) {
      const now = (await loadActivity(port, doc._id))?.version ?? current + 1
      throw versionConflict(now, `该记录已被他人修改（当前为第 ${now} 版），请刷新后再修改`)
    }
    const saved = (await loadActivity(port, doc._id))!
    const steps: ActivityVersionDoc['changes'] = [
      ...(reopened ? [{ field: 'review', label: '审核', before: '通过', after: '待审核' }] : []),
      ...(committee ? [{ field: 'editor', label: '修改人', before: null, after: `党委（${by.name}）` }] : []),
    ]
    await history(ctx, saved, 'updated', doc, input.reason ?? null, steps)
    if (committee) {
      const fields = [...new Set(diffRecord(doc, saved).map((c) => c.label))].join('、')
      await tellBranch(port, saved, saved.version ?? current + 1, '修改', `修改原因：${input.reason}${fields ? `；修改了：${fields}` : ''}`)
    }
    return present(ctx, await afterPhotoChecks(ctx, saved, patch.photoReview))
  },
})

export const removeActivity = defineAction({
  name: 'activities.remove',
  roles: RECORD_EDITORS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler(input, ctx) {
    const { port, caller } = ctx
    const doc = recordOf(ctx, 'activities')
    assertEditable(doc, caller, port.now())
    const current = currentVersion(doc, input.expectedVersion, '删除')
    const committee = byCommittee(doc, caller)
    if (!committee) assertRemovableByBranch(doc)
    await assertNoFinalAppraisal(port, doc, 'remove')
    await checkTexts(port, caller.openid, [['reason', '删除原因', input.reason]])
    const by = { openid: caller.openid, name: await userName(port, caller.openid) }
    const { stats } = await collection(port, 'activities')
      .where({ _id: doc._id, version: current, deleted: false })
      .update({ data: { deleted: true, deletedReason: input.reason, deletedAt: port.now(), deletedBy: by, version: current + 1 } })
    if (stats.updated === 0) throw new AppError('CONFLICT', '该记录刚被他人修改，请刷新后再试')
    await writeVersion(port, {
      activityId: doc._id,
      branchId: doc.branchId,
      version: current + 1,
      kind: 'removed',
      at: port.now(),
      by,
      changes: [{ field: 'deleted', label: '删除', before: null, after: '已删除' }, ...(committee ? [{ field: 'editor', label: '修改人', before: null, after: `党委（${by.name}）` }] : [])],
      reason: input.reason,
    })
    // Its 请假 notices would open a session that is gone: they go, and requests still waiting are closed (docs/leave.md).
    await closeLeaveOfSession(port, doc, 'deleted', caller.memberships.some((m) => m.role === 'secretary' && m.branchId === doc.branchId))
    if (committee) await tellBranch(port, doc, current + 1, '删除', `删除原因：${input.reason}`)
    return { id: doc._id, deleted: true as const }
  },
})

export const activityHistory = defineAction({
  name: 'activities.history',
  roles: BRANCH_READERS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler({ id, cursor, limit }, { port }) {
    const _ = port.db.command
    const base = { activityId: id }
    let where: Record<string, unknown> = base
    if (cursor) {
      const c = decodeCursor(cursor, 'number')
      where = _.and(base, afterCursor(_, 'version', c.key, c.id, 'desc')) as Record<string, unknown>
    }
    const { data } = await collection(port, 'activity_versions')
      .where(where)
      .orderBy('version', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get()
    const { items, nextCursor } = pageOf(data, limit, (v) => v.version)
    return {
      items: items.map((v) => ({
        version: v.version,
        kind: v.kind,
        at: iso(v.at)!,
        by: v.by,
        changes: v.changes,
        reason: v.reason ?? null,
      })),
      nextCursor,
    }
  },
})
