/**
 * Onboarding through the real actions on an empty environment: bootstrap is guarded by the deployment token and
 * happens once; only the committee creates branches; invitations grant exactly their role in their branch, and
 * wrong, expired or used-up codes say which.
 */
import { apiAs, ok } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

const TOKEN = 'local-dev-bootstrap-token' // cloud/functions/api/local.env.json
let cloud: LocalCloudHandle

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
})
afterAll(() => cloud?.stop())

test('a fresh environment: nobody holds a role yet, bootstrap needs the right token and runs once', async () => {
  const admin = apiAs(cloud.url, 'admin-openid')
  expect(await ok(admin('session.get'))).toEqual({ openid: 'admin-openid', name: null, committeeName: null, roles: [], transfers: [] })
  const joinFirst = await admin('session.join', { code: 'ABCDEFGH23', name: '某人' })
  expect(joinFirst.ok === false && joinFirst.error.message).toContain('尚未初始化')

  const wrong = await admin('org.bootstrap', { token: 'not-the-token', committeeName: '测试党委', adminName: '管理员' })
  expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '初始化口令不正确' } })

  await ok(admin('org.bootstrap', { token: TOKEN, committeeName: '测试党委', adminName: '管理员' }))
  const again = await apiAs(cloud.url, 'someone-else')('org.bootstrap', { token: TOKEN, committeeName: '另一个', adminName: '某人' })
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

  const session = await ok(admin('session.get'))
  expect(session).toEqual({ openid: 'admin-openid', name: '管理员', committeeName: '测试党委', roles: [{ role: 'committee_admin' }], transfers: [] })
})

test('only the committee creates branches, and names are unique', async () => {
  const admin = apiAs(cloud.url, 'admin-openid')
  const branch = await ok(admin('branches.create', { name: '测试学会党支部', societies: ['测试学会'] }))
  expect(branch).toMatchObject({ name: '测试学会党支部', kind: 'branch', societies: ['测试学会'] })
  expect(await admin('branches.create', { name: '测试学会党支部' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await apiAs(cloud.url, 'stranger')('branches.create', { name: '野支部' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
})

test('invitations: a secretary joins with the code, invites members; codes that are wrong, used up or expired say so', async () => {
  const admin = apiAs(cloud.url, 'admin-openid')
  const { items } = await ok(admin('branches.list'))
  const branchId = items[0].id
  const invite = await ok(admin('invites.create', { branchId, role: 'secretary' }))
  expect(invite.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)

  const secretary = apiAs(cloud.url, 'sec-openid')
  const joined = await ok(secretary('session.join', { code: invite.code.toLowerCase(), name: '张书记' }))
  // A secretary is a secretary and a member of the branch, with one roster entry.
  expect(joined.roles.map((r: { role: string }) => r.role).sort()).toEqual(['member', 'secretary'])
  for (const r of joined.roles) expect(r).toMatchObject({ branchId, branchName: '测试学会党支部', memberId: joined.roles[0].memberId })
  expect(joined.pending).toBe(false)

  // Single use: a second person cannot reuse it.
  expect(await apiAs(cloud.url, 'late-openid')('session.join', { code: invite.code, name: '迟到者' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '该邀请码的使用次数已用完' },
  })
  expect(await apiAs(cloud.url, 'late-openid')('session.join', { code: 'ABCDEFGH23', name: '迟到者' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  })

  // A secretary may invite members, not another secretary; and only for their own branch.
  expect(await secretary('invites.create', { branchId, role: 'secretary' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const other = await ok(admin('branches.create', { name: '别的支部' }))
  expect(await secretary('invites.create', { branchId: other.id, role: 'member' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  const memberInvite = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 5, expiresInDays: 1 }))
  // Age the invitation past its expiry in the database, as time would.
  await sdkFor(cloud.url).database().collection('invites').doc(memberInvite.code).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
  expect(await apiAs(cloud.url, 'member-openid')('session.join', { code: memberInvite.code, name: '党员甲' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringContaining('已过期') },
  })
})
