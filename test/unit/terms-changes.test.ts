/**
 * 换届 after the walk (docs/terms.md): 差额选举 (who is elected from the votes: more than half of the voters, the most
 * votes up to the seats, a tie at the last seat votes again), 延期换届 (approval, new due date within a year), posts
 * in their order, and which account roles follow the current term (同步支委职务到账号).
 */
import { byPost, electedRefusal, electionRefusal, electionResult, postponeRefusal } from '../../cloud/core/terms/rules'
import { roleSyncPlan } from '../../cloud/core/terms/roles'
import { planTermReminders } from '../../cloud/core/terms/reminders'
import { writerTodo } from '../../cloud/core/home/todo'

const c = (votes: Record<string, number>) => Object.entries(votes).map(([memberId, v]) => ({ memberId, votes: v }))

describe('差额选举: who is elected (《中国共产党基层组织选举工作条例》)', () => {
  test('more than half of the voters, the most votes first up to the seats', () => {
    expect(electionResult(c({ a: 9, b: 7, c: 6, d: 8 }), 3, 10)).toEqual({ elected: ['a', 'd', 'b'], tied: [], open: 0 })
  })
  test('exactly half is not more than half: not elected, the seat stays open (另行选举)', () => {
    expect(electionResult(c({ a: 9, b: 5 }), 2, 10)).toEqual({ elected: ['a'], tied: [], open: 1 })
    expect(electionResult(c({ a: 9, b: 6 }), 2, 10)).toEqual({ elected: ['a', 'b'], tied: [], open: 0 })
    // Odd number of voters: 4 of 7 is more than half, 3 is not.
    expect(electionResult(c({ a: 4, b: 3 }), 2, 7)).toEqual({ elected: ['a'], tied: [], open: 1 })
  })
  test('a tie at the last seat: those tied vote again; a tie above the cut elects both', () => {
    expect(electionResult(c({ a: 9, b: 7, c: 7 }), 2, 10)).toEqual({ elected: ['a'], tied: ['b', 'c'], open: 0 })
    expect(electionResult(c({ a: 7, b: 7, c: 6 }), 2, 10)).toEqual({ elected: ['a', 'b'], tied: [], open: 0 })
    expect(electionResult(c({ a: 7, b: 7, c: 7 }), 3, 10)).toEqual({ elected: ['a', 'b', 'c'], tied: [], open: 0 })
  })
  test('the elected committee as given must follow from the votes', () => {
    const names = new Map([['a', '王芳'], ['b', '赵强'], ['c', '钱敏'], ['d', '孙丽']])
    const votes = c({ a: 9, b: 7, c: 6, d: 8 })
    expect(electedRefusal({ candidates: votes, members: [{ memberId: 'a' }, { memberId: 'd' }, { memberId: 'b' }] }, 10, names)).toBeNull()
    // 钱敏 (6) has a majority but fewer votes than 赵强 (7) for the third seat.
    expect(electedRefusal({ candidates: votes, members: [{ memberId: 'a' }, { memberId: 'd' }, { memberId: 'c' }] }, 10, names)?.message).toMatch(/^钱敏 得票未进入前 3 名/)
    expect(electedRefusal({ candidates: votes, members: [{ memberId: 'a' }, { memberId: 'd' }], seats: 3 }, 10, names)?.message).toBe('赵强 当选，请为其选择职务')
    expect(electedRefusal({ candidates: c({ a: 9, b: 7, c: 7 }), members: [{ memberId: 'a' }, { memberId: 'b' }] }, 10, names)?.message).toMatch(/^赵强、钱敏 票数相等.*重新投票/)
    expect(electedRefusal({ candidates: c({ a: 9, b: 5 }), members: [{ memberId: 'a' }], seats: 2 }, 10, names)?.message).toMatch(/少于应选 2 人，不足的名额应另行选举/)
    expect(electedRefusal({ candidates: c({ a: 9 }), members: [{ memberId: 'a' }], seats: 2 }, 10, names)?.field).toBe('candidates')
    expect(electedRefusal({ candidates: votes, members: [{ memberId: 'a' }, { memberId: 'd' }], seats: 1 }, 10, names)?.field).toBe('seats')
  })
  test('electionRefusal names the candidate in the 差额 messages', () => {
    const meeting = { branchMatches: true, deleted: false, type: 'party_congress', recorded: true, on: '2026-12-01', voters: 10, presentVoters: 10 }
    const r = electionRefusal(meeting, { startOn: '2026-12-01', candidates: c({ a: 9, b: 7, c: 6 }), members: [{ memberId: 'a', post: '书记' }, { memberId: 'c', post: '组织委员' }] }, new Map([['c', '钱敏']]))
    expect(r).toMatchObject({ code: 'CONFLICT', field: 'members' })
    expect(r?.message).toMatch(/^钱敏 得票未进入前 2 名/)
  })
})

