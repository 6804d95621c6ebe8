import { collection, recordOf, readAll } from '../framework/data'
import { BRANCH_WRITERS } from '../../../types/roles'
import { createHash } from 'node:crypto'
import type { ParsedInput } from '../../../types/actions'
import { defineAction } from '../framework/action'
import { recordAudit } from '../organisation/audit'
import { AppError } from '../framework/errors'
import type { AssignmentDoc, BranchDoc, InboxDoc, WorkPlanDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { parseWorkPlan } from '../work-plans/parse'
import { parseWorkPlanFile, PlanFileError } from '../work-plans/file'
import { emptyTally, tallyByStatus } from '../work-plans/rules'

const planRecord = { kind: 'record', collection: 'work_plans', noun: '工作要点' } as const
/** The uploaded plan keeps its extension in its cloud path (src/features/work-plans/api.ts). */
const PLAN_FILE_NAME = /\.(?:txt|docx|pdf|xlsx)$/i
type PlanDraft = ParsedInput<'workPlans.save'>['plan']

const pointCount = (p: { sections: { points: unknown[] }[] }) => p.sections.reduce((n, s) => n + s.points.length, 0)

function summary(p: WorkPlanDoc) {
  return {
    id: p._id,
    title: p.title,
    docNumber: p.docNumber ?? null,
    year: p.year,
    status: p.status,
    pointCount: pointCount(p),
    createdAt: new Date(p.createdAt).toISOString(),
    publishedAt: p.publishedAt ? new Date(p.publishedAt).toISOString() : null,
  }
}

function draftOf(p: WorkPlanDoc): PlanDraft {
  return {
    title: p.title,
    docNumber: p.docNumber,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    year: p.year,
    intro: p.intro,
    sections: p.sections as PlanDraft['sections'],
    warnings: p.warnings,
  }
}

/** Point numbers run on across sections and must be unique: assignments name points by number. */
function assertDistinctPoints(plan: PlanDraft) {
  const seen = new Set<number>()
  for (const s of plan.sections) {
    for (const p of s.points) {
      if (seen.has(p.seq)) throw new AppError('INVALID_INPUT', `要点编号 ${p.seq} 重复，请修改后再保存`)
      seen.add(p.seq)
    }
  }
  if (seen.size === 0) throw new AppError('INVALID_INPUT', '工作要点里没有任何要点')
}

export const parsePlan = defineAction({
  name: 'workPlans.parse',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ text, fileID, year }, { port }) {
    let parsed
    if (fileID) {
      if (!PLAN_FILE_NAME.test(fileID)) throw new AppError('INVALID_INPUT', '只支持 .txt、.docx、.pdf、.xlsx 文件；旧版 .doc / .xls 请先另存为 .docx / .xlsx')
      let bytes: Buffer
      try {
        bytes = await port.storage.download(fileID)
      } catch {
        throw new AppError('NOT_FOUND', '没有找到上传的文件，请重新选择')
      }
      try {
        parsed = await parseWorkPlanFile(bytes, fileID, year ? { year } : {})
      } catch (e) {
        // Every refusal has its own message (scan, damaged, old format, too large, no task table), and nothing is
        // left behind: the refused upload is removed (only the import's own uploads, never another file).
        if (e instanceof PlanFileError) {
          if (fileID.includes('/work-plans/')) await port.storage.remove([fileID]).catch(() => undefined)
          throw new AppError('INVALID_INPUT', e.message)
        }
        throw e
      }
    } else {
      parsed = parseWorkPlan(text ?? '', year ? { year } : {})
    }
    if (pointCount(parsed) === 0) {
      throw new AppError('INVALID_INPUT', '没有识别出任何编号的要点（如“1. …”），请检查粘贴的内容', { warnings: parsed.warnings })
    }
    return {
      title: parsed.title || '未命名的工作要点',
      docNumber: parsed.docNumber,
      issuer: parsed.issuer,
      issuedOn: parsed.issuedOn,
      year: parsed.year ?? year ?? Number(beijingDate(port.now()).slice(0, 4)),
      intro: parsed.intro,
      sections: parsed.sections,
      warnings: parsed.warnings,
    }
  },
})

