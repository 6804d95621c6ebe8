/**
 * Collections and the shape of their documents. Instants are stored as Date (the SDK carries them as $date);
 * actions turn them into ISO strings at the edge.
 */
import type { ActivityType, MemberState, PartyStatus, Role } from '../../../types/domain'
import type { ReminderKind } from '../../../types/subscription-templates'
import type { DuesCategory, DuesWay } from '../../../types/dues'
import type { LeaveKind, LeaveStatus } from '../../../types/leave'

export const COLLECTIONS = [
  'committees',
  // 换届: the branch committee's terms (cloud/core/terms/store.ts).
  'branch_terms',
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
  // 请假 (cloud/core/leave/store.ts).
  'leave_requests',
  // 党费 corrections (amend / void of a recorded month, kept as history) and the committee's dues settings.
  'dues_corrections',
  'dues_settings',
  // 意见反馈 (cloud/core/actions/feedback.ts).
  'feedback',
  // 发展党员 (cloud/core/recruitment/store.ts has their document shapes).
  'recruits',
  'recruitment_settings',
  /** The write protocol's requests (framework/writes.ts): one per (action, caller, clientRequestId), with its answer. */
  'write_requests',
  // 组织关系转接 (cloud/core/transfers/store.ts has their document shapes).
  'transfers',
  'transfer_settings',
  // 民主评议党员 (cloud/core/appraisal/store.ts has their document shapes).
  'appraisals',
  'appraisal_settings',
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
  /** 政治生日 greetings (cloud/core/terms/birthdays.ts): on unless the branch turned them off (false). */
  birthdayGreetings?: boolean
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
  /**
   * What a member joining by this code without approval is recorded as (正式 / 预备), chosen when the code is made.
   * Absent on codes made before it existed and on codes for roles without a party status: those record 正式党员.
   */
  partyStatus?: PartyStatus | null
  /** The roster entry the person joins as (转入 from outside: transfers.receive put them on the roster first). */
  memberId?: string | null
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
  /**
   * The committee's review (审核, cloud/core/actions/reviews.ts): absent or 'resubmitted' = waiting in the queue,
   * 'returned' = 退回修改 with `review.comment` until the branch corrects and resubmits, 'approved' = 通过.
   */
  reviewState?: 'approved' | 'returned' | 'resubmitted'
  review?: { comment: string | null; by: { openid: string; name: string }; at: Date }
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
  kind: 'planned' | 'recorded' | 'updated' | 'signed_in' | 'removed' | 'reviewed' | 'resubmitted'
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
  /** 书面材料 (PDF, Word, Excel); absent on reports made before files were accepted. */
  files?: { fileID: string; name: string }[]
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

/** subscriptions/<openid>_<templateId>: what the person granted, and how many messages may still be sent. */
export interface SubscriptionDoc {
  _id: string
  openid: string
  templateId: string
  remaining: number
  lastResult: 'accept' | 'reject' | 'ban' | 'filter' | null
  updatedAt: Date
}

/**
 * The state of one reminder, `reminder_log/<dedupe key>`. Inserting it *claims* the reminder: a duplicate-key
 * insert means another run has it. States:
 *   claimed → (inbox written) → queued (has quota: a message is due) | inbox_only (no quota: done)
 *   queued → sending (quota spent, message on its way) → sent | no_quota (43101) | rejected (47003) |
 *            failed (a permanent error) | retry (transient: the next run tries again, up to MAX_ATTEMPTS)
 *   sending found by a later run → uncertain: the run died around the send; it is not sent again (a push is
 *   at most once; the inbox item is there either way).
 */
export type ReminderState =
  | 'claimed'
  | 'queued'
  | 'inbox_only'
  | 'sending'
  | 'sent'
  | 'no_quota'
  | 'rejected'
  | 'failed'
  | 'retry'
  | 'uncertain'

export interface ReminderLogDoc {
  _id: string
  kind: ReminderKind
  openid: string
  subject: string
  milestone: string
  runId: string
  state: ReminderState
  /** Whether the person had quota for the template when planned (a message is wanted). */
  wantsMessage: boolean
  inbox: { title: string; body: string; page: string } | null
  templateId: string
  page: string
  data: Record<string, { value: string }>
  attempts: number
  lastError: { errCode: number; errMsg: string } | null
  createdAt: Date
  updatedAt: Date
}

/** One timer run of the reminders function (cloud/core/reminders/run.ts): when, what it did, how it ended. */
export interface ReminderRunDoc {
  _id: string
  now: Date
  day: string
  startedAt: Date
  status: string
  daily: boolean
  counts: Record<string, number>
  [more: string]: unknown
}

/** A committee notice: its inbox item is written at once; messages go out now and, if any are left, in the next run. */
export interface NoticeDoc {
  _id: string
  title: string
  body: string
  allBranches: boolean
  branchIds: string[]
  roles: Role[]
  by: { openid: string; name: string }
  fromName: string
  clientRequestId: string
  status: 'sending' | 'sent'
  createdAt: Date
}

/**
 * What a person has read in the inbox: `<openid>__all` is their "read everything up to `at`" watermark; the others
 * are one item each (`itemId`, created at `itemCreatedAt`).
 */
export interface InboxReadDoc {
  _id: string
  openid: string
  at: Date
  itemId?: string
  itemCreatedAt?: Date
}

/** `rate_limits/join:<openid>`: wrong invitation codes typed in the current window (actions/session.ts). */
export interface JoinRateDoc {
  _id: string
  failures: number
  windowStart: Date
}

/** `rate_limits/claim:<key>`: a claimed marker (framework/claims.ts), held since `at`. */
export interface ClaimDoc {
  _id: string
  at: Date
}

/**
 * `rate_limits/feedback:<openid>:<YYYY-MM-DD>:<n>`: one of a sender's 意见反馈 slots of a Beijing day, taken by the
 * send that wrote (or is writing) item `feedbackId` (actions/feedback-limit.ts feedbackSlotIds).
 */
export interface FeedbackSlotDoc {
  _id: string
  feedbackId: string
  at: Date
}

/** Guards kept in `rate_limits`, told apart by their _id's prefix. */
export type RateLimitDoc = JoinRateDoc | ClaimDoc | FeedbackSlotDoc

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
  dues?: { members: number; dueFen: number; paidFen: number; transferred?: { name: string; month: string }[] }
  /** 民主评议党员 of the year per grade (cloud/core/appraisal/export.ts): absent in jobs collected before it was kept. */
  appraisal?: { appraised: number; excellent: number; qualified: number; basic: number; unqualified: number }
}

