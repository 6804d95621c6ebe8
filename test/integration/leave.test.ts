/**
 * 请假 through the local cloud: a member asks leave from a planned session before it starts, the secretary approves,
 * the record's attendance sheet shows the absence with its reason, and the member's attendance counts it apart.
 * Wrong roles, another branch, a second request, and a session already held are refused with nothing written.
 */
import { rawApiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let zhaoId: string
let soon: { id: string }
let later: { id: string }
const as = (openid: string) => rawApiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const zhao = () => as('dev-member-1b')
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
const MIN = 60_000
const DAY = 86_400_000
let seq = 0
const rid = () => `leave-${Date.now()}-${++seq}`

beforeAll(async () => {
  cloud = await startLocalCloud()
  const people = (await (await fetch(`${cloud.url}/dev/identities`)).json()) as { openid: string; roles: { branchId?: string }[] }[]
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  zhaoId = (await ok(zhao()('session.get', {})) as { roles: { memberId?: string }[] }).roles.find((r) => r.memberId)!.memberId!
  // 王芳 hosts (the host does not ask leave), so the secretary may ask as any member does.
  const plan = (topic: string, start: number) => ok(secretary()('activities.plan', { branchId: branch1, type: 'theme_day', topic, place: '学会会议室', startAt: at(start), endAt: at(start + 2 * 3600_000), host: '王芳', clientRequestId: rid() }))
  // Starts in ten minutes: leave can still be asked, and it can be recorded at once (sign-in opened).
  soon = await plan('请假测试·即将开始', 10 * MIN)
  later = await plan('请假测试·下周', 7 * DAY)
})
afterAll(() => cloud?.stop())

test('a member asks leave before the session; a second request and bad input are refused', async () => {
  const before = await ok(zhao()('leave.forSession', { activityId: soon.id }))
  expect(before).toMatchObject({ mine: null, canAsk: true, canDecide: false, all: [] })
  expect(await zhao()('leave.request', { activityId: soon.id, kind: 'other' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请写明请假原因' } })
  expect(await rawApiAs(cloud.url, 'dev-member-1b')('leave.request', { activityId: soon.id, kind: 'holiday' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  const asked = await ok(zhao()('leave.request', { activityId: soon.id, kind: 'sick', note: '发烧' }))
  expect(asked).toMatchObject({ name: '赵磊', kind: 'sick', note: '发烧', status: 'pending' })
  expect(await zhao()('leave.request', { activityId: soon.id, kind: 'personal' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已经请过假了（待审批）' } })
  const inbox = await ok(secretary()('inbox.list', {}))
  expect(inbox.items.map((i: { title: string }) => i.title)).toContain('赵磊 请假：请假测试·即将开始')
})

test('only the secretary decides; another branch sees no session', async () => {
  expect(await zhao()('leave.decide', { activityId: soon.id, memberId: zhaoId, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as('dev-member-1a')('leave.decide', { activityId: soon.id, memberId: zhaoId, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as('dev-secretary-2')('leave.decide', { activityId: soon.id, memberId: zhaoId, approve: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await as('dev-member-2a')('leave.request', { activityId: later.id, kind: 'sick' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await secretary()('leave.decide', { activityId: soon.id, memberId: zhaoId, approve: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '不准假时请写明原因' } })
  const view = await ok(secretary()('leave.forSession', { activityId: soon.id }))
  expect(view.canDecide).toBe(true)
  expect(view.all).toEqual([expect.objectContaining({ memberId: zhaoId, status: 'pending' })])
})

test('approved leave fills the absence and its reason in the record; attendance shows leave apart', async () => {
  const approved = await ok(secretary()('leave.decide', { activityId: soon.id, memberId: zhaoId, approve: true }))
  expect(approved).toMatchObject({ status: 'approved', decidedBy: '李建国' })
  const zhaoInbox = await ok(zhao()('inbox.list', {}))
  expect(zhaoInbox.items.map((i: { title: string }) => i.title)).toContain('已准假：请假测试·即将开始')

  const sheet = await ok(secretary()('activities.attendanceSheet', { branchId: branch1, id: soon.id }))
  expect(sheet.attendees.find((a: { memberId: string }) => a.memberId === zhaoId)).toMatchObject({ present: false, absentReason: '请假（病假：发烧）' })
  const marks = sheet.attendees.map((a: { memberId: string; present: boolean; absentReason?: string }) => ({ memberId: a.memberId, present: a.memberId === zhaoId ? false : true, ...(a.absentReason ? { absentReason: a.absentReason } : {}) }))
  await ok(secretary()('activities.record', { id: soon.id, branchId: branch1, clientRequestId: rid(), recorder: '王芳', minutes: '学习了党章。', attendance: marks }))
  const record = await ok(secretary()('activities.get', { id: soon.id }))
  expect(record.attendance!.attendees.find((a: { memberId: string }) => a.memberId === zhaoId)).toMatchObject({ present: false, absentReason: '请假（病假：发烧）' })

  const mine = await ok(zhao()('leave.attendance', { memberId: zhaoId }))
  expect(mine.leave).toBeGreaterThanOrEqual(1)
  expect(mine.expected).toBe(mine.present + mine.leave + mine.absent)
  expect(mine.missedMonthsInARow).toBe(0) // this month is excused by leave
})

test('leave for a session already held, or after recording, is refused and nothing is written', async () => {
  const asked = await zhao()('leave.request', { activityId: soon.id, kind: 'personal' })
  expect(asked).toMatchObject({ ok: false })
  const view = await ok(zhao()('leave.forSession', { activityId: soon.id }))
  expect(view).toMatchObject({ canAsk: false, cannotAsk: expect.stringContaining('活动已经开始') })
  expect(view.mine).toMatchObject({ status: 'approved' })
  expect(await secretary()('leave.decide', { activityId: soon.id, memberId: zhaoId, approve: false, note: '晚了' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

test('nobody decides their own leave: the secretary’s goes to another 支委; a decision changed before the session is told', async () => {
  const mine = await ok(secretary()('leave.request', { activityId: later.id, kind: 'personal', note: '出差' }))
  expect(mine).toMatchObject({ name: '李建国', status: 'pending' })
  const secretaryId = mine.memberId as string
  expect(await secretary()('leave.decide', { activityId: later.id, memberId: secretaryId, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审批自己的请假，请由其他支委或上级党委审批' } })
  expect(await ok(as('dev-member-1a')('leave.decide', { activityId: later.id, memberId: secretaryId, approve: true }))).toMatchObject({ status: 'approved', decidedBy: '王芳' })

  await ok(zhao()('leave.request', { activityId: later.id, kind: 'sick', note: '住院' }))
  await ok(secretary()('leave.decide', { activityId: later.id, memberId: zhaoId, approve: true }))
  // The same decision twice is refused; a change before the session is made and the member told (docs/leave.md).
  expect(await secretary()('leave.decide', { activityId: later.id, memberId: zhaoId, approve: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该请假已经是「已准假」' } })
  await ok(secretary()('leave.decide', { activityId: later.id, memberId: zhaoId, approve: false, note: '改主意' }))
  const view = await ok(zhao()('leave.forSession', { activityId: later.id }))
  expect(view.mine).toMatchObject({ status: 'declined', decisionNote: '改主意' })
  const titles = (await ok(zhao()('inbox.list', {}))).items.map((i: { title: string }) => i.title)
  expect(titles.filter((t: string) => t.endsWith('请假测试·下周'))).toEqual(['请假审批已更改为未准假：请假测试·下周', '已准假：请假测试·下周'])
})

test('approved leave stands in a record made without attendance marks', async () => {
  const third = await ok(secretary()('activities.plan', { branchId: branch1, type: 'theme_day', topic: '请假测试·不点名', place: '学会会议室', startAt: at(10 * MIN), endAt: at(10 * MIN + 2 * 3600_000), host: '李建国', clientRequestId: rid() }))
  await ok(zhao()('leave.request', { activityId: third.id, kind: 'sick', note: '发烧' }))
  await ok(secretary()('leave.decide', { activityId: third.id, memberId: zhaoId, approve: true }))
  await ok(secretary()('activities.record', { id: third.id, branchId: branch1, clientRequestId: rid(), recorder: '王芳', minutes: '学习了党章。' }))
  const record = await ok(secretary()('activities.get', { id: third.id }))
  expect(record.attendance!.attendees.find((a: { memberId: string }) => a.memberId === zhaoId)).toMatchObject({ present: false, absentReason: '请假（病假：发烧）' })
})
