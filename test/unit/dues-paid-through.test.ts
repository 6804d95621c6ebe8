/** 介绍信 党费交至 defaults to the last month settled without a gap (walk: paid through October, the form said December). */
import { paidThroughMonth, type DuesMonthState } from '../../types/dues'

const year = (states: DuesMonthState[]) => states.map((state, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, state }))

test('paid Jan–Oct, November unpaid, December due: October', () => {
  expect(paidThroughMonth(year(['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'unpaid', 'due']))).toBe('2026-10')
})
test('months before the member owed are skipped; a short month with its reason counts as settled', () => {
  expect(paidThroughMonth(year(['not_owed', 'not_owed', 'paid', 'short', 'paid', 'unpaid', 'paid', 'unpaid', 'unpaid', 'unpaid', 'unpaid', 'due']))).toBe('2026-05')
})
test('a gap stops the count (a later month paid does not carry it); nothing settled gives null', () => {
  expect(paidThroughMonth(year(['unpaid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'due']))).toBeNull()
  expect(paidThroughMonth(year(['not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed', 'not_owed']))).toBeNull()
})
test('paid ahead: the months paid in advance count', () => {
  expect(paidThroughMonth(year(['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid']))).toBe('2026-12')
})
