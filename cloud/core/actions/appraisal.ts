/**
 * 民主评议党员 actions (contract: types/actions/appraisal.ts; rules: cloud/core/appraisal/rules.ts; docs/appraisal.md).
 *
 * One appraisal per 民主评议党员 record (an activity of type `democratic_review`), named by the record's id. Every
 * 正式 and 预备 member on the branch's roster is appraised. Who may do what: the secretary and the 组织委员 (a 支委
 * holding that post) save grades and 确定 the results; the branch's other 支委 and the committee read the sheet
 * (their reads are audited: grades are personal); a member reads their own grade only, once 确定. Writes are
 * idempotent by clientRequestId (dispatch.ts → framework/writes.ts runOnce) and versioned: a save names the version it
 * edits, and a stale one is refused with the current version (versionConflict). A refused save writes nothing.
 */
import { APPRAISAL_DEFAULT_SHARE, APPRAISAL_GRADE_LABELS, type AppraisalState } from '../../../types/appraisal'
import { writeVersion } from '../activities/store'
import { APPRAISAL_READERS, BRANCH_WRITERS } from '../../../types/roles'
import { checkSheet, checkVotes, excellentCap, gradeCounts, isAppraised, type Share } from '../appraisal/rules'
import { branchRoster } from '../activities/store'
import { loadShare, recordYear, saveShare, standing, type AppraisalDoc, type AppraisalHistoryDoc, type AppraisalRowDoc } from '../appraisal/store'
import { defineAction, type ActionContext } from '../framework/action'
import { collection, insertNew, isDuplicateKey, loadOne, readAll, recordOf, type Stored } from '../framework/data'
import { AppError, forbidden, invalid } from '../framework/errors'
import type { ActivityDoc, MemberDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { versionConflict } from '../framework/writes'
import { actorName, recordAudit } from '../organisation/audit'
import { findActiveEntry, loadActiveBranch } from '../organisation/store'

export const APPRAISAL_PAGE = '/packages/appraisal/pages/sheet/index'
/** The sheet's readers: those who read every row, and members (their own row, handled in `sheet`). */
const READERS = [...APPRAISAL_READERS, 'member'] as const
const reviewRecord = { kind: 'record', collection: 'activities', noun: '民主评议记录', idOf: (input: { activityId: string }) => input.activityId } as const
const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null)
const yearOf = (a: ActivityDoc) => recordYear(a.startAt)

/**
 * The 民主评议 record an appraisal write is on, once the caller is its keeper (书记 or 组织委员) and the branch is active;
 * `verb` names the refused step (评定, 确定, 重新评定). One check for save, finalize and reopen.
 */
async function recordToWrite(ctx: ActionContext, verb: string) {
  const a = recordOf(ctx, 'activities')
  requireReview(a)
  if (!(await keepsAppraisal(ctx, a.branchId))) throw forbidden(`只有支部书记或组织委员可以${verb}民主评议结果`)
  await loadActiveBranch(ctx.port, a.branchId)
  return a
}

/** The secretary, or a 支委 who holds 组织委员, of `branchId`: who grade and 确定 (《关于党员民主评议的规定》: 支部委员会). */
async function keepsAppraisal(ctx: ActionContext, branchId: string): Promise<boolean> {
  const held = ctx.caller.memberships.filter((m) => m.branchId === branchId)
  if (held.some((m) => m.role === 'secretary')) return true
  if (!held.some((m) => m.role === 'branch_committee')) return false
  const entry = await findActiveEntry(ctx.port, branchId, ctx.caller.openid)
  return !!entry?.posts?.includes('组织委员')
}

/** Who reads every member's grade: the branch's 支委 (the secretary among them) and the committee. */
const readsAll = (ctx: ActionContext, branchId: string) =>
  ctx.caller.memberships.some((m) => m.role === 'committee_admin' || (m.branchId === branchId && (m.role === 'secretary' || m.role === 'branch_committee')))

function requireReview(a: ActivityDoc) {
  if (a.type !== 'democratic_review') throw invalid('只有“民主评议党员”的记录可以评定等次', { rule: 'not_democratic_review' })
}

