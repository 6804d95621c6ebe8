/**
 * 请假 found by users (issue #20): a member withdraws their own request while it waits and the session has not
 * begun; nobody approves their own leave — the secretary does not see 准假 on their own request and is refused by the
 * server; another 支委 sees and decides the secretary's request from the session's page; home 待办 counts the
 * requests waiting for the caller's decision.
 */
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let zhaoId: string
let liId: string
let session: { id: string }
const as = (openid: string) => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const wang = () => as('dev-member-1a') // 王芳, 组织委员 (a 支委)
const zhao = () => as('dev-member-1b')
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
const DAY = 86_400_000
let seq = 0
const rid = () => `withdraw-${Date.now()}-${++seq}`
const memberIdOf = async (openid: string) => (await ok(as(openid)('session.get', {}))).roles.find((r) => r.memberId)!.memberId!

beforeAll(async () => {
  cloud = await startLocalCloud()
  const me = await ok(secretary()('session.get', {}))
  branch1 = me.roles.find((r) => r.role === 'secretary')!.branchId!
  zhaoId = await memberIdOf('dev-member-1b')
  liId = await memberIdOf('dev-secretary-1')
  // 王芳 hosts: the host does not ask leave, and the secretary's own request is tested here.
  session = await ok(secretary()('activities.plan', { branchId: branch1, type: 'theme_day', topic: '撤回测试', place: '学会会议室', startAt: at(3 * DAY), endAt: at(3 * DAY + 7_200_000), host: '王芳', clientRequestId: rid() }))
})
afterAll(() => cloud?.stop())

test('a member withdraws a waiting request before the session; it is then neither decided nor counted, and may be asked again', async () => {
  await ok(zhao()('leave.request', { activityId: session.id, kind: 'personal', note: '家中有事' }))
  expect(await ok(zhao()('leave.forSession', { activityId: session.id }))).toMatchObject({ canWithdraw: true, mine: { status: 'pending' } })
  const back = await ok(zhao()('leave.withdraw', { activityId: session.id }))
  expect(back.status).toBe('withdrawn')
  const view = await ok(zhao()('leave.forSession', { activityId: session.id }))
  expect(view).toMatchObject({ canWithdraw: false, canAsk: true, mine: { status: 'withdrawn' } })
  // The secretary no longer has it to decide; withdrawn at once, the ask's notice is gone and nothing replaces it
  // (one notice per member and session: test/integration/leave-walk.test.ts).
  const sec = await ok(secretary()('leave.forSession', { activityId: session.id }))
  expect(sec.all.map((r) => r.memberId)).not.toContain(zhaoId)
  expect(await secretary()('leave.decide', { activityId: session.id, memberId: zhaoId, approve: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该党员已撤回请假，无需审批' } })
  const inbox = await ok(secretary()('inbox.list', {}))
  expect(inbox.items.map((i) => i.title).filter((t) => t.includes('撤回测试') && t.startsWith('赵磊'))).toEqual([])
  // A second withdrawal has nothing to take back.
  expect(await zhao()('leave.withdraw', { activityId: session.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  // Asked again: pending again; once decided it can no longer be withdrawn.
  await ok(zhao()('leave.request', { activityId: session.id, kind: 'sick' }))
  await ok(secretary()('leave.decide', { activityId: session.id, memberId: zhaoId, approve: true }))
  expect(await zhao()('leave.withdraw', { activityId: session.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

test('the secretary cannot approve their own leave (no button, refused); another 支委 sees and decides it', async () => {
  await ok(secretary()('leave.request', { activityId: session.id, kind: 'business', note: '区里开会' }))
  const own = await ok(secretary()('leave.forSession', { activityId: session.id }))
  const ownId = own.all.find((r) => r.memberId === liId)?.id
  expect(ownId).toBeDefined()
  expect(own.decidable).not.toContain(ownId)
  expect(await secretary()('leave.decide', { activityId: session.id, memberId: liId, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  // 王芳 (组织委员) sees only the secretary's request, and may decide it; a plain member sees none.
  const other = await ok(wang()('leave.forSession', { activityId: session.id }))
  expect(other.canDecide).toBe(true)
  expect(other.all.map((r) => r.memberId)).toEqual([liId])
  expect(other.decidable).toEqual([ownId])
  expect((await ok(zhao()('leave.forSession', { activityId: session.id }))).all).toEqual([])

  // Home 待办: 王芳 has the secretary's request to decide; the secretary does not count their own.
  const wangHome = await ok(wang()('home.todo', { branchId: branch1 }))
  expect(wangHome.items.find((i) => i.kind === 'leave_to_decide')).toMatchObject({ title: '1 条请假待审批', page: `/packages/activities/pages/detail/index?id=${session.id}` })
  const secHome = await ok(secretary()('home.todo', { branchId: branch1 }))
  expect(secHome.items.find((i) => i.kind === 'leave_to_decide')).toBeUndefined()

  const decided = await ok(wang()('leave.decide', { activityId: session.id, memberId: liId, approve: true }))
  expect(decided).toMatchObject({ status: 'approved', decidedBy: '王芳' })
  expect((await ok(wang()('home.todo', { branchId: branch1 }))).items.find((i) => i.kind === 'leave_to_decide')).toBeUndefined()
})

test('home 待办 of the secretary counts members\' requests waiting', async () => {
  const s2 = await ok(secretary()('activities.plan', { branchId: branch1, type: 'theme_day', topic: '撤回测试二', place: '学会会议室', startAt: at(4 * DAY), endAt: at(4 * DAY + 7_200_000), host: '李建国', clientRequestId: rid() }))
  await ok(zhao()('leave.request', { activityId: s2.id, kind: 'away' }))
  const home = await ok(secretary()('home.todo', { branchId: branch1 }))
  expect(home.items.find((i) => i.kind === 'leave_to_decide')).toMatchObject({ title: '1 条请假待审批', page: `/packages/activities/pages/detail/index?id=${s2.id}` })
})
