/**
 * 请假 as a walk by real users found it (docs/leave.md):
 * - the home 待办 line opens the soonest session with a request waiting and says how many sessions there are;
 * - the host or recorder of a session cannot ask leave for it (no form; the server refuses);
 * - asking and withdrawing again and again leaves the secretary one notice per member and session, and a withdrawal
 *   within WITHDRAW_QUIET_MINUTES of the ask leaves none;
 * - a decision may be changed until the session starts, the member told each time; then it is refused.
 * This file moves its own local cloud's clock (POST /dev/clock).
 */
import { apiAs, ok } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let zhaoId: string
const as = (openid: string) => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1') // 李建国
const wang = () => as('dev-member-1a') // 王芳, 组织委员
const zhao = () => as('dev-member-1b') // 赵磊
const DAY = 86_400_000
let seq = 0
const rid = () => `leave-walk-${Date.now()}-${++seq}`
const advance = async (advance: string) => {
  const res = await fetch(`${cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance }) })
  expect(res.ok).toBe(true)
}
const cloudNow = async () => new Date(((await (await fetch(`${cloud.url}/dev/clock`)).json()) as { now: string }).now).getTime()
const plan = async (topic: string, inMs: number, host = '王芳') => {
  const start = (await cloudNow()) + inMs
  return ok(secretary()('activities.plan', { branchId: branch1, type: 'theme_day', topic, place: '学会会议室', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), host, clientRequestId: rid() }))
}
/** The secretary's inbox items about this session from 赵磊. */
const noticesAbout = async (topic: string) => (await ok(secretary()('inbox.list', { limit: 50 }))).items.filter((i) => i.title.startsWith('赵磊') && i.title.endsWith(topic))

beforeAll(async () => {
  cloud = await startLocalCloud()
  const me = await ok(secretary()('session.get', {}))
  branch1 = me.roles.find((r) => r.role === 'secretary')!.branchId!
  zhaoId = (await ok(zhao()('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
})
afterAll(() => cloud?.stop())

test('the host and the recorder see no 请假 form on their session, and the server refuses them', async () => {
  const hosted = await plan('走查·书记主持', 3 * DAY, '李建国')
  const view = await ok(secretary()('leave.forSession', { activityId: hosted.id }))
  expect(view).toMatchObject({ canAsk: false, cannotAsk: '你是本次活动的主持人，不需请假；如不能参加，请先在活动计划中更换主持人', mine: null })
  expect(await secretary()('leave.request', { activityId: hosted.id, kind: 'business', note: '区里开会' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('主持人') } })
  // Others on the same session still ask.
  expect((await ok(zhao()('leave.forSession', { activityId: hosted.id }))).canAsk).toBe(true)

  const byWang = await plan('走查·王芳主持', 3 * DAY, '组织委员 王芳')
  expect(await wang()('leave.request', { activityId: byWang.id, kind: 'sick' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // The secretary, not leading this one, may ask.
  expect((await ok(secretary()('leave.forSession', { activityId: byWang.id }))).canAsk).toBe(true)
})

test('asking and withdrawing again and again leaves the secretary one notice per member and session', async () => {
  const s = await plan('走查·通知合并', 3 * DAY)
  const unreadBefore = (await ok(secretary()('inbox.unread', {}))).count
  await ok(zhao()('leave.request', { activityId: s.id, kind: 'personal', note: '家中有事' }))
  await ok(zhao()('leave.withdraw', { activityId: s.id }))
  await ok(zhao()('leave.request', { activityId: s.id, kind: 'sick' }))
  await ok(zhao()('leave.withdraw', { activityId: s.id }))
  await ok(zhao()('leave.request', { activityId: s.id, kind: 'away', note: '在北京出差' }))
  // Five taps: one notice, the last ask's, and one more unread.
  expect((await noticesAbout('走查·通知合并')).map((i) => [i.title, i.body])).toEqual([['赵磊 请假：走查·通知合并', '在外地，在北京出差。请在活动页审批。']])
  expect((await ok(secretary()('inbox.unread', {}))).count).toBe(unreadBefore + 1)

  // Withdrawn within the quiet minutes of the ask: the ask's notice goes and nothing replaces it.
  await ok(zhao()('leave.withdraw', { activityId: s.id }))
  expect(await noticesAbout('走查·通知合并')).toEqual([])
  expect((await ok(secretary()('inbox.unread', {}))).count).toBe(unreadBefore)

  // Withdrawn later: one 撤回 notice in place of the ask's.
  await ok(zhao()('leave.request', { activityId: s.id, kind: 'sick', note: '发烧' }))
  await advance('11m')
  await ok(zhao()('leave.withdraw', { activityId: s.id }))
  expect((await noticesAbout('走查·通知合并')).map((i) => i.title)).toEqual(['赵磊 撤回了请假：走查·通知合并'])
  expect((await ok(secretary()('inbox.unread', {}))).count).toBe(unreadBefore + 1)
})

test('home 待办 with requests on two sessions opens the soonest and says there are two', async () => {
  const later = await plan('走查·下月', 20 * DAY)
  const sooner = await plan('走查·后天', 2 * DAY)
  await ok(zhao()('leave.request', { activityId: later.id, kind: 'personal', note: '家中有事' }))
  await ok(zhao()('leave.request', { activityId: sooner.id, kind: 'sick' }))
  const home = await ok(secretary()('home.todo', { branchId: branch1 }))
  expect(home.items.find((i) => i.kind === 'leave_to_decide')).toMatchObject({
    title: '2 条请假待审批（2 次活动）',
    due: '先看最近的一次活动',
    page: `/packages/activities/pages/detail/index?id=${sooner.id}`,
  })
  // Decided there, the line moves on to the other session.
  await ok(secretary()('leave.decide', { activityId: sooner.id, memberId: zhaoId, approve: true }))
  expect((await ok(secretary()('home.todo', { branchId: branch1 }))).items.find((i) => i.kind === 'leave_to_decide')).toMatchObject({
    title: '1 条请假待审批',
    due: '活动开始前审批',
    page: `/packages/activities/pages/detail/index?id=${later.id}`,
  })
})

test('准假 and 不准假 may be changed until the session starts, the member told each time; then refused', async () => {
  const s = await plan('走查·更改审批', 2 * 3600_000)
  const asked = await ok(zhao()('leave.request', { activityId: s.id, kind: 'sick', note: '发烧' }))
  await ok(secretary()('leave.decide', { activityId: s.id, memberId: zhaoId, approve: true }))
  expect((await ok(secretary()('leave.forSession', { activityId: s.id }))).decidable).toEqual([asked.id])

  // To 不准假: a reason is needed, then made, and the member told that it changed.
  expect(await secretary()('leave.decide', { activityId: s.id, memberId: zhaoId, approve: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '不准假时请写明原因' } })
  expect(await ok(secretary()('leave.decide', { activityId: s.id, memberId: zhaoId, approve: false, note: '本次要表决，请参加' }))).toMatchObject({ status: 'declined', decisionNote: '本次要表决，请参加' })
  const told = (await ok(zhao()('inbox.list', {}))).items.filter((i) => i.title.endsWith('走查·更改审批'))
  expect(told.map((i) => [i.title, i.body])).toEqual([
    ['请假审批已更改为未准假：走查·更改审批', '未批准（原为已准假）：本次要表决，请参加。请尽量参加。'],
    ['已准假：走查·更改审批', '病假已批准。'],
  ])
  // The same decision again is refused; back to 准假 is made, the old reason dropped.
  expect(await secretary()('leave.decide', { activityId: s.id, memberId: zhaoId, approve: false, note: '再说一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该请假已经是「未准假」' } })
  expect(await ok(secretary()('leave.decide', { activityId: s.id, memberId: zhaoId, approve: true }))).toMatchObject({ status: 'approved', decisionNote: null })
  expect((await ok(zhao()('inbox.list', {}))).items[0]).toMatchObject({ title: '请假审批已更改为已准假：走查·更改审批', body: '病假已批准（原为未准假）。' })

  // Once the session has begun the decision stands.
  await advance('3h')
  expect((await ok(secretary()('leave.forSession', { activityId: s.id }))).decidable).toEqual([])
  expect(await secretary()('leave.decide', { activityId: s.id, memberId: zhaoId, approve: false, note: '晚了' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('活动已经开始') } })
  expect((await ok(zhao()('leave.forSession', { activityId: s.id }))).mine).toMatchObject({ status: 'approved' })
})

test('a session cancelled or deleted takes its leave notices with it: none opens a session that is gone, the requests are closed', async () => {
  const db = sdkFor(cloud.url).database()
  const inboxOf = async () => (await ok(secretary()('inbox.list', { limit: 50 }))).items
  // Cancelled by 王芳 (组织委员): the secretary's 「赵磊 请假」 gives way to one notice that needs nothing of him.
  const s = await plan('走查·将取消', 3 * DAY, '李建国')
  await ok(zhao()('leave.request', { activityId: s.id, kind: 'personal', note: '家中有事' }))
  expect((await noticesAbout('走查·将取消')).map((i) => i.title)).toEqual(['赵磊 请假：走查·将取消'])
  const unreadBefore = (await ok(secretary()('inbox.unread', {}))).count
  await ok(wang()('activities.cancel', { id: s.id, reason: '与区委党校培训冲突' }))
  expect(await noticesAbout('走查·将取消')).toEqual([])
  const closed = (await inboxOf()).filter((i) => i.title.includes('走查·将取消') && i.kind === 'leave_request')
  expect(closed.map((i) => [i.title, i.body, i.page])).toEqual([['活动已取消，请假无需审批：走查·将取消', '赵磊 的请假随活动取消而关闭。', '/pages/activities/index']])
  // The closing notice and the audience's cancellation notice (activities-plan.ts, not 请假's) are new; the ask's unread went.
  const told = (await inboxOf()).filter((i) => i.title.includes('走查·将取消'))
  for (const i of told.filter((t) => t.kind === 'leave_request')) expect(i.page).not.toContain(s.id)
  expect((await ok(secretary()('inbox.unread', {}))).count).toBe(unreadBefore - 1 + told.length)
  expect((await db.collection('leave_requests').doc(`${s.id}:${zhaoId}`).get()).data).toMatchObject({ status: 'cancelled', noticeId: null })
  expect(await zhao()('leave.withdraw', { activityId: s.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  // Deleted by the secretary himself: the notices go and nothing replaces them (he did it); decided ones close too.
  const d = await plan('走查·将删除', 3 * DAY, '李建国')
  await ok(zhao()('leave.request', { activityId: d.id, kind: 'sick' }))
  await ok(secretary()('leave.decide', { activityId: d.id, memberId: zhaoId, approve: true }))
  expect((await noticesAbout('走查·将删除')).length).toBe(1)
  await ok(secretary()('activities.remove', { id: d.id, reason: '重复建立' }))
  expect((await inboxOf()).filter((i) => i.title.includes('走查·将删除'))).toEqual([])
  expect((await db.collection('leave_requests').doc(`${d.id}:${zhaoId}`).get()).data).toMatchObject({ status: 'approved', noticeId: null })
})
