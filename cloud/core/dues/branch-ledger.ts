/**
 * A branch's 党费台账 as read by dues.ledger, dues.publish and home 待办 (rows, months behind, flags, totals), and
 * who keeps the dues (the secretary, or a 支委 holding 组织委员). Reads through framework/data.ts; the arithmetic is
 * ledger.ts and rate.ts.
 */
import { readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { findActiveEntry } from '../organisation/store'
import { addMonths, behindFlag, monthsBehind, monthsOf, monthState, owedFrom, yearOutstanding, yearTotals, type PaidMonth } from './ledger'
import { fenToYuan, FIXED_FEN, monthlyDues } from './rate'
import { earlierDues, monthsHere } from './history'
import { DUES_DEFAULTS, type DuesProfileDoc } from './store'

const thisMonthOf = (port: Port) => beijingDate(port.now()).slice(0, 7)

/** The secretary, or a 支委 who holds 组织委员, of `branchId` (the people who keep the dues). */
export async function keepsDuesIn(port: Port, memberships: readonly { role: string; branchId?: string | null }[], branchId: string, openid: string): Promise<boolean> {
  const held = memberships.filter((m) => m.branchId === branchId)
  if (held.some((m) => m.role === 'secretary')) return true
  if (!held.some((m) => m.role === 'branch_committee')) return false
  const entry = await findActiveEntry(port, branchId, openid)
  return !!entry?.posts?.includes('组织委员')
}

export function quoteOf(p: DuesProfileDoc) {
  return monthlyDues(p.category, p.baseFen ?? 0, p.farmerFen ?? FIXED_FEN)
}

/** The ledger's rows and totals for a branch and year (used by dues.ledger, dues.publish and the workbook). */
export async function branchLedger(port: Port, branchId: string, year: number, warnMonths: readonly number[] = DUES_DEFAULTS.warnMonths) {
  const _ = port.db.command
  const thisMonth = thisMonthOf(port)
  const [active, gone, profiles, payments] = await Promise.all([
    readAll(port, 'members', { branchId, state: 'active' }, { sortBy: 'name' }),
    // Transferred out during or after the year: their months up to the transfer stay the branch's (rows 已转出),
    // so the year's figures do not change when a member leaves (walk: 3397 / 870 became 2425 / 0).
    readAll(port, 'members', { branchId, state: 'transferred', transferredOn: _.gte(`${year}-01-01`) }, { sortBy: 'name' }),
    readAll(port, 'dues_profiles', { branchId }),
    readAll(port, 'dues_payments', { branchId, month: _.gte(addMonths(`${year}-01`, -12)) }, { sortBy: 'month' }),
  ])
  const profileOf = new Map(profiles.map((p) => [p.memberId, p]))
  // Transferred out during the year: a row (已转出) with or without a standard, as the others without one (walk: 孙丽,
  // without a standard, vanished from the ledger of the branch she belonged to from January to November).
  const members = [...active, ...gone]
  // Members who arrived by a transfer: months paid in their earlier branch, or under the letter's 党费交至, are
  // settled there — not owed here, not collected here, never 未缴 (history.ts).
  const earlier = await earlierDues(port, members, addMonths(`${year}-01`, -12))
  const paidOf = new Map<string, Map<string, PaidMonth>>()
  for (const p of payments) {
    if (!paidOf.has(p.memberId)) paidOf.set(p.memberId, new Map())
    paidOf.get(p.memberId)!.set(p.month, p)
  }
  const today = beijingDate(port.now())
  const rows = members.map((m) => {
    const profile = profileOf.get(m._id) ?? null
    const paid = paidOf.get(m._id) ?? new Map<string, PaidMonth>()
    const dueFen = profile ? quoteOf(profile).amountFen : null
    // Received by a transfer: months before the arrival are the earlier branch's (原 or —), owed here from it (history.ts).
    const { from, elsewhere, arrived } = monthsHere(earlier.get(m._id), m, profile ? owedFrom(profile.startMonth, m.joinedPartyOn) : null, addMonths(thisMonth, 12))
    // Transferred out: owed here through the month before the transfer; the month of the transfer is the receiving
    // branch's (it owes from the arrival month) unless recorded here; nothing after. No longer flagged.
    const until = m.state === 'transferred' && m.transferredOn ? m.transferredOn.slice(0, 7) : null
    const owedTo = until ? addMonths(until, -1) : null
    const upTo = until && until < thisMonth ? until : thisMonth
    const notOwedAfter = (month: string) => !!owedTo && month > owedTo && !paid.has(month)
    const mine = owedTo ? new Set([...elsewhere, ...monthsOf(year).filter(notOwedAfter)]) : elsewhere
    const settled = new Set([...paid.keys(), ...elsewhere])
    const totals = yearTotals(year, upTo, from, dueFen, paid, mine)
    const behind = until ? 0 : monthsBehind(from, thisMonth, settled)
    return {
      member: m,
      profile,
      row: {
        memberId: m._id,
        name: m.name,
        partyStatus: m.partyStatus,
        category: profile?.category ?? null,
        base: null as number | null,
        monthlyDue: dueFen === null ? null : fenToYuan(dueFen),
        needsRecheck: !until && !!profile && profile.checkedOn.slice(0, 4) < today.slice(0, 4),
        months: monthsOf(year).map((month) => (notOwedAfter(month) ? 'not_owed' : monthState(month, thisMonth, from, paid.get(month), elsewhere, arrived))),
        /** YYYY-MM-DD the member was transferred out (the row reads 已转出), else null. */
        transferredOn: until ? m.transferredOn : null,
        due: fenToYuan(totals.dueFen),
        paid: fenToYuan(totals.paidFen),
        behind,
        flag: behindFlag(behind, warnMonths),
      },
      // Owed and unpaid through last month: this month is 本月待缴, not arrears (as the rows' `due` state says).
      outstanding: yearOutstanding(year, owedTo && owedTo < addMonths(thisMonth, -1) ? owedTo : addMonths(thisMonth, -1), from, dueFen, settled),
      dueFen: totals.dueFen,
      paidFen: totals.paidFen,
    }
  })
  const dueFen = rows.reduce((s, r) => s + r.dueFen, 0)
  const paidFen = rows.reduce((s, r) => s + r.paidFen, 0)
  return {
    rows,
    thisMonth,
    // Members still here without a standard (a member transferred out without one can no longer be given one).
    unset: rows.filter((r) => !r.profile && r.member.state === 'active').length,
    totals: {
      members: rows.filter((r) => r.profile).length,
      due: fenToYuan(dueFen),
      collected: fenToYuan(paidFen),
      rate: dueFen > 0 ? Number((paidFen / dueFen).toFixed(4)) : null,
    },
    dueFen,
    paidFen,
  }
}

