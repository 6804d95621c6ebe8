/**
 * Action schemas of the committee's review of organisation-life records (审核; docs/reviews.md).
 *
 * - reviews.get — a record's review: state, the committee's comment, what the caller may do.
 * - reviews.decide — committee: 通过, or 退回修改 with a comment (never an edit of the record itself).
 * - reviews.resubmit — the branch's secretary or 支委, once the returned record was corrected.
 * - reviews.queue — committee: records waiting (never reviewed, or resubmitted), oldest first, a page at a time.
 * - reviews.counts — committee: per branch, the year's records waiting, returned and approved.
 */
import { z } from 'zod'
import { cursor, id, pageLimit, text, YEARS } from '../schema-kit'

export const REVIEW_STATES = ['waiting', 'returned', 'resubmitted', 'approved'] as const
const state = z.enum(REVIEW_STATES)

const review = z.object({
  activityId: z.string(),
  state,
  comment: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  version: z.number(),
  canDecide: z.boolean(),
  canResubmit: z.boolean(),
  /** Why resubmitting is not possible yet (the record has not been changed since it was returned). */
  resubmitHint: z.string().nullable(),
})

const queueItem = z.object({
  activityId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  type: z.string(),
  typeName: z.string(),
  topic: z.string(),
  startAt: z.string(),
  recordedAt: z.string().nullable(),
  state,
})

const year = z.number({ error: '年份必须是数字' }).int().min(YEARS.from, { error: `年份不能早于 ${YEARS.from}` }).max(YEARS.to, { error: `年份不能晚于 ${YEARS.to}` })

export const reviewSchemas = {
  'reviews.get': {
    input: z.object({ activityId: id('活动') }).strict(),
    output: review,
  },
  'reviews.decide': {
    input: z
      .object({
        activityId: id('活动'),
        decision: z.enum(['approve', 'return'], { error: '审核结果只能是通过或退回修改' }),
        comment: text('审核意见', 300).optional(),
        /** The version the reviewer read: a record changed since is refused (the review would be of another text). */
        expectedVersion: z.number({ error: '版本号必须是数字' }).int().min(1),
      })
      .strict(),
    output: review,
  },
  'reviews.resubmit': {
    input: z.object({ activityId: id('活动'), note: text('修改说明', 200).optional() }).strict(),
    output: review,
  },
  'reviews.queue': {
    input: z
      .object({
        branchId: id('支部').optional(),
        /** waiting = never reviewed or resubmitted (the default); returned = waiting on the branch. */
        state: z.enum(['waiting', 'returned'], { error: '只能查看待审核或已退回的记录' }).default('waiting'),
        cursor: cursor.optional(),
        limit: pageLimit(50, 20),
      })
      .strict(),
    output: z.object({ items: z.array(queueItem), nextCursor: z.string().nullable() }),
  },
  'reviews.counts': {
    input: z.object({ year: year.optional() }).strict(),
    output: z.object({
      year: z.number(),
      branches: z.array(z.object({ branchId: z.string(), branchName: z.string(), waiting: z.number(), returned: z.number(), approved: z.number() })),
      totals: z.object({ waiting: z.number(), returned: z.number(), approved: z.number() }),
    }),
  },
} as const
