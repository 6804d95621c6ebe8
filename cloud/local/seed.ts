/**
 * Demo data for a fresh local cloud, created through the same actions a real committee and its branches use
 * (no back door): the committee admin bootstraps with the deployment token, creates branches and invites each
 * secretary; secretaries join with their codes, invite members and record activities with uploaded photos.
 * Dev identities (GET /dev/identities) are these people's openids.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ApiResult } from '../../types/envelope'
import { drawSeedPhoto } from './seed-photo'

export interface SeedContext {
  invoke(fn: string, event: unknown, openid?: string): Promise<unknown>
  upload(cloudPath: string, bytes: Buffer, contentType: string): Promise<string /*fileID*/>
}

export const SEED_COMMITTEE = { openid: 'dev-committee-admin', name: '周敏', committee: '湖南省科协社会组织行业党委' }

interface SeedMember {
  openid: string
  name: string
  /** Index into the branch's groups. */
  group?: number
  posts?: string[]
  phone?: string
  /** 入党日期 of a 预备党员. */
  probationary?: string
}

export const SEED_BRANCHES: {
  name: string
  kind: 'branch' | 'joint_branch'
  societies: string[]
  secretary: { openid: string; name: string }
  groups: string[]
  members: SeedMember[]
}[] = [
  {
    name: '湖南省计算机学会党支部',
    kind: 'branch' as const,
    societies: ['湖南省计算机学会'],
    secretary: { openid: 'dev-secretary-1', name: '李建国' },
    groups: ['第一党小组', '第二党小组'],
    members: [
      { openid: 'dev-member-1a', name: '王芳', group: 0, posts: ['组织委员'], phone: '13807310001' },
      { openid: 'dev-member-1b', name: '赵磊', group: 1, probationary: '2025-10-15' },
    ],
  },
  {
    name: '湖南省机械工程学会党支部',
    kind: 'branch' as const,
    societies: ['湖南省机械工程学会'],
    secretary: { openid: 'dev-secretary-2', name: '陈晓燕' },
    groups: [],
    members: [
      { openid: 'dev-member-2a', name: '刘洋', posts: ['宣传委员'] },
      { openid: 'dev-member-2b', name: '孙丽' },
    ],
  },
  {
    name: '湖南省科普作家协会等联合党支部',
    kind: 'joint_branch' as const,
    societies: ['湖南省科普作家协会', '湖南省科技史学会'],
    secretary: { openid: 'dev-secretary-3', name: '黄志强' },
    groups: [],
    members: [{ openid: 'dev-member-3a', name: '周婷' }],
  },
]

const DAY = 24 * 3600 * 1000

