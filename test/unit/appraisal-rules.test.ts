/**
 * 民主评议党员 rules at their edges (《关于党员民主评议的规定》; 《中国共产党支部工作条例（试行）》): 优秀 at most the
 * committee's share (one third nationally) of those appraised, 不合格 only with its 处置 recorded, and every member
 * graded before the results are 确定.
 */
import { checkSheet, checkVotes, excellentCap, gradeCounts, isAppraised } from '../../cloud/core/appraisal/rules'
import type { AppraisalGrade } from '../../types/appraisal'

const THIRD = { numerator: 1, denominator: 3 }

describe('优秀 cap: ⌊appraised × share⌋', () => {
  test.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [30, 10],
    [31, 10],
  ])('%i appraised → at most %i 优秀 (one third)', (n, cap) => {
    expect(excellentCap(n, THIRD)).toBe(cap)
  })
  test('another committee setting: 30% (3/10) and one half', () => {
    expect(excellentCap(9, { numerator: 3, denominator: 10 })).toBe(2)
    expect(excellentCap(10, { numerator: 3, denominator: 10 })).toBe(3)
    expect(excellentCap(3, { numerator: 1, denominator: 2 })).toBe(1)
  })
  test('nonsense counts or shares allow none', () => {
    expect(excellentCap(-3, THIRD)).toBe(0)
    expect(excellentCap(2.5, THIRD)).toBe(0)
    expect(excellentCap(3, { numerator: 1, denominator: 0 })).toBe(0)
    expect(excellentCap(3, { numerator: 5, denominator: 3 })).toBe(3)
  })
})

const row = (name: string, grade: AppraisalGrade | null, disposal: { kind: string; note: string } | null = null) => ({ name, grade, disposal })

describe('a sheet of grades', () => {
  test('3 appraised: one 优秀 passes, two are refused naming the cap', () => {
    expect(checkSheet([row('甲', 'excellent'), row('乙', 'qualified'), row('丙', 'basic')], THIRD, true)).toBeNull()
    const breach = checkSheet([row('甲', 'excellent'), row('乙', 'excellent'), row('丙', 'qualified')], THIRD, false)
    expect(breach).toMatchObject({ rule: 'excellent_cap', names: ['甲', '乙'] })
    expect(breach!.message).toContain('最多 1 人评为优秀')
  })
  test('0 appraised: nothing to grade, nothing wrong', () => {
    expect(checkSheet([], THIRD, true)).toBeNull()
    expect(gradeCounts([])).toEqual({ excellent: 0, qualified: 0, basic: 0, unqualified: 0, ungraded: 0 })
  })
  test('2 appraised: no 优秀 at all under one third', () => {
    expect(checkSheet([row('甲', 'excellent'), row('乙', 'qualified')], THIRD, false)?.rule).toBe('excellent_cap')
  })
  test('不合格 needs its 处置 with a note; other grades take none', () => {
    expect(checkSheet([row('甲', 'unqualified')], THIRD, false)).toMatchObject({ rule: 'disposal_missing', names: ['甲'] })
    expect(checkSheet([row('甲', 'unqualified', { kind: 'correct', note: '  ' })], THIRD, false)?.rule).toBe('disposal_missing')
    expect(checkSheet([row('甲', 'unqualified', { kind: 'correct', note: '三个月内改正' })], THIRD, true)).toBeNull()
    expect(checkSheet([row('甲', 'qualified', { kind: 'remove', note: '误填' })], THIRD, false)?.rule).toBe('disposal_not_needed')
  })
  test('a draft may leave members ungraded; 确定 needs every one graded', () => {
    const sheet = [row('甲', 'qualified'), row('乙', null)]
    expect(checkSheet(sheet, THIRD, false)).toBeNull()
    expect(checkSheet(sheet, THIRD, true)).toMatchObject({ rule: 'ungraded', names: ['乙'] })
    expect(gradeCounts(sheet.map((r) => r.grade))).toEqual({ excellent: 0, qualified: 1, basic: 0, unqualified: 0, ungraded: 1 })
  })
  test('正式 and 预备 members on the roster are appraised; transferred entries are not', () => {
    expect(isAppraised({ partyStatus: 'full', state: 'active' })).toBe(true)
    expect(isAppraised({ partyStatus: 'probationary', state: 'active' })).toBe(true)
    expect(isAppraised({ partyStatus: 'full', state: 'transferred' })).toBe(false)
  })
})

describe('checkVotes: one vote per voter (民主测评)', () => {
  const v = (excellent: number, qualified: number, basic = 0, unqualified = 0) => ({ excellent, qualified, basic, unqualified })
  test('no votes, or a sum up to the voters, passes', () => {
    expect(checkVotes('王芳', null, 3)).toBeNull()
    expect(checkVotes('王芳', v(0, 0), 0)).toBeNull()
    expect(checkVotes('王芳', v(1, 1, 1), 3)).toBeNull()
    expect(checkVotes('王芳', v(1, 1), 3)).toBeNull()
  })
  test('one over the voters is refused, naming the rule', () => {
    expect(checkVotes('王芳', v(1, 1, 1, 1), 3)).toMatchObject({ rule: 'votes_exceed_voters', message: expect.stringContaining('合计 4 票，超过参加测评的 3 人') })
    expect(checkVotes('王芳', v(9999, 0), 3)?.rule).toBe('votes_exceed_voters')
  })
  test('negative or fractional counts are refused', () => {
    expect(checkVotes('王芳', v(-1, 2), 3)?.rule).toBe('votes_not_counts')
    expect(checkVotes('王芳', v(0.5, 0), 3)?.rule).toBe('votes_not_counts')
  })
})
