/**
 * recruitment.*: the 发展党员 pipeline (docs/recruitment.md). The steps are the table in ../recruitment/steps.ts and
 * one action records any of them; the rules (order, time limits) are ../recruitment/rules.ts.
 *
 * Who: the branch's secretary and 支委 read the branch's pipeline, the committee every branch's; the secretary and the
 * 组织委员 (and the committee) write, and see 政审 and personal files. Every read of a person's file is audited.
 */
import { extensionOf, fileKind, materialFileProblem, type MaterialKey } from '../../../types/recruitment'
import { PIPELINE_READERS } from '../../../types/roles'
import { RECRUITMENT_UPLOAD_PATH } from '../../storage-rules'
import { isCommitteeAdmin } from '../framework/access'
import { defineAction, type ActionContext } from '../framework/action'
import { AppError, forbidden, invalid, notFound, unlessMissing } from '../framework/errors'
import { collection, loadOne, readAll, recordOf } from '../framework/data'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import { beijingDate, daysBetween } from '../framework/time'
import { quorumOf } from '../activities/rules'
import { actorName, recordAudit } from '../organisation/audit'
import { findActiveEntry, loadActiveBranch, loadGroup, newMemberDoc } from '../organisation/store'
import { addMonths, congressRefusal, correctionRefusal, dueItems, NATIONAL_DEFAULTS, probationEnd, stepRefusal, type RecruitmentSettings } from '../recruitment/rules'
import { derived, fileLine, hiddenStep, loadSettings, materialFiles, presentDetail, presentSummary, saveSettings, type RecruitDoc, type RecruitEntry } from '../recruitment/store'
import { correctableInputs, foreignInputs, INPUT_LABELS, MATERIAL_TITLES, MATERIALS, PERSONAL_MATERIALS, STEP_BY_CODE } from '../recruitment/steps'

const READERS = PIPELINE_READERS
const record = { kind: 'record', collection: 'recruits', noun: '发展党员档案', idOf: (input: { recruitId: string }) => input.recruitId } as const

/**
 * Whether the caller may write the branch's pipeline and see its personal data: the committee, the secretary, or
 * the 支委 holding 组织委员 (the post that keeps 发展党员 work, 支部工作条例第十条).
 */
async function keeper(ctx: ActionContext, branchId: string): Promise<boolean> {
  const { memberships, openid } = ctx.caller
  if (isCommitteeAdmin(memberships)) return true
  if (memberships.some((m) => m.branchId === branchId && m.role === 'secretary')) return true
  const entry = await findActiveEntry(ctx.port, branchId, openid)
  return !!entry && (entry.posts ?? []).includes('组织委员')
}
async function assertKeeper(ctx: ActionContext, branchId: string) {
  if (!(await keeper(ctx, branchId))) throw forbidden('只有支部书记、组织委员或党委可以记录发展党员工作')
}

async function names(ctx: ActionContext, doc: RecruitDoc): Promise<Map<string, string>> {
  const ids = [...new Set([...doc.contacts, ...doc.introducers, ...Object.values(doc.log).flatMap((l) => (l ?? []).flatMap((e) => e.people ?? []))])]
  if (!ids.length) return new Map()
  const rows = await readAll(ctx.port, 'members', { _id: ctx.port.db.command.in(ids) }, { fields: ['name'] })
  return new Map(rows.map((m) => [m._id, m.name]))
}

async function detail(ctx: ActionContext, doc: RecruitDoc, settings?: RecruitmentSettings) {
  const s = settings ?? (await loadSettings(ctx.port))
  const personal = await keeper(ctx, doc.branchId)
  return { ...presentDetail(doc, s, beijingDate(ctx.port.now()), await names(ctx, doc), personal), uploadFolder: personal ? uploadFolder(ctx, doc.branchId) : null }
}

async function actor(ctx: ActionContext) {
  return { openid: ctx.caller.openid, name: await actorName(ctx) }
}

/** The fileIDs a record holds already, in its steps and its checklist. */
function heldFiles(doc: RecruitDoc | null): Set<string> {
  if (!doc) return new Set()
  return new Set([...Object.values(doc.log).flatMap((l) => (l ?? []).flatMap((e) => e.files ?? [])), ...Object.values(doc.materials).flatMap((m) => m?.files ?? [])])
}

/**
 * Files of a person's file are uploaded by the keeper under recruitment/<branchId>/<their own openid>/ (hooks.ts
 * `useMaterialUploads`, the folder from recruitment.get's `uploadFolder`); the storage rule lets nobody else write
 * there (cloud/storage-rules.ts). A file new to the record is taken only when its fileID is of this function's env,
 * its path has the strict shape (RECRUITMENT_UPLOAD_PATH: no '%', '\\', '?', '#', no dot segments), it is in this
 * branch's folder and in the caller's own openid's — WeChat's storage cannot tell a function who uploaded a file, and
 * the uploader of a file can read and replace it, so a file someone else uploaded never becomes part of a person's
 * file (attacker finding) — and it is in storage (getTempFileURL answers a link only for a file that exists). Files
 * the record already holds stay, older ones without the uploader in the path included (read and removed as before).
 */
