import { BRANCH_READERS, BRANCH_WRITERS } from '../../../types/roles'
import type { AssignmentStatus } from '../../../types/assignment-status'
import { defineAction } from '../framework/action'
import { actorName } from '../organisation/audit'
import { collection, isDuplicateKey, loadOr404, recordOf, readAll } from '../framework/data'
import { checkTexts } from '../framework/writes'
import { AppError } from '../framework/errors'
import type { ActivityDoc, AssignmentDoc, ProgressReportDoc } from '../framework/model'
import { afterCursor, decodeCursor, escapeRegExp, pageOf } from '../framework/paging'
import type { Port } from '../framework/port'
import { assignmentStatus } from '../work-plans/rules'
import { beijingDate, daysBetween } from '../framework/time'

const assignmentRecord = { kind: 'record', collection: 'assignments', noun: '任务' } as const

export type { AssignmentStatus }

export function presentAssignment(a: AssignmentDoc, today: string) {
  return {
    id: a._id,
    planId: a.planId,
    planTitle: a.planTitle,
    branchId: a.branchId,
    branchName: a.branchName,
    pointSeq: a.pointSeq,
    sectionSeq: a.sectionSeq,
    sectionTitle: a.sectionTitle,
    title: a.title,
    dueOn: a.dueOn,
    daysLeft: daysBetween(today, a.dueOn),
    status: assignmentStatus(a, today),
    doneAt: a.doneAt ? new Date(a.doneAt).toISOString() : null,
    lastReportAt: a.lastReportAt ? new Date(a.lastReportAt).toISOString() : null,
    reportCount: a.reportCount,
  }
}

/** The stored condition for a status filter ("overdue" and "not started" depend on today). */
function statusCondition(port: Port, status: AssignmentStatus, today: string): Record<string, unknown> {
  const _ = port.db.command
  switch (status) {
    case 'done':
      return { state: 'done' }
    case 'overdue':
      return { state: _.in(['not_started', 'in_progress']), dueOn: _.lt(today) }
    default:
      return { state: status, dueOn: _.gte(today) }
  }
}

export const listAssignments = defineAction({
  name: 'assignments.list',
  roles: BRANCH_READERS,
  // A branch's own list, for its people; without a branch (one point across branches) it is the committee's view.
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, planId, pointSeq, status, q, cursor, limit }, { port }) {
    if (!branchId && !planId) throw new AppError('INVALID_INPUT', '请指定支部或工作要点')
    const _ = port.db.command
    const today = beijingDate(port.now())
    const conditions: unknown[] = []
    if (branchId) conditions.push({ branchId })
    if (planId) conditions.push({ planId })
    if (pointSeq) conditions.push({ pointSeq })
    if (status) conditions.push(statusCondition(port, status, today))
    if (q) conditions.push({ title: port.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) })
    if (cursor) {
      const c = decodeCursor(cursor)
      conditions.push(afterCursor(_, 'sortKey', String(c.key), c.id, 'asc'))
    }
    const { data } = await collection(port, 'assignments')
      .where((conditions.length === 1 ? conditions[0] : _.and(...conditions)) as Record<string, unknown>)
      .orderBy('sortKey', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data, limit, (a) => a.sortKey)
    return { items: page.items.map((a) => presentAssignment(a, today)), nextCursor: page.nextCursor }
  },
})

async function presentReports(port: Port, reports: ProgressReportDoc[]) {
  const _ = port.db.command
  const activityIds = [...new Set(reports.flatMap((r) => r.activityIds))]
  const photos = [...new Set(reports.flatMap((r) => [...r.photos, ...(r.files ?? []).map((f) => f.fileID)]))]
  const [activities, urls] = await Promise.all([
    activityIds.length ? readAll(port, 'activities', { _id: _.in(activityIds) }) : Promise.resolve([]),
    photos.length ? port.storage.getTempFileURLs(photos) : Promise.resolve(new Map<string, string>()),
  ])
  const byId = new Map(activities.map((a) => [a._id, a]))
  return reports.map((r) => ({
    id: r._id,
    kind: r.kind,
    note: r.note,
    activities: r.activityIds
      .map((id) => byId.get(id))
      .filter((a): a is ActivityDoc => !!a && !a.deleted)
      .map((a) => ({ id: a._id, topic: a.topic, startAt: new Date(a.startAt).toISOString() })),
    photos: r.photos.map((fileID) => (urls.has(fileID) ? { fileID, url: urls.get(fileID) } : { fileID })),
    files: (r.files ?? []).map((f) => (urls.has(f.fileID) ? { ...f, url: urls.get(f.fileID) } : f)),
    by: r.by,
    at: new Date(r.at).toISOString(),
  }))
}

export const getAssignment = defineAction({
  name: 'assignments.get',
  roles: BRANCH_READERS,
  scope: { ...assignmentRecord, idOf: (input) => input.assignmentId },
  async handler({ assignmentId }, { port, record }) {
    const a = recordOf({ record }, 'assignments')
    const [plans, reports] = await Promise.all([
      collection(port, 'work_plans').where({ _id: a.planId }).limit(1).get(),
      readAll(port, 'progress_reports', { assignmentId }, { sortBy: 'at' }),
    ])
    const plan = plans.data[0]
    const point = plan?.sections.flatMap((s) => s.points).find((p) => p.seq === a.pointSeq)
    if (!point) throw new AppError('NOT_FOUND', '该要点已不在工作要点中')
    return {
      assignment: presentAssignment(a, beijingDate(port.now())),
      point: point as never,
      reports: await presentReports(port, reports),
    }
  },
})