function bootstrapToken(): string {
  const file = path.resolve(__dirname, '../functions/api/local.env.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { BOOTSTRAP_TOKEN: string }).BOOTSTRAP_TOKEN
}

export async function seed(ctx: SeedContext): Promise<void> {
  let requestSeq = 0
  async function call<T>(openid: string, action: string, payload: unknown): Promise<T> {
    const result = (await ctx.invoke('api', { action, payload, requestId: `seed-${++requestSeq}` }, openid)) as ApiResult<T>
    if (!result || !result.ok) throw new Error(`seed: ${action} failed: ${JSON.stringify(result)}`)
    return result.data
  }

  const admin = SEED_COMMITTEE.openid
  await call(admin, 'org.bootstrap', {
    token: bootstrapToken(),
    committeeName: SEED_COMMITTEE.committee,
    adminName: SEED_COMMITTEE.name,
  })

  let photoVariant = 0
  for (const [index, b] of SEED_BRANCHES.entries()) {
    // 启用日期 in the past: the demo branches' record keeping (and the dashboard's judging) starts with 2025, not
    // on the day the seed ran (compliance/rules.ts evaluationStart).
    const branch = await call<{ id: string }>(admin, 'branches.create', { name: b.name, kind: b.kind, societies: b.societies, startedOn: '2025-01-01' })
    const secretaryInvite = await call<{ code: string }>(admin, 'invites.create', { branchId: branch.id, role: 'secretary' })
    const secJoined = await call<{ roles: { role: string; memberId?: string }[] }>(b.secretary.openid, 'session.join', { code: secretaryInvite.code, name: b.secretary.name })
    // The demo branch existed before the app: its people are on the roster of the past sessions seeded below
    // (a roster entry otherwise dates from the day its person joined the app, roster.ts rosterAsOf).
    const secMemberId = secJoined.roles.find((r) => r.memberId)?.memberId
    if (secMemberId) await call(b.secretary.openid, 'members.update', { memberId: secMemberId, joinedBranchOn: '2012-07-01' })
    const memberInvite = await call<{ code: string }>(b.secretary.openid, 'invites.create', {
      branchId: branch.id,
      role: 'member',
      maxUses: 50,
      expiresInDays: 30,
    })
    const groupIds: string[] = []
    for (const g of b.groups) groupIds.push((await call<{ id: string }>(b.secretary.openid, 'groups.create', { branchId: branch.id, name: g })).id)
    for (const m of b.members) {
      const joined = await call<{ roles: { role: string; memberId?: string }[] }>(m.openid, 'session.join', { code: memberInvite.code, name: m.name })
      const memberId = joined.roles.find((r) => r.memberId)!.memberId!
      const details = {
        ...(m.group !== undefined ? { groupId: groupIds[m.group] } : {}),
        ...(m.phone ? { phone: m.phone } : {}),
        ...(m.probationary ? { partyStatus: 'probationary', joinedPartyOn: m.probationary } : { joinedPartyOn: '2012-07-01' }),
        joinedBranchOn: m.probationary ?? '2012-07-01',
      }
      await call(b.secretary.openid, 'members.update', { memberId, ...details })
      if (m.posts || m.group !== undefined) {
        await call(b.secretary.openid, 'members.setPosts', { memberId, posts: m.posts ?? [], groupLeader: m.group !== undefined && !!m.posts, since: '2024-01-01' })
      }
    }
    if (index === 0) {
      // A request waiting for the secretary, and the committee's guide for this branch.
      const approval = await call<{ code: string }>(b.secretary.openid, 'invites.create', {
        branchId: branch.id,
        role: 'member',
        requiresApproval: true,
        maxUses: 5,
      })
      await call('dev-applicant', 'session.join', { code: approval.code, name: '钱申请' })
      const guide = await call<{ code: string }>(admin, 'invites.create', { branchId: branch.id, role: 'guide', title: '第一书记' })
      await call('dev-guide', 'session.join', { code: guide.code, name: '吴指导' })
    }

    const now = Date.now()
    const plans = [
      { type: 'theme_day', topic: '学习贯彻党的二十届四中全会精神主题党日', place: '学会会议室', daysAgo: 6 + index, photos: 2 },
      { type: 'party_lecture', topic: `${b.secretary.name}书记讲党课：科技社团的初心使命`, place: '科技馆报告厅', daysAgo: 20 + index, photos: 1 },
      { type: 'committee_meeting', topic: '研究第四季度党建工作安排', place: '学会秘书处', daysAgo: 35 + index, photos: 0 },
    ]
    for (const [k, p] of plans.entries()) {
      const photos: string[] = []
      for (let i = 0; i < p.photos; i++) {
        photos.push(await ctx.upload(`seed/${branch.id}/${k}-${i}.png`, drawSeedPhoto(photoVariant++), 'image/png'))
      }
      const startAt = new Date(now - p.daysAgo * DAY)
      startAt.setUTCHours(1, 30, 0, 0) // 09:30 Beijing time
      // Recorded sessions with attendance from the roster: everyone present but the last member (with a reason).
      const sheet = await call<{ attendees: { memberId: string; name: string }[] }>(b.secretary.openid, 'activities.attendanceSheet', {
        branchId: branch.id,
        type: p.type,
      })
      const absent = sheet.attendees.length > 1 ? sheet.attendees[sheet.attendees.length - 1] : undefined
      await call(b.secretary.openid, 'activities.record', {
        branchId: branch.id,
        type: p.type,
        topic: p.topic,
        place: p.place,
        startAt: startAt.toISOString(),
        endAt: new Date(startAt.getTime() + 2 * 3600 * 1000).toISOString(),
        host: b.secretary.name,
        recorder: b.members[0]?.name ?? b.secretary.name,
        ...(p.type === 'party_lecture' ? { lecturer: b.secretary.name } : {}),
        agenda: '一、集体学习；二、交流发言；三、部署下阶段工作',
        minutes: `${b.secretary.name}主持会议并领学，与会党员逐一交流学习体会，结合学会工作提出了改进意见。`,
        resolutions: '按计划推进下阶段支部工作。',
        attendance: sheet.attendees.map((a) =>
          a === absent ? { memberId: a.memberId, present: false, absentReason: '外出参加学术会议' } : { memberId: a.memberId, present: true },
        ),
        photos,
        clientRequestId: `seed-${branch.id}-${k}`,
      })
    }
    // A session planned a few days ahead, so members see it under upcoming sessions (09:30 Beijing).
    const planned = new Date(now + (3 + index) * DAY)
    planned.setUTCHours(1, 30, 0, 0)
    await call(b.secretary.openid, 'activities.plan', {
      branchId: branch.id,
      type: 'theme_day',
      topic: '“学党章 守党规”主题党日',
      place: index === 0 ? '湖南省科技馆三楼会议室' : '学会会议室',
      startAt: planned.toISOString(),
      endAt: new Date(planned.getTime() + 2 * 3600 * 1000).toISOString(),
      host: b.secretary.name,
      agenda: '一、重温入党誓词；二、集体学习党章；三、交流发言',
      clientRequestId: `seed-${branch.id}-plan`,
    })
  }
}