describe('延期换届', () => {
  const term = { startOn: '2023-12-01', endOn: '2026-12-01', dueOn: '2026-12-01' }
  test('approved on a day of the term, not ahead of today; due after the end and today, within a year of the end', () => {
    expect(postponeRefusal(term, { approvedOn: '2026-11-20', dueOn: '2027-06-01' }, '2026-12-03')).toBeNull()
    expect(postponeRefusal(term, { approvedOn: '2026-12-04', dueOn: '2027-06-01' }, '2026-12-03')?.field).toBe('approvedOn')
    expect(postponeRefusal(term, { approvedOn: '2023-11-30', dueOn: '2027-06-01' }, '2026-12-03')?.field).toBe('approvedOn')
    expect(postponeRefusal(term, { approvedOn: '2026-09-20', dueOn: '2026-12-01' }, '2026-10-03')?.message).toBe('延期后的换届日期应晚于任期届满日（2026-12-01）')
    expect(postponeRefusal(term, { approvedOn: '2026-11-20', dueOn: '2026-12-03' }, '2026-12-03')?.message).toBe('延期后的换届日期应晚于今天')
    expect(postponeRefusal(term, { approvedOn: '2026-11-20', dueOn: '2027-12-01' }, '2026-12-03')).toBeNull()
    expect(postponeRefusal(term, { approvedOn: '2026-11-20', dueOn: '2027-12-02' }, '2026-12-03')).toMatchObject({ code: 'CONFLICT', field: 'dueOn' })
  })
  test('only as the term comes due: from six months before its end (the reminders start then), or overdue', () => {
    // Ends 2026-12-01: from 2026-06-01 on; the day before (and years ahead) refused, naming the rule.
    expect(postponeRefusal(term, { approvedOn: '2026-06-01', dueOn: '2027-06-01' }, '2026-06-01')).toBeNull()
    const early = postponeRefusal(term, { approvedOn: '2026-05-31', dueOn: '2027-06-01' }, '2026-05-31')
    expect(early).toMatchObject({ code: 'CONFLICT', field: 'dueOn' })
    expect(early?.message).toBe('本届任期 2026-12-01 届满，延期换届从届满前 6 个月（2026-06-01）起才能登记；任期届满应当按期进行换届选举（《中国共产党支部工作条例（试行）》）')
    expect(postponeRefusal(term, { approvedOn: '2024-01-01', dueOn: '2027-06-01' }, '2024-01-01')).toMatchObject({ code: 'CONFLICT', field: 'dueOn' })
    // Overdue: still (the 延期 approved late is recorded).
    expect(postponeRefusal(term, { approvedOn: '2026-12-20', dueOn: '2027-06-01' }, '2027-01-03')).toBeNull()
  })
  test('a second approval extends the first: an earlier or the same date is refused (the 换届 may be held before it)', () => {
    const postponed = { ...term, dueOn: '2027-06-01' }
    expect(postponeRefusal(postponed, { approvedOn: '2026-12-01', dueOn: '2027-01-01' }, '2026-12-03')).toMatchObject({
      code: 'CONFLICT', field: 'dueOn', message: '已批准延期换届至 2027-06-01，换届选举可在此日期前举行，无需再登记；再次延期的日期应晚于 2027-06-01',
    })
    expect(postponeRefusal(postponed, { approvedOn: '2026-12-01', dueOn: '2027-06-01' }, '2026-12-03')).toMatchObject({ code: 'CONFLICT', field: 'dueOn' })
    expect(postponeRefusal(postponed, { approvedOn: '2026-12-01', dueOn: '2027-06-02' }, '2026-12-03')).toBeNull()
    // Still within a year of the term's end, not of the first postponement.
    expect(postponeRefusal(postponed, { approvedOn: '2026-12-01', dueOn: '2027-12-02' }, '2026-12-03')).toMatchObject({ code: 'CONFLICT', field: 'dueOn', message: expect.stringContaining('延期一般不超过 1 年') })
  })
  test('the reminders follow the new due date and say it was postponed', () => {
    const people = [{ openid: 'sec', name: '张书记', branchId: 'b1', roles: ['secretary' as const], groupId: null }]
    const [r] = planTermReminders(new Date('2027-03-01T01:00:00Z'), [{ id: 'b1', name: '第一支部', endOn: '2027-06-01', postponed: true }], people)
    expect(r.key).toBe('term_due:b1.2027-06-01:sec:m3')
    expect(r.inbox?.title).toBe('距延期换届日期还剩 92 天')
    expect(r.inbox?.body).toContain('经上级党组织批准延期换届')
  })
  test('the secretary\'s home 待办 names the postponed date', () => {
    const base = { today: '2027-03-01', now: new Date('2027-03-01T02:00:00Z'), points: [], sessions: [], joinRequests: 0, branchId: 'b1' }
    expect(writerTodo({ ...base, term: { state: 'due_soon', endOn: '2027-06-01', daysLeft: 92, postponed: true } }).items[0]).toMatchObject({ due: '距延期换届日期还剩 92 天' })
    expect(writerTodo({ ...base, term: { state: 'overdue', endOn: '2027-02-26', daysLeft: -3, postponed: true } }).items[0]).toMatchObject({ due: '延期换届日期已过 3 天', tone: 'overdue' })
  })
})