async function reload(port: Port, id: string): Promise<AssignmentDoc> {
  return loadOr404(port, 'assignments', id, '任务不存在')
}

/**
 * Idempotent by clientRequestId (framework/writes.ts): a retry, or the same submit twice at once, answers what the
 * first one answered. The report is named by the request key, so a run taken over from one that died half-way
 * cannot write it twice.
 */
export const reportProgress = defineAction({
  name: 'assignments.report',
  roles: BRANCH_WRITERS,
  scope: { ...assignmentRecord, idOf: (input) => input.assignmentId },
  async handler({ assignmentId, note, activityIds, photos, files, markDone }, ctx) {
    const { port, caller } = ctx
    const a = recordOf(ctx, 'assignments')
    const _id = ctx.requestKey!
    const today = beijingDate(port.now())
    const hasEvidence = note.length > 0 || activityIds.length > 0 || photos.length > 0 || files.length > 0
    if (!hasEvidence) throw new AppError('INVALID_INPUT', '请填写进展说明，或附上活动记录、照片、文件')
    if (markDone && a.state === 'done') throw new AppError('CONFLICT', '该任务已经完成')
    // 书面材料 only as uploaded for this assignment: the app puts them under work-points/<assignmentId>/… (the
    // client's point-api.ts reportFilePath), so another branch's document or an export cannot be attached.
    const foreign = files.filter((f) => !/^cloud:\/\/[^/]+\/(.+)$/.exec(f.fileID)?.[1]?.startsWith(`work-points/${assignmentId}/`) || f.fileID.includes('/../'))
    if (foreign.length) throw new AppError('INVALID_INPUT', '文件不是为本要点上传的，请重新选择文件上传', { field: 'files', fileIDs: foreign.map((f) => f.fileID) })
    if (activityIds.length) {
      const _ = port.db.command
      const found = await collection(port, 'activities')
        .where({ _id: _.in(activityIds), branchId: a.branchId, deleted: false })
        .count()
      if (found.total !== new Set(activityIds).size) throw new AppError('INVALID_INPUT', '只能关联本支部的活动记录')
    }
    await checkTexts(port, caller.openid, [['note', '进展说明', note]])
    const now = port.now()
    const report: ProgressReportDoc = {
      _id,
      assignmentId,
      branchId: a.branchId,
      kind: markDone ? 'done' : 'note',
      note,
      activityIds,
      photos,
      ...(files.length ? { files } : {}),
      by: { openid: caller.openid, name: await actorName(ctx) },
      at: now,
    }
    const _ = port.db.command
    try {
      await collection(port, 'progress_reports').add({ data: report })
    } catch (error) {
      // Written by a call of this request that died before answering: it counts, and is not written again.
      if (isDuplicateKey(error)) return presentAssignment(await reload(port, assignmentId), today)
      throw error
    }
    const assignments = collection(port, 'assignments')
    if (markDone) {
      // Only the report that moves it to done counts as done: nine taps at once used to write nine "done" reports.
      const { stats } = await assignments
        .where({ _id: assignmentId, state: _.neq('done') })
        .update({ data: { state: 'done', doneAt: now, lastReportAt: now, reportCount: _.inc(1) } })
      if (stats.updated !== 1) {
        await collection(port, 'progress_reports').doc(_id).remove()
        throw new AppError('CONFLICT', '该任务已经完成')
      }
    } else {
      // A note never undoes a done that landed meanwhile (the state read above may be stale).
      await assignments.where({ _id: assignmentId, state: 'not_started' }).update({ data: { state: 'in_progress' } })
      await assignments.doc(assignmentId).update({ data: { lastReportAt: now, reportCount: _.inc(1) } })
    }
    return presentAssignment(await reload(port, assignmentId), today)
  },
})

export const reopenAssignment = defineAction({
  name: 'assignments.reopen',
  roles: ['committee_admin'],
  scope: { ...assignmentRecord, idOf: (input) => input.assignmentId },
  async handler({ assignmentId, reason }, ctx) {
    const { port, caller } = ctx
    const a = recordOf(ctx, 'assignments')
    if (a.state !== 'done') throw new AppError('CONFLICT', '只有已完成的任务可以重新打开')
    const now = port.now()
    await collection(port, 'assignments').doc(assignmentId).update({ data: { state: 'in_progress', doneAt: null } })
    await collection(port, 'progress_reports').add({
      data: {
        assignmentId,
        branchId: a.branchId,
        kind: 'reopen',
        note: reason,
        activityIds: [],
        photos: [],
        by: { openid: caller.openid, name: await actorName(ctx) },
        at: now,
      },
    })
    return presentAssignment({ ...a, state: 'in_progress', doneAt: null }, beijingDate(now))
  },
})

export const ASSIGNMENT_ACTIONS = [listAssignments, getAssignment, reportProgress, reopenAssignment] as const
