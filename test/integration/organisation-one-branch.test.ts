/**
 * One person, one branch (organisation/store.ts assertOneBranch; docs/organisation.md). A red-team review found a
 * member of one branch joining a second (and a third) by another branch's invitation, a request approved for someone
 * already on a roster, a 转入 code bound by a member of another branch, and a member re-joining their own branch while
 * their letter was in transit. Every path that puts someone on a roster now refuses with CONFLICT and writes nothing;
 * guides (on no roster) may still help a branch they are not a member of. Also: 发展党员 steps for a person
 * transferred out are refused, and recruitment.create runs once per clientRequestId.
 */
import { apiAs, ok, type Caller } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let admin: Caller
let secA: Caller
let secB: Caller
let branchA: string
let branchB: string
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
let seq = 0
const rid = () => `ob-${++seq}-${Date.now().toString(36)}`

async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}
const rosterNames = async (as: Caller, branchId: string) => (await ok(as('members.list', { branchId }))).items.map((m) => m.name).sort()
const usesOf = async (as: Caller, branchId: string, code: string) => (await ok(as('invites.list', { branchId }))).items.find((i) => i.code === code)?.uses

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'ob-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchA = (await ok(admin('branches.create', { name: '机械学会党支部', startedOn: '2023-01-01' }))).id
  branchB = (await ok(admin('branches.create', { name: '科普学会党支部', startedOn: '2023-01-01' }))).id
  secA = await join('ob-sec-a', (await ok(admin('invites.create', { branchId: branchA, role: 'secretary' }))).code, '甲书记')
  secB = await join('ob-sec-b', (await ok(admin('invites.create', { branchId: branchB, role: 'secretary' }))).code, '乙书记')
  const inv = await ok(secA('invites.create', { branchId: branchA, role: 'member', maxUses: 10 }))
  await join('ob-m1', inv.code, '孙丽')
  await join('ob-m2', inv.code, '钱预备')
  await join('ob-m3', inv.code, '周转出')
  await join('ob-m4', inv.code, '郑退回')
}, 90_000)
afterAll(() => cloud?.stop())

const ONE_BRANCH = '你已是「机械学会党支部」的党员：一名党员只能在一个党支部。转到本支部请由原支部办理组织关系转出'

test('a member of 机械 cannot join 科普 by its member or 支委 code: CONFLICT, no use spent, no roster entry, no role', async () => {
  const m1 = apiAs(cloud.url, 'ob-m1')
  const member = await ok(secB('invites.create', { branchId: branchB, role: 'member' }))
  const committee = await ok(secB('invites.create', { branchId: branchB, role: 'branch_committee' }))
  for (const code of [member.code, committee.code]) {
    expect(await m1('session.join', { code, name: '孙丽' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: ONE_BRANCH } })
  }
  expect(await usesOf(secB, branchB, member.code)).toBe(0)
  expect(await usesOf(secB, branchB, committee.code)).toBe(0)
  expect(await rosterNames(secB, branchB)).toEqual(['乙书记'])
  expect((await ok(m1('session.get'))).roles.map((r) => r.branchId)).toEqual([branchA])
})

test('a secretary code of another branch is refused too; a 党建指导员 (on no roster) may still help another branch', async () => {
  const m1 = apiAs(cloud.url, 'ob-m1')
  const sec = await ok(admin('invites.create', { branchId: branchB, role: 'secretary' }))
  expect(await m1('session.join', { code: sec.code, name: '孙丽' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: ONE_BRANCH } })
  const guide = await ok(admin('invites.create', { branchId: branchB, role: 'guide', title: '第一书记' }))
  await ok(m1('session.join', { code: guide.code, name: '孙丽' }))
  expect((await ok(m1('session.get'))).roles.map((r) => `${r.branchId}:${r.role}`).sort()).toEqual([`${branchA}:member`, `${branchB}:guide`].sort())
  expect(await rosterNames(secB, branchB)).toEqual(['乙书记'])
})

test('an approval code: a member of another branch cannot ask; one approved after joining elsewhere is refused, the request stays pending', async () => {
  const approval = await ok(secB('invites.create', { branchId: branchB, role: 'member', requiresApproval: true, maxUses: 5 }))
  expect(await apiAs(cloud.url, 'ob-m2')('session.join', { code: approval.code, name: '钱预备' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: ONE_BRANCH } })
  expect((await ok(secB('joinRequests.list', { branchId: branchB }))).items).toHaveLength(0)

  // Someone on no roster asks 科普, then joins 机械 by a plain code before 科普 decides.
  const newcomer = apiAs(cloud.url, 'ob-new')
  expect(await ok(newcomer('session.join', { code: approval.code, name: '吴新人' }))).toMatchObject({ pending: true })
  await join('ob-new', (await ok(secA('invites.create', { branchId: branchA, role: 'member' }))).code, '吴新人')
  const [request] = (await ok(secB('joinRequests.list', { branchId: branchB }))).items
  expect(await secB('joinRequests.decide', { requestId: request.id, approve: true, partyStatus: 'full' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '吴新人已是「机械学会党支部」的党员：一名党员只能在一个党支部。转到本支部请由原支部办理组织关系转出' },
  })
  expect((await ok(secB('joinRequests.list', { branchId: branchB }))).items.map((r) => r.status)).toEqual(['pending'])
  expect(await rosterNames(secB, branchB)).toEqual(['乙书记'])
  // Refusing it is still possible.
  await ok(secB('joinRequests.decide', { requestId: request.id, approve: false, reason: '已在机械学会党支部' }))
})

