/**
 * Reads what the dashboard and the exports aggregate, in bounded pages with only the fields needed. A `get()`
 * answers at most 1,000 rows on the server (the SDK's cap), so every read pages; for 300 branches × ~30 sessions
 * a year that is about ten pages of a few small fields each.
 */
import { evaluationStart } from '../compliance/rules'
import type { BranchDoc, Membership, WorkPlanDoc } from '../framework/model'
import { readRows } from '../framework/data'
import type { Port } from '../framework/port'
import type { ActivityRow, AssignmentRow, BranchFacts } from './aggregate'
import { yearBounds } from './aggregate'

/** `_.in` lists stay short: a slice of branches is read in chunks of this many ids. */
const IN_CHUNK = 100

/** The dashboard's reads: only `fields`, by keyset on _id (framework/data.ts readRows), sorted by `orderField`. */
export async function readPaged<T>(
  port: Port,
  collection: string,
  where: Record<string, unknown>,
  fields: string[],
  orderField = '_id',
): Promise<T[]> {
  const rows = await readRows<T & { _id: string }>(port, collection, where, { fields, ...(orderField === '_id' ? {} : { sortBy: orderField }) })
  return rows
}

/** Reads `where` + branchId ∈ ids, chunked; with ids undefined, every branch at once. */
async function forBranches<T>(
  port: Port,
  collection: string,
  conditions: Record<string, unknown>[],
  fields: string[],
  ids: string[] | undefined,
): Promise<T[]> {
  const _ = port.db.command
  const where = (extra: Record<string, unknown>[]) => {
    const all = [...conditions, ...extra]
    return (all.length === 1 ? all[0] : all.length === 0 ? {} : _.and(...all)) as Record<string, unknown>
  }
  if (!ids) return readPaged<T>(port, collection, where([]), fields)
  const out: T[] = []
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK)
    out.push(...(await readPaged<T>(port, collection, where([{ branchId: _.in(chunk) }]), fields)))
  }
  return out
}

/** The fields of a branch its figures need: its name, and when it is judged from (compliance/rules.ts evaluationStart). */
export const BRANCH_FIELDS = ['_id', 'name', 'foundedOn', 'startedOn', 'createdAt']
export type BranchHead = Pick<BranchDoc, '_id' | 'name'> & Partial<Pick<BranchDoc, 'foundedOn' | 'startedOn' | 'createdAt'>>

export async function activeBranches(port: Port): Promise<BranchHead[]> {
  const rows = await readPaged<BranchDoc>(port, 'branches', { status: 'active' }, BRANCH_FIELDS)
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a._id.localeCompare(b._id))
}

/** Published plans of the year, newest first. */
export async function plansOfYear(port: Port, year: number): Promise<Pick<WorkPlanDoc, '_id' | 'title' | 'publishedAt'>[]> {
  const plans = await readPaged<WorkPlanDoc>(port, 'work_plans', { year, status: 'published' }, ['_id', 'title', 'publishedAt'])
  return plans.sort((a, b) => new Date(b.publishedAt ?? 0).getTime() - new Date(a.publishedAt ?? 0).getTime())
}

export async function yearActivities(port: Port, year: number, ids?: string[]): Promise<ActivityRow[]> {
  const _ = port.db.command
  const { start, end } = yearBounds(year)
  return forBranches<ActivityRow>(
    port,
    'activities',
    [{ status: 'recorded', deleted: false }, { startAt: _.gte(start) }, { startAt: _.lt(end) }],
    ['_id', 'branchId', 'type', 'status', 'deleted', 'startAt', 'lecturer'],
    ids,
  )
}

export async function yearAssignments(port: Port, planIds: string[], ids?: string[]): Promise<AssignmentRow[]> {
  if (planIds.length === 0) return []
  const _ = port.db.command
  return forBranches<AssignmentRow>(port, 'assignments', [{ planId: _.in(planIds) }], ['_id', 'branchId', 'state', 'dueOn', 'doneAt'], ids)
}

/**
 * Everything compliance and the figures need for the given branches (all active branches when `ids` is undefined):
 * the year's recorded sessions, the assignments of the year's published plans, whether each has party groups, and
 * the names its secretary may be recorded under as 党课 lecturer.
 */
export async function loadFacts(
  port: Port,
  year: number,
  branches: BranchHead[],
  all: boolean,
): Promise<BranchFacts[]> {
  const ids = all ? undefined : branches.map((b) => b._id)
  const plans = await plansOfYear(port, year)
  const [activities, assignments, groups, secretaries] = await Promise.all([
    yearActivities(port, year, ids),
    yearAssignments(port, plans.map((p) => p._id), ids),
    forBranches<{ branchId: string }>(port, 'groups', [], ['branchId'], ids),
    forBranches<Membership & { branchId: string }>(port, 'memberships', [{ role: 'secretary', status: 'active' }], ['openid', 'branchId'], ids),
  ])
  const openids = [...new Set(secretaries.map((s) => s.openid))]
  const names = new Map<string, string[]>()
  const add = (key: string, name: string | undefined) => {
    if (name) names.set(key, [...(names.get(key) ?? []), name])
  }
  for (let i = 0; i < openids.length; i += IN_CHUNK) {
    const chunk = openids.slice(i, i + IN_CHUNK)
    const _ = port.db.command
    const [users, entries] = await Promise.all([
      readPaged<{ _id: string; name: string }>(port, 'users', { _id: _.in(chunk) }, ['_id', 'name']),
      readPaged<{ openid: string; branchId: string; name: string }>(port, 'members', { openid: _.in(chunk), state: 'active' }, ['openid', 'branchId', 'name']),
    ])
    for (const u of users) add(u._id, u.name)
    for (const e of entries) add(`${e.branchId}\u0000${e.openid}`, e.name)
  }
  const group = <T extends { branchId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>()
    for (const r of rows) {
      const list = m.get(r.branchId)
      if (list) list.push(r)
      else m.set(r.branchId, [r])
    }
    return m
  }
  const acts = group(activities)
  const asg = group(assignments)
  const withGroups = new Set(groups.map((g) => g.branchId))
  const secs = group(secretaries)
  return branches.map((b) => ({
    id: b._id,
    name: b.name,
    hasGroups: withGroups.has(b._id),
    secretaryNames: (secs.get(b._id) ?? []).flatMap((s) => [...(names.get(s.openid) ?? []), ...(names.get(`${b._id}\u0000${s.openid}`) ?? [])]),
    activities: acts.get(b._id) ?? [],
    assignments: asg.get(b._id) ?? [],
    evaluatedFrom: evaluationStart(b),
  }))
}

