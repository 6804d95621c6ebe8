/**
 * Action schemas of the organisation: the caller's session (session.*), the committee's first deployment
 * (org.bootstrap), branches and their party groups (branches.*, groups.*), invitations and join requests (invites.*,
 * joinRequests.*), the roster (members.*, roster.*) and its change log (audit.list). Actions: one file per prefix in
 * cloud/core/actions/; the area's page is docs/organisation.md.
 */
import { z } from 'zod'
import { COMMITTEE_POSTS, GUIDE_TITLES } from '../domain'
import { cursor, dateOnly, empty, id, inviteCode, pageLimit, partyStatus, post, role, search, text } from '../schema-kit'

const roleGrant = z.object({
  role,
  branchId: z.string().optional(),
  branchName: z.string().optional(),
  /** 第一书记 / 党建指导员 for a guide. */
  title: z.string().optional(),
  /** The caller's own roster entry in that branch (members.get accepts it). */
  memberId: z.string().optional(),
})
const branchKind = z.enum(['branch', 'joint_branch'], { error: '支部类型只能是党支部或联合党支部' })
const branch = z.object({
  id: z.string(),
  name: z.string(),
  kind: branchKind,
  societies: z.array(z.string()),
  foundedOn: z.string().nullable().optional(),
  /** 启用日期: compliance judges no period before it (nor before foundedOn). */
  startedOn: z.string().nullable().optional(),
  status: z.enum(['active', 'archived']).optional(),
})
const group = z.object({
  id: z.string(),
  branchId: z.string(),
  name: z.string(),
  leaderName: z.string().nullable(),
  memberCount: z.number(),
})
const member = z.object({
  id: z.string(),
  branchId: z.string(),
  name: z.string(),
  bound: z.boolean(),
  partyStatus,
  joinedPartyOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  posts: z.array(z.string()),
  groupLeader: z.boolean(),
  roles: z.array(role),
  state: z.enum(['active', 'transferred']),
  transferredOn: z.string().nullable(),
  transferReason: z.string().nullable(),
  /** 转入本支部日期: sessions before it do not expect this member. */
  joinedBranchOn: z.string().nullable().optional(),
  /** A 预备党员's 预备期 end (入党日期 + one year, 党章第七条); an extension is in the 发展党员 file. */
  probationEndsOn: z.string().nullable().optional(),
})
const invite = z.object({
  code: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  role,
  title: z.string().nullable(),
  groupId: z.string().nullable(),
  requiresApproval: z.boolean(),
  /** For a member invite joined without approval: the status the joiner is recorded with (chosen by who made the code). */
  partyStatus: partyStatus.nullable(),
  maxUses: z.number(),
  uses: z.number(),
  expiresAt: z.string(),
  revoked: z.boolean(),
  status: z.enum(['active', 'expired', 'revoked', 'used_up']),
  createdAt: z.string(),
})
const joinRequest = z.object({
  id: z.string(),
  branchId: z.string(),
  name: z.string(),
  role,
  groupId: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
})
const auditEntry = z.object({
  id: z.string(),
  branchId: z.string().nullable(),
  at: z.string(),
  actor: z.object({ openid: z.string(), name: z.string() }),
  action: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})

