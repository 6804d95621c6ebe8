/**
 * Action schemas of compliance, reminders, the inbox, subscriptions and committee notices.
 *
 * - compliance.branch — a branch's organisation-life status today (Beijing): per type its current period, the
 *   previous period's outcome, the sentences of the gaps, and the year's score. Anyone of the branch, its guides
 *   and the committee.
 * - compliance.overview — committee: the same per branch, a page at a time (branches by name).
 * - inbox.list / inbox.unread / inbox.markRead — the caller's in-app inbox: items addressed to them personally and
 *   those addressed to a branch + role they hold (a notice to all secretaries, a compliance gap to the secretary…).
 * - subscriptions.record — what `requestSubscribeMessage` answered per template id (accept / reject / ban /
 *   filter); each accept adds one to the caller's remaining quota of that template (one message per acceptance).
 * - subscriptions.get — the caller's remaining quota per reminder kind.
 * - notices.preview / notices.send — committee: a notice (title + body) to all branches or chosen ones, to chosen
 *   roles; lands in the inbox and goes out as a subscription message to everyone with quota.
 */
import { z } from 'zod'
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '../compliance-status'
import { REMINDER_KINDS } from '../subscription-templates'
import { cursor, empty, id, pageLimit, text } from '../schema-kit'

// The statuses come from types/compliance-status.ts (one list with their words); a current period is never 'missed',
// a past one is done or missed.
const periodStatus = z.enum(COMPLIANCE_STATUSES)
const frequency = z.enum(['month', 'quarter', 'year'])
const period = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() })
const itemType = z.string() // an ActivityType, or 'secretary_lecture' (the secretary's own 党课 of the year)

const complianceItem = z.object({
  type: itemType,
  name: z.string(),
  frequency,
  period,
  status: periodStatus.exclude(['missed']),
  count: z.number(),
  /** Days left in the period, today included. */
  daysLeft: z.number(),
  /** e.g. 本季度支部党员大会尚未召开，还剩 12 天 — null when done. */
  sentence: z.string().nullable(),
  previous: z
    .object({ period, status: periodStatus.extract(['done', 'missed']), count: z.number(), sentence: z.string().nullable() })
    .nullable(),
  /**
   * compliance.branch only: the sessions of this type in the current period, planned and recorded, so the screen can
   * say a missing one is planned (and when) and open them.
   */
  sessions: z.array(z.object({ id: z.string(), topic: z.string(), startAt: z.string(), status: z.enum(['planned', 'recorded']) })).optional(),
})
// One count per status: `satisfies` fails tsc when the list in types/compliance-status.ts changes.
const counts = z.object({ done: z.number(), due_soon: z.number(), open: z.number(), missed: z.number() } satisfies Record<ComplianceStatus, z.ZodNumber>)
const yearType = z.object({
  type: itemType,
  name: z.string(),
  frequency,
  score: z.number().nullable(),
  periods: z.array(z.object({ key: z.string(), label: z.string(), status: periodStatus, count: z.number() })),
})

const branchCompliance = z.object({
  branchId: z.string(),
  branchName: z.string(),
  /** The Beijing date it was computed for. */
  date: z.string(),
  items: z.array(complianceItem),
  counts,
  /** Gap sentences, most urgent first, then the previous periods missed. */
  gaps: z.array(z.string()),
  /** The year up to today: 0–100 (see cloud/core/compliance/rules.ts complianceYear), null before anything is due. */
  score: z.number().nullable(),
  year: z.array(yearType),
})

const inboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The mini-program page that opens it (e.g. packages/activities/pages/detail/index?id=…). */
  page: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
})

/** Inbox ids: generated ids, or a reminder's dedupe key (kind:subject:recipient:milestone, e.g. with a date). */
const inboxId = z.string({ error: '缺少消息' }).regex(/^[A-Za-z0-9_:.-]{1,200}$/, { error: '消息编号格式不正确' })

const grantResult = z.enum(['accept', 'reject', 'ban', 'filter'], { error: '订阅结果只能是 accept、reject、ban 或 filter' })
const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '模板编号格式不正确' })
const quota = z.object({
  kind: z.enum(REMINDER_KINDS),
  templateId: z.string(),
  title: z.string(),
  purpose: z.string(),
  /** Messages that may still be sent to the caller with this template. */
  remaining: z.number(),
  lastResult: grantResult.nullable(),
  updatedAt: z.string().nullable(),
})

/** Roles a notice may address (committee staff are not a branch role). */
export const NOTICE_ROLES = ['secretary', 'branch_committee', 'member', 'guide'] as const
const noticeInput = z
  .object({
    title: text('通知标题', 40),
    body: text('通知内容', 2000),
    /** 'all' or the chosen branches. */
    branches: z.union([z.literal('all'), z.array(id('支部')).min(1, { error: '请至少选择一个支部' }).max(1000)], {
      error: '请选择发送范围：全部支部或指定支部',
    }),
    /** Who in those branches; left out: everyone (every branch role). */
    roles: z
      .array(z.enum(NOTICE_ROLES, { error: '接收角色不正确' }))
      .min(1, { error: '请至少选择一种接收角色' })
      .max(4)
      .default([...NOTICE_ROLES]),
  })
  .strict()

const noticeReach = z.object({
  branchCount: z.number(),
  /** People holding one of the roles in those branches. */
  recipientCount: z.number(),
  /** Of them, how many accepted the notice template and still have quota (get a WeChat message). */
  withQuota: z.number(),
  /** What the subscription message will show, keyword by keyword, values already fitted. */
  message: z.record(z.string(), z.object({ value: z.string() })),
})

export const reminderSchemas = {
  'compliance.branch': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: branchCompliance,
  },
  'compliance.overview': {
    input: z
      .object({
        cursor: cursor.optional(),
        limit: pageLimit(50, 20),
        /** Only branches with a gap or a missed period. */
        gapsOnly: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      date: z.string(),
      items: z.array(
        z.object({
          branchId: z.string(),
          branchName: z.string(),
          counts,
          gaps: z.array(z.string()),
          score: z.number().nullable(),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  },
  'inbox.list': {
    input: z.object({ cursor: cursor.optional(), limit: pageLimit(50, 20), unreadOnly: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(inboxItem), nextCursor: z.string().nullable() }),
  },
  'inbox.unread': {
    input: empty,
    output: z.object({ count: z.number() }),
  },
  'inbox.markRead': {
    input: z
      .object({
        ids: z.array(inboxId).min(1, { error: '请选择消息' }).max(100, { error: '一次最多 100 条' }).optional(),
        all: z.literal(true, { error: 'all 只能是 true' }).optional(),
      })
      .strict()
      .refine((i) => !!i.ids !== !!i.all, { error: '请给出消息编号（ids）或全部已读（all: true），二选一' }),
    output: z.object({ marked: z.number() }),
  },
  'subscriptions.record': {
    input: z
      .object({
        results: z
          .record(templateId, grantResult)
          .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 10, { error: '订阅结果应有 1 到 10 个模板' }),
      })
      .strict(),
    output: z.object({ items: z.array(quota) }),
  },
  'subscriptions.get': {
    input: empty,
    output: z.object({ items: z.array(quota) }),
  },
  'notices.preview': {
    input: noticeInput,
    output: noticeReach,
  },
  'notices.send': {
    input: noticeInput.extend({
      clientRequestId: z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' }),
    }),
    output: noticeReach.extend({
      noticeId: z.string(),
      /** Messages WeChat accepted now; the rest are in the inbox only (no quota) or retried by the next run. */
      sent: z.number(),
      noQuota: z.number(),
      failed: z.number(),
    }),
  },
} as const
