/**
 * 民主评议党员 documents (docs/appraisal.md): one appraisal per 民主评议党员 record (`_id` = the activity's id), and the
 * committee's setting of the 优秀 share (`appraisal_settings`, one document; the national default otherwise).
 */
import { APPRAISAL_DEFAULT_SHARE, type AppraisalDisposal, type AppraisalGrade, type AppraisalVotes } from '../../../types/appraisal'
import type { PartyStatus } from '../../../types/domain'
import { collection, loadOne, readAll, type Stored } from '../framework/data'
import { isCollectionMissing } from '../framework/errors'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import type { Share } from './rules'

export interface AppraisalRowDoc {
  memberId: string
  /** As on the roster when saved: the results keep the name a later transfer or rename does not change. */
  name: string
  partyStatus: PartyStatus
  grade: AppraisalGrade | null
  votes: AppraisalVotes | null
  disposal: { kind: AppraisalDisposal; note: string } | null
}

export interface AppraisalDoc {
  _id: string
  branchId: string
  activityId: string
  /** The record's year (Beijing): the workbook and a member's history read by it. */
  year: number
  state: 'draft' | 'final'
  version: number
  /** The share in force when last saved (the committee may change it later; 确定 results keep theirs). */
  share: Share
  rows: AppraisalRowDoc[]
  /** Member ids with a row, for a member's history (appraisal.member). */
  memberIds: string[]
  updatedBy: { openid: string; name: string }
  updatedAt: Date
  finalizedBy: { openid: string; name: string } | null
  finalizedAt: Date | null
  createdAt: Date
  /**
   * Earlier 确定 results and reopenings (appraisal.reopen, while the committee has returned the record), oldest first:
   * a 'finalized' entry keeps who 确定 when and each member's grade then; a 'reopened' entry who reopened, when, and
   * the committee's comment. Absent on appraisals never reopened.
   */
  history?: AppraisalHistoryDoc[]
  /** When last reopened (null/absent: never); a later 确定 is a correction of the returned record. */
  reopenedAt?: Date | null
}

export type AppraisalHistoryDoc =
  | { kind: 'finalized'; by: { openid: string; name: string }; at: Date; grades: { memberId: string; name: string; grade: AppraisalGrade | null }[] }
  | { kind: 'reopened'; by: { openid: string; name: string }; at: Date; comment: string | null }

export interface AppraisalSettingsDoc {
  _id: string
  share: Share
  updatedAt: Date
}

const SETTINGS_ID = 'committee'

/** The committee's 优秀 share (a missing collection or document: one third). */
export async function loadShare(port: Port): Promise<Share> {
  try {
    const doc = await loadOne(port, 'appraisal_settings', SETTINGS_ID)
    return doc?.share ? { numerator: doc.share.numerator, denominator: doc.share.denominator } : { ...APPRAISAL_DEFAULT_SHARE }
  } catch (error) {
    if (isCollectionMissing(error)) return { ...APPRAISAL_DEFAULT_SHARE }
    throw error
  }
}

export async function saveShare(port: Port, share: Share): Promise<void> {
  await port.db.createCollection('appraisal_settings').catch(() => undefined)
  await collection(port, 'appraisal_settings').doc(SETTINGS_ID).set({ data: { share, updatedAt: port.now() } })
}

/** The Beijing year of a record's start: the year its appraisal counts for. */
export const recordYear = (startAt: Date | string) => Number(beijingDate(new Date(startAt)).slice(0, 4))

/**
 * The appraisals every report counts (appraisal.list, appraisal.member, the record book, the workbook): those whose
 * 民主评议党员 record still stands — not deleted, still of that type, still in the appraisal's year. Once 确定 these are
 * locked (activities.update / activities.remove refuse), so this only drops what older data left behind.
 */
export async function standing<T extends Pick<AppraisalDoc, '_id' | 'year'>>(port: Port, docs: T[]): Promise<T[]> {
  if (!docs.length) return docs
  const _ = port.db.command
  const records = await readAll(port, 'activities', { _id: _.in(docs.map((d) => d._id)) }, { fields: ['deleted', 'type', 'startAt'] })
  const ok = new Set(records.filter((r) => !r.deleted && r.type === 'democratic_review').map((r) => `${r._id}|${recordYear(r.startAt)}`))
  return docs.filter((d) => ok.has(`${d._id}|${d.year}`))
}

/**
 * The 确定 appraisal of a record, if any (activities.update / remove refuse to change its type, year or existence).
 * One reopened to be corrected (appraisal.reopen, 重新评定) counts too: it was 确定 and members were told.
 */
export async function finalAppraisalOf(port: Port, activityId: string): Promise<Stored<AppraisalDoc> | undefined> {
  const doc = await loadOne(port, 'appraisals', activityId).catch(() => undefined)
  return doc?.state === 'final' || doc?.reopenedAt ? doc : undefined
}
