/**
 * Action schemas of 请假 (leave) and attendance (docs/leave.md).
 *
 * - leave.request — a member expected at a planned session asks for leave before it starts (病假 / 事假 / 公出 /
 *   在外地, or other with a text).
 * - leave.forSession — the session's leave: the caller's own request and whether they may ask; the secretary sees all.
 * - leave.withdraw — the member takes back their own request while it waits and the session has not begun.
 * - leave.decide — the secretary approves or declines (another 支委 or the committee decides the secretary's own). An approved leave fills the member's absence and reason when
 *   the session is recorded (activities.attendanceSheet).
 * - leave.attendance — a member's attendance in a year: expected, present, on leave, absent without leave.
 */
import { z } from 'zod'
import { LEAVE_KINDS, LEAVE_STATUSES } from '../leave'
import { id, text, YEARS } from '../schema-kit'

const kind = z.enum(LEAVE_KINDS, { error: '请假类型只能是病假、事假、公出、在外地或其他' })

export const leaveRequest = z.object({
  id: z.string(),
  activityId: z.string(),
  memberId: z.string(),
  name: z.string(),
  kind,
  note: z.string().nullable(),
  status: z.enum(LEAVE_STATUSES),
  askedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
})

export const leaveSchemas = {
  'leave.request': {
    input: z.object({ activityId: id('活动'), kind, note: text('请假说明', 100).optional() }).strict(),
    output: leaveRequest,
  },
  'leave.forSession': {
    input: z.object({ activityId: id('活动') }).strict(),
    output: z.object({
      mine: leaveRequest.nullable(),
      /** Whether the caller may ask (expected, session not started, no request pending or approved); else why not. */
      canAsk: z.boolean(),
      cannotAsk: z.string().nullable(),
      /** The secretary: every request of the session; another 支委 or the committee: the secretary's own; others: empty. */
      all: z.array(leaveRequest),
      canDecide: z.boolean(),
      /** Ids of the requests in `all` the caller may decide (never their own: nobody approves their own leave). */
      decidable: z.array(z.string()),
      /** Whether the caller may withdraw their own request now (waiting, session not begun). */
      canWithdraw: z.boolean(),
    }),
  },
  'leave.withdraw': {
    input: z.object({ activityId: id('活动') }).strict(),
    output: leaveRequest,
  },
  'leave.decide': {
    input: z.object({ activityId: id('活动'), memberId: id('党员'), approve: z.boolean({ error: '请选择准假或不准假' }), note: text('审批意见', 100).optional() }).strict(),
    output: leaveRequest,
  },
  'leave.attendance': {
    input: z
      .object({
        memberId: id('党员'),
        year: z.number({ error: '年份必须是数字' }).int().min(YEARS.from, { error: `年份不能早于 ${YEARS.from}` }).max(YEARS.to, { error: `年份不能晚于 ${YEARS.to}` }).optional(),
      })
      .strict(),
    output: z.object({
      year: z.number(),
      expected: z.number(),
      present: z.number(),
      leave: z.number(),
      absent: z.number(),
      /** present ÷ expected, null when nothing was expected. */
      rate: z.number().nullable(),
      /** Months in a row (up to this one) with a session missed without leave and none attended. */
      missedMonthsInARow: z.number(),
    }),
  },
} as const