/**
 * Those appraised: the 正式 and 预备 members on the roster as it stood on the record's Beijing date (rosterAsOf, the
 * same roster attendance uses): someone who joined after the meeting is not appraised there, nor raises the 优秀 cap.
 */
async function appraisedRoster(port: Port, a: Pick<ActivityDoc, 'branchId' | 'startAt'>): Promise<Stored<MemberDoc>[]> {
  const members = await branchRoster(port, a.branchId, beijingDate(new Date(a.startAt)))
  return members.filter(isAppraised)
}

/**
 * Who took part in the 民主测评: the meeting's present attendance, or everyone appraised when no attendance was kept
 * (a record saved without marks counts nobody present; a meeting of none cannot have voted).
 */
const votersOf = (a: ActivityDoc, appraised: number) => (a.attendance && a.attendance.present > 0 ? a.attendance.present : appraised)

/** The sheet's rows: 确定 results as kept; otherwise the roster now, with what was saved for each member. */
function rowsOf(roster: MemberDoc[], doc: AppraisalDoc | undefined): AppraisalRowDoc[] {
  if (doc?.state === 'final') return doc.rows
  const saved = new Map((doc?.rows ?? []).map((r) => [r.memberId, r]))
  return roster.map((m) => {
    const s = saved.get(m._id)
    return { memberId: m._id, name: m.name, partyStatus: m.partyStatus, grade: s?.grade ?? null, votes: s?.votes ?? null, disposal: s?.disposal ?? null }
  })
}

async function sheet(ctx: ActionContext, a: ActivityDoc, doc: AppraisalDoc | undefined, share: Share) {
  const { port } = ctx
  const [canWrite, roster] = await Promise.all([keepsAppraisal(ctx, a.branchId), doc?.state === 'final' ? Promise.resolve([]) : appraisedRoster(port, a)])
  const all = rowsOf(roster, doc)
  const full = canWrite || readsAll(ctx, a.branchId)
  const state: AppraisalState = doc?.state ?? 'none'
  let rows = all
  if (!full) {
    // A member: their own row, once the branch has 确定 the results.
    const own = await findActiveEntry(port, a.branchId, ctx.caller.openid)
    rows = state === 'final' && own ? all.filter((r) => r.memberId === own._id) : []
  }
  const used = doc?.state === 'final' ? doc.share : share
  const review = full && a.status === 'recorded' ? reviewOf(a) : null
  return {
    activity: { id: a._id, branchId: a.branchId, topic: a.topic, startAt: new Date(a.startAt).toISOString(), status: a.status },
    year: yearOf(a),
    state,
    version: doc?.version ?? 0,
    view: full ? ('full' as const) : ('own' as const),
    share: used,
    appraised: all.length,
    maxExcellent: excellentCap(all.length, used),
    rows,
    counts: full ? gradeCounts(all.map((r) => r.grade)) : null,
    canWrite: canWrite && state !== 'final',
    updatedBy: doc?.updatedBy.name ?? null,
    updatedAt: iso(doc?.updatedAt),
    finalizedBy: doc?.finalizedBy?.name ?? null,
    finalizedAt: iso(doc?.finalizedAt),
    review,
    canReopen: canWrite && state === 'final' && a.reviewState === 'returned',
    history: full ? (doc?.history ?? []).map(presentHistory) : [],
  }
}

/** The committee's review of the record as the sheet shows it (docs/reviews.md). */
const reviewOf = (a: ActivityDoc) => ({
  state: a.reviewState ?? ('waiting' as const),
  comment: a.review?.comment ?? null,
  by: a.review?.by.name ?? null,
  at: iso(a.review?.at),
})

function countsLine(grades: (AppraisalRowDoc['grade'])[]) {
  const c = gradeCounts(grades)
  return `优秀 ${c.excellent} 人，合格 ${c.qualified} 人，基本合格 ${c.basic} 人，不合格 ${c.unqualified} 人`
}

function presentHistory(h: AppraisalHistoryDoc) {
  const at = new Date(h.at).toISOString()
  if (h.kind === 'finalized') return { kind: h.kind, by: h.by.name, at, note: `确定：${countsLine(h.grades.map((g) => g.grade))}` }
  return { kind: h.kind, by: h.by.name, at, note: h.comment ? `重新评定（党委审核意见：${h.comment}）` : '重新评定' }
}

