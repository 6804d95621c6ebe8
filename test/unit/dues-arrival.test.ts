/**
 * 党费 months around the arrival by a transfer (docs/dues.md, "Months across a transfer"; history.ts monthsHere,
 * ledger.ts monthState): owed here from the arrival month, with or without a standard; before it 原 when settled
 * (recorded there, or the letter's 党费交至 from the earlier 起缴 or the admission) and not_here otherwise — never owed,
 * unpaid or behind here. A member who did not arrive by a transfer, or whose entry has no arrival date, is unchanged.
 */
import { paidThroughMonth, type DuesMonthState } from '../../types/dues'
import { monthState, monthsBehind, yearTotals } from '../../cloud/core/dues/ledger'
import { monthsHere, type EarlierDues } from '../../cloud/core/dues/history'

const letter = (paidTo: string | null, owedSince: string | null = null, recorded: string[] = []): EarlierDues => ({
  entries: [],
  paidTo,
  paidToBy: '原支部',
  owedSince,
  payments: recorded.map((month) => ({ _id: `x:${month}`, branchId: 'b0', memberId: 'x', month, dueFen: 20, paidFen: 20, paidOn: '2026-01-05', way: 'cash', reason: null, recordedBy: { openid: 'o', name: '陈晓燕' }, recordedAt: new Date(0), branchName: '原支部' })),
})
const year = (from: string | null, elsewhere: Set<string>, arrived: string | null, now = '2026-12'): DuesMonthState[] =>
  Array.from({ length: 12 }, (_, i) => monthState(`2026-${String(i + 1).padStart(2, '0')}`, now, from, undefined, elsewhere, arrived))

test('孙丽: no standard in either branch, arrived 12月3日, 党费交至 11月 — Jan–Nov 原, December owed here', () => {
  const h = monthsHere(letter('2026-11'), { joinedBranchOn: '2026-12-03', joinedPartyOn: '2015-07-01' }, null, '2027-12')
  expect(h).toMatchObject({ from: '2026-12', arrived: '2026-12' })
  expect(year(h.from, h.elsewhere, h.arrived)).toEqual([...Array(11).fill('elsewhere'), 'due'])
  expect(monthsBehind(h.from, '2026-12', h.elsewhere)).toBe(0)
})

test('a standard here from January does not make the months before the arrival owed here', () => {
  const h = monthsHere(letter('2026-08', '2026-06', ['2026-06', '2026-07']), { joinedBranchOn: '2026-12-03', joinedPartyOn: '2015-07-01' }, '2026-01', '2027-12')
  expect(h.from).toBe('2026-12')
  // The letter covers June–August from the old 起缴 (June), not from the January the new keeper typed.
  expect(year(h.from, h.elsewhere, h.arrived)).toEqual(['not_here', 'not_here', 'not_here', 'not_here', 'not_here', 'elsewhere', 'elsewhere', 'elsewhere', 'not_here', 'not_here', 'not_here', 'due'])
  expect(monthsBehind(h.from, '2027-02', h.elsewhere)).toBe(2)
  expect(yearTotals(2026, '2026-12', h.from, 20, new Map(), h.elsewhere)).toEqual({ dueFen: 20, paidFen: 0 })
  // The next letter's 党费交至 is not stopped by the earlier branch's months.
  expect(paidThroughMonth(year(h.from, h.elsewhere, h.arrived).map((state, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, state })))).toBe('2026-08')
})

test('a standard here starting after the arrival keeps its start; without an arrival date or a transfer nothing changes', () => {
  expect(monthsHere(letter('2026-08'), { joinedBranchOn: '2026-09-10', joinedPartyOn: null }, '2026-11', '2027-12').from).toBe('2026-11')
  const legacy = monthsHere(letter('2026-04', '2026-02'), { joinedPartyOn: null }, '2026-03', '2027-12')
  expect(legacy).toMatchObject({ from: '2026-03', arrived: null })
  expect([...legacy.elsewhere].sort()).toEqual(['2026-02', '2026-03', '2026-04'])
  expect(monthsHere(undefined, { joinedBranchOn: '2026-09-10', joinedPartyOn: null }, '2026-01', '2027-12')).toEqual({ from: '2026-01', elsewhere: new Set(), arrived: null })
})

test('a letter from outside with no 起缴 and no admission date reaches back three years at most', () => {
  const h = monthsHere(letter('2026-11'), { joinedBranchOn: '2026-12-01', joinedPartyOn: null }, null, '2027-12')
  expect([...h.elsewhere].sort()[0]).toBe('2023-12')
  expect(h.elsewhere.size).toBe(36)
})