export const savePlan = defineAction({
  name: 'workPlans.save',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ planId, plan }, ctx) {
    const { port, caller } = ctx
    assertDistinctPoints(plan)
    const now = port.now()
    if (planId) {
      const { data } = await collection(port, 'work_plans').where({ _id: planId }).limit(1).get()
      const existing = data[0]
      if (!existing) throw new AppError('NOT_FOUND', '工作要点不存在')
      if (existing.status === 'published') throw new AppError('CONFLICT', '已发布的工作要点不能再修改')
      await collection(port, 'work_plans').doc(planId).update({ data: { ...plan, updatedAt: now } })
      return summary({ ...existing, ...plan, updatedAt: now })
    }
    const doc = { ...plan, status: 'draft' as const, createdBy: caller.openid, createdAt: now, updatedAt: now, publishedAt: null }
    const { _id } = await collection(port, 'work_plans').add({ data: doc })
    await recordAudit(ctx, {
      branchId: null,
      action: 'plan.saved',
      summary: `导入工作要点「${plan.title}」（草稿）`,
      target: { kind: 'work_plan', id: _id },
      before: null,
      after: { title: plan.title, points: pointCount(plan) },
    })
    return summary({ _id, ...doc })
  },
})

export const publishPlan = defineAction({
  name: 'workPlans.publish',
  roles: ['committee_admin'],
  scope: { ...planRecord, idOf: (input) => input.planId },
  async handler({ planId }, ctx) {
    const plan = recordOf(ctx, 'work_plans')
    if (plan.status === 'published') return summary(plan)
    const publishedAt = ctx.port.now()
    await collection(ctx.port, 'work_plans').doc(planId).update({ data: { status: 'published', publishedAt } })
    await recordAudit(ctx, {
      branchId: null,
      action: 'plan.published',
      summary: `发布工作要点「${plan.title}」`,
      target: { kind: 'work_plan', id: planId },
      before: { status: 'draft' },
      after: { status: 'published' },
    })
    return summary({ ...plan, status: 'published', publishedAt })
  },
})

export const listPlans = defineAction({
  name: 'workPlans.list',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ year }, { port, caller }) {
    const committee = caller.memberships.some((m) => m.role === 'committee_admin')
    if (!committee && caller.memberships.length === 0) return { items: [] }
    const where: Record<string, unknown> = committee ? {} : { status: 'published' }
    if (year) where.year = year
    const plans = await readAll(port, 'work_plans', where, { sortBy: 'createdAt' })
    return { items: plans.reverse().map(summary) }
  },
})

export const getPlan = defineAction({
  name: 'workPlans.get',
  // Work plans are the committee's published documents; records carry no branch, so readers are checked here.
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ planId }, { port, caller }) {
    const { data } = await collection(port, 'work_plans').where({ _id: planId }).limit(1).get()
    const plan = data[0]
    const committee = caller.memberships.some((m) => m.role === 'committee_admin')
    if (!plan || (!committee && (plan.status !== 'published' || caller.memberships.length === 0))) {
      throw new AppError('NOT_FOUND', '工作要点不存在')
    }
    return { summary: summary(plan), plan: draftOf(plan) }
  },
})

export const assignmentIdFor = (planId: string, seq: number, branchId: string) =>
  createHash('sha256').update(`${planId}\u0000${seq}\u0000${branchId}`).digest('hex').slice(0, 32)

async function targetBranches(port: Port, branchIds: 'all' | string[]): Promise<BranchDoc[]> {
  const active = await readAll(port, 'branches', { status: 'active' }, { sortBy: 'name' })
  if (branchIds === 'all') return active
  const chosen = active.filter((b) => branchIds.includes(b._id))
  if (chosen.length !== new Set(branchIds).size) throw new AppError('NOT_FOUND', '所选支部中有不存在或已撤销的支部')
  return chosen
}

/** Runs `fn` over `items`, `width` at a time: bounded concurrency keeps a large assignment inside the time limit. */
async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn))
}

