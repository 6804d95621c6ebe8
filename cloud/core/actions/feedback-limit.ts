/**
 * How often one person may send 意见反馈 (docs/feedback.md): at most FEEDBACK_DAILY_LIMIT items a Beijing calendar day,
 * and not the same text again within FEEDBACK_REPEAT_MINUTES (a double tap, or a send retried under a new request id).
 * Product policy, not a regulation: the committee answers each item by hand, so a flood from one account buries the
 * others. Pure; the action (feedback.ts sendFeedback) reads the sender's items of the day and asks here, then takes
 * one of the day's slots (feedbackSlotIds), which holds the limit when sends race.
 * Tests: test/unit/feedback-limit.test.ts (the edges), test/integration/feedback-limit.test.ts (through the action,
 * 20 sends at once).
 */
import { createHash } from 'node:crypto'
import { visibleOnly } from '../../../types/schema-kit'
import { beijingDate } from '../framework/time'

export const FEEDBACK_DAILY_LIMIT = 5
export const FEEDBACK_REPEAT_MINUTES = 10

/**
 * A text as a reader tells it from another: compatibility forms folded (NFKC: ＡＢＣ is ABC, a full-width space a
 * space), every format character (\p{Cf}: word joiner, zero-width joiner, U+180E …), spaces, line breaks and the other
 * invisible characters schema-kit knows dropped (visibleOnly), letters in lower case. Only for comparing: the stored
 * text keeps its form (schema-kit's text() already drops the deceptive characters from it).
 */
export const comparableText = (s: string) => visibleOnly(s.normalize('NFKC')).replace(/\p{Cf}/gu, '').toLowerCase()

/** The same text as a person reads it: spaces, line breaks, invisible characters and full-width forms do not make it new. */
export const sameText = (a: string, b: string) => comparableText(a) === comparableText(b)

/** The start of the Beijing calendar day of `now` (Asia/Shanghai is UTC+8 all year). */
export function beijingDayStart(now: Date): Date {
  return new Date(`${beijingDate(now)}T00:00:00+08:00`)
}

/**
 * The day's slots of one sender: `feedback:<openid>:<YYYY-MM-DD>:<n>` for n = 1..FEEDBACK_DAILY_LIMIT, documents in
 * rate_limits. A send takes one by inserting it (the database refuses a second insert of an _id, so two sends at the
 * same instant never hold the same slot) before it writes the item: no more items a day than slots, however many
 * sends race (feedback.ts sendFeedback).
 */
export const feedbackSlotIds = (openid: string, now: Date) =>
  Array.from({ length: FEEDBACK_DAILY_LIMIT }, (_, i) => `feedback:${openid}:${beijingDate(now)}:${i + 1}`)

/** The refusal when every slot of the day is taken (or the day's items already number FEEDBACK_DAILY_LIMIT). */
export const dailyLimitRefusal = (): FeedbackRefusal => ({
  reason: 'DAILY_LIMIT',
  message: `今天已经提交了 ${FEEDBACK_DAILY_LIMIT} 条意见建议，请明天再提交；已提交的在下方“我提的意见”里`,
  details: { reason: 'DAILY_LIMIT', limit: FEEDBACK_DAILY_LIMIT },
})

/** The refusal of a text sent again; `left`: whole minutes until it may be sent again. */
export const repeatedRefusal = (left: number): FeedbackRefusal => ({
  reason: 'REPEATED',
  message: `这条意见刚刚已经提交过，不必重复提交；如需补充，请换个说法或 ${left} 分钟后再提交`,
  details: { reason: 'REPEATED', retryAfterMinutes: left },
})

/**
 * The sender's hold on a text for FEEDBACK_REPEAT_MINUTES: `feedback-text:<openid>:<hash of comparableText>` in
 * rate_limits. The read of recent items refuses a repeat sent after the first is stored; two sends of the same text at
 * the same instant both read nothing, so each also inserts this hold (one insert wins) — feedback.ts holdText.
 */
export const feedbackTextHoldId = (openid: string, body: string) =>
  `feedback-text:${openid}:${createHash('sha256').update(comparableText(body)).digest('hex').slice(0, 32)}`

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
  if (repeat) return repeatedRefusal(Math.max(1, Math.ceil((new Date(repeat.createdAt).getTime() - repeatFrom) / 60_000)))
  if (ofToday.length >= FEEDBACK_DAILY_LIMIT) return dailyLimitRefusal()
  return null
}