async function checkFiles(ctx: ActionContext, branchId: string, files: readonly string[], doc: RecruitDoc | null = null) {
  const held = heldFiles(doc)
  const fresh = [...new Set(files.filter((f) => !held.has(f)))]
  if (!fresh.length) return
  const env = ctx.port.caller.env
  const pathOf = (fileID: string) => {
    const m = /^cloud:\/\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_.-]+\/(.+)$/.exec(fileID)
    if (!m || (env && m[1] !== env) || !RECRUITMENT_UPLOAD_PATH.test(m[2])) return null
    const [, folder, uploader] = m[2].split('/')
    return folder === branchId ? { uploader } : null
  }
  const foreign = fresh.filter((f) => !pathOf(f))
  if (foreign.length) throw invalid('附件不是本支部上传的，请重新上传', { field: 'files', fileIDs: foreign })
  const others = fresh.filter((f) => pathOf(f)!.uploader !== ctx.caller.openid)
  if (others.length) throw invalid('只能添加你自己上传的附件：这个文件不是你上传的，请在本页重新上传', { field: 'files', fileIDs: others, reason: 'not_uploader' })
  const stored = await ctx.port.storage.getTempFileURLs(fresh)
  const missing = fresh.filter((f) => !stored.has(f))
  if (missing.length) throw invalid('附件没有上传成功或已被删除，请重新上传', { field: 'files', fileIDs: missing, reason: 'missing' })
}

/** Where the caller uploads this branch's files (keepers only): recruitment/<branchId>/<openid>/. */
function uploadFolder(ctx: ActionContext, branchId: string): string {
  return `recruitment/${branchId}/${ctx.caller.openid}/`
}

/** Writes the record only if nobody changed it since it was read (version), so two keepers cannot lose a step. */
async function save(ctx: ActionContext, before: RecruitDoc, after: RecruitDoc) {
  const { stats } = await ctx.port.db
    .collection('recruits')
    .where({ _id: before._id, version: before.version })
    .update({
      data: {
        log: ctx.port.db.command.set(after.log),
        materials: ctx.port.db.command.set(after.materials),
        history: ctx.port.db.command.set(after.history),
        appliedOn: after.appliedOn,
        contacts: after.contacts,
        introducers: after.introducers,
        status: after.status,
        nextDueOn: after.nextDueOn,
        memberId: after.memberId,
        version: before.version + 1,
        updatedAt: ctx.port.now(),
      },
    })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该档案刚被他人修改，请刷新后重试')
  return { ...after, version: before.version + 1 }
}

export const listRecruits = defineAction({
  name: 'recruitment.list',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, status, cursor, limit }, { port }) {
    const _ = port.db.command
    const s = await loadSettings(port)
    const today = beijingDate(port.now())
    // Counts per status: one paged read of the (small) records' status, per branch or across branches.
    const all = await readAll(port, 'recruits', branchId ? { branchId } : {}, { fields: ['branchId', 'status'] }).catch(unlessMissing([]))
    const tally = new Map<string, { branchId: string; status: RecruitDoc['status']; count: number }>()
    for (const r of all) {
      const key = `${r.branchId}:${r.status}`
      tally.set(key, { branchId: r.branchId, status: r.status, count: (tally.get(key)?.count ?? 0) + 1 })
    }
    const counts = [...tally.values()]
    if (!branchId) return { items: [], nextCursor: null, counts }
    const conditions: unknown[] = [{ branchId }]
    if (status) conditions.push({ status })
    if (cursor) {
      const c = decodeCursor(cursor, 'text')
      conditions.push(afterCursor(_, 'name', c.key, c.id, 'asc'))
    }
    const { data } = await collection(port, 'recruits')
      .where(_.and(...conditions) as Record<string, unknown>)
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data, limit, (r) => r.name)
    return {
      items: page.items.map((doc) => {
        const { dueItems: _due, ...summary } = presentSummary(doc, s, today)
        return summary
      }),
      nextCursor: page.nextCursor,
      counts,
    }
  },
})

export const createRecruit = defineAction({
  name: 'recruitment.create',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, name, appliedOn, note, files }, ctx) {
    const { port } = ctx
    await assertKeeper(ctx, branchId)
    await loadActiveBranch(port, branchId)
    await checkFiles(ctx, branchId, files)
    const today = beijingDate(port.now())
    if (appliedOn > today) throw invalid('申请日期不能晚于今天', { field: 'appliedOn' })
    const by = await actor(ctx)
    const now = port.now()
    const entry: RecruitEntry = { on: appliedOn, note: note ?? null, files, by, at: now }
    const s = await loadSettings(port)
    const log = { apply: [entry] }
    const doc: Omit<RecruitDoc, '_id'> = {
      branchId,
      name,
      appliedOn,
      ...derived(log, s),
      memberId: null,
      contacts: [],
      introducers: [],
      log,
      materials: files.length ? { application: { done: true, on: appliedOn, files, note: null } } : {},
      history: [{ at: now, by, what: `第1步「递交入党申请书」（${appliedOn}）`, exception: null }],
      version: 0,
      createdAt: now,
      updatedAt: now,
    }
    await port.db.createCollection('recruits').catch(() => undefined)
    const { _id } = await collection(port, 'recruits').add({ data: { ...doc } })
    await recordAudit(ctx, { branchId, action: 'recruit.created', summary: `登记入党申请人 ${name}（申请日期 ${appliedOn}）`, target: { kind: 'recruit', id: _id }, before: null, after: { name, appliedOn } })
    return detail(ctx, { _id, ...doc }, s)
  },
})

export const getRecruit = defineAction({
  name: 'recruitment.get',
  roles: READERS,
  scope: record,
  async handler(_input, ctx) {
    const doc = recordOf(ctx, 'recruits')
    // Every read of a person's file is in the audit log (who read whose file, and whether personal data was shown).
    const personal = await keeper(ctx, doc.branchId)
    await recordAudit(ctx, {
      branchId: doc.branchId,
      action: 'recruit.read',
      summary: `查看 ${doc.name} 的发展党员档案${personal ? '' : '（不含政审等个人材料）'}`,
      target: { kind: 'recruit', id: doc._id },
      before: null,
      after: null,
    })
    return detail(ctx, doc)
  },
})

