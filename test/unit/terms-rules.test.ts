/**
 * 换届 and 政治生日 rules (cloud/core/terms/rules.ts, docs/terms.md) at their edges: 29 February, year ends, months
 * without the day, Beijing vs UTC in the reminder milestones, and the election's quorum and majority.
 */
import { electionRefusal, politicalBirthday, postsRefusal, termEnd, termMilestone, termStatus } from '../../cloud/core/terms/rules'
import { planTermReminders } from '../../cloud/core/terms/reminders'
import { planBirthdays } from '../../cloud/core/terms/birthdays'
import { planReminders } from '../../cloud/core/reminders/planner'
import { writerTodo } from '../../cloud/core/home/todo'

describe('a term ends on the same date three years later', () => {
  test('ordinary, year end, 29 February', () => {
    expect(termEnd('2023-12-03', 3)).toBe('2026-12-03')
    expect(termEnd('2023-12-31', 3)).toBe('2026-12-31')
    expect(termEnd('2024-01-01', 3)).toBe('2027-01-01')
    // 29 February has no anniversary in 2027: the term ends on 28 February (as the 预备期 is counted).
    expect(termEnd('2024-02-29', 3)).toBe('2027-02-28')
    expect(termEnd('2024-02-29', 4)).toBe('2028-02-29')
    expect(termEnd('2021-03-15', 5)).toBe('2026-03-15')
  })
})

describe('the state of a term on a day', () => {
  const term = { endOn: '2026-12-31' }
  test('ok until six months before, due_soon from then, overdue from the day after the end', () => {
    expect(termStatus(term, '2026-06-29')).toEqual({ state: 'ok', endOn: '2026-12-31', daysLeft: 185 })
    expect(termStatus(term, '2026-06-30').state).toBe('due_soon')
    expect(termStatus(term, '2026-12-31')).toEqual({ state: 'due_soon', endOn: '2026-12-31', daysLeft: 0 })
    expect(termStatus(term, '2027-01-01')).toEqual({ state: 'overdue', endOn: '2026-12-31', daysLeft: -1 })
    expect(termStatus(null, '2027-01-01')).toEqual({ state: 'none', endOn: null, daysLeft: null })
  })
  test('six months before 31 August is the last day of February', () => {
    expect(termStatus({ endOn: '2027-08-31' }, '2027-02-27').state).toBe('ok')
    expect(termStatus({ endOn: '2027-08-31' }, '2027-02-28').state).toBe('due_soon')
    expect(termStatus({ endOn: '2028-08-31' }, '2028-02-29').state).toBe('due_soon')
  })
})