/** What the record-book export job (dashboard/record-book.ts) keeps of one session between steps (text only; photos are fetched when writing). */
export interface BookEntry {
  id: string
  type: ActivityType
  topic: string
  place: string
  startAt: string
  endAt: string | null
  audience: string
  host: string | null
  recorder: string | null
  lecturer: string | null
  expected: number | null
  present: number | null
  attendees: { name: string; present: boolean; absentReason: string | null }[]
  agenda: string | null
  minutes: string | null
  resolutions: string | null
  photos: string[]
  photoTotal: number
  /** Thumbnails of `photos` in storage, made by the export step that read this session. */
  /** A 民主评议党员 record: its 确定 results as text (cloud/core/appraisal/export.ts), else absent. */
  appraisal?: string | null
  thumbs: { fileID: string; width: number; height: number }[]
}

/** An export job (cloud/core/actions/exports.ts): progress and the finished file of a workbook or record book. */
export interface ExportJobDoc {
  _id: string
  /** transferLetter: a 介绍信 made in one call and stored as a finished job (transfers.letter). */
  kind: 'assessment' | 'recordBook' | 'transferLetter'
  year: number
  /** null for the committee-wide workbook: only committee admins reach such a job. */
  branchId: string | null
  branchName: string | null
  createdByOpenid: string
  status: 'running' | 'done' | 'failed'
  total: number
  done: number
  /** Assessment: the branches fixed at start, so slices stay stable while branches are added. */
  branchIds: string[]
  rows: AssessmentRow[]
  /** Record book: keyset position (startAt, _id) of the last session read, and the sessions read so far. */
  after: { startAt: Date; id: string } | null
  entries: BookEntry[]
  writingSince: Date | null
  fileName: string
  fileID: string | null
  error: string | null
  createdAt: Date
  updatedAt: Date
}

/**
 * One write request (framework/writes.ts): `_id` is the request key of (action, caller, clientRequestId). Written
 * 'running' when the first call starts and 'done' with its answer, which every retry then gets.
 */
export interface WriteRequestDoc {
  _id: string
  action: string
  openid: string
  state: 'running' | 'done'
  startedAt: Date
  doneAt?: Date
  /** The first call's answer (JSON text: stored exactly, whatever its keys). */
  result?: string
  /** writes.ts payloadFingerprint of the request's input (absent on requests stored before it was kept). */
  fingerprint?: string
}

// 党费 (cloud/core/dues/store.ts says how they are used).
export interface DuesProfileDoc {
  _id: string
  branchId: string
  memberId: string
  category: DuesCategory
  /** 在职 / 离退休: the monthly base in 分 (税后月工资收入 / 离退休费); null for fixed categories. */
  baseFen: number | null
  /** 农民: the branch's monthly amount in 分 (20–100); null otherwise. */
  farmerFen: number | null
  /** The first month this ledger counts (YYYY-MM). */
  startMonth: string
  /** When the secretary or 组织委员 last set or confirmed the base (YYYY-MM-DD, Beijing). */
  checkedOn: string
  setBy: { openid: string; name: string }
  updatedAt: Date
}

export interface DuesPaymentDoc {
  _id: string
  branchId: string
  memberId: string
  month: string
  /** What was due for the month when it was recorded, in 分. */
  dueFen: number
  paidFen: number
  paidOn: string
  way: DuesWay
  /** Why less than due was accepted (required then). */
  reason: string | null
  recordedBy: { openid: string; name: string }
  recordedAt: Date
}