describe('posts in their order', () => {
  test('书记, 副书记, 组织委员, 宣传委员, 纪检委员, then the others', () => {
    const members = ['宣传委员', '青年委员', '书记', '纪检委员', '组织委员', '副书记'].map((post) => ({ post }))
    expect(byPost(members).map((m) => m.post)).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员'])
  })
})

describe('同步支委职务到账号', () => {
  const roster = [
    { memberId: 'm1', name: '张书记', openid: 'o1', posts: [] },
    { memberId: 'm2', name: '王芳', openid: 'o2', posts: [] },
    { memberId: 'm3', name: '赵强', openid: 'o3', posts: ['组织委员'] },
    { memberId: 'm4', name: '李建国', openid: 'o4', posts: [] },
    { memberId: 'm5', name: '钱敏', openid: null, posts: ['宣传委员'] },
  ]
  const term = { members: [{ memberId: 'm2', name: '王芳', post: '书记' }, { memberId: 'm3', name: '赵强', post: '组织委员' }, { memberId: 'm5', name: '钱敏', post: '宣传委员' }] }
  test('the new 书记 takes the role, the former secretary goes back to member, 支委 roles follow the posts', () => {
    const p = roleSyncPlan(term, roster, { secretary: ['o1'], committee: ['o4'] })
    expect(p).toMatchObject({ secretaryTo: { memberId: 'm2', openid: 'o2' }, secretaryFrom: ['o1'], committeeGrant: ['o3'], committeeEnd: ['o4'], blocked: null, waiting: ['钱敏'] })
    expect(p.lines).toEqual(['王芳 任书记（获得书记权限）', '张书记 不再担任书记（改为党员）', '赵强 获得支委权限', '李建国 不再是支委（改为党员）'])
  })
  test('re-elected as a 支委: the former secretary becomes a 支委', () => {
    const p = roleSyncPlan({ members: [...term.members, { memberId: 'm1', name: '张书记', post: '纪检委员' }] }, roster, { secretary: ['o1'], committee: ['o3'] })
    expect(p.lines).toEqual(['王芳 任书记（获得书记权限）', '张书记 不再担任书记（改为支委）'])
    expect(p.committeeGrant).toEqual(['o1'])
  })
  test('nothing to do once the roles follow; blocked (nothing changes) when the new 书记 has no account', () => {
    expect(roleSyncPlan(term, roster, { secretary: ['o2'], committee: ['o3'] }).lines).toEqual([])
    const p = roleSyncPlan({ members: [{ memberId: 'm5', name: '钱敏', post: '书记' }] }, roster, { secretary: ['o1'], committee: [] })
    expect(p.blocked).toBe('钱敏 尚未加入小程序，不能接任书记；请先邀请其加入，再同步')
    expect(p.secretaryTo).toBeNull()
    expect(p.secretaryFrom).toEqual([])
  })
})
