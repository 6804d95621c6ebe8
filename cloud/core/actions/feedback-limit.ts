/**
 * How often one person may send 意见反馈 (docs/feedback.md): at most FEEDBACK_DAILY_LIMIT items a Beijing calendar day,
 * and not the same text again within FEEDBACK_REPEAT_MINUTES (a double tap, or a send retried under a new request id).
 * Product policy, not a regulation: the committee answers each item by hand, so a flood from one account buries the
 * others. Pure; the action (feedback.ts sendFeedback) reads the sender's items of the day and asks here.
 * Tests: test/unit/feedback-limit.test.ts (the edges), test/integration/feedback.test.ts (through the action).
 */
export const FEEDBACK_DAILY_LIMIT = 5
export const FEEDBACK_REPEAT_MINUTES = 10

/** The same text as a person reads it: spaces and line breaks do not make it new. */
export const sameText = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '')

/** The start of the Beijing calendar day of `now` (Asia/Shanghai is UTC+8 all year). */
export function beijingDayStart(now: Date): Date {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  return new Date(`${day}T00:00:00+08:00`)
}

export interface FeedbackRefusal {
  reason: 'DAILY_LIMIT' | 'REPEATED'
  message: string
  details: { reason: 'DAILY_LIMIT' | 'REPEATED'; limit?: number; retryAfterMinutes?: number }
}

/** From when the sender's items matter for a send at `now`: this Beijing day, or the repeat window if it began earlier. */
export const feedbackWindowStart = (now: Date) => new Date(Math.min(beijingDayStart(now).getTime(), now.getTime() - FEEDBACK_REPEAT_MINUTES * 60_000))

/**
 * Why a new item with `body` may not be sent now, or null. `recent`: the sender's items since
 * feedbackWindowStart(now) (body and when written), in any order.
 */
export function feedbackRefusal(recent: { body: string; createdAt: Date | string }[], body: string, now: Date): FeedbackRefusal | null {
  const since = beijingDayStart(now).getTime()
  const ofToday = recent.filter((f) => new Date(f.createdAt).getTime() >= since)
  const repeatFrom = now.getTime() - FEEDBACK_REPEAT_MINUTES * 60_000
  const repeat = recent
    .filter((f) => new Date(f.createdAt).getTime() > repeatFrom && sameText(f.body, body))
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())[0]
  // A repeat reaches back over midnight too: 23:58 and 00:03 are five minutes apart.
  if (repeat) {
    const left = Math.max(1, Math.ceil((new Date(repeat.createdAt).getTime() - repeatFrom) / 60_000))
    return {
      reason: 'REPEATED',
      message: `这条意见刚刚已经提交过，不必重复提交；如需补充，请换个说法或 ${left} 分钟后再提交`,
      details: { reason: 'REPEATED', retryAfterMinutes: left },
    }
  }
  if (ofToday.length >= FEEDBACK_DAILY_LIMIT) {
    return {
      reason: 'DAILY_LIMIT',
      message: `今天已经提交了 ${FEEDBACK_DAILY_LIMIT} 条意见建议，请明天再提交；已提交的在下方“我提的意见”里`,
      details: { reason: 'DAILY_LIMIT', limit: FEEDBACK_DAILY_LIMIT },
    }
  }
  return null
}