/** Reads of others' grades by anyone but the keepers are logged (the secretary and the committee read the log). */
async function auditRead(ctx: ActionContext, branchId: string, summary: string, target: { kind: string; id: string }) {
  await recordAudit(ctx, { branchId, action: 'appraisal.read', summary, target, before: null, after: null })
}

export const appraisalList = defineAction({
  name: 'appraisal.list',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, ctx) {
    const { port } = ctx
    const _ = port.db.command
    const records = await collection(port, 'activities').where({ branchId, deleted: false, type: 'democratic_review' }).orderBy('startAt', 'desc').orderBy('_id', 'desc').limit(20).get()
    const ids = records.data.map((r) => r._id)
    const [docs, canWrite, own] = await Promise.all([
      ids.length ? readAll(port, 'appraisals', { _id: _.in(ids) }) : Promise.resolve([] as Stored<AppraisalDoc>[]),
      keepsAppraisal(ctx, branchId),
      findActiveEntry(port, branchId, ctx.caller.openid),
    ])
    const full = canWrite || readsAll(ctx, branchId)
    const byId = new Map(docs.map((d) => [d._id, d]))
    return {
      items: records.data.map((a) => {
        const doc = byId.get(a._id)
        const final = doc?.state === 'final'
        return {
          activityId: a._id,
          topic: a.topic,
          startAt: new Date(a.startAt).toISOString(),
          year: yearOf(a),
          state: doc?.state ?? ('none' as const),
          mine: final && own ? (doc.rows.find((r) => r.memberId === own._id)?.grade ?? null) : null,
          counts: full && doc ? gradeCounts(doc.rows.map((r) => r.grade)) : null,
        }
      }),
      canWrite,
    }
  },
})

export const appraisalGet = defineAction({
  name: 'appraisal.get',
  roles: READERS,
  scope: reviewRecord,
  async handler({ activityId }, ctx) {
    const a = recordOf(ctx, 'activities')
    requireReview(a)
    const [doc, share, keeper] = await Promise.all([loadOne(ctx.port, 'appraisals', activityId), loadShare(ctx.port), keepsAppraisal(ctx, a.branchId)])
    const out = await sheet(ctx, a, doc, share)
    if (!keeper && out.view === 'full' && doc) await auditRead(ctx, a.branchId, `查看${out.year}年民主评议党员结果（${a.topic}）`, { kind: 'activity', id: a._id })
    return out
  },
})