/** The branch's yearly 党费收缴情况公布, one per branch and year. */
export interface DuesPublicationDoc {
  _id: string // `${branchId}:${year}`
  branchId: string
  year: number
  title: string
  body: string
  by: { openid: string; name: string }
  at: Date
}

/**
 * A correction of a recorded month (dues.correct): amended (amount, date, way) or voided (recorded by mistake), with
 * the keeper's reason. The payment itself then holds what stands now; these documents keep what it was, so the
 * month's history stays readable (member page) and nothing is changed silently (the audit log has it too).
 */
export interface DuesCorrectionDoc {
  _id: string
  branchId: string
  memberId: string
  month: string
  kind: 'amend' | 'void'
  /** The payment as it stood before the correction. */
  before: Pick<DuesPaymentDoc, 'dueFen' | 'paidFen' | 'paidOn' | 'way' | 'reason'>
  /** What stands after it (null: voided, the month is unpaid again). */
  after: Pick<DuesPaymentDoc, 'dueFen' | 'paidFen' | 'paidOn' | 'way' | 'reason'> | null
  reason: string
  by: { openid: string; name: string }
  at: Date
}

/** The committee's dues settings over the national defaults (dues/ledger.ts DUES_DEFAULTS); one document. */
export interface DuesSettingsDoc {
  _id: string
  /** Months behind at which the secretary is told first and again (both before the 党章's six). */
  warnMonths: number[]
  updatedAt: Date
}

/** 请假: one request per member and session (`_id` = `${activityId}:${memberId}`); cloud/core/leave/store.ts. */
export interface LeaveDoc {
  _id: string
  branchId: string
  activityId: string
  memberId: string
  openid: string
  name: string
  kind: LeaveKind
  note: string | null
  status: LeaveStatus
  askedAt: Date
  decidedBy: { openid: string; name: string } | null
  decidedAt: Date | null
  decisionNote: string | null
  /** The secretary's one inbox notice about this request (ask or withdraw), replaced by the next (docs/leave.md). */
  noticeId?: string | null
}

/** 意见反馈 (cloud/core/actions/feedback.ts; docs/feedback.md). */
export interface FeedbackDoc {
  _id: string
  openid: string
  fromName: string
  kind: 'suggestion' | 'complaint'
  body: string
  branchId: string | null
  branchName: string | null
  /** open → answered (feedback.answer) → closed (feedback.close); an open item may also be closed unanswered. */
  status: 'open' | 'answered' | 'closed'
  createdAt: Date
  answer: string | null
  answeredBy: { openid: string; name: string } | null
  answeredAt: Date | null
}

/**
 * What each collection holds: the typed accessor (framework/data.ts `collection`, `readAll`, `loadOne`) reads and
 * writes through this map, so a read of 'activities' is ActivityDoc[] without a cast. A new collection adds its name
 * to COLLECTIONS and its document here.
 */
export interface DocMap {
  committees: CommitteeDoc
  // 换届 and 发展党员 (shapes in cloud/core/terms/store.ts and cloud/core/recruitment/store.ts).
  branch_terms: import('../terms/store').TermDoc
  recruits: import('../recruitment/store').RecruitDoc
  recruitment_settings: import('../recruitment/store').RecruitmentSettingsDoc
  users: UserDoc
  branches: BranchDoc
  memberships: Membership
  invites: InviteDoc
  activities: ActivityDoc
  reminder_runs: ReminderRunDoc
  groups: GroupDoc
  members: MemberDoc
  join_requests: JoinRequestDoc
  audit_log: AuditDoc
  rate_limits: RateLimitDoc
  work_plans: WorkPlanDoc
  assignments: AssignmentDoc
  progress_reports: ProgressReportDoc
  inbox: InboxDoc
  activity_versions: ActivityVersionDoc
  activity_signins: ActivitySignInDoc
  media_checks: MediaCheckDoc
  inbox_reads: InboxReadDoc
  subscriptions: SubscriptionDoc
  reminder_log: ReminderLogDoc
  notices: NoticeDoc
  export_jobs: ExportJobDoc
  write_requests: WriteRequestDoc
  // 党费 and 请假.
  dues_profiles: DuesProfileDoc
  dues_payments: DuesPaymentDoc
  dues_publications: DuesPublicationDoc
  dues_corrections: DuesCorrectionDoc
  dues_settings: DuesSettingsDoc
  leave_requests: LeaveDoc
  // 组织关系转接 (shapes in cloud/core/transfers/store.ts).
  transfers: import('../transfers/store').TransferDoc
  transfer_settings: import('../transfers/store').TransferSettingsDoc
  appraisals: import('../appraisal/store').AppraisalDoc
  appraisal_settings: import('../appraisal/store').AppraisalSettingsDoc
  feedback: FeedbackDoc
}
/** Collections whose documents are in DocMap (every one should be: a new area adds its own). */
export type TypedCollectionName = keyof DocMap & CollectionName
