/**
 * Action schemas of organisation life: 三会一课, 主题党日 and the rest — plan, record, edit with history, soft
 * delete, upcoming sessions, a month calendar and sign-in. This is the contract between the cloud
 * (cloud/core/actions/activities*.ts) and the client (src/features/activities); names are stable.
 *
 * The life of a session:
 *   activities.plan      → status 'planned' (topic, time, place, host, audience; a 党课 names its lecturer)
 *   activities.signIn    → members of the audience sign in during the window (page button or QR scan)
 *   activities.attendanceSheet → the roster of the audience with sign-ins, to prefill the record form
 *   activities.record    → status 'recorded' (host, recorder, attendance, minutes, photos…); also records a
 *                          session that was never planned (no `id`)
 *   activities.update    → any later edit, with `expectedVersion`; every change is kept (activities.history)
 *   activities.remove    → soft, with a reason
 * Rules per type (required fields, audience, voting) are ACTIVITY_TYPE_RULES in types/activity-rules.ts; the cloud checks
 * them and answers INVALID_INPUT with `details.field` naming the missing field.
 *
 * Error codes callers meet beyond INVALID_INPUT / FORBIDDEN / NOT_FOUND:
 *   CONFLICT          stale `expectedVersion` (details: { currentVersion }), a planned session already recorded,
 *                     sign-in outside its window (details: { reason: 'NOT_OPEN' | 'CLOSED', opensAt, closesAt })
 *   READ_ONLY         update/remove of a record more than 30 Beijing days after its start, by anyone but
 *                     committee staff (activities.get says so beforehand: canEdit / readOnlyReason)
 *   CONTENT_REJECTED  a typed text failed the platform's check; details: { field, label } — the field's name in this
 *                     schema (e.g. 'minutes') so the form can point at it; nothing was written
 * A member of another branch gets NOT_FOUND for any record id.
 */
import { z } from 'zod'
import { ACTIVITY_MAX_PHOTOS } from '../domain'
import { LONG_TEXT_MAX, MINUTES_MAX } from '../activity-rules'
import { activityType, cursor, instantMs, dateOnly, fileID, id, isoInstant, pageLimit, text } from '../schema-kit'

/** The page a sign-in QR code (wxacode) opens; its `scene` query is the activity id. */
export const SIGN_IN_PAGE = 'packages/activities/pages/sign-in/index'

const clientRequestId = z
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })
const photos = z.array(fileID).max(ACTIVITY_MAX_PHOTOS, { error: `现场照片最多 ${ACTIVITY_MAX_PHOTOS} 张` })
const personName = (label: string) => text(label, 30)
const longText = (label: string) => text(label, LONG_TEXT_MAX)
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: (issue) => (issue.input === '' ? '请选择月份' : '月份应为如 2026-12 的月份') })

/** One roster member's attendance as the secretary marks it; counts are computed by the cloud, never sent. */
const attendanceMark = z
  .object({
    memberId: id('党员'),
    present: z.boolean({ error: '请选择出席或缺席' }),
    absentReason: text('缺席原因', 100).optional(),
  })
  .strict()
  // A reason belongs to an absence: a member marked present with 病假 is a contradiction, not a record.
  .refine((m) => !(m.present && m.absentReason), { error: '出席的党员不需要填写缺席原因', path: ['absentReason'] })
// One mark per member: two contradicting marks for one person used to let the last one win silently.
const attendanceMarks = z
  .array(attendanceMark)
  .max(1000, { error: '出席名单过长' })
  .refine((marks) => new Set(marks.map((m) => m.memberId)).size === marks.length, { error: '出席名单中有重复的党员' })
const assignmentIds = z.array(id('工作要点')).max(20, { error: '最多关联 20 项工作要点' })

export const activityStatus = z.enum(['planned', 'recorded'])
export const audience = z.object({
  kind: z.enum(['branch', 'group', 'committee']),
  groupId: z.string().optional(),
  groupName: z.string().optional(),
})
/** A photo with a short-lived URL. `review` is absent once the platform's image check passed (or was not needed). */
export const activityPhoto = z.object({
  fileID: z.string(),
  url: z.string().optional(),
  review: z.enum(['pending', 'rejected']).optional(),
})
const person = z.object({ openid: z.string(), name: z.string() })

