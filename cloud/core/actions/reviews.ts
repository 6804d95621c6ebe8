/**
 * The committee's review of organisation-life records (审核; contract: types/actions/reviews.ts; docs/reviews.md).
 * The committee marks a recorded session 通过 or 退回修改 with a comment; it never edits the record: a return is a
 * request to the branch, which corrects the record (activities.update) and resubmits. Every step bumps the record's
 * version and writes an activity_versions entry (kind 'reviewed' / 'resubmitted'), so the record's history shows
 * who reviewed what, when, and why.
 */
import { ACTIVITY_TYPE_INFO } from '../../../types/domain'
import { currentVersion, writeVersion } from '../activities/store'
import { isCommitteeAdmin } from '../framework/access'
import { defineAction, type ActionContext } from '../framework/action'
import { AppError, invalid } from '../framework/errors'
import type { ActivityDoc, InboxDoc } from '../framework/model'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import { beijingDate } from '../framework/time'
import { actorName } from '../organisation/audit'
import { collection, insertNew, loadOne, readAll, recordOf } from '../framework/data'

const WRITERS = ['secretary', 'branch_committee'] as const
const recordScope = { kind: 'record', collection: 'activities', noun: '活动记录', idOf: (input: { activityId: string }) => input.activityId } as const
const DETAIL_PAGE = '/packages/activities/pages/detail/index'
const STATE_LABEL = { approved: '通过', returned: '退回修改', resubmitted: '重新提交' } as const

type Review = ReturnType<typeof presentReview>

export function reviewStateOf(doc: Pick<ActivityDoc, 'reviewState'>): 'waiting' | 'returned' | 'resubmitted' | 'approved' {
  return doc.reviewState ?? 'waiting'
}

function presentReview(doc: ActivityDoc, ctx: ActionContext) {
  const state = reviewStateOf(doc)
  const writer = ctx.caller.memberships.some((m) => m.branchId === doc.branchId && (m.role === 'secretary' || m.role === 'branch_committee'))
  // Corrected = changed after it was returned (any update bumps updatedAt; the return itself does not count).
  const corrected = state === 'returned' && !!doc.updatedAt && !!doc.review && new Date(doc.updatedAt).getTime() > new Date(doc.review.at).getTime()
  return {
    activityId: doc._id,
    state,
    comment: doc.review?.comment ?? null,
    by: doc.review?.by.name ?? null,
    at: doc.review ? new Date(doc.review.at).toISOString() : null,
    version: doc.version ?? 1,
    canDecide: isCommitteeAdmin(ctx.caller.memberships) && doc.status === 'recorded' && !doc.deleted,
    canResubmit: writer && corrected,
    resubmitHint: writer && state === 'returned' && !corrected ? '请先按审核意见修改记录，再重新提交' : null,
  }
}

/**
 * One review step (decide, resubmit): the review fields and the version bump, on the condition that the record is
 * still at the version read (a legacy record without a version counts as version 1), then the step's 修改历史 entry.
 */
async function reviewStep(
  { port }: ActionContext,
  doc: ActivityDoc,
  step: {
    data: Pick<ActivityDoc, 'reviewState'> & Partial<Pick<ActivityDoc, 'review'>>
    kind: 'reviewed' | 'resubmitted'
    by: { openid: string; name: string }
    /** The 审核 line of the history: before → after. */
    change: [string, string]
    reason: string | null
    conflict: string
  },
): Promise<void> {
  const version = doc.version ?? 1
  const { stats } = await port.db
    .collection('activities')
    .where({ _id: doc._id, version: doc.version ?? port.db.command.exists(false) })
    .update({ data: { ...step.data, version: version + 1 } })
  if (stats.updated === 0) throw new AppError('CONFLICT', step.conflict)
  await writeVersion(port, {
    activityId: doc._id,
    branchId: doc.branchId,
    version: version + 1,
    kind: step.kind,
    at: step.data.review?.at ?? port.now(),
    by: step.by,
    changes: [{ field: 'review', label: '审核', before: step.change[0], after: step.change[1] }],
    reason: step.reason,
  })
}

function assertRecorded(doc: ActivityDoc) {
  if (doc.status !== 'recorded') throw new AppError('CONFLICT', '活动尚未记录，不能审核')
}

export const getReview = defineAction({
  name: 'reviews.get',
  roles: ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'],
  scope: recordScope,
  async handler(_input, ctx) {
    return presentReview(recordOf(ctx, 'activities'), ctx)
  },
})

export const decideReview = defineAction({
  name: 'reviews.decide',
  roles: ['committee_admin'],
  scope: recordScope,
  async handler({ activityId, decision, comment, expectedVersion }, ctx) {
    const { port } = ctx
    const doc = recordOf(ctx, 'activities')
    assertRecorded(doc)
    if (decision === 'return' && !comment) throw invalid('退回修改时请写明审核意见', { field: 'comment' })
    const version = currentVersion(doc, expectedVersion, '审核')
    const state = decision === 'approve' ? ('approved' as const) : ('returned' as const)
    if (state === 'approved' && doc.reviewState === 'approved') throw new AppError('CONFLICT', '该记录已审核通过')
    const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const review = { comment: comment ?? null, by, at: port.now() }
    // Only the review fields and the version change: the committee does not touch the record's content.
    await reviewStep(ctx, doc, {
      data: { reviewState: state, review },
      kind: 'reviewed',
      by,
      change: [doc.reviewState ? STATE_LABEL[doc.reviewState] : '待审核', STATE_LABEL[state]],
      reason: comment ?? null,
      conflict: '该记录刚刚被修改，请刷新后再审核',
    })
    if (state === 'returned') {
      const item: InboxDoc & { _id: string } = {
        _id: `review_returned_${activityId}_${version + 1}`,
        branchId: doc.branchId,
        roles: ['secretary', 'branch_committee'],
        kind: 'record_returned',
        title: `记录被退回修改：${doc.topic}`,
        body: `党委审核意见：${comment}`,
        page: `${DETAIL_PAGE}?id=${activityId}`,
        createdAt: review.at,
        dedupeKey: `review_returned:${activityId}:${version + 1}`,
      }
      await insertNew(port, 'inbox', [{ ...item }])
    }
    return presentReview({ ...doc, reviewState: state, review, version: version + 1 }, ctx)
  },
})