export const assignPlan = defineAction({
  name: 'workPlans.assign',
  roles: ['committee_admin'],
  scope: { ...planRecord, idOf: (input) => input.planId },
  async handler({ planId, branchIds, points }, ctx) {
    const { port } = ctx
    const plan = recordOf(ctx, 'work_plans')
    if (plan.status !== 'published') throw new AppError('CONFLICT', '请先发布工作要点，再下发给支部')
    const bySeq = new Map(plan.sections.flatMap((s) => s.points.map((p) => [p.seq, { point: p, section: s }] as const)))
    for (const { seq } of points) if (!bySeq.has(seq)) throw new AppError('INVALID_INPUT', `工作要点中没有第 ${seq} 条`)
    const branches = await targetBranches(port, branchIds)
    const existing = new Set(
      (await readAll(port, 'assignments', { planId })).map((a) => a._id),
    )
    const now = port.now()
    const toCreate: AssignmentDoc[] = []
    for (const branch of branches) {
      for (const { seq, dueOn } of points) {
        const _id = assignmentIdFor(planId, seq, branch._id)
        if (existing.has(_id)) continue
        const { point, section } = bySeq.get(seq)!
        toCreate.push({
          _id,
          planId,
          planTitle: plan.title,
          branchId: branch._id,
          branchName: branch.name,
          pointSeq: seq,
          sectionSeq: section.seq,
          sectionTitle: section.title,
          title: point.title,
          dueOn,
          state: 'not_started',
          doneAt: null,
          lastReportAt: null,
          reportCount: 0,
          sortKey: `${plan.year}|${planId}|${String(seq).padStart(3, '0')}|${branch.name}`,
          createdAt: now,
        })
      }
    }
    await inBatches(toCreate, 20, async (doc) => {
      await collection(port, 'assignments').add({ data: { ...doc } })
    })
    const touched = [...new Set(toCreate.map((a) => a.branchId))]
    await inBatches(touched, 20, async (branchId) => {
      const count = toCreate.filter((a) => a.branchId === branchId).length
      const item: InboxDoc = {
        branchId,
        roles: [...BRANCH_WRITERS],
        kind: 'assignment',
        title: `新的工作要点任务：${plan.title}`.slice(0, 60),
        body: `党委下发了 ${count} 项工作要点任务，请查看并按期报送进展。`,
        page: '/pages/work-points/index',
        createdAt: now,
        dedupeKey: `assign:${planId}:${branchId}:${now.getTime()}`,
      }
      await collection(port, 'inbox').add({ data: { ...item } })
    })
    await recordAudit(ctx, {
      branchId: null,
      action: 'plan.assigned',
      summary: `下发「${plan.title}」${points.length} 项要点到 ${branches.length} 个支部`,
      target: { kind: 'work_plan', id: planId },
      before: null,
      after: { points: points.map((p) => p.seq), branches: branches.length, created: toCreate.length },
    })
    return { created: toCreate.length, unchanged: branches.length * points.length - toCreate.length, branches: branches.length }
  },
})

export const planProgress = defineAction({
  name: 'workPlans.progress',
  roles: ['committee_admin'],
  scope: { ...planRecord, idOf: (input) => input.planId },
  async handler({ planId }, { port, record }) {
    const plan = recordOf({ record }, 'work_plans')
    const today = beijingDate(port.now())
    const rows = await readAll(port, 'assignments', { planId })
    const byPoint = tallyByStatus(rows, (a) => a.pointSeq, today)
    const byBranch = tallyByStatus(rows, (a) => a.branchId, today)
    const branchName = new Map(rows.map((a) => [a.branchId, a.branchName]))
    const points = plan.sections
      .flatMap((s) => s.points)
      .map((p) => ({ seq: p.seq, title: p.title, ...(byPoint.get(p.seq) ?? emptyTally()) }))
    const branches = [...byBranch.entries()]
      .map(([branchId, t]) => ({ branchId, branchName: branchName.get(branchId)!, ...t }))
      .sort((a, b) => (a.branchName < b.branchName ? -1 : 1))
    return { points, branches }
  },
})

export const WORK_PLAN_ACTIONS = [parsePlan, savePlan, publishPlan, listPlans, getPlan, assignPlan, planProgress] as const
