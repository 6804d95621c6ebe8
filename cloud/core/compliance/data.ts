/**
 * Reading what compliance needs for many branches at once, with a fixed number of paged queries per call (not one
 * per branch): the year's activities of those branches, their party groups, their secretaries' names.
 * Used by compliance.branch / compliance.overview and the committee dashboard.
 */
import { evaluationStart, type ComplianceInput } from './rules'
import type { Port } from '../framework/port'
import { chunks, readAll } from '../framework/data'

/** Per branch id, the input of complianceAt / complianceYear for the Beijing year `year` (branches with no data get empty input). */
export async function loadComplianceInputs(port: Port, branchIds: string[], year: number): Promise<Map<string, ComplianceInput>> {
  const _ = port.db.command
  const out = new Map<string, ComplianceInput>(branchIds.map((id) => [id, { hasGroups: false, secretaryNames: [], activities: [] }]))
  const from = new Date(`${year}-01-01T00:00:00+08:00`)
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`)
  // `_.in` lists stay at 500 ids: 1,000 branches are two rounds of each query, not 1,000.
  for (const ids of chunks(branchIds, 500)) {
    const branches = await readAll(port, 'branches', { _id: _.in(ids) }, { fields: ['foundedOn', 'startedOn', 'createdAt'] })
    for (const b of branches) {
      const input = out.get(b._id)
      if (input) input.evaluatedFrom = evaluationStart(b)
    }
    const activities = await readAll(
      port,
      'activities',
      _.and({ branchId: _.in(ids) }, { status: 'recorded', deleted: false }, { startAt: _.gte(from) }, { startAt: _.lt(to) }) as Record<string, unknown>, { fields: ['branchId', 'type', 'status', 'deleted', 'startAt', 'lecturer'] })
    for (const a of activities) out.get(a.branchId)?.activities.push({ type: a.type, status: a.status, deleted: a.deleted, startAt: a.startAt, lecturer: a.lecturer })
    const groups = await readAll(port, 'groups', { branchId: _.in(ids) }, { fields: ['branchId'] })
    for (const g of groups) {
      const input = out.get(g.branchId)
      if (input) input.hasGroups = true
    }
    const secretaries = await readAll(port, 'memberships', { branchId: _.in(ids), role: 'secretary', status: 'active' }, { fields: ['openid', 'branchId'] })
    const openids = [...new Set(secretaries.map((s) => s.openid))]
    const names = new Map<string, string>()
    for (const some of chunks(openids, 500)) {
      const entries = await readAll(port, 'members', { openid: _.in(some), state: 'active' }, { fields: ['openid', 'branchId', 'name'] })
      for (const m of entries) if (m.openid) names.set(`${m.branchId}|${m.openid}`, m.name)
      const users = await readAll(port, 'users', { _id: _.in(some) }, { fields: ['name'] })
      for (const u of users) names.set(`user|${u._id}`, u.name)
    }
    for (const s of secretaries) {
      const input = out.get(String(s.branchId))
      if (!input) continue
      for (const n of [names.get(`${s.branchId}|${s.openid}`), names.get(`user|${s.openid}`)]) {
        if (n && !input.secretaryNames.includes(n)) input.secretaryNames.push(n)
      }
    }
  }
  return out
}
