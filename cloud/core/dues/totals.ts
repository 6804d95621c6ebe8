/**
 * A year's dues per branch for the committee's workbook (members owing, due, collected), by the same ledger rules
 * the branch's 党费台账 shows (ledger.ts yearTotals): three paged queries for a slice of branches, never one per branch.
 */
import { readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { owedFrom, yearTotals, type PaidMonth } from './ledger'
import { FIXED_FEN, monthlyDues } from './rate'

export interface BranchDues {
  /** Members with a standard set (those the ledger counts). */
  members: number
  dueFen: number
  paidFen: number
}

export async function duesByBranch(port: Port, branchIds: string[], year: number): Promise<Map<string, BranchDues>> {
  const _ = port.db.command
  const out = new Map<string, BranchDues>(branchIds.map((id) => [id, { members: 0, dueFen: 0, paidFen: 0 }]))
  if (!branchIds.length) return out
  const thisMonth = beijingDate(port.now()).slice(0, 7)
  const profiles = await readAll(port, 'dues_profiles', { branchId: _.in(branchIds) })
  if (!profiles.length) return out
  const [members, payments] = await Promise.all([
    readAll(port, 'members', { branchId: _.in(branchIds), state: 'active' }, { fields: ['joinedPartyOn'] }),
    readAll(port, 'dues_payments', _.and({ branchId: _.in(branchIds) }, { month: _.gte(`${year}-01`) }, { month: _.lte(`${year}-12`) }) as Record<string, unknown>, { fields: ['memberId', 'month', 'dueFen', 'paidFen'] }),
  ])
  const admitted = new Map(members.map((m) => [m._id, m.joinedPartyOn]))
  const paid = new Map<string, Map<string, PaidMonth>>()
  for (const p of payments) paid.set(p.memberId, (paid.get(p.memberId) ?? new Map()).set(p.month, p))
  for (const p of profiles) {
    if (!admitted.has(p.memberId)) continue // transferred out: no longer the branch's to collect
    const due = monthlyDues(p.category, p.baseFen ?? 0, p.farmerFen ?? FIXED_FEN).amountFen
    const t = yearTotals(year, thisMonth, owedFrom(p.startMonth, admitted.get(p.memberId) ?? null), due, paid.get(p.memberId) ?? new Map())
    const b = out.get(p.branchId)!
    b.members += 1
    b.dueFen += t.dueFen
    b.paidFen += t.paidFen
  }
  return out
}
