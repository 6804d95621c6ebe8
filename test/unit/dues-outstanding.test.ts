/** yearOutstanding (cloud/core/dues/ledger.ts) at its edges: this month counts, months before the start and after now do not, a short month with its reason is settled, a past year counts all of it. */
import { yearOutstanding } from '../../cloud/core/dues/ledger'

test('this month unpaid is owed (paid up means up to and including now)', () => {
  expect(yearOutstanding(2026, '2026-12', '2026-08', 20, new Set(['2026-08', '2026-09', '2026-10', '2026-11']))).toEqual({ months: 1, fen: 20 })
})

test('months before the start and after now are not owed; a recorded month (short with a reason too) is settled', () => {
  expect(yearOutstanding(2026, '2026-05', '2026-03', 8100, new Set(['2026-04']))).toEqual({ months: 2, fen: 16200 })
  expect(yearOutstanding(2026, '2026-05', '2026-03', 8100, new Set(['2026-03', '2026-04', '2026-05']))).toEqual({ months: 0, fen: 0 })
})

test('a past year counts to December; a start in an earlier year counts from January; no standard owes nothing', () => {
  expect(yearOutstanding(2025, '2026-02', '2024-06', 50, new Set())).toEqual({ months: 12, fen: 600 })
  expect(yearOutstanding(2026, '2026-12', null, null, new Set())).toEqual({ months: 0, fen: 0 })
})
