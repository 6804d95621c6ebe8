/** cloud/core/work-plans/rules.ts at its edges: the due day, the day after, done late, and Beijing dates. */
import { assignmentStatus } from '../../cloud/core/work-plans/rules'

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