describe('reminder milestones', () => {
  const term = { endOn: '2026-12-31' }
  test('m6, m3, then the day after the end and monthly', () => {
    expect(termMilestone(term, '2026-06-29')).toBeNull()
    expect(termMilestone(term, '2026-06-30')).toEqual({ name: 'm6', day: '2026-06-30' })
    expect(termMilestone(term, '2026-09-29')).toEqual({ name: 'm6', day: '2026-06-30' })
    expect(termMilestone(term, '2026-09-30')).toEqual({ name: 'm3', day: '2026-09-30' })
    expect(termMilestone(term, '2026-12-31')).toEqual({ name: 'm3', day: '2026-09-30' })
    expect(termMilestone(term, '2027-01-01')).toEqual({ name: 'o1', day: '2027-01-01' })
    expect(termMilestone(term, '2027-01-31')).toEqual({ name: 'o1', day: '2027-01-01' })
    expect(termMilestone(term, '2027-02-01')).toEqual({ name: 'o2', day: '2027-02-01' })
    expect(termMilestone(term, '2028-01-01')).toEqual({ name: 'o13', day: '2028-01-01' })
  })
  test('without a term: one a calendar month', () => {
    expect(termMilestone(null, '2026-12-03')).toEqual({ name: 'none2026-12', day: '2026-12-01' })
    expect(termMilestone(null, '2027-01-01')).toEqual({ name: 'none2027-01', day: '2027-01-01' })
  })

  const people = [
    { openid: 'sec', name: '张书记', branchId: 'b1', roles: ['secretary' as const], groupId: null },
    { openid: 'mem', name: '李党员', branchId: 'b1', roles: ['member' as const], groupId: null },
  ]
  const branches = [{ id: 'b1', name: '第一支部', endOn: '2026-12-31' }]
  test('to the secretary at 08:00 Beijing: not at 07:59 (23:59 UTC the day before), then at 08:00', () => {
    // 2026-07-01 07:59 Beijing = 2026-06-30T23:59Z: the m6 milestone (due 2026-06-30 08:00) is already due.
    expect(planTermReminders(new Date('2026-06-29T23:59:00Z'), branches, people)).toEqual([])
    const at = planTermReminders(new Date('2026-06-30T00:00:00Z'), branches, people)
    expect(at.map((r) => [r.openid, r.kind, r.milestone])).toEqual([['sec', 'term_due', 'm6']])
    expect(at[0].key).toBe('term_due:b1.2026-12-31:sec:m6')
    expect(at[0].inbox?.title).toBe('支委会任期还剩 184 天届满')
    // 1 January 2027 07:59 Beijing is 23:59 UTC on 31 December: the first overdue reminder waits for 08:00.
    expect(planTermReminders(new Date('2026-12-31T23:59:00Z'), branches, people)).toEqual([])
    const late = planTermReminders(new Date('2027-01-01T00:00:00Z'), branches, people)
    expect(late[0].milestone).toBe('o1')
    expect(late[0].inbox?.title).toBe('支委会任期已届满 1 天')
    const none = planTermReminders(new Date('2026-12-03T01:00:00Z'), [{ id: 'b1', name: '第一支部', endOn: null }], people)
    expect(none.map((r) => r.key)).toEqual(['term_due:b1.none:sec:none2026-12'])
  })
  test('the template fits the message (term_due has a template id and keywords)', () => {
    const [r] = planTermReminders(new Date('2026-06-30T00:00:00Z'), branches, people)
    expect(r.templateId).toBeTruthy()
    expect(Object.keys(r.data).sort()).toEqual(['date2', 'thing1', 'thing3'])
    expect(planReminders).toBeDefined()
  })
})

describe('the 换届选举', () => {
  const meeting = { branchMatches: true, deleted: false, type: 'party_congress', recorded: true, on: '2026-12-01', voters: 10, presentVoters: 9 }
  const input = { startOn: '2026-12-01', candidates: [{ memberId: 'a', votes: 9 }, { memberId: 'b', votes: 6 }, { memberId: 'c', votes: 5 }], members: [{ memberId: 'a', post: '书记' as const }, { memberId: 'b', post: '组织委员' as const }] }
  test('valid', () => expect(electionRefusal(meeting, input)).toBeNull())
  test('present voters must exceed four fifths of the voters', () => {
    expect(electionRefusal({ ...meeting, presentVoters: 8 }, input)?.message).toMatch(/未超过应到会 10 人的五分之四/)
    const small = { ...input, candidates: [{ memberId: 'a', votes: 4 }, { memberId: 'b', votes: 3 }] }
    expect(electionRefusal({ ...meeting, voters: 5, presentVoters: 5 }, small)).toBeNull()
    expect(electionRefusal({ ...meeting, voters: 5, presentVoters: 4 }, small)?.message).toMatch(/五分之四/)
  })
  test('an elected member needs more than half of the voters (5 of 10 is not enough)', () => {
    const r = electionRefusal(meeting, { ...input, members: [...input.members, { memberId: 'c', post: '宣传委员' }] })
    expect(r).toMatchObject({ code: 'CONFLICT', field: 'members' })
    expect(r?.message).toMatch(/得 5 票，未超过应到会有选举权党员 10 人的一半/)
  })
  test('the meeting: a recorded 支部党员大会 of the branch on the term\'s first day; votes no more than present voters', () => {
    expect(electionRefusal({ ...meeting, type: 'party_lecture' }, input)?.field).toBe('activityId')
    expect(electionRefusal({ ...meeting, recorded: false }, input)?.code).toBe('CONFLICT')
    expect(electionRefusal({ ...meeting, branchMatches: false }, input)?.message).toBe('关联的支部党员大会不存在')
    expect(electionRefusal({ ...meeting, on: '2026-11-30' }, input)?.field).toBe('startOn')
    expect(electionRefusal(meeting, { ...input, candidates: [{ memberId: 'a', votes: 10 }, { memberId: 'b', votes: 6 }] })?.message).toMatch(/得票数不能多于/)
    expect(electionRefusal(meeting, { ...input, members: [{ memberId: 'z', post: '书记' }] })?.message).toBe('当选的支委应是候选人之一')
  })
  test('posts: one 书记, one post each, one person once', () => {
    expect(postsRefusal([{ memberId: 'a', post: '组织委员' }])?.message).toBe('新一届支委会应有且只有一名书记')
    expect(postsRefusal([{ memberId: 'a', post: '书记' }, { memberId: 'a', post: '组织委员' }])?.message).toBe('同一人只能担任一个职务')
    expect(postsRefusal([{ memberId: 'a', post: '书记' }, { memberId: 'b', post: '书记' }])?.message).toBe('新一届支委会应有且只有一名书记')
    expect(postsRefusal([{ memberId: 'a', post: '书记' }, { memberId: 'b', post: '组织委员' }, { memberId: 'c', post: '组织委员' }])?.message).toBe('每个职务只能由一人担任')
    expect(postsRefusal([])).not.toBeNull()
  })
})

