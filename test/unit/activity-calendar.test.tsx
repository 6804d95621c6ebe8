/** The month calendar of upcoming sessions: Monday-first weeks in Beijing days, marked days, navigation. */
import { fireEvent, render, screen } from '@testing-library/react'
import { MonthCalendar, monthGrid, shiftMonth } from '../../src/features/activities/components/month-calendar'

test('a month is whole weeks starting on Monday, with the neighbouring months blank', () => {
  const nov = monthGrid('2026-11')
  // 1 November 2026 is a Sunday: six blanks before it.
  expect(nov.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-11-01'])
  expect(nov.filter(Boolean)).toHaveLength(30)
  expect(nov.length % 7).toBe(0)
  expect(monthGrid('2026-02').filter(Boolean)).toHaveLength(28)
  expect(shiftMonth('2026-12', 1)).toBe('2027-01')
  expect(shiftMonth('2026-01', -1)).toBe('2025-12')
})

test('days with sessions show their count; taps select a day and change the month', () => {
  const onSelect = jest.fn()
  const onMonth = jest.fn()
  render(
    <MonthCalendar month='2026-11' marks={{ '2026-11-25': 2, '2026-11-03': 1 }} selected='2026-11-25' onSelect={onSelect} onMonth={onMonth} now={new Date('2026-11-22T17:00:00Z')} />,
  )
  expect(screen.getByText('2026年11月')).toBeTruthy()
  // Day 2 and the count of the 25th's two sessions; the 3rd's single session is a dot.
  expect(screen.getAllByText('2')).toHaveLength(2)
  expect(screen.getAllByText('•')).toHaveLength(1)
  // 17:00 UTC on the 22nd is already the 23rd in Beijing.
  expect(screen.getByText('23').parentElement!.className).toContain('month-cal__cell--today')
  fireEvent.click(screen.getByText('3'))
  expect(onSelect).toHaveBeenCalledWith('2026-11-03')
  fireEvent.click(screen.getByText('下月 ›'))
  expect(onMonth).toHaveBeenCalledWith('2026-12')
})
