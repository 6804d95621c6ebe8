/**
 * Action schemas of 意见反馈 (suggestions and complaints to the committee; the 2026 rules for apps that 群团组织 run
 * require such a channel). docs/feedback.md.
 *
 * - feedback.send — anyone signed in: a suggestion or a complaint (text), optionally about their branch.
 * - feedback.mine — the sender's own items with the committee's answers.
 * - feedback.list — committee: open items first, a page at a time.
 * - feedback.answer — committee: an answer to an open item, which is then 已答复 (the sender is told in the inbox).
 * - feedback.close — committee: the item closed (answered or not); nothing more is done on it.
 */
import { z } from 'zod'
import { cursor, id, pageLimit, text } from '../schema-kit'

const kind = z.enum(['suggestion', 'complaint'], { error: '类型只能是建议或投诉' })
export const feedbackItem = z.object({
  id: z.string(),
  kind,
  body: z.string(),
  fromName: z.string(),
  branchName: z.string().nullable(),
  status: z.enum(['open', 'answered', 'closed']),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
})

export const feedbackSchemas = {
  'feedback.send': {
    input: z.object({ kind, body: text('内容', 500), branchId: id('支部').optional(), clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' }) }).strict(),
    output: feedbackItem,
  },
  'feedback.mine': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(feedbackItem) }),
  },
  'feedback.list': {
    input: z.object({ status: z.enum(['open', 'answered', 'closed'], { error: '状态只能是待处理、已答复或已关闭' }).default('open'), cursor: cursor.optional(), limit: pageLimit(50, 20) }).strict(),
    output: z.object({ items: z.array(feedbackItem), nextCursor: z.string().nullable() }),
  },
  'feedback.answer': {
    input: z.object({ feedbackId: id('意见'), answer: text('答复', 500) }).strict(),
    output: feedbackItem,
  },
  'feedback.close': {
    input: z.object({ feedbackId: id('意见') }).strict(),
    output: feedbackItem,
  },
} as const
