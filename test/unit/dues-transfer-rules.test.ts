/**
 * 党费 across a transfer, and the second walk's wording (docs/dues.md): months settled in the member's earlier branch
 * (recorded there, or under the letter's 党费交至) are neither owed nor collected here and never unpaid; one 收缴率
 * format; money with two decimals; the keepers' home line names who is behind and is not folded.
 */
import { collectionRateText, paidThroughMonth, yuanText, type DuesMonthState } from '../../types/dues'
import { elsewhereMonths, monthState, monthsBehind, yearOutstanding, yearTotals } from '../../cloud/core/dues/ledger'
import { settledElsewhere } from '../../cloud/core/dues/history'
import { writerTodo } from '../../cloud/core/home/todo'

describe('months settled elsewhere', () => {
  test('recorded months, plus the letter’s 党费交至 from the first month owed — never before it, capped', () => {
    expect([...elsewhereMonths({ recorded: ['2026-02'], paidTo: '2026-05', owedSince: '2026-03' }, '2026-12')].sort()).toEqual(['2026-02', '2026-03', '2026-04', '2026-05'])
    // No first month known: the letter alone reaches back nowhere.
    expect([...elsewhereMonths({ recorded: [], paidTo: '2026-05', owedSince: null }, '2026-12')]).toEqual([])
    // 党费交至 ahead of the cap stops at the cap.
    expect([...elsewhereMonths({ recorded: [], paidTo: '2027-06', owedSince: '2026-11' }, '2026-12')]).toEqual(['2026-11', '2026-12'])
    // Owed only after 党费交至: nothing from the letter.
    expect([...elsewhereMonths({ recorded: [], paidTo: '2026-05', owedSince: '2026-06' }, '2026-12')]).toEqual([])
  })
  test('settledElsewhere takes the earlier of 起缴 here and there; no history: nothing', () => {
    const e = { entries: [], paidTo: '2026-04', paidToBy: '第一党支部', payments: [], owedSince: '2026-02' }
    expect([...settledElsewhere(e, '2026-03', '2026-12')].sort()).toEqual(['2026-02', '2026-03', '2026-04'])
    expect([...settledElsewhere(undefined, '2026-01', '2026-12')]).toEqual([])
  })
  test('such a month reads 已在原支部交纳, is not owed or collected here, and does not count as behind', () => {
    const elsewhere = new Set(['2026-01', '2026-02', '2026-03'])
    expect(monthState('2026-02', '2026-06', '2026-01', undefined, elsewhere)).toBe('elsewhere')
    expect(monthState('2026-02', '2026-06', '2026-01', { dueFen: 8100, paidFen: 8100 }, elsewhere)).toBe('paid')
    expect(monthState('2026-04', '2026-06', '2026-01', undefined, elsewhere)).toBe('unpaid')
    // Jan–May owed at 81.00 here: three of them settled there, two unpaid here.
    expect(yearTotals(2026, '2026-05', '2026-01', 8100, new Map(), elsewhere)).toEqual({ dueFen: 2 * 8100, paidFen: 0 })
    expect(monthsBehind('2026-01', '2026-06', new Set(elsewhere))).toBe(2)
    expect(yearOutstanding(2026, '2026-05', '2026-01', 8100, new Set(elsewhere))).toEqual({ months: 2, fen: 2 * 8100 })
  })
  test('党费交至 for the next letter counts months settled elsewhere', () => {
    const year = (states: DuesMonthState[]) => states.map((state, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, state }))
    expect(paidThroughMonth(year(['elsewhere', 'elsewhere', 'elsewhere', 'paid', 'paid', 'unpaid', 'unpaid', 'unpaid', 'unpaid', 'unpaid', 'unpaid', 'due']))).toBe('2026-05')
  })
})

describe('one format', () => {
  test('收缴率 with one decimal everywhere (25.61% and 25.6% were both shown)', () => {
    expect(collectionRateText(0.2561)).toBe('25.6%')
    expect(collectionRateText(0.25649)).toBe('25.6%')
    expect(collectionRateText(1)).toBe('100.0%')
    expect(collectionRateText(0)).toBe('0.0%')
    expect(collectionRateText(null)).toBe('—')
  })
  test('money always with two decimals (0.2 and 0.20 元 were both shown)', () => {
    expect(yuanText(0.2)).toBe('0.20 元')
    expect(yuanText(81)).toBe('81.00 元')
    expect(yuanText(null)).toBe('—')
  })
})

describe('the keepers’ home line names who is behind', () => {
  const now = new Date('2026-03-10T02:00:00Z')
  const base = { today: '2026-03-10', now, sessions: [], joinRequests: 0, branchId: 'b1' }
  // Six late work points: the first five lines of 待办 are shown, the rest folded under 展开全部.
  const points = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, planId: 'plan', title: `要点${i}`, dueOn: `2026-03-0${i + 1}`, state: 'in_progress' as const }))
  test('up to three names, the longest behind first, with the count and the longest run', () => {
    const r = writerTodo({ ...base, points: [], duesBehind: { count: 5, names: ['张三', '李四', '王五'], most: 4, flagged: true } })
    expect(r.items).toEqual([expect.objectContaining({ kind: 'dues_behind', title: '张三、李四、王五等 5 人欠缴党费', due: '最长 4 个月，去党费台账', tone: 'overdue', page: '/packages/dues/pages/ledger/index?branchId=b1' })])
    const two = writerTodo({ ...base, points: [], duesBehind: { count: 2, names: ['张三', '李四'], most: 1, flagged: false } })
    expect(two.items[0]).toMatchObject({ title: '张三、李四欠缴党费', due: '最长 1 个月，去党费台账', tone: 'soon' })
    // A count alone (the old shape) still reads.
    expect(writerTodo({ ...base, points: [], duesBehind: 3 }).items[0]).toMatchObject({ title: '3 名党员欠缴党费' })
  })
  test('someone at the warning months: the line ranks with the overdue work, before the fold (walk: sixth of six)', () => {
    const r = writerTodo({ ...base, points, joinRequests: 2, duesBehind: { count: 1, names: ['张三'], most: 5, flagged: true } })
    const at = r.items.findIndex((i) => i.kind === 'dues_behind')
    expect(at).toBeGreaterThanOrEqual(0)
    // Late points first (by how late), then the dues line ahead of everything else; within the first five lines
    // once there are at most four late points, and always before the join requests and points due soon.
    expect(r.items.slice(at + 1).some((i) => i.kind === 'point_overdue')).toBe(false)
    const fewer = writerTodo({ ...base, points: points.slice(0, 3), joinRequests: 2, duesBehind: { count: 1, names: ['张三'], most: 5, flagged: true } })
    expect(fewer.items.findIndex((i) => i.kind === 'dues_behind')).toBeLessThan(5)
  })
})
