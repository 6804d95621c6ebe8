/**
 * The home tab's to-do block (home.todo): what the caller should do next in the branch they are looking at, as the
 * cloud words it, counted and ordered by urgency. The client shows the lines as they come (the home tab is in the
 * main package, so it carries no rules of its own).
 *
 * - A branch's writers (secretary, 支委): overdue and soon-due work points (「已逾期 2 天」/「还剩 1 天」), points the
 *   committee returned, sessions whose sign-in is open now, held sessions still to record, join requests.
 * - A member: a session they are expected at whose sign-in is open now (and they have not signed in), or that starts
 *   later today. Nothing about meetings they cannot hold.
 * - A guide: the branch's state (how many points are late or due, sessions unrecorded) — nothing to tap through as a task.
 * - The committee: points late or due soon across branches (how many branches), plans still in draft, records waiting
 *   for its review (never reviewed or resubmitted).
 */
import { z } from 'zod'
import { id } from '../schema-kit'

export const TODO_KINDS = ['point_overdue', 'point_returned', 'record_returned', 'sign_in_open', 'to_record', 'point_due', 'join_requests', 'session_today', 'plan_draft', 'branch_state', 'recruitment_due', 'records_to_review', 'leave_to_decide', 'dues_behind', 'dues_unpaid', 'term_due', 'transfers_incoming', 'transfer_receipts_overdue', 'feedback_open'] as const

const todoItem = z.object({
  /** Stable per item (for lists and tests). */
  key: z.string(),
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  /** The urgency in words: 已逾期 2 天 · 还剩 1 天 · 今天到期 · 正在签到 · 今天 14:30 … */
  due: z.string(),
  tone: z.enum(['overdue', 'soon', 'now', 'info']),
  /** Where tapping the line goes (a page path with its query). */
  page: z.string(),
})

export const homeSchemas = {
  'home.todo': {
    input: z.object({ branchId: id('支部').optional() }).strict(),
    output: z.object({
      /** Whose view this is: the committee's, a branch writer's, a member's, or a guide's (branch state). */
      view: z.enum(['committee', 'writer', 'member', 'guide']),
      /** Every item, most urgent first; `total` counts them all even when `items` is cut at 20. */
      items: z.array(todoItem),
      total: z.number(),
    }),
  },
} as const
