/**
 * Collections and the shape of their documents. Instants are stored as Date (the SDK carries them as $date);
 * actions turn them into ISO strings at the edge.
 */
import type { ActivityType, MemberState, PartyStatus, Role } from '../../../types/domain'

export const COLLECTIONS = [
  'committees',
  'users',
  'branches',
  'memberships',
  'invites',
  'activities',
  'reminder_runs',
  'groups',
  'members',
  'join_requests',
  'audit_log',
  'rate_limits',
  'work_plans',
  'assignments',
  'progress_reports',
  'inbox',
  'activity_versions',
  'activity_signins',
  'media_checks',
  // Reminders (cloud/core/reminders/store.ts has their document shapes).
  'inbox_reads',
  'subscriptions',
  'reminder_log',
  'notices',
  /** Export jobs (cloud/core/actions/exports.ts): progress and the finished file of a workbook or record book. */
  'export_jobs',
  // 党费 (cloud/core/dues/store.ts has their document shapes).
  'dues_profiles',
  'dues_payments',
  'dues_publications',
  // 发展党员 (cloud/core/recruitment/store.ts has their document shapes).
  'recruits',
  'recruitment_settings',
  // 请假 (cloud/core/leave/store.ts).
  'leave_requests',
] as const
export type CollectionName = (typeof COLLECTIONS)[number]

export interface CommitteeDoc {
  _id: string
  name: string
  createdAt: Date
}

export interface UserDoc {
  _id: string // the openid
  name: string
  createdAt: Date
}

export interface BranchDoc {
  _id: string
  name: string
  kind: 'branch' | 'joint_branch'
  societies: string[]
  foundedOn?: string | null
  /**
   * 启用日期: the day the branch's record keeping here starts, set by the committee (earlier than createdAt to
   * backfill history). Compliance judges no period before it (compliance.ts evaluationStart).
   */
  startedOn?: string | null
  status: 'active' | 'archived'
  archivedReason?: string
  createdAt: Date
}

/** A party group (党小组) inside a branch. */
export interface GroupDoc {
  _id: string
  branchId: string
  name: string
  createdAt: Date
}

/**
 * A person on a branch's roster (花名册). Never deleted: a member who leaves is marked transferred, so past
 * attendance and records keep their name. `openid` is set once a WeChat user has joined as this entry.
 */
export interface MemberDoc {
  _id: string
  branchId: string
  openid: string | null
  name: string
  partyStatus: PartyStatus
  joinedPartyOn: string | null
  confirmedOn: string | null
  groupId: string | null
  phone: string | null
  posts: string[]
  groupLeader: boolean
  state: MemberState
  transferredOn: string | null
  transferReason: string | null
  /**
   * Beijing date the person joined this branch's roster (转入本支部), so a session held before it does not expect
   * them (roster.ts rosterAsOf). Absent on entries made before it was kept: then counted as always there.
   */
  joinedBranchOn?: string | null
  /**
   * Dated 支委 posts: each entry holds from `on` (null: since before history was kept) until the next. Absent on
   * entries whose posts never changed since it was kept: then `posts` is taken as always held.
   */
  postHistory?: { on: string | null; posts: string[] }[]
  createdAt: Date
  updatedAt: Date
}

export interface JoinRequestDoc {
  _id: string
  branchId: string
  openid: string
  name: string
  role: Role
  /** A guide's title (第一书记 / 党建指导员), from the invitation; granted with the role on approval. */
  title?: string | null
  groupId: string | null
  inviteCode: string
  status: 'pending' | 'approved' | 'rejected'
  createdAt: Date
  decidedBy: string | null
  reason: string | null
}

/** Who changed what in a roster or a role: before and after, kept for the secretary and the committee. */
export interface AuditDoc {
  _id?: string
  branchId: string | null
  at: Date
  actor: { openid: string; name: string }
  action: string
  summary: string
  target: { kind: string; id: string }
  before: unknown
  after: unknown
}

export interface Membership {
  _id?: string
  openid: string
  /** null for committee-level roles. */
  branchId: string | null
  role: Role
  /** 第一书记 / 党建指导员 for a guide. */
  title?: string
  /** active grants count; 'transferred' (left the branch) and 'revoked' (role taken away) are kept as history. */
  status: 'active' | 'transferred' | 'revoked'
  since: Date
}

export interface InviteDoc {
  _id: string // the code itself
  branchId: string
  role: Role
  title: string | null
  groupId: string | null
  requiresApproval: boolean
  maxUses: number
  uses: number
  expiresAt: Date
  createdBy: string
  createdAt: Date
  revoked: boolean
}

/**
 * One session of organisation life. It is planned first (status 'planned': topic, time, place, host, audience) and
 * recorded after it was held (status 'recorded': attendance, minutes, photos…). Only recorded sessions count for
 * compliance. Never removed: deletion is soft and needs a reason. Fields marked "record" are filled when recorded.
 * The activities work owns this shape; compliance, reminders and exports read it.
 */