export const resubmitReview = defineAction({
  name: 'reviews.resubmit',
  roles: WRITERS,
  scope: recordScope,
  async handler({ note }, ctx) {
    const doc = recordOf(ctx, 'activities')
    assertRecorded(doc)
    const before: Review = presentReview(doc, ctx)
    if (doc.reviewState !== 'returned') throw new AppError('CONFLICT', '该记录没有被退回，不需重新提交')
    // A 民主评议 record whose results were reopened (appraisal.reopen) is resubmitted once they are 确定 again.
    if (doc.type === 'democratic_review') {
      const appraisal = await loadOne(ctx.port, 'appraisals', doc._id).catch(() => undefined)
      if (appraisal?.state === 'draft' && appraisal.reopenedAt) {
        throw new AppError('CONFLICT', '民主评议结果已重新评定但还没有确定，请先确定评议结果，再重新提交', { rule: 'appraisal_reopened' })
      }
    }
    if (!before.canResubmit) throw new AppError('CONFLICT', before.resubmitHint ?? '请先修改记录')
    const version = doc.version ?? 1
    await reviewStep(ctx, doc, {
      data: { reviewState: 'resubmitted' },
      kind: 'resubmitted',
      by: { openid: ctx.caller.openid, name: await actorName(ctx) },
      change: ['退回修改', '重新提交'],
      reason: note ?? null,
      conflict: '该记录刚刚被修改，请刷新后再提交',
    })
    return presentReview({ ...doc, reviewState: 'resubmitted', version: version + 1 }, ctx)
  },
})

export const reviewQueue = defineAction({
  name: 'reviews.queue',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ branchId, state, cursor, limit }, { port }) {
    const _ = port.db.command
    const conditions: unknown[] = [
      { status: 'recorded', deleted: false },
      // Never reviewed (no field) or resubmitted: $nin matches a missing field too.
      state === 'waiting' ? { reviewState: _.nin(['approved', 'returned']) } : { reviewState: 'returned' },
    ]
    if (branchId) conditions.push({ branchId })
    if (cursor) {
      const c = decodeCursor(cursor, 'time')
      conditions.push(afterCursor(_, 'startAt', c.key, c.id, 'asc'))
    }
    const { data } = await collection(port, 'activities')
      .where(_.and(...conditions) as Record<string, unknown>)
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data, limit, (a) => new Date(a.startAt).getTime())
    const ids = [...new Set(page.items.map((a) => a.branchId))]
    const branches = ids.length ? await readAll(port, 'branches', { _id: _.in(ids) }, { fields: ['name'] }) : []
    const names = new Map(branches.map((b) => [b._id, b.name]))
    return {
      items: page.items.map((a) => ({
        activityId: a._id,
        branchId: a.branchId,
        branchName: names.get(a.branchId) ?? '',
        type: a.type,
        typeName: ACTIVITY_TYPE_INFO[a.type]?.name ?? a.type,
        topic: a.topic,
        startAt: new Date(a.startAt).toISOString(),
        recordedAt: a.recordedAt ? new Date(a.recordedAt).toISOString() : null,
        state: reviewStateOf(a),
      })),
      nextCursor: page.nextCursor,
    }
  },
})

export const reviewCounts = defineAction({
  name: 'reviews.counts',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ year: asked }, { port }) {
    const _ = port.db.command
    const year = asked ?? Number(beijingDate(port.now()).slice(0, 4))
    const [rows, branches] = await Promise.all([
      readAll(
        port,
        'activities',
        _.and({ status: 'recorded', deleted: false }, { startAt: _.gte(new Date(`${year}-01-01T00:00:00+08:00`)) }, { startAt: _.lt(new Date(`${year + 1}-01-01T00:00:00+08:00`)) }) as Record<string, unknown>,
        { fields: ['branchId', 'reviewState'] },
      ),
      readAll(port, 'branches', { status: 'active' }, { fields: ['name'] }),
    ])
    const per = new Map(branches.map((b) => [b._id, { branchId: b._id, branchName: b.name, waiting: 0, returned: 0, approved: 0 }]))
    for (const a of rows) {
      const b = per.get(a.branchId)
      if (!b) continue
      const s = reviewStateOf(a)
      if (s === 'approved') b.approved += 1
      else if (s === 'returned') b.returned += 1
      else b.waiting += 1
    }
    const list = [...per.values()].sort((x, y) => y.returned + y.waiting - (x.returned + x.waiting) || x.branchName.localeCompare(y.branchName, 'zh-Hans-CN'))
    const totals = list.reduce((t, b) => ({ waiting: t.waiting + b.waiting, returned: t.returned + b.returned, approved: t.approved + b.approved }), { waiting: 0, returned: 0, approved: 0 })
    return { year, branches: list, totals }
  },
})

export const REVIEW_ACTIONS = [getReview, decideReview, resubmitReview, reviewQueue, reviewCounts] as const
