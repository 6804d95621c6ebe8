/**
 * The ledger's arithmetic: which months a member owes, each month's state, how many months they are behind, and a
 * branch's totals. Pure functions over the stored profile and payments (cloud/core/dues/store.ts); amounts in 分.
 *
 * Rules: a 预备党员 owes from the month the 支部大会 admits them (《关于中国共产党党费收缴、使用和管理的规定》 一(一):
 * 预备党员从支部大会通过其为预备党员之日起交纳党费), i.e. the month of 入党日期, never before the month the ledger starts
 * here. Six consecutive months unpaid without a proper reason is 自行脱党 (党章 第九条): `behind` counts them.
 */
import type { DuesMonthState } from '../../../types/dues'
import { DUES_FLAG_MONTHS } from '../../../types/dues'

/** YYYY-MM plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The months of a year, January first. */
export const monthsOf = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)

/** The first month owed: the ledger's start month, or the month of 入党日期 when that is later. */
export function owedFrom(startMonth: string, joinedPartyOn: string | null): string {
  const admitted = joinedPartyOn ? joinedPartyOn.slice(0, 7) : ''
  return admitted > startMonth ? admitted : startMonth
}

export interface PaidMonth {
  dueFen: number
  paidFen: number
}

export function monthState(month: string, thisMonth: string, from: string | null, payment: PaidMonth | undefined): DuesMonthState {
  if (payment) return payment.paidFen >= payment.dueFen ? 'paid' : 'short'
  if (from === null || month < from) return 'not_owed'
  if (month > thisMonth) return 'upcoming'
  return month === thisMonth ? 'due' : 'unpaid'
}

/**
 * Consecutive months unpaid up to last month (this month is not late yet). A month paid less with a recorded
 * reason counts as paid: the reason is the "proper reason" the 党章 speaks of.
 */
export function monthsBehind(from: string | null, thisMonth: string, paid: ReadonlySet<string>): number {
  if (from === null) return 0
  let n = 0
  for (let m = addMonths(thisMonth, -1); m >= from && !paid.has(m) && n < 120; m = addMonths(m, -1)) n += 1
  return n
}

/** The highest flag reached (3 or 5 months behind), or null. */
export function behindFlag(behind: number): number | null {
  let flag: number | null = null
  for (const f of DUES_FLAG_MONTHS) if (behind >= f) flag = f
  return flag
}

/**
 * Due and collected over the months of `year` up to `thisMonth` (the whole year once it is past): a month paid is
 * counted at what was due when it was recorded; a month unpaid at the member's current monthly amount.
 */
export function yearTotals(
  year: number,
  thisMonth: string,
  from: string | null,
  currentDueFen: number | null,
  payments: ReadonlyMap<string, PaidMonth>,
): { dueFen: number; paidFen: number } {
  let dueFen = 0
  let paidFen = 0
  for (const m of monthsOf(year)) {
    if (m > thisMonth) break
    const p = payments.get(m)
    if (p) {
      dueFen += p.dueFen
      paidFen += p.paidFen
    } else if (from !== null && m >= from && currentDueFen !== null) {
      dueFen += currentDueFen
    }
  }
  return { dueFen, paidFen }
}

/**
 * What a member still owes of `year` up to and including `thisMonth` (the whole year once it is past): months owed
 * with nothing recorded, at the member's current monthly amount. A month recorded short carries its reason and counts
 * as settled (see monthsBehind). Zero months = paid up to now — the 已交清 of the yearly publication.
 */
export function yearOutstanding(
  year: number,
  thisMonth: string,
  from: string | null,
  currentDueFen: number | null,
  paid: ReadonlySet<string>,
): { months: number; fen: number } {
  let months = 0
  if (from === null) return { months, fen: 0 }
  for (const m of monthsOf(year)) if (m <= thisMonth && m >= from && !paid.has(m)) months += 1
  return { months, fen: months * (currentDueFen ?? 0) }
}
