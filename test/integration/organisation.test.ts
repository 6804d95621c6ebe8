/**
 * Organisation through the real actions on a fresh environment (no seed): the committee sets up a branch and its
 * secretary; the secretary keeps the roster; access follows the roster on the very next call; every change is
 * in the audit log.
 */
import { apiAs, ok, type Caller } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

const TOKEN = 'local-dev-bootstrap-token'
let cloud: LocalCloudHandle
let admin: Caller
let branchId: string
let otherBranchId: string

/** Someone new joins with `code` under `name`; returns their caller and join result. */
async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  return { as, result: await ok(as('session.join', { code, name })) }
}

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'org-admin')
  await ok(admin('org.bootstrap', { token: TOKEN, committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '甲学会党支部', societies: ['甲学会'], foundedOn: '2019-07-01' }))).id
  otherBranchId = (await ok(admin('branches.create', { name: '乙学会党支部' }))).id
})
afterAll(() => cloud?.stop())

describe('the committee sets up branches', () => {
  test('edits and archives a branch; archived branches leave the default list', async () => {
    const temp = await ok(admin('branches.create', { name: '临时支部', kind: 'joint_branch', societies: ['丙学会', '丁学会'] }))
    const edited = await ok(admin('branches.update', { branchId: temp.id, name: '丙丁联合党支部', foundedOn: '2020-01-15' }))
    expect(edited).toMatchObject({ name: '丙丁联合党支部', kind: 'joint_branch', foundedOn: '2020-01-15', status: 'active' })
    const archived = await ok(admin('branches.archive', { branchId: temp.id, reason: '学会合并' }))
    expect(archived.status).toBe('archived')
    const names = (await ok(admin('branches.list', {}))).items.map((b: { name: string }) => b.name)
    expect(names).toEqual(['乙学会党支部', '甲学会党支部'].sort((a, b) => (a < b ? -1 : 1)))
    const all = (await ok(admin('branches.list', { includeArchived: true }))).items.map((b: { name: string }) => b.name)
    expect(all).toContain('丙丁联合党支部')
    expect(await admin('branches.update', { branchId: temp.id, name: '复活' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('search by name and cursor paging over branches', async () => {
    for (let i = 0; i < 5; i++) await ok(admin('branches.create', { name: `分页测试支部${i}` }))
    const found = await ok(admin('branches.list', { q: '分页测试' }))
    expect(found.items).toHaveLength(5)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = await ok(
        admin('branches.list', { q: '分页', limit: 2, ...(cursor ? { cursor } : {}) }),
      )
      seen.push(...page.items.map((b) => b.name))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['分页测试支部0', '分页测试支部1', '分页测试支部2', '分页测试支部3', '分页测试支部4'])
    // Regular-expression characters in a search are text, not a pattern.
    expect((await ok(admin('branches.list', { q: '.*' }))).items).toEqual([])
  })
})

describe('invitations and joining', () => {
  test('an invitation has a QR image, and a revoked one says so', async () => {
    const invite = await ok(admin('invites.create', { branchId, role: 'secretary' }))
    expect(invite).toMatchObject({ status: 'active', uses: 0, maxUses: 1, branchName: '甲学会党支部' })
    const qr = await ok(admin('invites.qr', { code: invite.code }))
    const png = Buffer.from(await (await fetch(qr.url)).arrayBuffer())
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    await ok(admin('invites.revoke', { code: invite.code }))
    const refused = await apiAs(cloud.url, 'nobody-1')('session.join', { code: invite.code, name: '某人' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已被撤销') } })
    const listed = await ok(admin('invites.list', { branchId }))
    expect(listed.items.find((i) => i.code === invite.code)!.status).toBe('revoked')
  })

  test('repeated wrong codes from one person are rate limited, even before a right one', async () => {
    const guesser = apiAs(cloud.url, 'guesser')
    for (let i = 0; i < 5; i++) {
      expect(await guesser('session.join', { code: `WRONGCODE${i}`, name: '猜码者' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    const { code } = await ok(admin('invites.create', { branchId: otherBranchId, role: 'member' }))
    const limited = await guesser('session.join', { code, name: '猜码者' })
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('分钟后再试') } })
  })
})

describe('the secretary keeps the roster', () => {
  let secretary: Caller
  let member: Caller
  let memberId: string
  let groupId: string

  beforeAll(async () => {
    const invite = await ok(admin('invites.create', { branchId, role: 'secretary' }))
    secretary = (await join('sec-a', invite.code, '张书记')).as
    groupId = (await ok(secretary('groups.create', { branchId, name: '第一党小组' }))).id
    const memberInvite = await ok(secretary('invites.create', { branchId, role: 'member', groupId, maxUses: 10 }))
    const joined = await join('mem-a', memberInvite.code, '王党员')
    member = joined.as
    memberId = joined.result.roles.find((r) => r.role === 'member')!.memberId!
    await join('mem-b', memberInvite.code, '李预备')
  })

  test('party groups: duplicate names refused; the group counts its members', async () => {
    expect(await secretary('groups.create', { branchId, name: '第一党小组' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const groups = await ok(secretary('groups.list', { branchId }))
    expect(groups.items).toEqual([expect.objectContaining({ name: '第一党小组', memberCount: 2 })])
  })

  test('edits a member: status and dates; contact shown masked; bad dates refused', async () => {
    const lee = (await ok(secretary('members.list', { branchId, q: '李' }))).items[0]
    const updated = await ok(
      secretary('members.update', { memberId: lee.id, partyStatus: 'probationary', joinedPartyOn: '2025-06-30', phone: '13812345678' }),
    )
    expect(updated).toMatchObject({ partyStatus: 'probationary', joinedPartyOn: '2025-06-30', phoneMasked: '138****5678', groupName: '第一党小组' })
    expect(JSON.stringify(updated)).not.toContain('13812345678')
    expect(await secretary('members.update', { memberId: lee.id, joinedPartyOn: '2025-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('不是有效的日期') },
    })
  })

  test('attendance basis: expected members of the branch or a group, voters are full members only', async () => {
    const basis = await ok(secretary('roster.attendanceBasis', { branchId }))
    expect(basis.expectedCount).toBe(3) // 张书记, 王党员, 李预备
    expect(basis.votingCount).toBe(2) // 李预备 is probationary
    const group = await ok(secretary('roster.attendanceBasis', { branchId, groupId }))
    expect(group.expected.map((m: { name: string }) => m.name).sort()).toEqual(['李预备', '王党员'].sort())
  })

  test('a member reads their own entry but not the roster or others', async () => {
    expect((await ok(member('members.get', { memberId }))).name).toBe('王党员')
    expect(await member('members.list', { branchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const lee = (await ok(secretary('members.list', { branchId, q: '李' }))).items[0]
    expect(await member('members.get', { memberId: lee.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('a committee post makes a 支委 who may record activities; removing it takes effect on the next call', async () => {
    const withPost = await ok(secretary('members.setPosts', { memberId, posts: ['组织委员'], groupLeader: true }))
    expect(withPost.roles).toContain('branch_committee')
    const activity = sessionRecord({
      branchId,
      type: 'committee_meeting',
      topic: '支委会',
      place: '会议室',
      startAt: '2026-11-01T10:00:00+08:00',
      clientRequestId: 'posts-test-0001',
    })
    await ok(member('activities.record', activity))
    await ok(secretary('members.setPosts', { memberId, posts: [], groupLeader: false }))
    expect(await member('activities.record', { ...activity, clientRequestId: 'posts-test-0002' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('transfer out: the member loses access at once, the roster and past records keep the name', async () => {
    const list = await ok(member('activities.list', { branchId }))
    expect(list.items.some((a: { createdBy: { name: string } }) => a.createdBy.name === '王党员')).toBe(true)

    const out = await ok(secretary('members.transferOut', { memberId, on: '2026-11-20', reason: '工作调动' }))
    expect(out).toMatchObject({ state: 'transferred', transferredOn: '2026-11-20', transferReason: '工作调动', roles: [] })
    expect(await member('activities.list', { branchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await ok(member('session.get'))).roles).toEqual([])

    const transferred = await ok(secretary('members.list', { branchId, state: 'transferred' }))
    expect(transferred.items.map((m: { name: string }) => m.name)).toEqual(['王党员'])
    const records = await ok(secretary('activities.list', { branchId }))
    expect(records.items.find((a) => a.topic === '支委会')!.createdBy.name).toBe('王党员')
    expect(await secretary('members.update', { memberId, name: '改名' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('every change is in the audit log with before and after, for the secretary and the committee only', async () => {
    const log = await ok(secretary('audit.list', { branchId, limit: 50 }))
    const transfer = log.items.find((e: { action: string }) => e.action === 'member.transferred')
    expect(transfer).toMatchObject({ actor: { name: '张书记' }, before: { state: 'active' }, after: { state: 'transferred' } })
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['member.joined', 'group.created', 'member.updated', 'member.posts', 'invite.created']),
    )
    expect(await ok(admin('audit.list', { limit: 5 }))).toMatchObject({ items: expect.any(Array) })
    expect(await secretary('audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await apiAs(cloud.url, 'mem-b')('audit.list', { branchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('a secretary cannot reach into another branch', async () => {
    const otherInvite = await ok(admin('invites.create', { branchId: otherBranchId, role: 'secretary' }))
    const other = (await join('sec-b', otherInvite.code, '赵书记')).as
    const lee = (await ok(secretary('members.list', { branchId, q: '李' }))).items[0]
    expect(await other('members.get', { memberId: lee.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await other('members.transferOut', { memberId: lee.id, on: '2026-11-20', reason: '试探' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await other('members.list', { branchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await other('invites.create', { branchId, role: 'member' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('the secretary role is handed over; the former secretary stays a member', async () => {
    const lee = (await ok(secretary('members.list', { branchId, q: '李' }))).items[0]
    // 李预备 is still a 预备党员: no 支委 post, the secretary's included (党章第七条) — until 转正 is recorded.
    expect(await secretary('members.handOverSecretary', { branchId, toMemberId: lee.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('第七条') } })
    await ok(secretary('members.update', { memberId: lee.id, partyStatus: 'full', confirmedOn: '2026-11-01' }))
    await ok(secretary('members.handOverSecretary', { branchId, toMemberId: lee.id }))
    const former = (await ok(secretary('session.get'))).roles.map((r: { role: string }) => r.role)
    expect(former).toEqual(['member'])
    expect(await secretary('invites.create', { branchId, role: 'member' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const lees = (await ok(apiAs(cloud.url, 'mem-b')('session.get'))).roles.map((r: { role: string }) => r.role).sort()
    expect(lees).toEqual(['member', 'secretary'])
  })
})

describe('approval and guides', () => {
  test('an invitation that needs approval: pending until the secretary approves; rejected stays out', async () => {
    const invite = await ok(admin('invites.create', { branchId: otherBranchId, role: 'member', requiresApproval: true, maxUses: 5 }))
    const applicant = apiAs(cloud.url, 'applicant')
    const applied = await ok(applicant('session.join', { code: invite.code, name: '申请人' }))
    expect(applied).toMatchObject({ pending: true, roles: [], branchName: '乙学会党支部' })
    expect(await applicant('activities.list', { branchId: otherBranchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const requests = await ok(admin('joinRequests.list', { branchId: otherBranchId }))
    expect(requests.items).toEqual([expect.objectContaining({ name: '申请人', status: 'pending' })])
    await ok(admin('joinRequests.decide', { requestId: requests.items[0].id, approve: true, partyStatus: 'full' }))
    await ok(applicant('activities.list', { branchId: otherBranchId }))
    expect(await admin('joinRequests.decide', { requestId: requests.items[0].id, approve: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })

    const rejectedOne = apiAs(cloud.url, 'applicant-2')
    await ok(rejectedOne('session.join', { code: invite.code, name: '另一申请人' }))
    const next = (await ok(admin('joinRequests.list', { branchId: otherBranchId }))).items[0]
    await ok(admin('joinRequests.decide', { requestId: next.id, approve: false, reason: '非本会会员' }))
    expect(await rejectedOne('activities.list', { branchId: otherBranchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('a 第一书记 reads the branch but changes nothing', async () => {
    const invite = await ok(admin('invites.create', { branchId, role: 'guide', title: '第一书记' }))
    const guide = (await join('guide-1', invite.code, '刘指导')).as
    await ok(guide('activities.list', { branchId }))
    await ok(guide('members.list', { branchId }))
    const detail = await ok(guide('branches.get', { branchId }))
    expect(detail.guides).toEqual([{ name: '刘指导', title: '第一书记' }])
    expect(await guide('groups.create', { branchId, name: '指导员的小组' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await guide('activities.record', sessionRecord({ branchId, type: 'theme_day', topic: '主题', place: '地点', startAt: '2026-11-01T10:00:00+08:00', clientRequestId: 'guide-test-001' })),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await secretaryOf(branchId)('invites.create', { branchId, role: 'guide', title: '党建指导员' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

/** Whoever is the branch's secretary now (the hand-over test moved the role). */
function secretaryOf(_branch: string): Caller {
  return apiAs(cloud.url, 'mem-b')
}
