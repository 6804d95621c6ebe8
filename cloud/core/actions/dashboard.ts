/**
 * Actions of the committee dashboard and exports. The dashboard is the committee's alone (scope `committee`);
 * exports (exports.ts) also let a secretary export their own branch's record book.
 */
import { collection } from '../framework/data'
import { defineAction } from '../framework/action'
import { assignmentStatus, tallyByStatus } from '../work-plans/rules'
import { figuresOf, filterRows, monthCounts, sortRows, yearBounds, type ActivityRow, type BranchFigures } from '../dashboard/aggregate'
import { activeBranches, loadFacts, plansOfYear, readPaged, yearActivities, yearAssignments } from '../dashboard/load'
import type { ActivityDoc, AssignmentDoc } from '../framework/model'
import { loadBranch } from '../organisation/store'
import { beijingDate } from '../framework/time'
import type { Port } from '../framework/port'

const COMMITTEE = ['committee_admin'] as const
const committeeScope = { kind: 'committee' } as const

export const thisYear = (port: Port) => Number(beijingDate(port.now()).slice(0, 4))

/** Figures of every active branch for the year, computed from projected rows in one pass. */
async function allFigures(port: Port, year: number): Promise<{ today: string; rows: BranchFigures[] }> {
  const today = beijingDate(port.now())
  const branches = await activeBranches(port)
  const facts = await loadFacts(port, year, branches, true)
  return { today, rows: facts.map((f) => figuresOf(f, year, today)) }
}

export const overview = defineAction({
  name: 'dashboard.overview',
  roles: COMMITTEE,
  scope: committeeScope,
  async handler({ year: y, q, filter, sort, offset, limit }, { port }) {
    const year = y ?? thisYear(port)
    const { today, rows } = await allFigures(port, year)
    const scored = rows.filter((r) => r.score !== null)
    const matching = sortRows(filterRows(rows, filter, q), sort)
    const page = matching.slice(offset, offset + limit)
    return {
      year,
      asOf: rows[0]?.compliance.date ?? today,
      summary: {
        branches: rows.length,
        averageScore: scored.length ? Math.round(scored.reduce((s, r) => s + (r.score as number), 0) / scored.length) : null,
        overdueBranches: rows.filter((r) => r.overdue > 0).length,
        silentBranches: rows.filter((r) => r.silent).length,
        recorded: rows.reduce((s, r) => s + r.recorded, 0),
      },
      total: matching.length,
      items: page.map((r) => ({
        branchId: r.branchId,
        name: r.name,
        score: r.score,
        overdue: r.overdue,
        assignments: r.assignments,
        done: r.done,
        recorded: r.recorded,
        lastActivityOn: r.lastActivityOn,
        silent: r.silent,
      })),
      nextOffset: offset + limit < matching.length ? offset + limit : null,
    }
  },
})

export const heatmap = defineAction({
  name: 'dashboard.heatmap',
  roles: COMMITTEE,
  scope: committeeScope,
  async handler({ year: y, type }, { port }) {
    const year = y ?? thisYear(port)
    // Only the sessions are needed here (no assignments, groups or compliance).
    const [branches, activities] = await Promise.all([activeBranches(port), yearActivities(port, year)])
    const byBranch = new Map<string, ActivityRow[]>()
    for (const a of activities) {
      if (type && a.type !== type) continue
      const list = byBranch.get(a.branchId)
      if (list) list.push(a)
      else byBranch.set(a.branchId, [a])
    }
    const rows = branches.map((b) => {
      const figures = monthCounts(byBranch.get(b._id) ?? [], year)
      return { branchId: b._id, name: b.name, months: figures.months, total: figures.recorded }
    })
    return { year, rows, max: Math.max(0, ...rows.flatMap((r) => r.months)) }
  },
})

