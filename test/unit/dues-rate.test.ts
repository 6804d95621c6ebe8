/**
 * 党费 brackets at their edges (《关于中国共产党党费收缴、使用和管理的规定》, 中组部 2008) and the ledger's month
 * arithmetic (预备党员 owe from admission; months behind toward 党章 第九条's six).
 */
import { addMonths, behindFlag, monthsBehind, monthState, owedFrom, yearTotals } from '../../cloud/core/dues/ledger'
import { bpToFraction, fenText, fenToYuan, monthlyDues, yuanToFen } from '../../cloud/core/dues/rate'

const employed = (yuan: number) => monthlyDues('employed', yuanToFen(yuan)!)
const retired = (yuan: number) => monthlyDues('retired', yuanToFen(yuan)!)

describe('在职: the bracket rate on the whole base, each upper bound in its bracket', () => {
  test.each([
    [0, 50, 0],
    [1, 50, 1], // 0.005 元 rounds half up to 0.01
    [2999.99, 50, 1500], // 15.00 元 (14.99995 rounds up)
    [3000, 50, 1500],
    [3000.01, 100, 3000],
    [4000, 100, 4000],
    [5000, 100, 5000],
    [5000.01, 150, 7500],
    [5400, 150, 8100], // the regulation's own example: 81.00 元
    [10000, 150, 15000],
    [10000.01, 200, 20000],
    [12345.67, 200, 24691], // 246.9134 → 246.91
  ])('%s 元 → %s bp, %s 分', (yuan, bp, fen) => {
    expect(employed(yuan)).toEqual({ rateBp: bp, amountFen: fen })
  })

  test('5,400 元 answers rate 0.015 and 81 元 exactly, without floating-point error', () => {
    const q = employed(5400)
    expect(bpToFraction(q.rateBp)).toBe(0.015)
    expect(fenToYuan(q.amountFen)).toBe(81)
    expect(fenText(q.amountFen)).toBe('81.00')
  })

  test('amounts that trip floating point (0.1 + 0.2) stay exact in 分', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(81.1)).toBe(8110)
    expect(yuanToFen(3000.005)).toBeNull() // a tenth of a 分 is no amount
    expect(yuanToFen(-1)).toBeNull()
    expect(fenToYuan(1501)).toBe(15.01)
  })
})

describe('离退休: 0.5% up to 5,000 元, 1% above', () => {
  test.each([
    [5000, 50, 2500],
    [5000.01, 100, 5000],
    [8000, 100, 8000],
    [3000, 50, 1500],
  ])('%s 元 → %s bp, %s 分', (yuan, bp, fen) => {
    expect(retired(yuan)).toEqual({ rateBp: bp, amountFen: fen })
  })
})

describe('fixed amounts', () => {
  test.each(['student', 'unemployed', 'low_income'] as const)('%s pays 0.2 元 whatever the income', (c) => {
    expect(monthlyDues(c, 999_999)).toEqual({ rateBp: 0, amountFen: 20 })
  })
  test('农民: 0.2 元 by default, up to 1 元 as the branch sets, nothing outside 0.2–1', () => {
    expect(monthlyDues('farmer', 0)).toEqual({ rateBp: 0, amountFen: 20 })
    expect(monthlyDues('farmer', 0, 100)).toEqual({ rateBp: 0, amountFen: 100 })
    expect(() => monthlyDues('farmer', 0, 101)).toThrow(RangeError)
    expect(() => monthlyDues('farmer', 0, 19)).toThrow(RangeError)
  })
})

describe('the ledger months', () => {
  test('months roll over years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-06', -18)).toBe('2024-12')
  })

  test('a 预备党员 owes from the month the 支部大会 admitted them, not before the ledger starts', () => {
    expect(owedFrom('2026-01', '2026-07-15')).toBe('2026-07')
    expect(owedFrom('2026-03', '2010-07-01')).toBe('2026-03')
    expect(owedFrom('2026-03', null)).toBe('2026-03')
  })

  test('each month state: not owed, paid, short, this month due, unpaid, upcoming', () => {
    expect(monthState('2026-06', '2026-12', '2026-07', undefined)).toBe('not_owed')
    expect(monthState('2026-08', '2026-12', '2026-07', { dueFen: 8100, paidFen: 9000 })).toBe('paid')
    expect(monthState('2026-08', '2026-12', '2026-07', { dueFen: 8100, paidFen: 4000 })).toBe('short')
    expect(monthState('2026-12', '2026-12', '2026-07', undefined)).toBe('due')
    expect(monthState('2026-11', '2026-12', '2026-07', undefined)).toBe('unpaid')
    expect(monthState('2027-01', '2026-12', '2026-07', undefined)).toBe('upcoming')
  })

  test('months behind count back from last month to the last paid one; flags at 3 and 5', () => {
    const paid = new Set(['2026-06'])
    expect(monthsBehind('2026-01', '2026-12', paid)).toBe(5) // Jul–Nov
    expect(behindFlag(5)).toBe(5)
    expect(monthsBehind('2026-01', '2026-10', paid)).toBe(3)
    expect(behindFlag(3)).toBe(3)
    expect(behindFlag(2)).toBeNull()
    expect(monthsBehind('2026-11', '2026-12', new Set())).toBe(1) // only since they owe
    expect(monthsBehind('2026-12', '2026-12', new Set())).toBe(0) // this month is not late yet
    expect(monthsBehind(null, '2026-12', new Set())).toBe(0)
  })

  test('year totals count months up to this month, paid ones at what was due then', () => {
    const payments = new Map([['2026-01', { dueFen: 5000, paidFen: 5000 }], ['2026-02', { dueFen: 5000, paidFen: 6000 }]])
    expect(yearTotals(2026, '2026-04', '2026-01', 8100, payments)).toEqual({ dueFen: 5000 + 5000 + 8100 * 2, paidFen: 11000 })
    expect(yearTotals(2026, '2026-04', null, null, new Map())).toEqual({ dueFen: 0, paidFen: 0 })
  })
})
