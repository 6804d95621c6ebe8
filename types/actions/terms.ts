/**
 * Action schemas of 换届 (the branch committee's term) and the branch's 政治生日 greetings (docs/terms.md).
 *
 * - terms.get — a branch's current term, its state, earlier terms, whether the caller may record, the greetings setting.
 * - terms.overview — the committee: every active branch's term state, most urgent first.
 * - terms.record — the secretary (or the committee) records the 换届选举 held at a 支部党员大会 (candidates and
 *   votes, the elected committee and posts), which starts the new term; or, once, the term in office when the branch
 *   started using the app (`kind: 'existing'`, no election).
 * - terms.setGreetings — the secretary (or the committee) turns the branch's 政治生日 greetings on or off.
 * - terms.correct — the secretary (or the committee) corrects the current term (start, length, posts and members,
 *   the election's votes) with a reason, kept in the term's corrections and the audit log.
 * - terms.postpone — records a 延期换届 approved by the 上级党组织: the approval date, the reason, the new due date.
 * - terms.syncRoles — 同步支委职务到账号: the account roles follow the current term (the 书记's role handed over).
 */
import { z } from 'zod'
import { TERM_POSTS, TERM_STATES } from '../terms'
import { dateOnly, id, text } from '../schema-kit'

const termPost = z.enum(TERM_POSTS, { error: '职务只能是书记、副书记、组织委员、宣传委员、纪检委员、青年委员或统战委员' })
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })

export const term = z.object({
  id: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  years: z.number(),
  kind: z.enum(['election', 'existing']),
  members: z.array(z.object({ memberId: z.string(), name: z.string(), post: z.string() })),
  election: z
    .object({
      activityId: z.string(),
      topic: z.string(),
      voters: z.number(),
      presentVoters: z.number(),
      /** 应选人数. */
      seats: z.number(),
      candidates: z.array(z.object({ memberId: z.string(), name: z.string(), votes: z.number(), elected: z.boolean() })),
    })
    .nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** When the 换届 is due: the end, or the last approved 延期换届's date. */
  dueOn: z.string(),
  postponements: z.array(z.object({ approvedOn: z.string(), reason: z.string(), dueOn: z.string(), by: z.string() })),
  corrections: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string(), summary: z.string() })),
})

const years = z.number({ error: '任期年数必须是数字' }).int({ error: '任期年数必须是整数' }).min(1, { error: '任期至少 1 年' }).max(5, { error: '任期最长 5 年' })
const candidates = z.array(z.object({ memberId: id('候选人'), votes: z.number({ error: '得票数必须是数字' }).int({ error: '得票数必须是整数' }).min(0, { error: '得票数不能为负' }) }).strict()).max(30, { error: '候选人不能超过 30 人' })
const members = z.array(z.object({ memberId: id('支委'), post: termPost }).strict()).max(7, { error: '支委会一般不超过 7 人' })
const seats = z.number({ error: '应选人数必须是数字' }).int({ error: '应选人数必须是整数' }).min(1, { error: '应选人数至少 1 人' }).max(7, { error: '支委会一般不超过 7 人' })

const status = z.object({ state: z.enum(TERM_STATES), endOn: z.string().nullable(), daysLeft: z.number().nullable() })

export const termsSchemas = {
  'terms.get': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({
      branchId: z.string(),
      branchName: z.string(),
      term: term.nullable(),
      status,
      past: z.array(term),
      canRecord: z.boolean(),
      /** 政治生日 greetings (on unless the branch turned them off). */
      greetings: z.boolean(),
      /** For those who may confirm: the account roles that do not yet follow the current term (terms.syncRoles), or null. */
      roleSync: z.object({ lines: z.array(z.string()), blocked: z.string().nullable(), waiting: z.array(z.string()) }).nullable(),
    }),
  },
  'terms.overview': {
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(z.object({ branchId: z.string(), branchName: z.string(), startOn: z.string().nullable(), secretary: z.string().nullable(), postponed: z.boolean() }).merge(status)),
      counts: z.object({ none: z.number(), ok: z.number(), due_soon: z.number(), overdue: z.number() }),
    }),
  },
  'terms.record': {
    input: z
      .object({
        branchId: id('支部'),
        clientRequestId: requestId,
        kind: z.enum(['election', 'existing'], { error: '请选择登记换届选举或补录现任支委会' }).default('election'),
        startOn: dateOnly('任期开始日期'),
        years: years.default(3),
        /** The 支部党员大会 that held the election (kind election). */
        activityId: id('支部党员大会').optional(),
        candidates: candidates.default([]),
        members,
        /** 应选人数 (差额选举: fewer than the candidates); default as many as elected. */
        seats: seats.optional(),
        note: text('说明', 200).optional(),
      })
      .strict(),
    output: term,
  },
  'terms.correct': {
    input: z
      .object({
        branchId: id('支部'),
        termId: z.string({ error: '请选择要更正的任期' }).min(1, { error: '请选择要更正的任期' }).max(80),
        clientRequestId: requestId,
        startOn: dateOnly('任期开始日期'),
        years,
        members,
        /** The election's votes, corrected (an election term); omitted: as recorded. */
        candidates: candidates.optional(),
        seats: seats.optional(),
        reason: text('更正原因', 200),
      })
      .strict(),
    output: term,
  },
  'terms.postpone': {
    input: z
      .object({
        branchId: id('支部'),
        clientRequestId: requestId,
        approvedOn: dateOnly('批准日期'),
        dueOn: dateOnly('延期后的换届日期'),
        reason: text('延期原因', 200),
      })
      .strict(),
    output: term,
  },
  'terms.syncRoles': {
    input: z.object({ branchId: id('支部'), clientRequestId: requestId }).strict(),
    output: z.object({ lines: z.array(z.string()) }),
  },
  'terms.setGreetings': {
    input: z.object({ branchId: id('支部'), on: z.boolean({ error: '请选择开启或关闭' }) }).strict(),
    output: z.object({ greetings: z.boolean() }),
  },
} as const