/** 培养联系人 / 入党介绍人: active roster entries of the branch who are 正式党员. */
async function checkPeople(ctx: ActionContext, branchId: string, ids: readonly string[], what: string) {
  if (new Set(ids).size !== ids.length) throw invalid(`${what}不能重复`, { field: 'people' })
  if (!ids.length) return []
  const rows = await readAll(ctx.port, 'members', { _id: ctx.port.db.command.in([...ids]) })
  for (const id of ids) {
    const m = rows.find((r) => r._id === id)
    if (!m || m.branchId !== branchId || m.state !== 'active') throw invalid(`${what}应为本支部花名册中的党员`, { field: 'people' })
    if (m.partyStatus !== 'full') throw invalid(`${m.name} 是预备党员，${what}应为正式党员（细则第十一条、第十四条）`, { field: 'people' })
  }
  return ids.map((id) => rows.find((r) => r._id === id)!.name)
}

/** The 支部党员大会 a step names: a record of this branch, held, voting, with its quorum. */
async function congressFacts(ctx: ActionContext, branchId: string, activityId: string) {
  const a = await loadOne(ctx.port, 'activities', activityId)
  if (!a || a.branchId !== branchId || a.deleted) throw invalid('关联的支部党员大会不存在', { field: 'activityId' })
  if (a.type !== 'party_congress') throw invalid('请关联一次支部党员大会（不是其他类型的活动）', { field: 'activityId' })
  const q = quorumOf((a.attendance?.attendees ?? []) as Parameters<typeof quorumOf>[0])
  return { on: beijingDate(new Date(a.startAt)), recorded: a.status === 'recorded', voting: !!a.voting, voters: q.voters, presentVoters: q.presentVoters, quorumReached: q.reached }
}

export const recordStep = defineAction({
  name: 'recruitment.record',
  roles: READERS,
  scope: record,
  async handler(input, ctx) {
    const { port } = ctx
    const before = recordOf(ctx, 'recruits')
    await assertKeeper(ctx, before.branchId)
    await loadActiveBranch(port, before.branchId)
    if (input.version !== undefined && input.version !== before.version) throw new AppError('CONFLICT', '该档案刚被他人修改，请刷新后重试')
    // Someone transferred out (letter in transit, or received elsewhere) is no longer this branch's to develop: a step
    // here would make the file say 正式 while the roster says 预备 (the receiving branch's roster is the record).
    if (before.memberId) {
      const m = await loadOne(port, 'members', before.memberId)
      if (m && m.state !== 'active') {
        throw new AppError('CONFLICT', `${before.name} 的组织关系已从本支部转出${m.transferReason ? `（${m.transferReason}）` : ''}，不能再在本支部记录发展党员步骤；转接中的请等待接收支部办理，之后由接收支部继续`, { rule: 'transferred' })
      }
    }
    const def = STEP_BY_CODE[input.step]
    // The 上级党委's decisions are the committee's to record (steps.ts superiorDecision), not the branch's.
    if (def.superiorDecision && !isCommitteeAdmin(ctx.caller.memberships)) throw forbidden(`第${def.n}步「${def.title}」由上级党委审批，请由党委管理员记录`)
    const foreign = foreignInputs(def, input)
    if (foreign.length) {
      const labels = foreign.map((k) => `「${INPUT_LABELS[k] ?? k}」`).join('、')
      throw invalid(`第${def.n}步「${def.title}」不记录${labels}，请删去后再保存`, { field: foreign[0], fields: foreign })
    }
    await checkFiles(ctx, before.branchId, input.files, before)
    const people = input.people ?? []
    if (def.fields.includes('contacts')) await checkPeople(ctx, before.branchId, people, '培养联系人')
    if (def.fields.includes('introducers')) await checkPeople(ctx, before.branchId, people, '入党介绍人')
    if (def.fields.includes('result') && !input.result) throw invalid('请填写政审结论', { field: 'result' })
    if (def.fields.includes('approval') && input.approved === undefined) throw invalid('请说明上级党委是否批准', { field: 'approved' })
    if (input.approved === false && !input.reason) throw invalid('不批准时请写明原因', { field: 'reason' })
    if (input.outcome && input.outcome !== 'confirm' && !input.reason) throw invalid('延长预备期或取消预备党员资格时请写明原因', { field: 'reason' })
    if (def.fields.includes('group') && input.groupId) await loadGroup(port, input.groupId, before.branchId)
    const s = await loadSettings(port)
    const today = beijingDate(port.now())
    const facts = {
      on: input.on,
      from: input.from ?? null,
      to: input.to ?? null,
      approved: input.approved ?? null,
      outcome: input.outcome ?? null,
      extensionMonths: input.extensionMonths ?? null,
      contacts: def.fields.includes('contacts') ? people.length : undefined,
      introducers: def.fields.includes('introducers') ? people.length : undefined,
    }
    let refusal = stepRefusal(input.step, facts, before.log, s, today)
    if (!refusal && def.fields.includes('congress')) {
      if (!input.activityId) throw invalid('请关联召开讨论的支部党员大会', { field: 'activityId' })
      refusal = congressRefusal(input.step, input.on, await congressFacts(ctx, before.branchId, input.activityId), input.votes)
    }
    // A 3–6 month approval is allowed by the 细则 for special cases: it says why.
    if (!refusal && input.step === 'approval') {
      const congressOn = before.log.congress?.at(-1)?.on
      if (congressOn && input.on > addMonths(congressOn, s.approvalMonths) && !input.reason) {
        throw invalid(`支部大会通过后超过${s.approvalMonths}个月审批属特殊情况，请写明原因（细则第二十五条）`, { field: 'reason' })
      }
    }
    let exception: { rule: string; reason: string } | null = null
    if (refusal) {
      const committee = isCommitteeAdmin(ctx.caller.memberships)
      if (!refusal.exceptionAllowed || !input.exceptionReason) {
        const hint = refusal.exceptionAllowed ? (committee ? '。如确属特殊情况，请填写例外原因后再记录' : '。如确属特殊情况，可由党委记录例外并写明原因') : ''
        throw new AppError('CONFLICT', `${refusal.message}${hint}`, { rule: refusal.rule, exceptionAllowed: refusal.exceptionAllowed })
      }
      if (!committee) throw forbidden('例外只能由党委记录，并写明原因')
      exception = { rule: refusal.rule, reason: input.exceptionReason }
    } else if (input.exceptionReason) {
      throw invalid('此步骤符合规定，无需记录例外', { field: 'exceptionReason' })
    }
    const by = await actor(ctx)
    const now = port.now()
    const entry: RecruitEntry = {
      on: input.on,
      note: input.note ?? null,
      files: input.files,
      from: input.from ?? null,
      to: input.to ?? null,
      hours: input.hours ?? null,
      result: input.result ?? null,
      talker: input.talker ?? null,
      approved: input.approved ?? null,
      outcome: input.outcome ?? null,
      extensionMonths: input.outcome === 'extend' ? (input.extensionMonths ?? null) : null,
      reason: input.reason ?? null,
      activityId: input.activityId ?? null,
      votes: input.votes ?? null,
      people,
      exception,
      by,
      at: now,
    }
    const log = { ...before.log, [input.step]: [...(before.log[input.step] ?? []), entry] }
    const materials = { ...before.materials }
    if (def.material && input.files.length) {
      const m = materials[def.material]
      materials[def.material] = { done: true, on: input.on, files: [...(m?.files ?? []), ...input.files], note: m?.note ?? null }
    }
    let memberId = before.memberId
    if (input.step === 'enrol' && !memberId) memberId = await enrol(ctx, before, log, input.on, input.groupId ?? null)
    const after: RecruitDoc = {
      ...before,
      log,
      materials,
      memberId,
      contacts: input.step === 'contacts' ? people : before.contacts,
      introducers: input.step === 'introducers' ? people : before.introducers,
      ...derived(log, s),
      history: [...before.history, { at: now, by, what: `第${def.n}步「${def.title}」（${input.on}）${exception ? '（例外）' : ''}`, exception }],
    }
    const saved = await save(ctx, before, after)
    if (input.step === 'confirm_approval' && input.approved && memberId) await confirmMember(ctx, memberId, probationEnd(log)!)
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'recruit.step',
      // The audit log is read by every secretary and the committee: a hidden step's (政审) exception reason stays out of it.
      summary: `${before.name}：第${def.n}步「${def.title}」（${input.on}）${exception ? (hiddenStep(input.step, false) ? `；例外（${exception.rule}）` : `；例外（${exception.rule}）：${exception.reason}`) : ''}`,
      target: { kind: 'recruit', id: before._id },
      before: { status: before.status },
      after: { status: after.status, step: input.step, on: input.on },
    })
    return detail(ctx, saved, s)
  },
})

