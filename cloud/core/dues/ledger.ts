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

/**
 * A month's state. `arrived` (YYYY-MM): the month the member was received into this branch by a transfer
 * (history.ts monthsHere); a month before it that is not settled elsewhere was not this branch's (`not_here`).
 */
export function monthState(month: string, thisMonth: string, from: string | null, payment: PaidMonth | undefined, elsewhere?: ReadonlySet<string>, arrived?: string | null): DuesMonthState {
  if (payment) return payment.paidFen >= payment.dueFen ? 'paid' : 'short'
  if (elsewhere?.has(month)) return 'elsewhere'
  if (arrived && month < arrived) return 'not_here'
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

/**
 * The highest flag reached (by default 3 or 5 months behind: the committee's `warnMonths`), or null. The six months
 * of 党章 第九条 are fixed; the warnings before them are the committee's setting (checkWarnMonths).
 */
export function behindFlag(behind: number, warnMonths: readonly number[] = DUES_FLAG_MONTHS): number | null {
  let flag: number | null = null
  for (const f of [...warnMonths].sort((a, b) => a - b)) if (behind >= f) flag = f
  return flag
}

// The committee's warning months are checked by the one rule the settings screen uses too (types/dues.ts).
export { checkWarnMonths } from '../../../types/dues'

/** YYYY-MM-DD as 2026年3月5日. */
const dayWords = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

/**
 * Why a payment date is refused for these months (null: fine). Paying ahead is allowed up to a year (dues.record
 * refuses months further ahead), so the date may precede the earliest month paid by twelve months at most; a date
 * further back (a typo of the year, 2016 for 2026) is refused with the months it was meant for. Later than today is
 * refused too.
 */
export function paidOnRefusal(paidOn: string, months: readonly string[], today: string): string | null {
  if (paidOn > today) return '缴纳日期不能晚于今天'
  const earliest = [...months].sort()[0]
  if (!earliest) return null
  const bound = `${addMonths(earliest, -12)}-01`
  if (paidOn < bound) {
    return `缴纳日期${dayWords(paidOn)}比所交的 ${earliest.slice(0, 4)}年${Number(earliest.slice(5))}月 早一年以上，请检查日期（预交最多提前 12 个月）`
  }
  return null
}

/**
 * The months a member settled in another branch of this deployment before arriving here: those their earlier roster
 * entries recorded, and the months up to the 党费交至 of the letter that brought them (组织关系介绍信: 党费交至 X月
 * means paid through X), from the first month known to be owed (`owedSince`: the earliest 起缴 here or there) —
 * never earlier, so a letter's date does not reach back before the member owed anything. Capped at `upTo`.
 * Such a month is neither owed nor collected here and is never unpaid (walk: a member transferred in saw the months
 * paid in the old branch as 未缴 in the new one).
 */
export function elsewhereMonths(e: { recorded: Iterable<string>; paidTo: string | null; owedSince: string | null }, upTo: string): Set<string> {
  const out = new Set(e.recorded)
  if (e.paidTo && e.owedSince) {
    const last = e.paidTo < upTo ? e.paidTo : upTo
    for (let m = e.owedSince, n = 0; m <= last && n < 240; m = addMonths(m, 1), n += 1) out.add(m)
  }
  return out
}

/**
 * Due and collected over the months of `year` up to `thisMonth` (the whole year once it is past): a month paid is
 * counted at what was due when it was recorded; a month unpaid at the member's current monthly amount; a month
 * settled in another branch (`elsewhere`, elsewhereMonths) is that branch's: neither due nor collected here.
 */
export function yearTotals(
  year: number,
  thisMonth: string,
  from: string | null,
  currentDueFen: number | null,
  payments: ReadonlyMap<string, PaidMonth>,
  elsewhere?: ReadonlySet<string>,
): { dueFen: number; paidFen: number } {
  let dueFen = 0
  let paidFen = 0
  for (const m of monthsOf(year)) {
    if (m > thisMonth) break
    const p = payments.get(m)
    if (p) {
      dueFen += p.dueFen
      paidFen += p.paidFen
    } else if (from !== null && m >= from && currentDueFen !== null && !elsewhere?.has(m)) {
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
