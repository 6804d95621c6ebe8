/** cloud/core/work-plans/rules.ts at its edges: the due day, the day after, done late, and Beijing dates. */
import { assignmentStatus, tallyByStatus } from '../../cloud/core/work-plans/rules'

test.each([
  ['not_started', '2026-12-03', '2026-12-03', 'not_started'],
  ['not_started', '2026-12-03', '2026-12-04', 'overdue'],
  ['in_progress', '2026-12-03', '2026-12-02', 'in_progress'],
  ['in_progress', '2026-12-03', '2026-12-04', 'overdue'],
  ['done', '2026-12-03', '2027-01-10', 'done'],
  // Dates compare as calendar days across months and years (YYYY-MM-DD), not as numbers of a month.
  ['not_started', '2026-12-31', '2027-01-01', 'overdue'],
  ['not_started', '2027-01-01', '2026-12-31', 'not_started'],
] as const)('%s due %s, today %s -> %s', (state, dueOn, today, expected) => {
  expect(assignmentStatus({ state, dueOn }, today)).toBe(expected)
})

describe('tallyByStatus: the one count behind dashboard.points and workPlans.progress', () => {
  const today = '2026-12-03'
  const rows = [
    // Point 1: done on time, done a Beijing day late (16:30Z on the due day is 00:30 the next day), due today.
    { pointSeq: 1, branchId: 'b1', state: 'done', dueOn: '2026-11-30', doneAt: new Date('2026-11-30T15:59:00Z'), reportCount: 1 },
    { pointSeq: 1, branchId: 'b2', state: 'done', dueOn: '2026-11-30', doneAt: new Date('2026-11-30T16:30:00Z'), reportCount: 2 },
    { pointSeq: 1, branchId: 'b3', state: 'not_started', dueOn: today, doneAt: null, reportCount: 0 },
    // Point 2: overdue without a report, overdue with one.
    { pointSeq: 2, branchId: 'b1', state: 'not_started', dueOn: '2026-12-02', doneAt: null, reportCount: 0 },
    { pointSeq: 2, branchId: 'b2', state: 'in_progress', dueOn: '2026-12-02', doneAt: null, reportCount: 1 },
  ] as const

  test('per point: a late done is done and doneLate, not overdue; the due day is not overdue; silent = not done, no report', () => {
    const byPoint = tallyByStatus(rows, (a) => a.pointSeq, today)
    expect(byPoint.get(1)).toEqual({ total: 3, done: 2, overdue: 0, doneLate: 1, silent: 1 })
    expect(byPoint.get(2)).toEqual({ total: 2, done: 0, overdue: 2, doneLate: 0, silent: 1 })
  })

  test('per branch, from the same rows', () => {
    const byBranch = tallyByStatus(rows, (a) => a.branchId, today)
    expect(byBranch.get('b1')).toEqual({ total: 2, done: 1, overdue: 1, doneLate: 0, silent: 1 })
    expect(byBranch.get('b2')).toEqual({ total: 2, done: 1, overdue: 1, doneLate: 1, silent: 0 })
    expect(byBranch.get('b3')).toEqual({ total: 1, done: 0, overdue: 0, doneLate: 0, silent: 1 })
  })

  test('rows read without doneAt and reportCount (the dashboard reads state and dueOn only) count done and overdue', () => {
    const lean = rows.map(({ pointSeq, state, dueOn }) => ({ pointSeq, state, dueOn }))
    expect(tallyByStatus(lean, (a) => a.pointSeq, today).get(2)).toEqual({ total: 2, done: 0, overdue: 2, doneLate: 0, silent: 0 })
  })
})