/**
 * A session as lists show it. `photos` holds the first photo only (the thumbnail); `photoCount` says how many
 * there are. `attendance` is the counts of a recorded session, null while planned.
 */
export const activity = z.object({
  id: z.string(),
  branchId: z.string(),
  type: activityType,
  status: activityStatus,
  topic: z.string(),
  place: z.string(),
  startAt: z.string(),
  endAt: z.string().optional(),
  audience,
  host: z.string().optional(),
  lecturer: z.string().optional(),
  photos: z.array(activityPhoto),
  photoCount: z.number(),
  attendance: z.object({ expected: z.number(), present: z.number() }).nullable(),
  version: z.number(),
  createdBy: person,
  createdAt: z.string(),
  /** A planned session cancelled (activities.cancel): only in activities.list with `withCancelled`, with the reason given. */
  cancelled: z.object({ reason: z.string(), at: z.string() }).optional(),
})

export const attendee = z.object({
  memberId: z.string(),
  name: z.string(),
  partyStatus: z.enum(['full', 'probationary']),
  present: z.boolean(),
  absentReason: z.string().optional(),
  /** When the member signed in themselves (page or QR). */
  signedInAt: z.string().optional(),
})

/** Sign-in state of a session for the caller. */
export const signInState = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  /** The window is open now. */
  open: z.boolean(),
  /** How many have signed in. */
  count: z.number(),
  /** The caller is in the audience's roster and may sign in (during the window). */
  eligible: z.boolean(),
  /** When the caller signed in, if they did. */
  signedInAt: z.string().nullable(),
})

/** The whole record, as the detail page shows it. */
export const activityDetail = activity.extend({
  photos: z.array(activityPhoto),
  recorder: z.string().optional(),
  agenda: z.string().optional(),
  minutes: z.string().optional(),
  resolutions: z.string().optional(),
  voting: z.boolean(),
  attendance: z
    .object({
      expected: z.number(),
      present: z.number(),
      absent: z.number(),
      attendees: z.array(attendee),
      /** Only for a voting 支部党员大会: members with voting rights (正式党员) and how many of them were present. */
      quorum: z.object({ voters: z.number(), presentVoters: z.number(), reached: z.boolean() }).nullable(),
    })
    .nullable(),
  assignments: z.array(z.object({ id: z.string(), title: z.string() })),
  updatedAt: z.string().optional(),
  updatedBy: person.optional(),
  /** The caller may edit / remove it now. */
  canEdit: z.boolean(),
  /** Why not, in Chinese, when the caller is a writer but the record is locked (30 days); null otherwise. */
  readOnlyReason: z.string().nullable(),
  /** Beijing date from which the branch can no longer change the record (30 days after it was recorded); null for a plan. */
  locksOn: z.string().nullable().optional(),
  signIn: signInState,
})

/** Fields a plan carries. `groupId` makes a party-group session (required for 党小组会). */
const planFields = {
  branchId: id('支部'),
  type: activityType,
  topic: text('主题', 100),
  place: text('地点', 100),
  startAt: isoInstant('开始时间'),
  endAt: isoInstant('结束时间').optional(),
  groupId: id('党小组').optional(),
  host: personName('主持人').optional(),
  lecturer: personName('授课人').optional(),
  agenda: longText('议程').optional(),
}
/** Fields a record adds. */
const recordFields = {
  recorder: personName('记录人').optional(),
  minutes: text('会议内容', MINUTES_MAX).optional(),
  resolutions: longText('决议').optional(),
  attendance: attendanceMarks.optional(),
  photos: photos.optional(),
  assignmentIds: assignmentIds.optional(),
  voting: z.boolean({ error: '是否表决必须是是或否' }).optional(),
}
// Instants, not text: '2026-03-01T09:00:00+08:00' ends before '2026-03-01T02:30:00Z' although it sorts after it.
const endAfterStart = (a: { startAt?: string; endAt?: string | null }) => !a.endAt || !a.startAt || instantMs(a.endAt) > instantMs(a.startAt)
const endAfterStartError = { error: '结束时间必须晚于开始时间', path: ['endAt'] }