export const appraisalSave = defineAction({
  name: 'appraisal.save',
  roles: BRANCH_WRITERS,
  scope: reviewRecord,
  async handler({ activityId, version, rows: given }, ctx) {
    const { port } = ctx
    const a = await recordToWrite(ctx, '评定')
    const [current, share, roster] = await Promise.all([loadOne(port, 'appraisals', activityId), loadShare(port), appraisedRoster(port, a)])
    if (current?.state === 'final') throw new AppError('CONFLICT', '评议结果已经确定，不能再修改', { rule: 'finalized' })
    if ((current?.version ?? 0) !== version) throw versionConflict(current?.version ?? 0)
    const seen = new Set<string>()
    for (const r of given) {
      if (seen.has(r.memberId)) throw invalid('同一名党员只能评定一次，请刷新后再评', { rule: 'duplicate_member', memberId: r.memberId })
      seen.add(r.memberId)
    }
    const onRoster = new Set(roster.map((m) => m._id))
    const stranger = given.find((r) => !onRoster.has(r.memberId))
    if (stranger) throw invalid('名单中有不是本支部正式或预备党员的人员，请刷新后再评', { rule: 'not_appraised', memberId: stranger.memberId })
    const voters = votersOf(a, roster.length)
    for (const r of given) {
      const bad = checkVotes(roster.find((m) => m._id === r.memberId)!.name, r.votes, voters)
      if (bad) throw invalid(bad.message, { rule: bad.rule, memberId: r.memberId, voters })
    }
    const byId = new Map(given.map((r) => [r.memberId, r]))
    // Members not in this save keep what was saved for them before.
    const rows = rowsOf(roster, current).map((r) => {
      const g = byId.get(r.memberId)
      return g ? { ...r, grade: g.grade, votes: g.votes, disposal: g.disposal } : r
    })
    const breach = checkSheet(rows, share, false)
    if (breach) throw invalid(breach.message, { rule: breach.rule, names: breach.names })
    const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const now = port.now()
    const memberIds = rows.map((r) => r.memberId)
    let doc: AppraisalDoc
    if (!current) {
      doc = { _id: activityId, branchId: a.branchId, activityId, year: yearOf(a), state: 'draft', version: 1, share, rows, memberIds, updatedBy: by, updatedAt: now, finalizedBy: null, finalizedAt: null, createdAt: now }
      await port.db.createCollection('appraisals').catch(() => undefined)
      try {
        await collection(port, 'appraisals').add({ data: doc })
      } catch (error) {
        // Another keeper saved the first version at the same moment.
        if (isDuplicateKey(error)) throw versionConflict(1)
        throw error
      }
    } else {
      const patch = { rows, memberIds, share, version: current.version + 1, updatedBy: by, updatedAt: now }
      const { stats } = await collection(port, 'appraisals').where({ _id: activityId, version: current.version, state: 'draft' }).update({ data: patch })
      if (stats.updated === 0) throw versionConflict((await loadOne(port, 'appraisals', activityId))?.version ?? current.version)
      doc = { ...current, ...patch }
    }
    const graded = rows.filter((r) => r.grade !== null).length
    await recordAudit(ctx, {
      branchId: a.branchId,
      action: 'appraisal.save',
      summary: `保存${doc.year}年民主评议党员评定（已评 ${graded} / ${rows.length} 人）`,
      target: { kind: 'activity', id: activityId },
      before: current ? { version: current.version } : null,
      after: { version: doc.version },
    })
    return sheet(ctx, a, doc, share)
  },
})

export const appraisalFinalize = defineAction({
  name: 'appraisal.finalize',
  roles: BRANCH_WRITERS,
  scope: reviewRecord,
  async handler({ activityId, version }, ctx) {
    const { port } = ctx
    const a = await recordToWrite(ctx, '确定')
    const [current, share, roster] = await Promise.all([loadOne(port, 'appraisals', activityId), loadShare(port), appraisedRoster(port, a)])
    if (!current) throw new AppError('CONFLICT', '还没有评定结果，请先评定每名党员的等次', { rule: 'ungraded' })
    if (current.state === 'final') throw new AppError('CONFLICT', '评议结果已经确定', { rule: 'finalized' })
    if (current.version !== version) throw versionConflict(current.version)
    if (a.status !== 'recorded') throw new AppError('CONFLICT', '请先记录民主评议党员会议，再确定评议结果', { rule: 'not_recorded' })
    // One 确定 民主评议党员 a branch a year (《关于党员民主评议的规定》: once a year): a second record of the year
    // cannot replace the first's grades.
    const others = await standing(
      port,
      (await readAll(port, 'appraisals', { branchId: a.branchId, year: yearOf(a), state: 'final' }, { fields: ['year'] })).filter((d) => d._id !== activityId),
    )
    if (others.length) throw new AppError('CONFLICT', `本支部${yearOf(a)}年的民主评议党员结果已经确定（每年一次），不能再确定第二次；如需更正，请联系党委`, { rule: 'one_per_year', activityId: others[0]._id })
    const rows = rowsOf(roster, current)
    const breach = checkSheet(rows, share, true)
    if (breach) throw invalid(breach.message, { rule: breach.rule, names: breach.names })
    const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const now = port.now()
    const patch = { state: 'final' as const, rows, memberIds: rows.map((r) => r.memberId), share, version: current.version + 1, updatedBy: by, updatedAt: now, finalizedBy: by, finalizedAt: now }
    const { stats } = await collection(port, 'appraisals').where({ _id: activityId, version: current.version, state: 'draft' }).update({ data: patch })
    if (stats.updated === 0) throw versionConflict((await loadOne(port, 'appraisals', activityId))?.version ?? current.version)
    const doc: AppraisalDoc = { ...current, ...patch }
    const again = !!current.reopenedAt
    if (again) await markCorrected(port, a, by, now)
    const counts = gradeCounts(rows.map((r) => r.grade))
    await recordAudit(ctx, {
      branchId: a.branchId,
      action: 'appraisal.finalize',
      summary: `${again ? '重新' : ''}确定${doc.year}年民主评议党员结果：优秀 ${counts.excellent} 人，合格 ${counts.qualified} 人，基本合格 ${counts.basic} 人，不合格 ${counts.unqualified} 人`,
      target: { kind: 'activity', id: activityId },
      before: { version: current.version, state: 'draft' },
      after: { version: doc.version, state: 'final' },
    })
    // Each member is told their own grade, privately (their inbox only).
    const openids = new Map(roster.filter((m) => m.openid).map((m) => [m._id, m.openid as string]))
    // After a reopening (重新评定) each member is told again, under a key of this version.
    const round = again ? `_v${doc.version}` : ''
    const items = rows
      .filter((r) => openids.has(r.memberId) && r.grade)
      .map((r) => ({
        _id: `appraisal_${activityId}_${r.memberId}${round}`,
        openid: openids.get(r.memberId)!,
        kind: 'appraisal_result',
        title: `${doc.year}年民主评议党员结果${again ? '（重新评定）' : ''}：${APPRAISAL_GRADE_LABELS[r.grade!]}`,
        body: `支部已${again ? '重新' : ''}确定${doc.year}年民主评议党员结果，你的等次为「${APPRAISAL_GRADE_LABELS[r.grade!]}」。`,
        page: `${APPRAISAL_PAGE}?id=${activityId}`,
        createdAt: now,
        dedupeKey: `appraisal:${activityId}:${r.memberId}${round}`,
      }))
    if (items.length) await insertNew(port, 'inbox', items)
    return sheet(ctx, a, doc, share)
  },
})

