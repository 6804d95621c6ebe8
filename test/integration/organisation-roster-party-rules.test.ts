/**
 * Issue 16.1 and 16.3 through the real actions: attendance of a session recorded afterwards comes from the roster
 * of its own day; approving a join request asks for 正式/预备; a 预备党员 cannot hold a 支委 post (党章第七条); 转出
 * ends posts and the person is told on their next visit.
 */
import type { ActionInput } from '../../types/actions'
import { apiAs, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let admin: Caller
let secretary: Caller
let branchId: string
const memberIds: Record<string, string> = {}

async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'rp-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '丙学会党支部', startedOn: '2026-01-01' }))).id
  const sec = await ok(admin('invites.create', { branchId, role: 'secretary' }))
  secretary = await join('rp-sec', sec.code, '张书记')
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 10 }))
  await join('rp-old', inv.code, '老党员')
  await join('rp-new', inv.code, '新党员')
  for (const m of (await ok(secretary('members.list', { branchId }))).items) memberIds[m.name] = m.id
  // The secretary and 老党员 have been in the branch since before September; 新党员 joined today (the default).
  await ok(secretary('members.update', { memberId: memberIds['张书记'], joinedBranchOn: '2025-01-01' }))
  await ok(secretary('members.update', { memberId: memberIds['老党员'], joinedBranchOn: '2025-01-01' }))
}, 60_000)
afterAll(() => cloud?.stop())

const record = (over: Partial<ActionInput<'activities.record'>>): ActionInput<'activities.record'> => ({
  branchId,
  clientRequestId: `rp-${Math.random().toString(36).slice(2, 10)}`,
  type: 'theme_day',
  topic: '主题党日',
  place: '会议室',
  startAt: '2026-09-20T02:00:00.000Z',
  host: '张书记',
  recorder: '老党员',
  minutes: '学习。',
  ...over,
})

describe('a session recorded afterwards expects the roster of its own day (16.1)', () => {
  test('someone who joined today is not on a 9-20 meeting; the sheet for that date agrees', async () => {
    const sheet = await ok(secretary('activities.attendanceSheet', { branchId, type: 'theme_day', on: '2026-09-20' }))
    expect(sheet.attendees.map((a: { name: string }) => a.name).sort()).toEqual(['张书记', '老党员'].sort())
    const saved = await ok(secretary('activities.record', record({})))
    expect(saved.attendance).toMatchObject({ expected: 2 })
    expect(saved.attendance!.attendees.map((a: { name: string }) => a.name)).not.toContain('新党员')
    // Marking 新党员 for that day is refused by name.
    const refused = await secretary('activities.record', record({ attendance: [{ memberId: memberIds['新党员'], present: true }] }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '新党员不在本次活动的应到名单中' } })
  })

  test('a 支委会 on 9-20 expects the committee of that day: a post given today does not reach back, a backdated one does', async () => {
    await ok(secretary('members.setPosts', { memberId: memberIds['新党员'], posts: ['宣传委员'], groupLeader: false }))
    await ok(secretary('members.update', { memberId: memberIds['新党员'], joinedBranchOn: '2025-01-01' }))
    const before = await ok(secretary('activities.record', record({ type: 'committee_meeting', topic: '支委会' })))
    expect(before.attendance!.attendees.map((a: { name: string }) => a.name)).toEqual(['张书记'])
    await ok(secretary('members.setPosts', { memberId: memberIds['老党员'], posts: ['组织委员'], groupLeader: false, since: '2026-03-01' }))
    const after = await ok(secretary('activities.record', record({ type: 'committee_meeting', topic: '支委会2' })))
    expect(after.attendance!.attendees.map((a: { name: string }) => a.name).sort()).toEqual(['张书记', '老党员'].sort())
    expect(after.audience).toEqual({ kind: 'committee' })
  })
})

describe('party rules in the roster (16.3)', () => {
  test('approving a join request asks 正式 or 预备; a 预备党员 is recorded as such', async () => {
    const invite = await ok(secretary('invites.create', { branchId, role: 'member', requiresApproval: true, maxUses: 3 }))
    await ok(apiAs(cloud.url, 'rp-applicant')('session.join', { code: invite.code, name: '李预备' }))
    const request = (await ok(secretary('joinRequests.list', { branchId }))).items[0]
    expect(await secretary('joinRequests.decide', { requestId: request.id, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择 李预备 是正式党员还是预备党员', details: { field: 'partyStatus' } },
    })
    await ok(secretary('joinRequests.decide', { requestId: request.id, approve: true, partyStatus: 'probationary' }))
    const lee = (await ok(secretary('members.list', { branchId, q: '李预备' }))).items[0]
    expect(lee.partyStatus).toBe('probationary')
    memberIds['李预备'] = lee.id
  })

  test('a 预备党员 cannot be given a 支委 post, and the refusal names the rule', async () => {
    const refused = await secretary('members.setPosts', { memberId: memberIds['李预备'], posts: ['青年委员'], groupLeader: false })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(refused).toMatchObject({ error: { message: expect.stringContaining('预备党员没有表决权、选举权和被选举权（《中国共产党章程》第七条）') } })
    // Nor can a 支委 be turned into a 预备党员 while holding the post.
    const demoted = await secretary('members.update', { memberId: memberIds['老党员'], partyStatus: 'probationary' })
    expect(demoted).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('转出 ends the posts and the 支委 role; the person is told what happened on their next visit', async () => {
    const out = await ok(secretary('members.transferOut', { memberId: memberIds['老党员'], on: '2026-12-01', reason: '调往外省工作' }))
    expect(out).toMatchObject({ state: 'transferred', posts: [] })
    const session = await ok(apiAs(cloud.url, 'rp-old')('session.get'))
    expect(session.roles).toEqual([])
    expect(session.transfers).toEqual([{ branchName: '丙学会党支部', on: '2026-12-01', reason: '调往外省工作' }])
    // The inbox says when in words people read (2026年12月1日, not 2026-12-01).
    const told = (await ok(apiAs(cloud.url, 'rp-old')('inbox.list', {}))).items.find((i: { title: string }) => i.title.includes('转出'))
    expect(told!.body).toContain('转出日期：2026年12月1日；原因：调往外省工作')
    // The 9-20 支委会 still had them: history keeps the post until the day of 转出.
    const again = await ok(secretary('activities.record', record({ type: 'committee_meeting', topic: '支委会3' })))
    expect(again.attendance!.attendees.map((a: { name: string }) => a.name)).toContain('老党员')
    // Someone never transferred sees no such notice.
    expect((await ok(apiAs(cloud.url, 'rp-stranger')('session.get'))).transfers).toEqual([])
  })
})