/**
 * 编入党支部 (细则第二十八条): the person joins the roster as a 预备党员, 入党日期 = the 支部大会's date (党章第七条: the
 * 预备期 counts from it). Not a user yet: the secretary invites them later, and they join as this entry.
 */
async function enrol(ctx: ActionContext, doc: RecruitDoc, log: RecruitDoc['log'], on: string, groupId: string | null): Promise<string> {
  const now = ctx.port.now()
  const member = newMemberDoc(
    { branchId: doc.branchId, openid: null, name: doc.name, partyStatus: 'probationary', joinedPartyOn: log.congress!.at(-1)!.on, groupId, joinedBranchOn: on },
    now,
  )
  const { _id } = await collection(ctx.port, 'members').add({ data: { ...member } })
  return _id
}

/** 转正 approved: the roster entry becomes 正式, 转正日期 = the end of the 预备期 (党章第七条: 党龄从预备期满转为正式党员之日算起). */
async function confirmMember(ctx: ActionContext, memberId: string, on: string) {
  const m = await loadOne(ctx.port, 'members', memberId)
  if (!m || m.state !== 'active' || m.partyStatus === 'full') return
  await collection(ctx.port, 'members').doc(memberId).update({ data: { partyStatus: 'full', confirmedOn: on, updatedAt: ctx.port.now() } })
  await recordAudit(ctx, {
    branchId: m.branchId,
    action: 'member.updated',
    summary: `${m.name} 转为正式党员（转正日期 ${on}）`,
    target: { kind: 'member', id: memberId },
    before: { partyStatus: 'probationary', confirmedOn: null },
    after: { partyStatus: 'full', confirmedOn: on },
  })
}

/**
 * 转正 for a 预备党员 already on the roster (admitted before the branch kept its pipeline here): a file whose 支部大会
 * is the member's 入党日期 (党章第七条: the 预备期 counts from it), approved and 编入 as recorded on the roster, so the
 * 转正 steps (22–25), their reminders and the roster's change to 正式 follow the one pipeline. Asked twice, it
 * answers the file it made.
 */