test('the code transfers.receive makes (转入 from outside) cannot be bound by a member of another branch', async () => {
  const t = await ok(secB('transfers.receive', { branchId: branchB, letterNo: '湘党转〔2026〕5号', fromOrgName: '长沙市某学会党委', issuedOn: today, validUntil: today, duesPaidTo: '2026-11', name: '孙丽', partyStatus: 'full', joinedPartyOn: '2000-07-01', clientRequestId: rid() }))
  expect(await apiAs(cloud.url, 'ob-m1')('session.join', { code: t.inviteCode!, name: '孙丽' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: ONE_BRANCH } })
  const entry = (await ok(secB('members.list', { branchId: branchB }))).items.find((m) => m.id === t.newMemberId)
  expect(entry).toMatchObject({ bound: false })
})

test('while their letter is in transit a member cannot re-join their own branch (or any other) by a code', async () => {
  const ids = Object.fromEntries((await ok(secA('members.list', { branchId: branchA }))).items.map((m) => [m.name, m.id]))
  await ok(secA('transfers.issue', { memberId: ids['周转出'], toBranchId: branchB, letterNo: '机党转〔2026〕1号', issuedOn: today, duesPaidTo: '2026-12', clientRequestId: rid() }))
  const m3 = apiAs(cloud.url, 'ob-m3')
  const inTransit = '你的组织关系正在转往「科普学会党支部」，请等待接收支部办理'
  const own = await ok(secA('invites.create', { branchId: branchA, role: 'member' }))
  expect(await m3('session.join', { code: own.code, name: '周转出' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: inTransit } })
  const other = await ok(secB('invites.create', { branchId: branchB, role: 'member' }))
  expect(await m3('session.join', { code: other.code, name: '周转出' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: inTransit } })
  expect(await rosterNames(secA, branchA)).not.toContain('周转出')
  expect(await usesOf(secA, branchA, own.code)).toBe(0)
  // The receiving branch can still accept the letter itself.
  const [letter] = (await ok(secB('transfers.list', { branchId: branchB, direction: 'in', limit: 10 }))).items.filter((t) => t.memberName === '周转出')
  await ok(secB('transfers.accept', { transferId: letter.id, clientRequestId: rid() }))
  expect((await ok(secB('members.list', { branchId: branchB }))).items.filter((m) => m.name === '周转出')).toHaveLength(1)
})

test('transfers.return does not put a member back on the sending roster while they are active on another (data from before the check)', async () => {
  const ids = Object.fromEntries((await ok(secA('members.list', { branchId: branchA }))).items.map((m) => [m.name, m.id]))
  const t = await ok(secA('transfers.issue', { memberId: ids['郑退回'], toBranchId: branchB, letterNo: '机党转〔2026〕3号', issuedOn: today, duesPaidTo: '2026-12', clientRequestId: rid() }))
  // Before assertOneBranch a code could still put them on 科普's roster meanwhile: written here as such data would be.
  const db = sdkFor(cloud.url).database()
  const now = new Date()
  await db.collection('members').add({ data: { branchId: branchB, openid: 'ob-m4', name: '郑退回', partyStatus: 'full', joinedPartyOn: null, confirmedOn: null, groupId: null, joinedBranchOn: today, phone: null, posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null, createdAt: now, updatedAt: now } })
  expect(await secB('transfers.return', { transferId: t.id, reason: '本人未到', clientRequestId: rid() })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '郑退回已是「科普学会党支部」的党员：一名党员只能在一个党支部。转到本支部请由原支部办理组织关系转出' },
  })
  expect((await ok(secA('transfers.get', { transferId: t.id }))).state).toBe('in_transit')
  expect(await rosterNames(secA, branchA)).not.toContain('郑退回')
})

test('a 预备党员 transferred out: 发展党员 steps in the old branch are refused (the file would say 正式 while the roster says 预备)', async () => {
  const ids = Object.fromEntries((await ok(secA('members.list', { branchId: branchA }))).items.map((m) => [m.name, m.id]))
  await ok(secA('members.update', { memberId: ids['钱预备'], partyStatus: 'probationary', joinedPartyOn: '2026-06-01' }))
  const file = await ok(secA('recruitment.fromRoster', { memberId: ids['钱预备'] }))
  await ok(secA('transfers.issue', { memberId: ids['钱预备'], toBranchId: branchB, letterNo: '机党转〔2026〕2号', issuedOn: today, duesPaidTo: '2026-12', clientRequestId: rid() }))
  const refused = await secA('recruitment.record', { recruitId: file.id, step: 'confirm_apply', on: today } as never)
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('钱预备 的组织关系已从本支部转出') } })
  expect((await ok(secA('recruitment.get', { recruitId: file.id }))).status).toBe('probationary')
})

test('recruitment.create needs a clientRequestId and runs once per request: five taps make one file', async () => {
  expect(await secA('recruitment.create', { branchId: branchA, name: '郑申请', appliedOn: today } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  const clientRequestId = rid()
  const answers = await Promise.all(Array.from({ length: 5 }, () => ok(secA('recruitment.create', { branchId: branchA, name: '郑申请', appliedOn: today, clientRequestId }))))
  expect(new Set(answers.map((a) => a.id)).size).toBe(1)
  const list = await ok(secA('recruitment.list', { branchId: branchA, limit: 30 }))
  expect(list.items.filter((r) => r.name === '郑申请')).toHaveLength(1)
})
