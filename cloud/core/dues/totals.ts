/**
 * A year's dues per branch for the committee's workbook (members owing, due, collected), by the same ledger rules
 * the branch's 党费台账 shows (ledger.ts yearTotals): a few paged queries for a slice of branches, never one per branch.
 *
 * The year's payments are read in groups of branches sized from their standards (12 months each) to fit one page
 * (PAYMENT_PAGE), a few groups at a time: each query is then answered from the `branchId` index by the group's own
 * payments, in one round trip. One query over the whole slice (`branchId $in` 40 branches + the `month` range, read
 * 1,000 a round trip by `_id`) had every page examine the slice's 14,400 payments again: 161 s for the workbook at
 * 300 branches, 17.6 s with the local cloud's indexes (docs/dues.md, figures).
 */
import { readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { earlierDues, monthsHere } from './history'
import { addMonths, monthsOf, owedFrom, yearTotals, type PaidMonth } from './ledger'
import { FIXED_FEN, monthlyDues } from './rate'

/**
 * Money totals are shown to those who do not see each member's base (宣传委员, 党建指导员, the committee, the
 * published 党费收缴情况公布, the committee's workbook) only when at least this many members have a standard: with
 * one member the total due is that member's dues (2962.8 ÷ 12 months ÷ 2% gives the income back), and with two each
 * member subtracts their own from the published total. Three or more mix at least two others' incomes.
 */
export const MIN_MEMBERS_FOR_AMOUNTS = 3
export const AMOUNTS_HIDDEN_NOTE = `核定人数少于 ${MIN_MEMBERS_FOR_AMOUNTS} 人，不显示金额`
/** Whether money totals over `members` members with a standard may be shown to those who see masked rows. */
export const showsAmounts = (members: number) => members >= MIN_MEMBERS_FOR_AMOUNTS

export interface BranchDues {
  /** Members with a standard set (those the ledger counts), those transferred out during the year included. */
  members: number
  dueFen: number
  paidFen: number
  /**
   * Members transferred out during the year (or since) whose months up to the transfer stay in the branch's
   * totals, as in its ledger (rows 已转出): name and the month of the transfer (YYYY-MM).
   */
  transferred?: { name: string; month: string }[]
}

/** Payments one query should bring back at most (a page is 1,000; headroom for months recorded for members since gone). */
export const PAYMENT_PAGE = 900
/** Payment queries in flight at once for a slice. */
const PAYMENT_CONCURRENCY = 4

/**
 * The slice's branches in groups whose year of payments (12 × the standards set in the branch) fits `page`, in the
 * slice's order; a branch larger than a page is a group of its own (readAll pages it). Every branch is in exactly
 * one group, so the groups' payments are the slice's.
 */
export function paymentGroups(branchIds: readonly string[], standards: ReadonlyMap<string, number>, page = PAYMENT_PAGE): string[][] {
  const groups: string[][] = []
  let current: string[] = []
  let size = 0
  for (const id of branchIds) {
    const n = 12 * (standards.get(id) ?? 0)
    if (current.length && size + n > page) {
      groups.push(current)
      current = []
      size = 0
    }
    current.push(id)
    size += n
  }
  if (current.length) groups.push(current)
  return groups
}

/** `fn` over `items`, at most `limit` at a time; results in the items' order. */
async function inTurns<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

export async function duesByBranch(port: Port, branchIds: string[], year: number): Promise<Map<string, BranchDues>> {
  const _ = port.db.command
  const out = new Map<string, BranchDues>(branchIds.map((id) => [id, { members: 0, dueFen: 0, paidFen: 0 }]))
  if (!branchIds.length) return out
  const thisMonth = beijingDate(port.now()).slice(0, 7)
  const profiles = await readAll(port, 'dues_profiles', { branchId: _.in(branchIds) })
  if (!profiles.length) return out
  const standards = new Map<string, number>()
  for (const p of profiles) standards.set(p.branchId, (standards.get(p.branchId) ?? 0) + 1)
  const yearOf = (ids: string[]) =>
    readAll(port, 'dues_payments', _.and({ branchId: _.in(ids) }, { month: _.gte(`${year}-01`) }, { month: _.lte(`${year}-12`) }) as Record<string, unknown>, { fields: ['memberId', 'month', 'dueFen', 'paidFen'] })
  const [members, gone, byGroup] = await Promise.all([
    readAll(port, 'members', { branchId: _.in(branchIds), state: 'active' }, { fields: ['branchId', 'joinedPartyOn', 'name', 'state', 'transferredOn', 'joinedBranchOn'] }),
    // Transferred out during the year or since: their months up to the transfer stay the branch's, as in the
    // ledger (branch-ledger.ts; walk: the sheet's collected fell short of the ledger's by their months).
    readAll(port, 'members', { branchId: _.in(branchIds), state: 'transferred', transferredOn: _.gte(`${year}-01-01`) }, { fields: ['branchId', 'joinedPartyOn', 'name', 'state', 'transferredOn', 'joinedBranchOn'] }),
    inTurns(paymentGroups(branchIds, standards), PAYMENT_CONCURRENCY, yearOf),
  ])
  const roster = new Map([...members, ...gone].map((m) => [m._id, m]))
  const paid = new Map<string, Map<string, PaidMonth>>()
  for (const payments of byGroup) for (const p of payments) paid.set(p.memberId, (paid.get(p.memberId) ?? new Map()).set(p.month, p))
  const counted = profiles.filter((p) => roster.has(p.memberId))
  // Members who arrived by a transfer: months settled in their earlier branch are not this branch's (history.ts).
  const earlier = await earlierDues(port, counted.map((p) => roster.get(p.memberId)!), `${year}-01`)
  for (const p of counted) {
    const m = roster.get(p.memberId)!
    const due = monthlyDues(p.category, p.baseFen ?? 0, p.farmerFen ?? FIXED_FEN).amountFen
    // As the ledger (branch-ledger.ts): received by a transfer, owed from the arrival month (history.ts monthsHere);
    // transferred out, owed through the month before the transfer (the month itself only when recorded here).
    const { from, elsewhere } = monthsHere(earlier.get(m._id), m, owedFrom(p.startMonth, m.joinedPartyOn ?? null), addMonths(thisMonth, 12))
    const until = m.state === 'transferred' && m.transferredOn ? m.transferredOn.slice(0, 7) : null
    const upTo = until && until < thisMonth ? until : thisMonth
    const mine = paid.get(p.memberId) ?? new Map<string, PaidMonth>()
    const notOwed = until ? new Set([...elsewhere, ...monthsOf(year).filter((month) => month >= until && !mine.has(month))]) : elsewhere
    const t = yearTotals(year, upTo, from, due, mine, notOwed)
    const b = out.get(p.branchId)!
    b.members += 1
    b.dueFen += t.dueFen
    b.paidFen += t.paidFen
    if (until) (b.transferred ??= []).push({ name: m.name, month: until })
  }
  for (const b of out.values()) b.transferred?.sort((x, y) => x.month.localeCompare(y.month) || x.name.localeCompare(y.name))
  return out
}
