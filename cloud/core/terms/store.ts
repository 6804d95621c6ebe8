/**
 * The branch committee's terms (`branch_terms`, one document per term, _id `<branchId>:<startOn>`; the current one
 * has `current: true`) and how a term is shown. docs/terms.md.
 */
import type { TermPost } from '../../../types/terms'
import { collection, readAll } from '../framework/data'
import type { Port } from '../framework/port'
import { byPost } from './rules'
import { unlessMissing } from '../framework/errors'

/** A 延期换届 approved by the 上级党组织 (the committee): the 换届 is due on `dueOn` instead of the term's end. */
export interface TermPostponement {
  approvedOn: string
  reason: string
  dueOn: string
  by: string
  at: Date
}

/** A correction of the current term (a typo, a wrong date): who, when, why, and what changed. */
export interface TermCorrection {
  at: Date
  by: string
  reason: string
  summary: string
}

export interface TermDoc {
  _id: string
  branchId: string
  startOn: string
  endOn: string
  years: number
  /** election: recorded from the 换届选举; existing: the committee in office when the branch started here. */
  kind: 'election' | 'existing'
  current: boolean
  members: { memberId: string; name: string; post: TermPost }[]
  election: {
    activityId: string
    topic: string
    voters: number
    presentVoters: number
    /** 应选人数 (absent on terms recorded before 差额选举 was modelled: as many as elected). */
    seats?: number
    candidates: { memberId: string; name: string; votes: number; elected: boolean }[]
  } | null
  note: string | null
  recordedBy: { openid: string; name: string }
  createdAt: Date
  /** 延期换届, newest last; the last one's dueOn is when the 换届 is due. */
  postponements?: TermPostponement[]
  /** Corrections of the term, oldest first (also in the audit log, `term.corrected`). */
  corrections?: TermCorrection[]
  /** Raised by every change of the term (correct, postpone, replaced): writes are conditional on it. Absent: 0. */
  version?: number
}

/** When the 换届 is due: the term's end, or the last approved postponement's date. */
export const dueOf = (t: Pick<TermDoc, 'endOn' | 'postponements'>) => t.postponements?.at(-1)?.dueOn ?? t.endOn

export const termId = (branchId: string, startOn: string) => `${branchId}:${startOn}`

export function presentTerm(t: TermDoc) {
  return {
    id: t._id,
    startOn: t.startOn,
    endOn: t.endOn,
    years: t.years,
    kind: t.kind,
    dueOn: dueOf(t),
    members: byPost(t.members).map((m) => ({ memberId: m.memberId, name: m.name, post: m.post })),
    election: t.election ? { ...t.election, seats: t.election.seats ?? t.election.candidates.filter((c) => c.elected).length } : null,
    note: t.note,
    recordedBy: t.recordedBy.name,
    recordedAt: new Date(t.createdAt).toISOString(),
    postponements: (t.postponements ?? []).map((p) => ({ approvedOn: p.approvedOn, reason: p.reason, dueOn: p.dueOn, by: p.by })),
    corrections: (t.corrections ?? []).map((c) => ({ at: new Date(c.at).toISOString(), by: c.by, reason: c.reason, summary: c.summary })),
  }
}

/** A branch's terms, newest first (a handful per branch). */
export async function branchTerms(port: Port, branchId: string): Promise<TermDoc[]> {
  const rows = await readAll(port, 'branch_terms', { branchId }).catch(unlessMissing([] as TermDoc[]))
  return rows.sort((a, b) => b.startOn.localeCompare(a.startOn))
}

/**
 * Every branch's current term, by branch id: one paged read of the current terms (fields the state needs). `endOn`
 * is when the 换届 is due (the term's end, or the approved postponement's date: dueOf), `postponed` whether it was put off.
 */
export async function currentTerms(port: Port): Promise<Map<string, { _id: string; branchId: string; startOn: string; endOn: string; postponed: boolean }>> {
  const rows = await readAll(port, 'branch_terms', { current: true }, { fields: ['branchId', 'startOn', 'endOn', 'postponements'] }).catch(unlessMissing([]))
  const out = new Map<string, { _id: string; branchId: string; startOn: string; endOn: string; postponed: boolean }>()
  for (const r of rows) {
    const seen = out.get(r.branchId)
    if (!seen || seen.startOn < r.startOn) out.set(r.branchId, { _id: r._id, branchId: r.branchId, startOn: r.startOn, endOn: dueOf(r), postponed: !!r.postponements?.length })
  }
  return out
}

export const termsOf = (port: Port) => collection(port, 'branch_terms')