export const fromRoster = defineAction({
  name: 'recruitment.fromRoster',
  roles: READERS,
  scope: { kind: 'record', collection: 'members', noun: '党员', idOf: (input) => input.memberId },
  async handler({ memberId }, ctx) {
    const { port } = ctx
    const m = recordOf(ctx, 'members')
    await assertKeeper(ctx, m.branchId)
    await port.db.createCollection('recruits').catch(() => undefined)
    const { data: existing } = await collection(port, 'recruits').where({ memberId }).limit(1).get()
    if (existing[0]) return detail(ctx, existing[0])
    if (m.state !== 'active' || m.partyStatus !== 'probationary') throw new AppError('CONFLICT', `${m.name} 不是本支部的预备党员`)
    if (!m.joinedPartyOn) throw invalid(`请先在花名册中填写 ${m.name} 的入党日期（支部大会通过之日），预备期从这一天算起`, { field: 'joinedPartyOn' })
    const by = await actor(ctx)
    const now = port.now()
    const note = '按花名册补录'
    const s = await loadSettings(port)
    const log: RecruitDoc['log'] = {
      congress: [{ on: m.joinedPartyOn, note, by, at: now }],
      approval: [{ on: m.joinedPartyOn, approved: true, note, by, at: now }],
      enrol: [{ on: m.joinedBranchOn && m.joinedBranchOn >= m.joinedPartyOn ? m.joinedBranchOn : m.joinedPartyOn, note, by, at: now }],
    }
    const doc: Omit<RecruitDoc, '_id'> = {
      branchId: m.branchId,
      name: m.name,
      appliedOn: m.joinedPartyOn,
      ...derived(log, s),
      memberId,
      imported: true,
      contacts: [],
      introducers: [],
      log,
      materials: {},
      history: [{ at: now, by, what: `按花名册补录预备党员档案（入党日期 ${m.joinedPartyOn}）`, exception: null }],
      version: 0,
      createdAt: now,
      updatedAt: now,
    }
    const { _id } = await collection(port, 'recruits').add({ data: { ...doc } })
    await recordAudit(ctx, { branchId: m.branchId, action: 'recruit.created', summary: `为预备党员 ${m.name} 建立转正档案（入党日期 ${m.joinedPartyOn}）`, target: { kind: 'recruit', id: _id }, before: null, after: { memberId } })
    return detail(ctx, { _id, ...doc }, s)
  },
})

export const setMaterial = defineAction({
  name: 'recruitment.material',
  roles: READERS,
  scope: record,
  async handler({ key, done, on, files: given, note }, ctx) {
    const before = recordOf(ctx, 'recruits')
    await assertKeeper(ctx, before.branchId)
    const was = before.materials[key]
    // Marking an item 齐备 or not keeps its files (a toggle must not drop what was uploaded meanwhile).
    const files = given ?? was?.files ?? []
    await checkFiles(ctx, before.branchId, given ?? [], before)
    if (on && on > beijingDate(ctx.port.now())) throw invalid('日期不能晚于今天', { field: 'on' })
    const by = await actor(ctx)
    const names = (was?.names ?? []).filter((n) => files.includes(n.fileID))
    // Marked 齐备 without a date: today (the item's head reads 「12月3日齐备」).
    const materials = { ...before.materials, [key as MaterialKey]: { done, on: on ?? (done && !was?.on ? beijingDate(ctx.port.now()) : (was?.on ?? null)), files, note: note ?? was?.note ?? null, ...(names.length ? { names } : {}) } }
    const after: RecruitDoc = {
      ...before,
      materials,
      history: [...before.history, { at: ctx.port.now(), by, what: `材料「${MATERIAL_TITLES[key]}」${done ? '已齐备' : '未齐备'}${files.length ? `（附件 ${files.length} 个）` : ''}`, exception: null }],
    }
    const saved = await save(ctx, before, after)
    return detail(ctx, saved)
  },
})

/** Files one checklist item keeps (思想汇报 come every quarter for years). */
const MATERIAL_MAX_FILES = 30

/**
 * Files added to a checklist item, by name: appended to what the item has now (read in the action), so two uploads
 * finishing together both stay — the screen used to send the whole list, and the second upload's list, read before
 * the first was saved, dropped the first. The item's 齐备 stays as it was (the keeper marks it); the history names the files.
 */
export const attachFiles = defineAction({
  name: 'recruitment.attach',
  roles: READERS,
  scope: record,
  async handler({ key, files }, ctx) {
    const before = recordOf(ctx, 'recruits')
    await assertKeeper(ctx, before.branchId)
    await loadActiveBranch(ctx.port, before.branchId)
    // A photo of the paper or a PDF/Word/Excel document (types/recruitment.ts MATERIAL_EXTENSIONS), said by name.
    const refused = files.map((f) => materialFileProblem(f.name)).filter((m): m is string => !!m)
    if (refused.length) throw invalid(refused.join('；'), { field: 'files' })
    await checkFiles(ctx, before.branchId, files.map((f) => f.fileID), before)
    const was = before.materials[key]
    const fresh = files.filter((f) => !(was?.files ?? []).includes(f.fileID))
    const all = [...(was?.files ?? []), ...fresh.map((f) => f.fileID)]
    if (all.length > MATERIAL_MAX_FILES) throw invalid(`每项材料最多 ${MATERIAL_MAX_FILES} 个附件，请先删除不需要的`, { field: 'files' })
    if (!fresh.length) return detail(ctx, before)
    const by = await actor(ctx)
    const materials = {
      ...before.materials,
      // A file added does not make the item 齐备 (users' walk: one photo ticked 入党申请书, and 思想汇报 build up over
      // years): the keeper says so with 标记齐备 (recruitment.material), which the screen offers after a single
      // document's upload (types/recruitment.ts SINGLE_DOCUMENT_MATERIALS).
      [key]: { done: was?.done ?? false, on: was?.on ?? null, files: all, note: was?.note ?? null, names: [...(was?.names ?? []), ...fresh.map((f) => ({ fileID: f.fileID, name: f.name }))] },
    }
    const after: RecruitDoc = {
      ...before,
      materials,
      history: [...before.history, { at: ctx.port.now(), by, ...fileLine(`材料「${MATERIAL_TITLES[key]}」添加附件`, fresh.map((f) => f.name)), exception: null }],
    }
    return detail(ctx, await save(ctx, before, after))
  },
})

/**
 * A checklist file removed, by its keeper (the screen asks first). The history names the file and who removed it; the
 * stored file is deleted unless one of the person's steps still has it (a step's files stay with the step).
 */
