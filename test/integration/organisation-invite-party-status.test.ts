/**
 * A reviewer found that joining by a code without approval always recorded the person as 正式党员. The code now says
 * which status its joiners get (invites.ts inviteePartyStatus): 预备党员 join as 预备, 支委 codes are for 正式党员 only,
 * and a status on a code that asks for approval (decided when approving) or for a role without one is refused.
 */
import { apiAs, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let admin: Caller
let secretary: Caller
let branchId: string

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'ip-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '丁学会党支部', startedOn: '2026-01-01' }))).id
  secretary = apiAs(cloud.url, 'ip-sec')
  await ok(secretary('session.join', { code: (await ok(admin('invites.create', { branchId, role: 'secretary' }))).code, name: '张书记' }))
}, 60_000)
afterAll(() => cloud?.stop())

const statusOf = async (name: string) => (await ok(secretary('members.list', { branchId }))).items.find((m) => m.name === name)?.partyStatus

test('a code made for 预备党员 records its joiners as 预备党员; a plain member code still records 正式党员', async () => {
  const probationary = await ok(secretary('invites.create', { branchId, role: 'member', partyStatus: 'probationary', maxUses: 5 }))
  expect(probationary.partyStatus).toBe('probationary')
  await ok(apiAs(cloud.url, 'ip-p1')('session.join', { code: probationary.code, name: '李预备' }))
  expect(await statusOf('李预备')).toBe('probationary')

  const plain = await ok(secretary('invites.create', { branchId, role: 'member' }))
  expect(plain.partyStatus).toBe('full')
  await ok(apiAs(cloud.url, 'ip-f1')('session.join', { code: plain.code, name: '王正式' }))
  expect(await statusOf('王正式')).toBe('full')
})

test('a status the code cannot decide is refused with the reason, and no code is made', async () => {
  const before = (await ok(secretary('invites.list', { branchId }))).items.length
  expect(await secretary('invites.create', { branchId, role: 'branch_committee', partyStatus: 'probationary' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: expect.stringContaining('第七条') },
  })
  expect(await secretary('invites.create', { branchId, role: 'member', requiresApproval: true, partyStatus: 'full' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '需书记审核的邀请在审核时再确定党员身份' },
  })
  expect(await admin('invites.create', { branchId, role: 'guide', title: '第一书记', partyStatus: 'full' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '只有党员和支委委员的邀请可以设置党员身份' },
  })
  expect((await ok(secretary('invites.list', { branchId }))).items).toHaveLength(before)
})
