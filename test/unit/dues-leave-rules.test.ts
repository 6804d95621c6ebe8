/** Issue #20 fixes as pure rules at their edges: payment dates, the committee's warning months, the home lines. */
import { behindFlag, checkWarnMonths, paidOnRefusal } from '../../cloud/core/dues/ledger'
import { planDuesReminders } from '../../cloud/core/dues/reminders'
import { memberTodo, writerTodo } from '../../cloud/core/home/todo'
import { levelReached } from '../../cloud/core/reminders/secretary-flags'

describe('paidOnRefusal: a date years before the months paid is a typo', () => {
  test('paying ahead up to twelve months is fine; a day more is refused with the month named', () => {
    expect(paidOnRefusal('2025-03-01', ['2026-03'], '2026-03-10')).toBeNull()
    expect(paidOnRefusal('2025-02-28', ['2026-03', '2026-04'], '2026-03-10')).toBe('缴纳日期2025年2月28日比所交的 2026年3月 早一年以上，请检查日期（预交最多提前 12 个月）')
    expect(paidOnRefusal('2016-03-05', ['2026-01'], '2026-03-10')).toMatch(/早一年以上/)
  })
  test('paying behind (a date after the month) is fine; after today is refused', () => {
    expect(paidOnRefusal('2026-03-10', ['2025-06'], '2026-03-10')).toBeNull()
    expect(paidOnRefusal('2026-03-11', ['2026-03'], '2026-03-10')).toBe('缴纳日期不能晚于今天')
  })
})

describe('the warning months (党章 第九条 fixes six; the warnings before it are the committee\'s)', () => {
  test.each([
    [[3, 5], null],
    [[1, 5], null],
    [[2, 4], null],
    [[0, 3], '第一次提醒至少在欠缴 1 个月时'],
    [[3, 3], '第二次提醒的月数应大于第一次'],
    [[3, 6], '第二次提醒应早于党章第九条规定的 6 个月（最多 5 个月）'],
    [[3], '请设定两次提醒的月数（整数）'],
  ])('%j → %s', (months, why) => {
    expect(checkWarnMonths(months)).toBe(why)
  })
  test('flags follow the setting', () => {
    expect(behindFlag(4)).toBe(3)
    expect(behindFlag(4, [2, 4])).toBe(4)
    expect(behindFlag(1, [2, 4])).toBeNull()
    expect(levelReached(5, [5, 3])).toBe(5)
  })
  test('the daily pass tells the secretary at the committee\'s months', () => {
    const items = planDuesReminders({
      today: '2026-07-10',
      profiles: [{ memberId: 'a', branchId: 'b1', startMonth: '2026-01' }],
      members: [{ _id: 'a', openid: null, name: '甲', joinedPartyOn: null, state: 'active' }],
      paidMonths: new Map([['a', new Set(['2026-01', '2026-02'])]]),
      warnMonths: [2, 4],
    })
    // March–June unpaid: four months, the second warning of this committee.
    expect(items).toEqual([expect.objectContaining({ kind: 'dues_behind', title: '甲 已连续 4 个月未交纳党费', body: expect.stringContaining('再满 2 个月') })])
  })
})

describe('home 待办 lines for 请假 and 党费', () => {
  const now = new Date('2026-03-10T02:00:00Z')
  test('the writer sees leave to decide (to the session when one) and members behind (to the ledger)', () => {
    const r = writerTodo({ today: '2026-03-10', now, points: [], sessions: [], joinRequests: 0, branchId: 'b1', leaveToDecide: { count: 2, activityId: 'a1' }, duesBehind: 3 })
    expect(r.items).toEqual([
      expect.objectContaining({ kind: 'leave_to_decide', title: '2 条请假待审批', page: '/packages/activities/pages/detail/index?id=a1' }),
      expect.objectContaining({ kind: 'dues_behind', title: '3 名党员欠缴党费', page: '/packages/dues/pages/ledger/index?branchId=b1' }),
    ])
    const several = writerTodo({ today: '2026-03-10', now, points: [], sessions: [], joinRequests: 0, branchId: 'b1', leaveToDecide: { count: 2, activityId: null }, duesBehind: 0 })
    expect(several.items).toEqual([expect.objectContaining({ kind: 'leave_to_decide', page: '/pages/activities/index' })])
  })
  test('the member sees their own unpaid months, nothing when paid up', () => {
    expect(memberTodo({ today: '2026-03-10', now, sessions: [], duesUnpaid: { memberId: 'm1', months: 2 } }).items).toEqual([
      expect.objectContaining({ kind: 'dues_unpaid', title: '2 个月党费未交纳', tone: 'soon', page: '/packages/dues/pages/member/index?memberId=m1' }),
    ])
    expect(memberTodo({ today: '2026-03-10', now, sessions: [], duesUnpaid: { memberId: 'm1', months: 0 } }).items).toEqual([])
  })
  test('a secretary or 支委 on the roster sees their own unpaid months too, beside the branch line (walk: 刘洋, 9 months)', () => {
    const r = writerTodo({ today: '2026-03-10', now, points: [], sessions: [], joinRequests: 0, branchId: 'b1', duesBehind: 0, duesUnpaid: { memberId: 'm9', months: 9 } })
    expect(r.items).toEqual([expect.objectContaining({ kind: 'dues_unpaid', title: '9 个月党费未交纳', tone: 'overdue', page: '/packages/dues/pages/member/index?memberId=m9' })])
    expect(writerTodo({ today: '2026-03-10', now, points: [], sessions: [], joinRequests: 0, branchId: 'b1', duesUnpaid: { memberId: 'm9', months: 0 } }).items).toEqual([])
  })
})

describe('an absentee on leave reads with one pair of brackets', () => {
  test('请假（事假：…） becomes 刘洋（请假，事假：…）; other reasons and none stay as they were', () => {
    const { absenceText } = jest.requireActual('../../types/leave') as typeof import('../../types/leave')
    expect(absenceText('刘洋', '请假（事假：家中有事）')).toBe('刘洋（请假，事假：家中有事）')
    expect(absenceText('刘洋', '出差')).toBe('刘洋（出差）')
    expect(absenceText('刘洋', '')).toBe('刘洋（未说明）')
  })
})
