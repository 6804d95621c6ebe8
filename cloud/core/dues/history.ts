/**
 * A member's dues before they arrived in their branch (组织关系转接): what the letters that brought them say
 * (党费交至) and what their earlier roster entries in other branches of this deployment recorded. One person has
 * one roster entry per branch they belonged to; a transfer links the new entry (`newMemberId`) to the old one
 * (`memberId`, inside this deployment) and carries the 党费交至 month (also for a letter from outside).
 *
 * Read with a bounded number of queries for any number of members (the ledger's branch, the workbook's slice):
 * per hop back one query of the transfers into the frontier's branches (index toBranchId + issuedOn), then one of
 * the earlier entries' payments (memberId + month) and one of their standards (_id). At most MAX_HOPS hops.
 */
import { readAll } from '../framework/data'
import type { DuesPaymentDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { addMonths, elsewhereMonths, owedFrom } from './ledger'
import { unlessMissing } from '../framework/errors'

const MAX_HOPS = 4

export interface EarlierEntry {
  memberId: string
  branchId: string
  branchName: string
}

export interface EarlierDues {
  /** The member's earlier roster entries in this deployment, the most recent first. */
  entries: EarlierEntry[]
  /** The latest 党费交至 (YYYY-MM) of the letters that brought the member here; null without one. */
  paidTo: string | null
  /** Who issued that letter (a branch of this deployment, or an organisation outside). */
  paidToBy: string | null
  /** Months the earlier entries recorded (from `since`), with the branch that recorded each. */
  payments: (DuesPaymentDoc & { branchName: string })[]
  /** The first month the earlier entries owed (their 起缴), null when none had a standard. */
  owedSince: string | null
}

interface Frontier {
  entryId: string
  branchId: string
  root: string
}

/**
 * What came before, per member (keyed by the member's current roster entry id); members who did not arrive by a
 * transfer are absent. `since` (YYYY-MM) bounds the earlier payments read.
 */
export async function earlierDues(port: Port, members: readonly { _id: string; branchId: string; joinedPartyOn: string | null }[], since: string): Promise<Map<string, EarlierDues>> {
  const _ = port.db.command
  const out = new Map<string, EarlierDues>()
  const joinedOf = new Map(members.map((m) => [m._id, m.joinedPartyOn]))
  let frontier: Frontier[] = members.map((m) => ({ entryId: m._id, branchId: m.branchId, root: m._id }))
  for (let hop = 0; hop < MAX_HOPS && frontier.length; hop += 1) {
    const byEntry = new Map(frontier.map((f) => [f.entryId, f]))
    const incoming = await readAll(port, 'transfers', { toBranchId: _.in([...new Set(frontier.map((f) => f.branchId))]) }, { fields: ['kind', 'state', 'memberId', 'newMemberId', 'fromBranchId', 'fromName', 'duesPaidTo'] }).catch(unlessMissing([]))
    const next: Frontier[] = []
    for (const t of incoming) {
      const f = t.newMemberId ? byEntry.get(t.newMemberId) : undefined
      if (!f || (t.state !== 'accepted' && t.state !== 'completed')) continue
      const e = out.get(f.root) ?? { entries: [], paidTo: null, paidToBy: null, payments: [], owedSince: null }
      if (!e.paidTo || t.duesPaidTo > e.paidTo) {
        e.paidTo = t.duesPaidTo
        e.paidToBy = t.fromName
      }
      if (t.kind === 'inside' && t.memberId && t.fromBranchId && !e.entries.some((x) => x.memberId === t.memberId)) {
        e.entries.push({ memberId: t.memberId, branchId: t.fromBranchId, branchName: t.fromName })
        next.push({ entryId: t.memberId, branchId: t.fromBranchId, root: f.root })
      }
      out.set(f.root, e)
    }
    frontier = next
  }
  const earlier = [...out.entries()].flatMap(([root, e]) => e.entries.map((x) => ({ ...x, root })))
  if (!earlier.length) return out
  const ids = earlier.map((x) => x.memberId)
  const entryOf = new Map(earlier.map((x) => [x.memberId, x]))
  const [payments, profiles] = await Promise.all([
    readAll(port, 'dues_payments', { memberId: _.in(ids), month: _.gte(since) }, { sortBy: 'month' }),
    readAll(port, 'dues_profiles', { _id: _.in(ids) }, { fields: ['memberId', 'startMonth'] }),
  ])
  for (const p of payments) {
    const x = entryOf.get(p.memberId)!
    out.get(x.root)!.payments.push({ ...p, branchName: x.branchName })
  }
  for (const p of profiles) {
    const x = entryOf.get(p.memberId)
    if (!x) continue
    const e = out.get(x.root)!
    const from = owedFrom(p.startMonth, joinedOf.get(x.root) ?? null)
    if (!e.owedSince || from < e.owedSince) e.owedSince = from
  }
  return out
}

/**
 * The months settled elsewhere for a member whose first month owed here is `from` (ledger.ts elsewhereMonths): the
 * earlier entries' recorded months and the months up to the letter's 党费交至, from the earliest 起缴 known — the
 * earlier entries' or this branch's, or, when neither branch set a standard, the month the member was admitted
 * (`joinedPartyOn`: a member owes from admission; walk: 孙丽 arrived without a standard in either branch and her
 * letter's 党费交至 11月 settled nothing). Never more than three years before the 党费交至.
 */
export function settledElsewhere(e: EarlierDues | undefined, from: string | null, upTo: string, joinedPartyOn: string | null = null): Set<string> {
  if (!e) return new Set()
  const admitted = joinedPartyOn ? joinedPartyOn.slice(0, 7) : null
  const known = [from, e.owedSince].filter((m): m is string => !!m).sort()[0] ?? admitted
  const floor = e.paidTo ? addMonths(e.paidTo, -35) : null
  const owedSince = known && floor && known < floor ? floor : (known ?? floor)
  return elsewhereMonths({ recorded: e.payments.map((p) => p.month), paidTo: e.paidTo, owedSince }, upTo)
}

/**
 * A member's months in their current branch across a transfer (组织关系转接): the month they arrived (their entry's
 * `joinedBranchOn`, set by transfers.accept) and what follows from it. Months before the arrival were never this
 * branch's: settled elsewhere (原) when the earlier branch recorded them or the letter's 党费交至 covers them, else
 * `not_here` (ledger.ts monthState) — never owed, unpaid or behind here. From the arrival month on the member owes
 * this branch, with or without a standard set here (walk: 孙丽, received on 12月3日 with 党费交至 11月, read
 * 「这一年没有需要交纳的月份」 while December was hers to pay): `from` is at least the arrival month, and the arrival
 * month when no standard is set (the amount then reads 未核定). Members who did not arrive by a transfer, or whose
 * entry predates `joinedBranchOn`, keep `from` and have no arrival.
 */
export function monthsHere(
  e: EarlierDues | undefined,
  member: { joinedBranchOn?: string | null; joinedPartyOn: string | null },
  from: string | null,
  upTo: string,
): { from: string | null; elsewhere: Set<string>; arrived: string | null } {
  if (!e) return { from, elsewhere: new Set(), arrived: null }
  const arrived = member.joinedBranchOn ? member.joinedBranchOn.slice(0, 7) : null
  // This branch's 起缴 says nothing of the months before the member came: the letter covers them from the earlier
  // entries' 起缴 (or the admission), whatever start this branch's keeper typed.
  const elsewhere = settledElsewhere(e, arrived ? null : from, upTo, member.joinedPartyOn)
  if (!arrived) return { from, elsewhere, arrived }
  return { from: from === null || from < arrived ? arrived : from, elsewhere, arrived }
}