export const detachFile = defineAction({
  name: 'recruitment.detach',
  roles: READERS,
  scope: record,
  async handler({ key, fileID, version }, ctx) {
    const before = recordOf(ctx, 'recruits')
    await assertKeeper(ctx, before.branchId)
    await loadActiveBranch(ctx.port, before.branchId)
    if (version !== undefined && version !== before.version) throw new AppError('CONFLICT', '该档案刚被他人修改，请刷新后重试')
    const was = before.materials[key]
    const shown = materialFiles(key, was).find((f) => f.fileID === fileID)
    if (!was || !shown) throw notFound('附件')
    const by = await actor(ctx)
    const materials = { ...before.materials, [key]: { ...was, files: was.files.filter((f) => f !== fileID), names: (was.names ?? []).filter((n) => n.fileID !== fileID) } }
    const after: RecruitDoc = {
      ...before,
      materials,
      history: [...before.history, { at: ctx.port.now(), by, ...fileLine(`材料「${MATERIAL_TITLES[key]}」删除附件`, [shown.name]), exception: null }],
    }
    const saved = await save(ctx, before, after)
    const inSteps = Object.values(before.log).some((l) => (l ?? []).some((e) => (e.files ?? []).includes(fileID)))
    const elsewhere = MATERIALS.some((k) => k !== key && (before.materials[k]?.files ?? []).includes(fileID))
    if (!inSteps && !elsewhere) await ctx.port.storage.remove([fileID])
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'recruit.file.removed',
      // The audit log is read by every secretary: a personal material's (政审) file name stays out of it.
      summary: `${before.name}：删除材料「${MATERIAL_TITLES[key]}」的附件${PERSONAL_MATERIALS.includes(key) ? '' : ` ${shown.name}`}`,
      target: { kind: 'recruit', id: before._id },
      before: null,
      after: null,
    })
    return detail(ctx, saved)
  },
})

/**
 * One file of a person's file, to open: a short-lived link (images are shown, documents downloaded and opened), its
 * name and kind. Only the secretary, the 组织委员 and the committee (the person is not a user of the file), and every
 * open is in the audit log as reads of the file are (`recruit.file`).
 */
export const openFile = defineAction({
  name: 'recruitment.file',
  roles: READERS,
  scope: record,
  async handler({ fileID }, ctx) {
    const doc = recordOf(ctx, 'recruits')
    if (!(await keeper(ctx, doc.branchId))) throw forbidden('发展党员档案的材料仅支部书记、组织委员和党委可以查看')
    const fromMaterial = MATERIALS.flatMap((k) => materialFiles(k, doc.materials[k]).map((f) => ({ ...f, key: k, title: MATERIAL_TITLES[k] }))).find((f) => f.fileID === fileID)
    const step = stepWithFile(doc, fileID)
    if (!fromMaterial && !step) throw notFound('附件')
    const name = fromMaterial?.name ?? `第${step!.n}步「${step!.title}」附件${extensionOf(fileID) ? `.${extensionOf(fileID)}` : ''}`
    const kind = fromMaterial?.kind ?? fileKind(fileID)
    const url = (await ctx.port.storage.getTempFileURLs([fileID])).get(fileID)
    if (!url) throw new AppError('NOT_FOUND', '文件已不在云存储中，请重新上传')
    const personalFile = (fromMaterial && PERSONAL_MATERIALS.includes(fromMaterial.key)) || (!!step && hiddenStep(step.code, false))
    await recordAudit(ctx, {
      branchId: doc.branchId,
      action: 'recruit.file',
      summary: `查看 ${doc.name} 的${fromMaterial ? `材料「${fromMaterial.title}」` : `第${step!.n}步`}附件${personalFile ? '' : ` ${name}`}`,
      target: { kind: 'recruit', id: doc._id },
      before: null,
      after: null,
    })
    return { fileID, name, kind, url }
  },
})

/** The step whose entries hold `fileID`, if one does. */
function stepWithFile(doc: RecruitDoc, fileID: string) {
  const code = (Object.keys(doc.log) as (keyof RecruitDoc['log'])[]).find((c) => (doc.log[c] ?? []).some((e) => (e.files ?? []).includes(fileID)))
  return code ? STEP_BY_CODE[code] : null
}

/** Steps whose recording changed the roster: corrected there (members.update), not by withdrawing the step. */
const ROSTER_STEPS = new Set(['enrol', 'confirm_approval'])

/**
 * A recorded step corrected (its date or note) or withdrawn, with why. Any entry may be corrected when the corrected
 * file still keeps every rule it kept (rules.ts correctionRefusal: moving 确定为入党积极分子 later must not leave
 * 确定为发展对象 less than a year after it); only the file's latest entry may be withdrawn, since every later step rests
 * on the earlier ones. The original stays — in the entry's `corrections` (amend) and in the history line naming who
 * recorded it and when — and the change is audited.
 */
/** The recorded fields a correction may carry (steps.ts CORRECTABLE_INPUTS). */
const CORRECTION_FIELDS = ['talker', 'people', 'result', 'from', 'to', 'hours'] as const