export const points = defineAction({
  name: 'dashboard.points',
  roles: COMMITTEE,
  scope: committeeScope,
  async handler({ year: y, planId: wanted }, { port }) {
    const year = y ?? thisYear(port)
    const today = beijingDate(port.now())
    const plans = await plansOfYear(port, year)
    const planId = wanted ?? plans[0]?._id ?? null
    if (!planId) return { year, plans: [], planId: null, points: [] }
    const rows = await readPaged<AssignmentDoc>(port, 'assignments', { planId }, ['pointSeq', 'title', 'state', 'dueOn'])
    const titles = new Map(rows.map((a) => [a.pointSeq, a.title]))
    const bySeq = tallyByStatus(rows, (a) => a.pointSeq, today)
    return {
      year,
      plans: plans.map((p) => ({ id: p._id, title: p.title })),
      planId,
      points: [...bySeq.entries()]
        .sort(([a], [b]) => a - b)
        .map(([seq, { total, done, overdue }]) => ({ seq, title: titles.get(seq)!, total, done, overdue, rate: total ? Math.round((100 * done) / total) : 0 })),
    }
  },
})

export const branchDetail = defineAction({
  name: 'dashboard.branch',
  roles: COMMITTEE,
  scope: committeeScope,
  async handler({ branchId, year: y }, { port }) {
    const year = y ?? thisYear(port)
    const today = beijingDate(port.now())
    const branch = await loadBranch(port, branchId)
    const [facts] = await loadFacts(port, year, [branch], false)
    const figures = figuresOf(facts, year, today)
    const _ = port.db.command
    const { start, end } = yearBounds(year)
    const plans = await plansOfYear(port, year)
    const [activities, assignments, secretary] = await Promise.all([
      readPaged<ActivityDoc>(
        port,
        'activities',
        _.and({ branchId, status: 'recorded', deleted: false }, { startAt: _.gte(start) }, { startAt: _.lt(end) }) as Record<string, unknown>,
        ['_id', 'type', 'topic', 'startAt', 'attendance', 'photos'],
        'startAt',
      ),
      yearAssignments(port, plans.map((p) => p._id), [branchId]),
      collection(port, 'memberships').where({ branchId, role: 'secretary', status: 'active' }).limit(1).get(),
    ])
    const secOpenid = (secretary.data[0] as { openid?: string } | undefined)?.openid
    const secEntry = secOpenid
      ? ((await collection(port, 'members').where({ branchId, openid: secOpenid, state: 'active' }).limit(1).get()).data[0] as { name?: string } | undefined)
      : undefined
    const full = assignments.length
      ? await readPaged<AssignmentDoc>(port, 'assignments', { _id: _.in(assignments.map((a) => a._id)) }, ['_id', 'pointSeq', 'title', 'dueOn', 'state', 'doneAt'], 'dueOn')
      : []
    return {
      year,
      asOf: figures.compliance.date,
      branch: { id: branch._id, name: branch.name, secretaryName: secEntry?.name ?? null },
      score: figures.score,
      months: figures.months,
      compliance: figures.compliance.types.map((t) => ({
        type: t.type,
        name: t.name,
        score: t.score,
        periods: t.periods.map((p) => ({ key: p.period.key, label: p.period.label, status: p.status, count: p.count })),
      })),
      activities: activities.reverse().slice(0, 200).map((a) => ({
        id: a._id,
        type: a.type,
        topic: a.topic,
        startAt: new Date(a.startAt).toISOString(),
        expected: a.attendance?.expected ?? null,
        present: a.attendance?.present ?? null,
        photoCount: a.photos?.length ?? 0,
      })),
      assignments: full.map((a) => ({
        id: a._id,
        pointSeq: a.pointSeq,
        title: a.title,
        dueOn: a.dueOn,
        status: assignmentStatus(a, today),
        doneOn: a.doneAt ? beijingDate(new Date(a.doneAt)) : null,
      })),
    }
  },
})

export const DASHBOARD_ACTIONS = [overview, heatmap, points, branchDetail] as const
