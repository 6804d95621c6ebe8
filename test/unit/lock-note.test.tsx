/** The record form and page say when the branch can no longer change a record (#16.12). */
import { render, screen } from '@testing-library/react'
import { LockNote, lockSentence } from '../../src/features/activities/components/lock-note'

test('a saved record: editable through the day before it locks', () => {
  render(<LockNote locksOn='2027-01-02' />)
  expect(screen.getByText('本支部可修改至2027年1月1日，此后记录归档，只有党委管理员可以修改')).toBeTruthy()
})

test('a new record: 30 days from today, in Beijing', () => {
  // 2026-12-02 23:30 Beijing is 15:30 UTC: today is 12-02 in Beijing.
  expect(lockSentence(null, new Date('2026-12-02T15:30:00Z'))).toBe('保存后 30 天内（至2027年1月1日）本支部可以修改，此后记录归档，只有党委管理员可以修改')
  expect(lockSentence(undefined, new Date('2026-12-02T16:30:00Z'))).toContain('至2027年1月2日')
})