export const organisationSchemas = {
  'session.get': {
    input: empty,
    output: z.object({
      openid: z.string(),
      name: z.string().nullable(),
      committeeName: z.string().nullable(),
      roles: z.array(roleGrant),
      /** Branches the caller was transferred out of (转出), latest first, so the app can say so instead of a bare welcome. */
      transfers: z.array(z.object({ branchName: z.string(), on: z.string().nullable(), reason: z.string().nullable() })).optional(),
    }),
  },
  'session.join': {
    input: z.object({ code: inviteCode, name: text('姓名', 20) }).strict(),
    output: z.object({
      roles: z.array(roleGrant),
      /** True when the invitation needs the secretary's approval: the caller is not a member yet. */
      pending: z.boolean(),
      branchName: z.string(),
    }),
  },
  'session.updateProfile': {
    input: z.object({ name: text('姓名', 20) }).strict(),
    output: z.object({ name: z.string() }),
  },
  'org.bootstrap': {
    input: z
      .object({
        token: z.string({ error: '缺少初始化口令' }).min(8).max(128),
        committeeName: text('党委名称', 60),
        adminName: text('管理员姓名', 20),
      })
      .strict(),
    output: z.object({ committeeId: z.string() }),
  },
  'branches.create': {
    input: z
      .object({
        name: text('支部名称', 60),
        kind: branchKind.default('branch'),
        societies: z.array(text('学会名称', 60)).max(20, { error: '最多 20 个学会' }).default([]),
        foundedOn: dateOnly('成立日期').optional(),
        startedOn: dateOnly('启用日期').optional(),
      })
      .strict(),
    output: branch,
  },
  'branches.update': {
    input: z
      .object({
        branchId: id('支部'),
        name: text('支部名称', 60).optional(),
        kind: branchKind.optional(),
        societies: z.array(text('学会名称', 60)).max(20, { error: '最多 20 个学会' }).optional(),
        foundedOn: dateOnly('成立日期').nullable().optional(),
        startedOn: dateOnly('启用日期').nullable().optional(),
      })
      .strict(),
    output: branch,
  },
  'branches.archive': {
    input: z.object({ branchId: id('支部'), reason: text('撤销原因', 100) }).strict(),
    output: branch,
  },
  'branches.list': {
    input: z
      .object({
        q: search.optional(),
        cursor: cursor.optional(),
        limit: pageLimit(100, 50),
        includeArchived: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ items: z.array(branch), nextCursor: z.string().nullable() }),
  },
  'branches.get': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({
      branch,
      groups: z.array(group),
      counts: z.object({ active: z.number(), full: z.number(), probationary: z.number(), transferred: z.number() }),
      secretaryName: z.string().nullable(),
      guides: z.array(z.object({ name: z.string(), title: z.string() })),
    }),
  },
  'groups.create': {
    input: z.object({ branchId: id('支部'), name: text('党小组名称', 30) }).strict(),
    output: group,
  },
  'groups.rename': {
    input: z.object({ groupId: id('党小组'), name: text('党小组名称', 30) }).strict(),
    output: group,
  },
  'groups.list': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({ items: z.array(group) }),
  },
  'invites.create': {
    input: z
      .object({
        branchId: id('支部'),
        role: role.refine((r) => r !== 'committee_admin', { error: '邀请码不能授予党委管理员' }),
        title: z.enum(GUIDE_TITLES, { error: '称谓只能是第一书记或党建指导员' }).optional(),
        groupId: id('党小组').optional(),
        requiresApproval: z.boolean().default(false),
        partyStatus: partyStatus.optional(),
        maxUses: z.number({ error: '可用次数必须是数字' }).int().min(1, { error: '可用次数至少 1 次' }).max(500, { error: '可用次数最多 500 次' }).default(1),
        expiresInDays: z.number({ error: '有效天数必须是数字' }).int().min(1, { error: '有效期至少 1 天' }).max(90, { error: '有效期最长 90 天' }).default(7),
      })
      .strict(),
    output: invite,
  },
  'invites.list': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({ items: z.array(invite) }),
  },
  'invites.revoke': {
    input: z.object({ code: inviteCode }).strict(),
    output: invite,
  },
  'invites.qr': {
    input: z.object({ code: inviteCode }).strict(),
    output: z.object({ fileID: z.string(), url: z.string() }),
  },
  'joinRequests.list': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({ items: z.array(joinRequest) }),
  },
  'joinRequests.decide': {
    input: z
      .object({
        requestId: id('申请'),
        approve: z.boolean({ error: '请选择同意或拒绝' }),
        reason: text('理由', 100).optional(),
        /** Required to approve a member, 支委 or secretary: the roster must not silently make them 正式党员. */
        partyStatus: partyStatus.optional(),
      })
      .strict(),
    output: joinRequest,
  },
  'members.list': {
    input: z
      .object({
        branchId: id('支部'),
        q: search.optional(),
        groupId: id('党小组').optional(),
        state: z.enum(['active', 'transferred', 'all'], { error: '状态筛选不正确' }).default('active'),
        cursor: cursor.optional(),
        limit: pageLimit(100, 30),
      })
      .strict(),
    output: z.object({ items: z.array(member), nextCursor: z.string().nullable() }),
  },
  'members.attendance': {
    // Each member's attendance at organisation life in a year, for the roster (present ÷ expected, leave apart; docs/leave.md).
    input: z.object({ branchId: id('支部'), year: z.number({ error: '年份不正确' }).int().min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }).optional() }).strict(),
    output: z.object({
      year: z.number(),
      items: z.array(z.object({ memberId: z.string(), expected: z.number(), present: z.number(), leave: z.number(), absent: z.number(), rate: z.number().nullable() })),
    }),
  },
  'members.get': {
    input: z.object({ memberId: id('党员') }).strict(),
    output: member,
  },
  'members.update': {
    input: z
      .object({
        memberId: id('党员'),
        name: text('姓名', 20).optional(),
        partyStatus: partyStatus.optional(),
        joinedPartyOn: dateOnly('入党日期').nullable().optional(),
        confirmedOn: dateOnly('转正日期').nullable().optional(),
        joinedBranchOn: dateOnly('转入本支部日期').nullable().optional(),
        groupId: id('党小组').nullable().optional(),
        phone: z
          .string({ error: '手机号必须是文字' })
          .trim()
          .regex(/^1\d{10}$/, { error: '手机号应为 11 位数字' })
          .nullable()
          .optional(),
      })
      .strict(),
    output: member,
  },
  'members.setPosts': {
    input: z
      .object({
        memberId: id('党员'),
        posts: z.array(post).max(COMMITTEE_POSTS.length, { error: '职务过多' }),
        groupLeader: z.boolean({ error: '请说明是否为党小组长' }),
        /** The day the change takes effect (任职/免职日期), default today: a 支委会 recorded later expects the committee of its day. */
        since: dateOnly('任职日期').optional(),
      })
      .strict(),
    output: member,
  },
  'members.transferOut': {
    input: z.object({ memberId: id('党员'), on: dateOnly('转出日期'), reason: text('转出原因', 100) }).strict(),
    output: member,
  },
  'members.handOverSecretary': {
    input: z.object({ branchId: id('支部'), toMemberId: id('党员') }).strict(),
    output: z.object({ secretary: member }),
  },
  'roster.attendanceBasis': {
    input: z.object({ branchId: id('支部'), groupId: id('党小组').optional() }).strict(),
    output: z.object({
      expected: z.array(z.object({ memberId: z.string(), name: z.string(), partyStatus })),
      expectedCount: z.number(),
      votingCount: z.number(),
    }),
  },
  'audit.list': {
    input: z.object({ branchId: id('支部').optional(), cursor: cursor.optional(), limit: pageLimit(50, 20) }).strict(),
    output: z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }),
  },
} as const