export const correctStep = defineAction({
  name: 'recruitment.correct',
  roles: READERS,
  scope: record,
  async handler(input, ctx) {
    const { port } = ctx
    const before = recordOf(ctx, 'recruits')
    await assertKeeper(ctx, before.branchId)
    await loadActiveBranch(port, before.branchId)
    if (input.version !== before.version) throw new AppError('CONFLICT', '该档案刚被他人修改，请刷新后重试')
    const def = STEP_BY_CODE[input.step]
    const entries = before.log[input.step] ?? []
    if (!entries.length) throw invalid(`第${def.n}步「${def.title}」尚未记录`, { field: 'step' })
    const index = input.index ?? entries.length - 1
    const target = entries[index]
    if (!target) throw invalid(`第${def.n}步「${def.title}」没有第${index + 1}次记录`, { field: 'index' })
    const which = entries.length > 1 ? `第${index + 1}次记录` : ''
    if (def.superiorDecision && !isCommitteeAdmin(ctx.caller.memberships)) throw forbidden(`第${def.n}步「${def.title}」由上级党委审批，请由党委管理员更正`)
    if (ROSTER_STEPS.has(input.step)) throw new AppError('CONFLICT', `第${def.n}步已改动花名册，不能撤回或更正；请在花名册中更正`, { field: 'step' })
    const s = await loadSettings(port)
    const today = beijingDate(port.now())
    const by = await actor(ctx)
    const now = port.now()
    let log: RecruitDoc['log']
    let what: string
    let rest = entries
    if (input.action === 'withdraw') {
      if (input.on || input.note) throw invalid('撤回时不填写日期和说明', { field: input.on ? 'on' : 'note' })
      const given = CORRECTION_FIELDS.filter((k) => input[k] !== undefined)
      if (given.length) throw invalid('撤回时不填写更正的内容', { field: given[0] })
      if (input.step === 'apply') throw new AppError('CONFLICT', '第1步「递交入党申请书」是档案的起点，不能撤回；日期或说明有误请更正', { field: 'step' })
      const latest = Object.values(before.log).flatMap((l) => l ?? []).reduce((a, b) => (new Date(b.at) > new Date(a.at) ? b : a))
      if (latest !== target) throw new AppError('CONFLICT', `只能撤回最后记录的步骤：第${def.n}步之后已记录了其他步骤，请先撤回后面的步骤（日期或说明有误可直接更正）`, { field: 'step' })
      rest = entries.filter((_, i) => i !== index)
      log = { ...before.log, [input.step]: rest }
      if (!rest.length) delete log[input.step]
      what = `撤回第${def.n}步「${def.title}」${which}（原记录 ${target.on}，${target.by.name} 记录）：${input.reason}`
    } else {
      // The step's own recorded fields (谈话人, 培养联系人, 入党介绍人, 政审结论, 起止日期, 学时) may be corrected too,
      // checked as recruitment.record checks them; another step's field is refused by name.
      const own = correctableInputs(def)
      const given = CORRECTION_FIELDS.filter((k) => input[k] !== undefined)
      const foreign = given.filter((k) => !own.includes(k))
      if (foreign.length) {
        const labels = foreign.map((k) => `「${INPUT_LABELS[k] ?? k}」`).join('、')
        throw invalid(`第${def.n}步「${def.title}」不记录${labels}，不能更正`, { field: foreign[0], fields: foreign })
      }
      if (!input.on && input.note === undefined && !given.length) throw invalid('请填写更正后的日期、说明或记录的内容', { field: 'on' })
      const on = input.on ?? target.on
      const changes: string[] = []
      const fields: Partial<RecruitEntry> = {}
      if (input.talker !== undefined && input.talker !== (target.talker ?? '')) {
        fields.talker = input.talker
        changes.push(`谈话人 ${target.talker ?? '（未填）'} → ${input.talker}`)
      }
      if (input.people !== undefined && input.people.join() !== (target.people ?? []).join()) {
        const label = def.fields.includes('introducers') ? '入党介绍人' : '培养联系人'
        const names = await checkPeople(ctx, before.branchId, input.people, label)
        const was = (target.people ?? []).length ? (await readAll(port, 'members', { _id: port.db.command.in([...(target.people ?? [])]) }, { fields: ['name'] })) : []
        const wasNames = (target.people ?? []).map((id) => was.find((m) => m._id === id)?.name ?? '（已不在花名册）')
        fields.people = input.people
        changes.push(`${label} ${wasNames.join('、') || '（未填）'} → ${names.join('、')}`)
      }
      if (input.result !== undefined && input.result !== (target.result ?? '')) {
        fields.result = input.result
        changes.push('政审结论已更正')
      }
      for (const k of ['from', 'to'] as const) {
        if (input[k] !== undefined && input[k] !== (target[k] ?? null)) {
          fields[k] = input[k]
          changes.push(`${INPUT_LABELS[k]} ${target[k] ?? '（未填）'} → ${input[k]}`)
        }
      }
      if (input.hours !== undefined && input.hours !== (target.hours ?? null)) {
        fields.hours = input.hours
        changes.push(`学时 ${target.hours ?? '（未填）'} → ${input.hours}`)
      }
      const corrected: RecruitEntry = {
        ...target,
        ...fields,
        on,
        note: input.note ?? target.note ?? null,
        corrections: [...(target.corrections ?? []), { at: now, by, reason: input.reason, before: { on: target.on, note: target.note ?? null }, ...(changes.length ? { changes } : {}) }],
      }
      log = { ...before.log, [input.step]: entries.map((e, i) => (i === index ? corrected : e)) }
      if (on !== target.on || changes.length) {
        // A 支部大会 step is dated by the meeting it names (细则第二十三条), and the 入党日期 on the roster is its date.
        if (on !== target.on && def.fields.includes('congress') && target.activityId) {
          const meeting = await congressFacts(ctx, before.branchId, target.activityId)
          if (meeting.on !== on) throw new AppError('CONFLICT', `第${def.n}步的日期是所关联的支部党员大会的日期（${meeting.on}），不能单独更正；会议日期有误请更正那次会议的记录`, { field: 'on' })
        }
        if (on !== target.on && input.step === 'congress' && before.memberId) throw new AppError('CONFLICT', `第${def.n}步的日期已作为入党日期记入花名册，请在花名册中更正`, { field: 'on' })
        const broken = correctionRefusal(before.log, log, s, today)
        if (broken) {
          const other = STEP_BY_CODE[broken.step]
          const message = broken.step === input.step ? `更正后${on !== target.on ? '的日期' : '的记录'}不符合规定：${broken.refusal.message}` : `更正后第${other.n}步「${other.title}」不再符合规定：${broken.refusal.message}`
          throw new AppError('CONFLICT', message, { rule: broken.refusal.rule, step: broken.step })
        }
      }
      // A hidden step's (政审) changes stay out of the line another 支委 reads: the line says only that it was corrected.
      const said = hiddenStep(input.step, false) ? [] : changes
      what = `更正第${def.n}步「${def.title}」${which}（原记录 ${target.on}，${target.by.name} 记录${on !== target.on ? `；日期改为 ${on}` : ''}${said.length ? `；${said.join('；')}` : ''}）：${input.reason}`
    }
    const after: RecruitDoc = {
      ...before,
      log,
      // The application's date is the file's too (the head and the list show it): it follows a corrected step 1.
      appliedOn: input.step === 'apply' && input.action === 'amend' ? (log.apply?.at(-1)?.on ?? before.appliedOn) : before.appliedOn,
      // The head's 培养联系人 / 入党介绍人 are the step's latest entry: withdrawn or corrected, they follow it.
      contacts: input.step === 'contacts' ? (log.contacts?.at(-1)?.people ?? []) : before.contacts,
      introducers: input.step === 'introducers' ? (log.introducers?.at(-1)?.people ?? []) : before.introducers,
      ...derived(log, s),
      history: [...before.history, { at: now, by, what, exception: null }],
    }
    const saved = await save(ctx, before, after)
    const hidden = hiddenStep(input.step, false)
    await recordAudit(ctx, {
      branchId: before.branchId,
      action: 'recruit.correct',
      summary: `${before.name}：${input.action === 'withdraw' ? '撤回' : '更正'}第${def.n}步「${def.title}」${hidden ? '' : `：${input.reason}`}`,
      target: { kind: 'recruit', id: before._id },
      before: { status: before.status, on: target.on },
      after: { status: after.status, action: input.action },
    })
    return detail(ctx, saved, s)
  },
})

