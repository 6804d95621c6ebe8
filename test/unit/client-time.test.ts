/**
 * The client's time helpers show Beijing time whatever the phone's zone: an instant just after UTC midnight is
 * still the previous evening's date in UTC but already the next morning in Beijing. (The unit project runs under
 * whatever TZ the machine has; CI's is UTC, where a helper that used the local zone would fail these.)
 */
import { inShanghai } from '../../src/lib/dayjs'
import { formatDateTime, formatShortDate, shanghaiToIso, todayInShanghai } from '../../src/lib/time'

test('an instant at 16:30 UTC is 00:30 the next day in Beijing, with its weekday', () => {
  expect(formatDateTime('2026-11-23T16:30:00Z')).toBe('2026年11月24日 周二 00:30')
  expect(todayInShanghai(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
  expect(todayInShanghai(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31')
})

test('a Beijing date and time become an ISO instant with +08:00 that reads back the same', () => {
  const iso = shanghaiToIso('2028-02-29', '07:05')
  expect(iso).toBe('2028-02-29T07:05:00+08:00')
  expect(new Date(iso).toISOString()).toBe('2028-02-28T23:05:00.000Z')
  expect(inShanghai(iso).format('YYYY-MM-DD HH:mm')).toBe('2028-02-29 07:05')
})

test('short dates drop the year only within the current Beijing year', () => {
  const now = new Date('2026-12-31T16:30:00Z') // already 2027 in Beijing
  expect(formatShortDate('2027-01-02T02:00:00Z', now)).toBe('1月2日')
  expect(formatShortDate('2026-12-30T02:00:00Z', now)).toBe('2026年12月30日')
})
