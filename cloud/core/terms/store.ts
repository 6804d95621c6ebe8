/**
 * The branch committee's terms (`branch_terms`, one document per term, _id `<branchId>:<startOn>`; the current one
 * has `current: true`) and how a term is shown. docs/terms.md.
 */
import type { TermPost } from '../../../types/terms'
import { collection, readAll } from '../framework/data'
import type { Port } from '../framework/port'

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
    candidates: { memberId: string; name: string; votes: number; elected: boolean }[]
  } | null
  note: string | null
  recordedBy: { openid: string; name: string }
  createdAt: Date
}

export const termId = (branchId: string, startOn: string) => `${branchId}:${startOn}`

export function presentTerm(t: TermDoc) {
  return {
    id: t._id,
    startOn: t.startOn,
    endOn: t.endOn,
    years: t.years,
    kind: t.kind,
    members: t.members.map((m) => ({ memberId: m.memberId, name: m.name, post: m.post })),
    election: t.election,
    note: t.note,
    recordedBy: t.recordedBy.name,
    recordedAt: new Date(t.createdAt).toISOString(),
  }
}

/** A branch's terms, newest first (a handful per branch). */
export async function branchTerms(port: Port, branchId: string): Promise<TermDoc[]> {
  const rows = await readAll(port, 'branch_terms', { branchId }).catch(() => [] as TermDoc[])
  return rows.sort((a, b) => b.startOn.localeCompare(a.startOn))
}

/** Every branch's current term, by branch id: one paged read of the current terms (fields the state needs). */
export async function currentTerms(port: Port): Promise<Map<string, Pick<TermDoc, '_id' | 'branchId' | 'startOn' | 'endOn'>>> {
  const rows = await readAll(port, 'branch_terms', { current: true }, { fields: ['branchId', 'startOn', 'endOn'] }).catch(() => [])
  const out = new Map<string, Pick<TermDoc, '_id' | 'branchId' | 'startOn' | 'endOn'>>()
  for (const r of rows) {
    const seen = out.get(r.branchId)
    if (!seen || seen.startOn < r.startOn) out.set(r.branchId, r)
  }
  return out
}

export const termsOf = (port: Port) => collection(port, 'branch_terms')