export const historyEntry = z.object({
  version: z.number(),
  kind: z.enum(['planned', 'recorded', 'updated', 'signed_in', 'removed', 'reviewed', 'resubmitted']),
  at: z.string(),
  by: person,
  /** Each changed field with its before/after as display text (times in Beijing, photos as a count…). */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  reason: z.string().nullable(),
})

export const activitySchemas = {
  /** Secretary / 支委: plans a session. Idempotent: the same clientRequestId returns the same plan. */
  'activities.plan': {
    input: z
      .object({ ...planFields, clientRequestId })
      .strict()
      .refine(endAfterStart, endAfterStartError),
    output: activityDetail,
  },
  /**
   * Secretary / 支委: records a session. With `id`, completes that planned session (fields given here replace the
   * plan's); without, records one that was never planned (then type, topic, place, startAt are required).
   * Attendance: marks for members of the audience; members not marked count as present when they signed in,
   * absent otherwise. Idempotent by clientRequestId (a retry returns the saved record).
   */
  'activities.record': {
    input: z
      .object({
        id: id('活动').optional(),
        branchId: id('支部'),
        clientRequestId,
        type: activityType.optional(),
        topic: text('主题', 100).optional(),
        place: text('地点', 100).optional(),
        startAt: isoInstant('开始时间').optional(),
        endAt: isoInstant('结束时间').optional(),
        groupId: planFields.groupId,
        host: planFields.host,
        lecturer: planFields.lecturer,
        agenda: planFields.agenda,
        ...recordFields,
      })
      .strict()
      .refine(endAfterStart, endAfterStartError)
      .refine((a) => !!a.id || (!!a.type && !!a.topic && !!a.place && !!a.startAt), {
        error: '请填写活动类型、主题、地点和开始时间',
        path: ['topic'],
      }),
    output: activityDetail,
  },
  /**
   * Secretary / 支委 (committee staff too, and only they after 30 days): changes fields of a planned or recorded
   * session. `expectedVersion` is the version the editor started from; if someone saved since, CONFLICT.
   * `endAt: null` clears the end time; `groupId: null` makes it a branch session again.
   */
  'activities.update': {
    input: z
      .object({
        id: id('活动'),
        expectedVersion: z.number({ error: '缺少版本号' }).int().min(1),
        type: activityType.optional(),
        topic: planFields.topic.optional(),
        place: planFields.place.optional(),
        startAt: planFields.startAt.optional(),
        endAt: isoInstant('结束时间').nullable().optional(),
        groupId: id('党小组').nullable().optional(),
        host: planFields.host,
        lecturer: planFields.lecturer,
        agenda: planFields.agenda,
        ...recordFields,
        /** Why it changed, shown in the history (optional). */
        reason: text('修改说明', 200).optional(),
      })
      .strict()
      .refine(endAfterStart, endAfterStartError)
      .refine((a) => Object.keys(a).some((k) => !['id', 'expectedVersion', 'reason'].includes(k)), {
        error: '没有要修改的内容',
        path: ['id'],
      }),
    output: activityDetail,
  },
  /**
   * Secretary / 支委: changes a planned session before it is held — 改期 (startAt, endAt), place, host, topic — with an
   * optional reason in the history; with `notify` (default) its audience is told (inbox, and a message where granted).
   */
  'activities.changePlan': {
    input: z
      .object({
        id: id('活动'),
        expectedVersion: z.number({ error: '缺少版本号' }).int().min(1),
        topic: planFields.topic.optional(),
        place: planFields.place.optional(),
        startAt: planFields.startAt.optional(),
        endAt: isoInstant('结束时间').nullable().optional(),
        host: planFields.host,
        reason: text('变更说明', 200).optional(),
        notify: z.boolean({ error: '请说明是否通知参加人员' }).default(true),
      })
      .strict()
      .refine(endAfterStart, endAfterStartError)
      .refine((a) => ['topic', 'place', 'startAt', 'endAt', 'host'].some((k) => (a as Record<string, unknown>)[k] !== undefined), {
        error: '没有要修改的内容',
        path: ['id'],
      }),
    output: activityDetail,
  },
  /** Secretary / 支委: cancels a planned session with a reason; it leaves the lists, the history keeps it, its audience is told. */
  'activities.cancel': {
    input: z
      .object({
        id: id('活动'),
        reason: text('取消原因', 200),
        expectedVersion: z.number().int().min(1).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), cancelled: z.literal(true), told: z.number(), sent: z.number() }),
  },
  /** Soft delete with a reason; it leaves lists, calendars and counts but stays in the history. */
  'activities.remove': {
    input: z
      .object({
        id: id('活动'),
        reason: text('删除原因', 200),
        expectedVersion: z.number().int().min(1).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), deleted: z.literal(true) }),
  },
  /** Every version of a record, newest first. */
  'activities.history': {
    input: z.object({ id: id('活动'), cursor: cursor.optional(), limit: pageLimit(50, 20) }).strict(),
    output: z.object({ items: z.array(historyEntry), nextCursor: z.string().nullable() }),
  },
  /** A branch's sessions, newest start first, with cursor paging; filters by status and type. */
  'activities.list': {
    input: z
      .object({
        branchId: id('支部'),
        status: activityStatus.optional(),
        type: activityType.optional(),
        cursor: cursor.optional(),
        limit: pageLimit(50, 20),
        /** Cancelled sessions too, in their place, each with `cancelled` (the 活动 tab and 全部活动: where did it go?). */
        withCancelled: z.boolean({ error: '是否列出已取消的活动：参数不正确' }).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(activity), nextCursor: z.string().nullable() }),
  },
  'activities.get': {
    input: z.object({ id: id('活动') }).strict(),
    output: activityDetail,
  },
  /**
   * Planned sessions the caller should attend, soonest first, whose sign-in has not closed: across every branch
   * where they hold a role (a party-group session only for that group's members and the branch's writers; a 支委会
   * only for the committee). `branchId` narrows to one branch (committee staff must pass it).
   */
  'activities.upcoming': {
    input: z.object({ branchId: id('支部').optional(), limit: pageLimit(50, 20) }).strict(),
    output: z.object({
      items: z.array(activity.extend({ branchName: z.string(), signIn: signInState })),
    }),
  },
  /** A month's sessions of a branch (planned and recorded) for a calendar; `date` is the Beijing day of the start. */
  'activities.month': {
    input: z.object({ branchId: id('支部'), month }).strict(),
    output: z.object({
      month: z.string(),
      items: z.array(activity.extend({ date: z.string() })),
    }),
  },
  /**
   * A member of the session's audience signs in, from 30 minutes before the start until the end (3 hours after the
   * start when no end is set). Idempotent: signing in twice keeps the first time (`already: true`). After the
   * session was recorded with the member absent, signing in within the window marks them present.
   */
  'activities.signIn': {
    input: z.object({ id: id('活动'), via: z.enum(['page', 'qr']).default('page') }).strict(),
    output: z.object({
      activityId: z.string(),
      topic: z.string(),
      name: z.string(),
      signedInAt: z.string(),
      already: z.boolean(),
      /** The session is already recorded without this member present: the secretary confirms the sign-in. */
      awaitingConfirmation: z.boolean(),
    }),
  },
  /** Secretary / 支委: the sign-in code (wxacode, scene = activity id, opens SIGN_IN_PAGE); made once and stored. */
  'activities.signInQr': {
    input: z.object({ id: id('活动') }).strict(),
    output: z.object({ fileID: z.string(), url: z.string(), scene: z.string(), page: z.string() }),
  },
  /**
   * Secretary / 支委: the audience's roster with sign-ins, to prefill the record form. With `id` the session's
   * audience (and, once recorded, its saved marks); without, the audience of `groupId` / `type` in `branchId`.
   */
  'activities.attendanceSheet': {
    input: z
      .object({
        branchId: id('支部'),
        id: id('活动').optional(),
        type: activityType.optional(),
        groupId: id('党小组').optional(),
        /** The session's Beijing date: the roster of that day is expected (default: the saved session's date, else today). */
        on: dateOnly('活动日期').optional(),
      })
      .strict(),
    output: z.object({
      expected: z.number(),
      present: z.number(),
      attendees: z.array(attendee.extend({ groupName: z.string().nullable() })),
      /** Members with voting rights (正式党员) among the expected. */
      voters: z.number(),
    }),
  },
} as const
