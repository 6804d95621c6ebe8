/**
 * What the attacker's review (issue 15's review-as-users pass) found still open after the first fixes, each through
 * the local cloud and the real SDK: a session recorded before it happened, writes into a 撤销 branch, a NUL byte in a
 * search, text of nothing visible, and a 转出 dated in the future.
 */
import { rawApiAs, ok } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
let seq = 0
const rid = (label: string) => `review-${label}-${Date.now()}-${++seq}`
const as = (openid: string) => rawApiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const admin = () => as('dev-committee-admin')

beforeAll(async () => {
  cloud = await startLocalCloud()
  const people = (await (await fetch(`${cloud.url}/dev/identities`)).json()) as { openid: string; roles: { branchId?: string }[] }[]
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

const lecture = (startOffset: number) => ({
  branchId: branch1,
  type: 'party_lecture',
  topic: '学习党章',
  place: '学会会议室',
  startAt: at(startOffset),
  endAt: at(startOffset + HOUR),
  host: '李建国',
  lecturer: '李建国',
  recorder: '王芳',
  minutes: '学习了党章第二章。',
})

describe('a session is recorded only once it has begun', () => {
  test.each([
    ['党课', (o: number) => lecture(o)],
    ['组织生活会', (o: number) => sessionRecord({ branchId: branch1, type: 'org_life_meeting', topic: '建而未开', place: '会议室', startAt: at(o), endAt: at(o + HOUR) })],
  ])('a %s of next week is refused, and nothing counts toward compliance', async (_kind, payload) => {
    const before = await ok(secretary()('compliance.branch', { branchId: branch1 }))
    const answer = await secretary()('activities.record', { ...payload(7 * DAY), clientRequestId: rid('future') })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('还没到') } })
    expect(await ok(secretary()('compliance.branch', { branchId: branch1 }))).toEqual(before)
  })

  test('a session held yesterday is recorded; moving its record into the future is refused', async () => {
    const saved = await ok(secretary()('activities.record', { ...lecture(-DAY), clientRequestId: rid('past') }))
    expect(saved.status).toBe('recorded')
    const moved = await secretary()('activities.update', { id: saved.id, expectedVersion: saved.version, startAt: at(5 * DAY), endAt: at(5 * DAY + HOUR) })
    expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

test('a 撤销 branch takes no new member by an old code, and its secretary records nothing new', async () => {
  const temp = await ok(admin()('branches.create', { name: `待撤销支部${Date.now()}` }))
  const secretaryCode = (await ok(admin()('invites.create', { branchId: temp.id, role: 'secretary' }))).code
  const tempSecretary = as(`temp-secretary-${Date.now()}`)
  await ok(tempSecretary('session.join', { code: secretaryCode, name: '临时书记' }))
  const memberCode = (await ok(admin()('invites.create', { branchId: temp.id, role: 'member' }))).code
  await ok(admin()('branches.archive', { branchId: temp.id, reason: '学会合并' }))

  const joined = await as(`stranger-${Date.now()}`)('session.join', { code: memberCode, name: '新来的' })
  expect(joined).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已撤销') } })
  const planned = await tempSecretary('activities.plan', { branchId: temp.id, type: 'theme_day', topic: '不该有', place: '会议室', startAt: at(2 * DAY), endAt: at(2 * DAY + HOUR), host: '临时书记', clientRequestId: rid('archived-plan') })
  expect(planned).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已撤销') } })
  const recorded = await tempSecretary('activities.record', { ...lecture(-DAY), branchId: temp.id, host: '临时书记', lecturer: '临时书记', recorder: '临时书记', clientRequestId: rid('archived-record') })
  expect(recorded).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已撤销') } })
})

test.each([
  ['branches.list', () => ({ q: '李\u0000' })],
  ['members.list', () => ({ branchId: branch1, q: '李\u0000' })],
])('a NUL byte in a %s search is cleaned, never INTERNAL', async (action, payload) => {
  expect(await as('dev-member-1a')(action, payload())).not.toMatchObject({ error: { code: 'INTERNAL' } })
  expect(await secretary()(action, payload())).toMatchObject({ ok: true })
})

test('a topic of nothing visible is refused; a name keeps no right-to-left override', async () => {
  const blank = await secretary()('activities.record', { ...lecture(-DAY), topic: '\u200b\u200d', clientRequestId: rid('blank') })
  expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('主题') } })
  const renamed = await ok(as('dev-member-1a')('session.updateProfile', { name: '王\u202e芳' }))
  expect(JSON.stringify(renamed)).not.toContain('\u202e')
})

test('转出 cannot be dated after today', async () => {
  const roster = await ok(secretary()('members.list', { branchId: branch1 }))
  const someone = roster.items.find((m: { name: string }) => m.name === '赵磊')
  const answer = await secretary()('members.transferOut', { memberId: someone.id, on: '2099-01-01', reason: '工作调动' })
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '转出日期不能晚于今天' } })
})

test('the secretary post is not handed to a 预备党员 (党章第七条), as no 支委 post is', async () => {
  const roster = await ok(secretary()('members.list', { branchId: branch1 }))
  const probationary = roster.items.find((m: { name: string; partyStatus: string }) => m.partyStatus === 'probationary')
  expect(probationary).toBeDefined()
  const answer = await secretary()('members.handOverSecretary', { branchId: branch1, toMemberId: probationary.id })
  expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('第七条') } })
  const secretaries = (await (await fetch(`${cloud.url}/dev/identities`)).json()) as { openid: string; roles: { role: string; branchId?: string }[] }[]
  expect(secretaries.filter((p) => p.roles.some((r) => r.role === 'secretary' && r.branchId === branch1)).map((p) => p.openid)).toEqual(['dev-secretary-1'])
})

test('attendance takes one mark per member, and a reason only for an absence', async () => {
  const sheet = await ok(secretary()('activities.attendanceSheet', { branchId: branch1, type: 'party_lecture' }))
  const someone = sheet.attendees[0].memberId
  const twice = await secretary()('activities.record', { ...lecture(-DAY), clientRequestId: rid('twice'), attendance: [{ memberId: someone, present: true }, { memberId: someone, present: false, absentReason: '事假' }] })
  expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('出席名单中有重复的党员') } })
  const contradiction = await secretary()('activities.record', { ...lecture(-DAY), clientRequestId: rid('both'), attendance: [{ memberId: someone, present: true, absentReason: '病假' }] })
  expect(contradiction).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('出席的党员不需要填写缺席原因') } })
})
