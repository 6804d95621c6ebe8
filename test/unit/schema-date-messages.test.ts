/**
 * Date and month refusals speak the form's words, not a code pattern: the user walk met 「任期开始日期格式应为
 * YYYY-MM-DD」 for a date the form had left empty (types/schema-kit.ts dateOnly; monthKey in types/actions/dues.ts).
 */
import { dateOnly } from '../../types/schema-kit'
import { monthKey } from '../../types/actions/dues'

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message

test('an empty date asks for it; a malformed one shows an example; neither names YYYY', () => {
  const start = dateOnly('任期开始日期')
  expect(messageOf(start.safeParse(''))).toBe('请选择任期开始日期')
  expect(messageOf(start.safeParse('2026/12/03'))).toBe('任期开始日期应为日期，如 2026-12-03')
  expect(start.safeParse('2026-12-03').success).toBe(true)
})

test('a dues month: empty asks for it, malformed shows an example', () => {
  const month = monthKey('交纳月份')
  expect(messageOf(month.safeParse(''))).toBe('请选择交纳月份')
  expect(messageOf(month.safeParse('2026-13'))).toBe('交纳月份应为月份，如 2026-12')
  expect(month.safeParse('2026-12').success).toBe(true)
})
