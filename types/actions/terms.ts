/**
 * Action schemas of 换届 (the branch committee's term) and the branch's 政治生日 greetings (docs/terms.md).
 *
 * - terms.get — a branch's current term, its state, earlier terms, whether the caller may record, the greetings setting.
 * - terms.overview — the committee: every active branch's term state, most urgent first.
 * - terms.record — the secretary (or the committee) records the 换届选举 held at a 支部党员大会 (candidates and
 *   votes, the elected committee and posts), which starts the new term; or, once, the term in office when the branch
 *   started using the app (`kind: 'existing'`, no election).
 * - terms.setGreetings — the secretary (or the committee) turns the branch's 政治生日 greetings on or off.
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
      candidates: z.array(z.object({ memberId: z.string(), name: z.string(), votes: z.number(), elected: z.boolean() })),
    })
    .nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
})

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
    }),
  },
  'terms.overview': {
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(z.object({ branchId: z.string(), branchName: z.string(), startOn: z.string().nullable(), secretary: z.string().nullable() }).merge(status)),
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
        years: z.number({ error: '任期年数必须是数字' }).int({ error: '任期年数必须是整数' }).min(1, { error: '任期至少 1 年' }).max(5, { error: '任期最长 5 年' }).default(3),
        /** The 支部党员大会 that held the election (kind election). */
        activityId: id('支部党员大会').optional(),
        candidates: z.array(z.object({ memberId: id('候选人'), votes: z.number({ error: '得票数必须是数字' }).int({ error: '得票数必须是整数' }).min(0, { error: '得票数不能为负' }) }).strict()).max(30, { error: '候选人不能超过 30 人' }).default([]),
        members: z.array(z.object({ memberId: id('支委'), post: termPost }).strict()).max(7, { error: '支委会一般不超过 7 人' }),
        note: text('说明', 200).optional(),
      })
      .strict(),
    output: term,
  },
  'terms.setGreetings': {
    input: z.object({ branchId: id('支部'), on: z.boolean({ error: '请选择开启或关闭' }) }).strict(),
    output: z.object({ greetings: z.boolean() }),
  },
} as const