/**
 * The committee's overview: people per status in every active branch (one paged read of the records' status) and
 * every overdue step (one read of the records whose nearest deadline has passed, by the `nextDueOn` index).
 */
export const recruitmentOverview = defineAction({
  name: 'recruitment.overview',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(_input, { port }) {
    const today = beijingDate(port.now())
    const s = await loadSettings(port)
    const [branches, all, late, onRoster] = await Promise.all([
      readAll(port, 'branches', { status: 'active' }, { fields: ['name'] }),
      readAll(port, 'recruits', {}, { fields: ['branchId', 'status', 'memberId'] }).catch(unlessMissing([])),
      readAll(port, 'recruits', { nextDueOn: port.db.command.lt(today) }, { fields: ['branchId', 'name', 'log', 'status'] }).catch(unlessMissing([])),
      // The roster's 预备党员 (users' walk: 计算机学会 read 预备党员 0 with 赵磊 预备 on its roster — only people with a
      // file were counted). Served by the (state, branchId) index.
      readAll(port, 'members', { state: 'active', partyStatus: 'probationary' }, { fields: ['branchId'] }),
    ])
    const filed = new Set(all.map((r) => r.memberId).filter((m): m is string => !!m))
    const names = new Map(branches.map((b) => [b._id, b.name]))
    const overdue = late
      .filter((r) => names.has(r.branchId))
      .flatMap((r) =>
        dueItems(r.log, s)
          .filter((d) => d.dueOn < today)
          .map((d) => ({ recruitId: r._id, branchId: r.branchId, branchName: names.get(r.branchId)!, name: r.name, title: d.title, dueOn: d.dueOn, daysLate: daysBetween(d.dueOn, today) })),
      )
      .sort((a, b) => b.daysLate - a.daysLate || a.name.localeCompare(b.name, 'zh-Hans-CN'))
    const rows = branches.map((b) => {
      const mine = all.filter((r) => r.branchId === b._id)
      const counts: Record<string, number> = {}
      for (const r of mine) counts[r.status] = (counts[r.status] ?? 0) + 1
      // 预备党员 is the branch's real number: the roster's 预备党员 (with a file or not) and those whose file says 预备
      // before 编入 put them on the roster (step 18 → 19); `unfiled`, the roster's without a file (「未建档 N」).
      const roster = onRoster.filter((m) => m.branchId === b._id)
      const unfiled = roster.filter((m) => !filed.has(m._id)).length
      const notYetOnRoster = mine.filter((r) => r.status === 'probationary' && !r.memberId).length
      counts.probationary = roster.length + notYetOnRoster
      return { branchId: b._id, branchName: b.name, counts, total: mine.length + unfiled, unfiled, overdue: overdue.filter((o) => o.branchId === b._id).length }
    })
    rows.sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.branchName.localeCompare(b.branchName, 'zh-Hans-CN'))
    return { branches: rows, overdue }
  },
})

const presentSettings = (s: RecruitmentSettings) => ({ ...s, defaults: NATIONAL_DEFAULTS })

export const getSettings = defineAction({
  name: 'recruitment.settings',
  roles: ['committee_admin', 'secretary', 'branch_committee'],
  scope: { kind: 'authenticated' },
  async handler(_input, { port }) {
    return presentSettings(await loadSettings(port))
  },
})

export const setSettings = defineAction({
  name: 'recruitment.setSettings',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(changes, ctx) {
    const before = await loadSettings(ctx.port)
    const after = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as RecruitmentSettings
    if (after.approvalMaxMonths < after.approvalMonths) throw invalid('最长审批期限不能短于一般审批期限', { field: 'approvalMaxMonths' })
    await saveSettings(ctx.port, after)
    await recordAudit(ctx, { branchId: null, action: 'recruitment.settings', summary: '修改发展党员工作的本地规定', target: { kind: 'settings', id: 'recruitment' }, before, after })
    return presentSettings(after)
  },
})

export const RECRUITMENT_ACTIONS = [listRecruits, createRecruit, getRecruit, recordStep, correctStep, recruitmentOverview, fromRoster, setMaterial, attachFiles, detachFile, openFile, getSettings, setSettings] as const