/**
 * A 确定 appraisal made again after a reopening is the branch's correction of the returned record: the record's
 * updatedAt and version move and its 修改历史 gets the step, so reviews.resubmit sees a corrected record
 * (docs/reviews.md: a returned record is corrected, then resubmitted).
 */
async function markCorrected(port: Port, a: ActivityDoc, by: { openid: string; name: string }, now: Date) {
  const current = (await loadOne(port, 'activities', a._id)) ?? a
  const version = current.version ?? 1
  const { stats } = await port.db
    .collection('activities')
    .where({ _id: a._id, version: current.version ?? port.db.command.exists(false) })
    .update({ data: { updatedAt: now, version: version + 1 } })
  if (stats.updated === 0) return
  await writeVersion(port, {
    activityId: a._id,
    branchId: a.branchId,
    version: version + 1,
    kind: 'updated',
    at: now,
    by,
    changes: [{ field: 'appraisal', label: '民主评议结果', before: '重新评定', after: '已重新确定' }],
    reason: '按党委审核意见重新评定民主评议结果',
  })
}

/**
 * 重新评定: while the committee has returned the record (退回修改, docs/reviews.md), the secretary or 组织委员 reopens
 * its 确定 results to correct them: the appraisal is a draft again (members no longer see their grade until it is
 * 确定 anew), and its history keeps the first results (who 确定 when, each grade) and the reopening with the
 * committee's comment. Not returned: CONFLICT `not_returned`.
 */