export interface ActivityDoc {
  _id: string
  branchId: string
  type: ActivityType
  status: 'planned' | 'recorded'
  topic: string
  place: string
  startAt: Date
  endAt?: Date
  /** Who is expected: the whole branch, one party group (党小组会), or the branch committee (支委会). */
  audience: { kind: 'branch' } | { kind: 'group'; groupId: string; groupName: string } | { kind: 'committee' }
  host?: string
  recorder?: string
  /** Required for a 党课. */
  lecturer?: string
  /** Record: expected / present counts are computed from `attendees` at save time. */
  attendance?: {
    expected: number
    present: number
    attendees: { memberId: string; name: string; partyStatus?: PartyStatus; present: boolean; absentReason?: string; signedInAt?: Date }[]
  }
  agenda?: string
  minutes?: string
  resolutions?: string
  /** 支部党员大会 that votes: whether more than half of the voting members were present. */
  voting?: boolean
  photos: string[]
  /** Assignment ids this session serves as evidence for. */
  assignmentIds?: string[]
  createdBy: { openid: string; name: string }
  createdAt: Date
  updatedAt?: Date
  updatedBy?: { openid: string; name: string }
  /** 1 when created; +1 on every change (activities.update checks expectedVersion against it). */
  version?: number
  clientRequestId: string
  /** The clientRequestId of the activities.record call that recorded it, so a retried record returns it. */
  recordRequestId?: string
  /** When it was recorded: the record locks ACTIVITY_EDITABLE_DAYS after this (rules.ts lockDate), not after it was held. */
  recordedAt?: Date
  /** When sign-in closes (endAt, or startAt + 3 h): upcoming lists query on it. */
  signInClosesAt?: Date
  /** The stored sign-in wxacode. */
  qrFileID?: string
  /**
   * Photos whose image check (mediaCheckAsync) has not passed yet, or failed, keyed by a hash of the fileID (a fileID
   * holds dots, so it cannot be a field path). Only the branch's writers and committee staff see these photos.
   * A passing verdict removes the entry.
   */
  photoReview?: Record<string, { fileID: string; status: 'pending' | 'rejected'; traceId: string }>
  deleted: boolean
  /** Deleted because a planned session was called off (activities.cancel), not removed as a mistake. */
  cancelled?: boolean
  deletedReason?: string
  deletedAt?: Date
  deletedBy?: { openid: string; name: string }
}

/** One version of an activity record: who changed which fields, before and after (display text), and why. */
export interface ActivityVersionDoc {
  _id: string // `${activityId}:${version}`
  activityId: string
  branchId: string
  version: number
  kind: 'planned' | 'recorded' | 'updated' | 'signed_in' | 'removed'
  at: Date
  by: { openid: string; name: string }
  changes: { field: string; label: string; before: string | null; after: string | null }[]
  reason: string | null
}

/** One image check: written when the check starts (activity, photo) and when the verdict arrives, in either order. */
export interface MediaCheckDoc {
  _id: string // the trace id
  activityId?: string
  fileID?: string
  /** openid of whoever saved the photo: told in the inbox if it fails. */
  by?: string
  requestedAt?: Date
  verdict?: 'pass' | 'risky' | 'review'
  label?: number | string
  decidedAt?: Date
}

/** A member's sign-in to a session; one per member (`${activityId}:${memberId}`), the first time kept. */
export interface ActivitySignInDoc {
  _id: string
  activityId: string
  branchId: string
  memberId: string
  openid: string
  name: string
  at: Date
  via: 'page' | 'qr'
}

/** A committee's work plan (工作要点): the importer's output as edited by the committee, points embedded. */
export interface WorkPlanDoc {
  _id: string
  title: string
  docNumber: string | null
  issuer: string | null
  issuedOn: string | null
  year: number
  intro: string
  sections: {
    seq: number
    title: string
    points: {
      seq: number
      title: string
      body: string
      responsible: string[]
      forAllBranches: boolean
      timeHints: { phrase: string; dueOn: string | null; kind: string }[]
      subheading?: string
    }[]
  }[]
  warnings: { code: string; message: string; excerpt: string }[]
  status: 'draft' | 'published'
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
}

/** One work point assigned to one branch, with its due date. `state` is stored; "overdue" is computed from today. */
export interface AssignmentDoc {
  _id: string
  planId: string
  planTitle: string
  branchId: string
  branchName: string
  pointSeq: number
  sectionSeq: number
  sectionTitle: string
  title: string
  dueOn: string
  state: 'not_started' | 'in_progress' | 'done'
  doneAt: Date | null
  lastReportAt: Date | null
  reportCount: number
  /** Orders a branch's list by plan and point, and a point's list by branch name. */
  sortKey: string
  createdAt: Date
}

export interface ProgressReportDoc {
  _id: string
  assignmentId: string
  branchId: string
  kind: 'note' | 'done' | 'reopen'
  note: string
  activityIds: string[]
  photos: string[]
  by: { openid: string; name: string }
  at: Date
}

/** An in-app inbox item: every reminder and notice lands here, whether or not a push message could be sent. */
export interface InboxDoc {
  _id?: string
  /** A person, or everyone holding one of `roles` in a branch (or in `branchIds`, or in every branch). */
  openid?: string
  branchId?: string
  roles?: string[]
  /** A committee notice to chosen branches, or to all (`allBranches`). */
  branchIds?: string[]
  allBranches?: boolean
  kind: string
  title: string
  body: string
  page: string
  createdAt: Date
  dedupeKey: string
}

/** One branch's line of the assessment workbook (dashboard/workbook.ts); kept small because the export job stores them between steps. */
export interface AssessmentRow {
  branchId: string
  name: string
  score: number | null
  recorded: number
  /** [type in ACTIVITY_TYPES order][quarter]. */
  byTypeQuarter: number[][]
  assignments: number
  done: number
  doneLate: number
  overdue: number
  lastActivityOn: string | null
  /** 党费 of the year (cloud/core/dues/totals.ts): absent in jobs collected before dues were kept. */
  dues?: { members: number; dueFen: number; paidFen: number }
}
