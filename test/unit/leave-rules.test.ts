/**
 * 请假's own rules at their edges (cloud/core/leave/rules.ts; docs/leave.md): who leads a session does not ask leave
 * for it, a withdrawal soon after the ask is quiet, a decision may be changed until the session starts; and the
 * home 待办 line for requests on several sessions (cloud/core/home/todo.ts).
 */
import { decisionOpen, leadsSession, WITHDRAW_QUIET_MINUTES, withdrawIsQuiet } from '../../cloud/core/leave/rules'
import { writerTodo } from '../../cloud/core/home/todo'

test('the host, the recorder and the lecturer lead the session, by name as the plan writes it', () => {
  expect(leadsSession({ host: '李建国' }, '李建国')).toBe('host')
  expect(leadsSession({ host: '王芳', recorder: '赵磊' }, '赵磊')).toBe('recorder')
  expect(leadsSession({ lecturer: '支部书记 李建国' }, '李建国')).toBe('lecturer')
  expect(leadsSession({ host: '王芳' }, '赵磊')).toBeNull()
  expect(leadsSession({}, '赵磊')).toBeNull()
  expect(leadsSession({ host: '王芳' }, ' ')).toBeNull()
})

test('a withdrawal is quiet only within the minutes after the ask', () => {
  const asked = new Date('2026-12-03T01:00:00Z')
  expect(WITHDRAW_QUIET_MINUTES).toBe(10)
  expect(withdrawIsQuiet(asked, new Date(asked.getTime() + 9 * 60_000 + 59_000))).toBe(true)
  expect(withdrawIsQuiet(asked, new Date(asked.getTime() + 10 * 60_000))).toBe(false)
})

test('a waiting request is decided until the record; a decided one changed only before the session starts', () => {
  const before = { recorded: false, begun: false }
  const begun = { recorded: false, begun: true }
  const recorded = { recorded: true, begun: true }
  expect(decisionOpen('pending', before)).toBe(true)
  expect(decisionOpen('pending', begun)).toBe(true)
  expect(decisionOpen('pending', recorded)).toBe(false)
  expect(decisionOpen('approved', before)).toBe(true)
  expect(decisionOpen('declined', before)).toBe(true)
  expect(decisionOpen('approved', begun)).toBe(false)
  expect(decisionOpen('withdrawn', before)).toBe(false)
})

test('home 待办: requests on two sessions open the soonest and say so; one session reads as before', () => {
  const now = new Date('2026-03-10T02:00:00Z')
  const base = { today: '2026-03-10', now, points: [], sessions: [], joinRequests: 0, branchId: 'b1' }
  expect(writerTodo({ ...base, leaveToDecide: { count: 3, activityId: 'a1', sessions: 2 } }).items).toEqual([
    expect.objectContaining({ kind: 'leave_to_decide', title: '3 条请假待审批（2 次活动）', due: '先看最近的一次活动', page: '/packages/activities/pages/detail/index?id=a1' }),
  ])
  expect(writerTodo({ ...base, leaveToDecide: { count: 1, activityId: 'a2', sessions: 1 } }).items).toEqual([
    expect.objectContaining({ title: '1 条请假待审批', due: '活动开始前审批', page: '/packages/activities/pages/detail/index?id=a2' }),
  ])
})
