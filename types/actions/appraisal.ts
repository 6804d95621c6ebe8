/**
 * Action schemas of 民主评议党员 (docs/appraisal.md; rules: cloud/core/appraisal/rules.ts). One appraisal per
 * 民主评议党员 record (an activity of type `democratic_review`), named by the record's id.
 *
 * - appraisal.list — the branch's 民主评议 records, newest first, each with its appraisal's state (a member: their
 *   own grade once the results are 确定).
 * - appraisal.get — one record's sheet: every 正式 and 预备 member's grade, 民主测评 votes and 处置 for the secretary,
 *   the 组织委员, the 支委 and the committee; a member sees their own row only, once 确定.
 * - appraisal.save — the secretary or 组织委员: the sheet as a draft (versioned, idempotent by clientRequestId).
 * - appraisal.finalize — the secretary or 组织委员: every member graded, the results 确定 (then read-only).
 * - appraisal.reopen — the secretary or 组织委员, while the committee has returned the record (退回修改): the 确定
 *   results become a draft again to be corrected and 确定 anew; the first results and the reopening stay in `history`.
 * - appraisal.member — one member's grades over the years (their history): the member, the branch's 支委, the committee.
 * - appraisal.settings / appraisal.setSettings — the committee's share of 优秀 (national default one third).
 */
import { z } from 'zod'
import { APPRAISAL_DISPOSALS, APPRAISAL_GRADES, APPRAISAL_STATES } from '../appraisal'
import { id, text } from '../schema-kit'

const grade = z.enum(APPRAISAL_GRADES, { error: '等次只能是优秀、合格、基本合格或不合格' })
const disposalKind = z.enum(APPRAISAL_DISPOSALS, { error: '处置只能是限期改正、劝其退党、除名或其他处置' })
const count = (label: string) =>
  z.number({ error: `${label}票数必须是数字` }).int({ error: `${label}票数必须是整数` }).min(0, { error: `${label}票数不能是负数` }).max(9999, { error: `${label}票数不能超过 9999` })
const votes = z.object({ excellent: count('优秀'), qualified: count('合格'), basic: count('基本合格'), unqualified: count('不合格') }).strict()
const disposal = z.object({ kind: disposalKind, note: text('处置说明', 200) }).strict()
const clientRequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })
const version = z.number({ error: '缺少版本号' }).int({ error: '版本号必须是整数' }).min(0, { error: '版本号不能是负数' })
const share = z.object({
  numerator: z.number().int().min(1, { error: '优秀比例的分子至少为 1' }).max(99),
  denominator: z.number().int().min(2, { error: '优秀比例的分母至少为 2' }).max(100),
})

const counts = z.object({ excellent: z.number(), qualified: z.number(), basic: z.number(), unqualified: z.number(), ungraded: z.number() })

export const appraisalRow = z.object({
  memberId: z.string(),
  name: z.string(),
  partyStatus: z.enum(['full', 'probationary']),
  grade: grade.nullable(),
  votes: votes.nullable(),
  disposal: disposal.nullable(),
})

const sheet = z.object({
  activity: z.object({ id: z.string(), branchId: z.string(), topic: z.string(), startAt: z.string(), status: z.enum(['planned', 'recorded']) }),
  /** The appraisal year: the record's year (Beijing). */
  year: z.number(),
  state: z.enum(APPRAISAL_STATES),
  /** 0 before the first save; every save adds one. Send it back with the next save. */
  version: z.number(),
  /** 'full': every member's row; 'own': the caller's row only (a member). */
  view: z.enum(['full', 'own']),
  share,
  /** 正式 and 预备 members appraised, and the most who may be 优秀 (⌊appraised × share⌋). */
  appraised: z.number(),
  maxExcellent: z.number(),
  rows: z.array(appraisalRow),
  /** Per grade (null for a member's own view). */
  counts: counts.nullable(),
  canWrite: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  /** The committee's review of the record (退回修改 with its comment); null for a member's own view or none yet. */
  review: z.object({ state: z.enum(['waiting', 'returned', 'resubmitted', 'approved']), comment: z.string().nullable(), by: z.string().nullable(), at: z.string().nullable() }).nullable(),
  /** The keeper may reopen the 确定 results (重新评定): only while the record is returned (退回修改). */
  canReopen: z.boolean(),
  /** Earlier 确定 results and reopenings, oldest first (empty for a member's own view). */
  history: z.array(z.object({ kind: z.enum(['finalized', 'reopened']), by: z.string(), at: z.string(), note: z.string() })),
})

const saveRow = z.object({ memberId: id('党员'), grade: grade.nullable(), votes: votes.nullable().default(null), disposal: disposal.nullable().default(null) }).strict()

export const appraisalSchemas = {
  'appraisal.list': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          activityId: z.string(),
          topic: z.string(),
          startAt: z.string(),
          year: z.number(),
          state: z.enum(APPRAISAL_STATES),
          /** The caller's own grade once 确定 (null otherwise, or not on the roster). */
          mine: grade.nullable(),
          counts: counts.nullable(),
        }),
      ),
      canWrite: z.boolean(),
    }),
  },
  'appraisal.get': {
    input: z.object({ activityId: id('民主评议记录') }).strict(),
    output: sheet,
  },
  'appraisal.save': {
    input: z
      .object({
        activityId: id('民主评议记录'),
        version,
        rows: z.array(saveRow, { error: '请填写评议结果' }).max(500, { error: '一次最多评定 500 名党员' }),
        clientRequestId,
      })
      .strict(),
    output: sheet,
  },
  'appraisal.finalize': {
    input: z.object({ activityId: id('民主评议记录'), version, clientRequestId }).strict(),
    output: sheet,
  },
  'appraisal.reopen': {
    input: z.object({ activityId: id('民主评议记录'), version, clientRequestId }).strict(),
    output: sheet,
  },
  'appraisal.member': {
    input: z.object({ memberId: id('党员') }).strict(),
    output: z.object({
      items: z.array(z.object({ year: z.number(), activityId: z.string(), topic: z.string(), grade, votes: votes.nullable(), disposal: disposal.nullable(), finalizedAt: z.string() })),
    }),
  },
  'appraisal.settings': {
    input: z.object({}).strict(),
    output: z.object({ share, defaults: share }),
  },
  'appraisal.setSettings': {
    // strict inside too: an unknown field in share is refused like anywhere else (the output's share strips them).
    input: z.object({ share: share.strict() }).strict(),
    output: z.object({ share, defaults: share }),
  },
} as const