describe('政治生日', () => {
  test('the anniversary, not the day itself; 29 February on 28 February in other years', () => {
    expect(politicalBirthday('2016-12-03', '2026-12-03')).toBe(10)
    expect(politicalBirthday('2026-12-03', '2026-12-03')).toBeNull()
    expect(politicalBirthday('2016-12-03', '2026-12-04')).toBeNull()
    expect(politicalBirthday('2016-02-29', '2027-02-28')).toBe(11)
    expect(politicalBirthday('2016-02-29', '2028-02-28')).toBeNull()
    expect(politicalBirthday('2016-02-29', '2028-02-29')).toBe(12)
    expect(politicalBirthday('1999-12-31', '2026-12-31')).toBe(27)
    expect(politicalBirthday(null, '2026-12-31')).toBeNull()
  })
  test('a greeting to each member with an account, one line for the secretary, none in a branch that turned them off', () => {
    const members = [
      { _id: 'm1', branchId: 'b1', openid: 'o1', name: '王芳', joinedPartyOn: '2016-12-03' },
      { _id: 'm2', branchId: 'b1', openid: null, name: '赵强', joinedPartyOn: '2020-12-03' },
      { _id: 'm3', branchId: 'b1', openid: 'o3', name: '钱七', joinedPartyOn: '2020-12-04' },
      { _id: 'm4', branchId: 'b2', openid: 'o4', name: '孙八', joinedPartyOn: '2010-12-03' },
    ]
    const items = planBirthdays('2026-12-03', members, new Set(['b2']))
    expect(items.map((i) => i._id)).toEqual(['political_birthday:m1:2026', 'political_birthday_line:b1:2026-12-03'])
    expect(items[0]).toMatchObject({ openid: 'o1', title: '今天是你的政治生日' })
    expect(items[0].body).toMatch(/2016年12月3日.*入党 10 周年/)
    expect(items[1]).toMatchObject({ branchId: 'b1', roles: ['secretary'], title: '今天（12月3日）是 王芳、赵强 的政治生日' })
    expect(items[1].body).toBe('王芳：入党 10 周年；赵强：入党 6 周年。')
  })
})

describe('home 待办', () => {
  const base = { today: '2026-12-03', now: new Date('2026-12-03T02:00:00Z'), points: [], sessions: [], joinRequests: 0, branchId: 'b1' }
  test('names a due 换届 for the secretary; not while more than six months are left nor without a term', () => {
    expect(writerTodo({ ...base, term: { state: 'due_soon', endOn: '2027-03-01', daysLeft: 88 } }).items).toEqual([
      expect.objectContaining({ kind: 'term_due', title: '筹备支委会换届选举', due: '任期还剩 88 天届满', tone: 'soon', page: '/packages/terms/pages/term/index' }),
    ])
    expect(writerTodo({ ...base, term: { state: 'overdue', endOn: '2026-11-30', daysLeft: -3 } }).items[0]).toMatchObject({ due: '任期已届满 3 天', tone: 'overdue' })
    expect(writerTodo({ ...base, term: { state: 'ok', endOn: '2028-11-30', daysLeft: 700 } }).items).toEqual([])
    expect(writerTodo({ ...base, term: { state: 'none', endOn: null, daysLeft: null } }).items).toEqual([])
  })
})