export const appraisalReopen = defineAction({
  name: 'appraisal.reopen',
  roles: BRANCH_WRITERS,
  scope: reviewRecord,
  async handler({ activityId, version }, ctx) {
    const { port } = ctx
    const a = await recordToWrite(ctx, '重新评定')
    const [current, share] = await Promise.all([loadOne(port, 'appraisals', activityId), loadShare(port)])
    if (current?.state !== 'final') throw new AppError('CONFLICT', '评议结果还没有确定，可以直接修改', { rule: 'not_finalized' })
    if (a.reviewState !== 'returned') {
      throw new AppError('CONFLICT', '只有党委退回修改的民主评议记录才能重新评定；确需更正，请联系党委退回', { rule: 'not_returned' })
    }
    if (current.version !== version) throw versionConflict(current.version)
    const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
    const now = port.now()
    const first: AppraisalHistoryDoc = {
      kind: 'finalized',
      by: current.finalizedBy ?? current.updatedBy,
      at: current.finalizedAt ?? current.updatedAt,
      grades: current.rows.map((r) => ({ memberId: r.memberId, name: r.name, grade: r.grade })),
    }
    const history: AppraisalHistoryDoc[] = [...(current.history ?? []), first, { kind: 'reopened', by, at: now, comment: a.review?.comment ?? null }]
    const patch = { state: 'draft' as const, version: current.version + 1, updatedBy: by, updatedAt: now, finalizedBy: null, finalizedAt: null, reopenedAt: now, history }
    const { stats } = await collection(port, 'appraisals').where({ _id: activityId, version: current.version, state: 'final' }).update({ data: patch })
    if (stats.updated === 0) throw versionConflict((await loadOne(port, 'appraisals', activityId))?.version ?? current.version)
    const doc: AppraisalDoc = { ...current, ...patch }
    await recordAudit(ctx, {
      branchId: a.branchId,
      action: 'appraisal.reopen',
      summary: `重新评定${doc.year}年民主评议党员结果（党委退回修改：${a.review?.comment ?? ''}）`,
      target: { kind: 'activity', id: activityId },
      before: { version: current.version, state: 'final' },
      after: { version: doc.version, state: 'draft' },
    })
    return sheet(ctx, a, doc, share)
  },
})

export const appraisalMember = defineAction({
  name: 'appraisal.member',
  roles: APPRAISAL_READERS,
  // A member reads their own history while they are of the branch.
  scope: { kind: 'record', collection: 'members', noun: '党员', idOf: (input) => input.memberId, ownerField: 'openid', ownerRoles: 'any' },
  async handler({ memberId }, ctx) {
    const { port } = ctx
    const member = recordOf(ctx, 'members')
    const docs = await standing(port, await readAll(port, 'appraisals', { branchId: member.branchId, state: 'final', memberIds: memberId }, { sortBy: 'year' }))
    const ids = docs.map((d) => d.activityId)
    const _ = port.db.command
    const topics = ids.length ? await readAll(port, 'activities', { _id: _.in(ids) }, { fields: ['topic'] }) : []
    const topicOf = new Map(topics.map((t) => [t._id, t.topic]))
    const items = docs
      .reverse()
      .map((d) => ({ d, row: d.rows.find((r) => r.memberId === memberId) }))
      .filter((x): x is { d: Stored<AppraisalDoc>; row: AppraisalRowDoc & { grade: NonNullable<AppraisalRowDoc['grade']> } } => !!x.row?.grade)
      .map(({ d, row }) => ({ year: d.year, activityId: d.activityId, topic: topicOf.get(d.activityId) ?? '民主评议党员', grade: row.grade, votes: row.votes, disposal: row.disposal, finalizedAt: iso(d.finalizedAt) ?? '' }))
    const self = member.openid === ctx.caller.openid
    if (!self && items.length && !(await keepsAppraisal(ctx, member.branchId))) {
      await auditRead(ctx, member.branchId, `查看 ${member.name} 的民主评议结果`, { kind: 'member', id: memberId })
    }
    return { items }
  },
})

const presentShare = (share: Share) => ({ share, defaults: { ...APPRAISAL_DEFAULT_SHARE } })

export const appraisalSettings = defineAction({
  name: 'appraisal.settings',
  roles: APPRAISAL_READERS,
  scope: { kind: 'authenticated' },
  async handler(_input, { port }) {
    return presentShare(await loadShare(port))
  },
})

export const appraisalSetSettings = defineAction({
  name: 'appraisal.setSettings',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ share }, ctx) {
    if (share.numerator >= share.denominator) throw invalid('优秀比例应小于 1（例如 1/3）', { field: 'share' })
    const before = await loadShare(ctx.port)
    await saveShare(ctx.port, share)
    await recordAudit(ctx, {
      branchId: null,
      action: 'appraisal.settings',
      summary: `修改民主评议优秀比例：${before.numerator}/${before.denominator} → ${share.numerator}/${share.denominator}`,
      target: { kind: 'settings', id: 'appraisal' },
      before,
      after: share,
    })
    return presentShare(share)
  },
})

export const APPRAISAL_ACTIONS = [appraisalList, appraisalGet, appraisalSave, appraisalFinalize, appraisalReopen, appraisalMember, appraisalSettings, appraisalSetSettings] as const
