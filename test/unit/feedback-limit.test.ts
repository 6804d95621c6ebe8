/** feedback.send's limits (cloud/core/actions/feedback-limit.ts) at their edges: 5 a Beijing day, no repeat within 10 minutes. */
import { comparableText, FEEDBACK_DAILY_LIMIT, feedbackRefusal, feedbackWindowStart } from '../../cloud/core/actions/feedback-limit'
import { feedbackSchemas } from '../../types/actions/feedback'

const at = (beijing: string) => new Date(`${beijing}+08:00`)
const item = (body: string, beijing: string) => ({ body, createdAt: at(beijing) })

test('five items in a Beijing day are fine; the sixth is refused with DAILY_LIMIT; yesterday does not count', () => {
  const four = [1, 2, 3, 4].map((i) => item(`建议 ${i}`, `2026-12-03T0${i}:00:00`))
  expect(feedbackRefusal(four, '第五条', at('2026-12-03T23:59:00'))).toBeNull()
  const five = [...four, item('第五条', '2026-12-03T05:00:00')]
  expect(feedbackRefusal(five, '第六条', at('2026-12-03T23:59:00'))).toMatchObject({
    reason: 'DAILY_LIMIT',
    details: { reason: 'DAILY_LIMIT', limit: FEEDBACK_DAILY_LIMIT },
    message: expect.stringContaining('今天已经提交了 5 条意见建议，请明天再提交'),
  })
  // 00:00 Beijing is 16:00 UTC the day before: the new day starts there, whatever the server's zone.
  expect(feedbackRefusal(five, '第六条', at('2026-12-04T00:00:00'))).toBeNull()
  expect(feedbackWindowStart(at('2026-12-04T08:00:00')).toISOString()).toBe('2026-12-03T16:00:00.000Z')
})

test('the same text within 10 minutes is refused (REPEATED, spaces do not make it new); at 10 minutes or with other words it is not', () => {
  const sent = [item('活动通知 发得太晚', '2026-12-03T10:00:00')]
  const again = feedbackRefusal(sent, '活动通知发得太晚\n', at('2026-12-03T10:09:59'))
  expect(again).toMatchObject({ reason: 'REPEATED', details: { reason: 'REPEATED', retryAfterMinutes: 1 }, message: expect.stringContaining('这条意见刚刚已经提交过') })
  expect(feedbackRefusal(sent, '活动通知发得太晚', at('2026-12-03T10:01:00'))?.details.retryAfterMinutes).toBe(9)
  expect(feedbackRefusal(sent, '活动通知发得太晚', at('2026-12-03T10:10:00'))).toBeNull()
  expect(feedbackRefusal(sent, '活动通知发得太晚了', at('2026-12-03T10:01:00'))).toBeNull()
})

test('a repeat reaches back over midnight; the window read from the store starts 10 minutes before then', () => {
  const sent = [item('请增加党费查询', '2026-12-03T23:58:00')]
  const now = at('2026-12-04T00:03:00')
  expect(feedbackWindowStart(now).getTime()).toBe(at('2026-12-03T23:53:00').getTime())
  expect(feedbackRefusal(sent, '请增加党费查询', now)?.reason).toBe('REPEATED')
  // ...but yesterday's item is not one of today's five.
  const yesterday = Array.from({ length: 5 }, (_, i) => item(`昨天 ${i}`, '2026-12-03T23:57:00'))
  expect(feedbackRefusal(yesterday, '今天的第一条', now)).toBeNull()
})

test('invisible characters and full-width letters do not make a text new (attacker review: U+2060, U+200D, U+180E, ＡＢＣ)', () => {
  const sent = [item('ABC 活动通知发得太晚', '2026-12-03T10:00:00')]
  const now = at('2026-12-03T10:01:00')
  for (const disguised of ['A\u2060BC活动通知发得太晚', 'AB\u200DC活动通知发得太晚', 'ABC活动\u180E通知发得太晚', 'ＡＢＣ活动通知发得太晚', 'abc\u3000活动通知发得太晚', 'a\uFEFFb\u200Bc活动通知\u00AD发得太晚']) {
    expect(feedbackRefusal(sent, disguised, now)?.reason).toBe('REPEATED')
  }
  expect(comparableText('ＡＢＣ\u2060 活动\u200D通知')).toBe('abc活动通知')
  // Other words are still another text.
  expect(feedbackRefusal(sent, 'ABD 活动通知发得太晚', now)).toBeNull()
})

test('the stored body loses the word joiner and its kin (the schema\'s text(), as every typed text); emoji joiners stay', () => {
  const body = feedbackSchemas['feedback.send'].input.parse({ kind: 'suggestion', body: '活\u2060动\u2061通知\u2064太晚 👨\u200D👩\u200D👧', clientRequestId: 'abcdefgh' }).body
  expect(body).toBe('活动通知太晚 👨\u200D👩\u200D👧')
})
