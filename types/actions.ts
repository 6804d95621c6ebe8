/**
 * The contract between the mini-program and the `api` cloud function: one input and one output schema per action.
 * The cloud validates with these schemas; the client imports them with `import type` only, so zod never reaches
 * the main package. The JSON schema served by GET /dev/actions is generated from the same objects.
 */
import { z } from 'zod'
import { COMMITTEE_POSTS, GUIDE_TITLES } from './domain'
import { activitySchemas } from './actions-activities'
import { dashboardSchemas } from './actions-dashboard'
import { homeSchemas } from './actions-home'
import { reminderSchemas } from './actions-reminders'
import {
  cursor,
  dateOnly,
  empty,
  fileID,
  id,
  inviteCode,
  isoDate,
  pageLimit,
  partyStatus,
  photo,
  plain,
  post,
  role,
  search,
  text,
  YEARS,
} from './schema-kit'

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
})
const invite = z.object({
  code: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  role,
  title: z.string().nullable(),
  groupId: z.string().nullable(),
  requiresApproval: z.boolean(),
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

const timeHint = z.object({
  phrase: plain().max(40),
  dueOn: dateOnly('截止日期', YEARS.from).nullable(),
  kind: z.enum(['year_end', 'july_first', 'spring_festival', 'quarterly', 'month', 'date', 'on_schedule']),
})
const planPoint = z.object({
  seq: z.number().int().min(1).max(500),
  title: text('要点标题', 200),
  body: plain().max(5000, { error: '要点正文不能超过 5000 字' }),
  responsible: z.array(plain().trim().min(1).max(60)).max(50),
  forAllBranches: z.boolean(),
  timeHints: z.array(timeHint).max(20),
  subheading: plain().max(100).optional(),
})
const planSection = z.object({
  seq: z.number().int().min(1).max(50),
  title: text('部分标题', 100),
  points: z.array(planPoint).max(200),
})
const planWarning = z.object({ code: z.string().max(40), message: plain().max(200), excerpt: plain().max(2000) })
/** A plan as the importer makes it and the committee edits it before publishing. */
const planDraft = z.object({
  title: text('标题', 200),
  docNumber: plain().trim().max(60).nullable(),
  issuer: plain().trim().max(100).nullable(),
  issuedOn: dateOnly('发文日期', YEARS.from).nullable(),
  year: z.number({ error: '请填写年度' }).int().min(2000).max(2100),
  intro: plain().max(5000),
  sections: z.array(planSection).min(1, { error: '工作要点至少要有一个部分' }).max(50),
  warnings: z.array(planWarning).max(200).default([]),
})
const planSummary = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  year: z.number(),
  status: z.enum(['draft', 'published']),
  pointCount: z.number(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
})
const assignmentStatus = z.enum(['not_started', 'in_progress', 'done', 'overdue'])
const assignment = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  pointSeq: z.number(),
  sectionSeq: z.number(),
  sectionTitle: z.string(),
  title: z.string(),
  dueOn: isoDate,
  /** Days from today (Asia/Shanghai) to the due date; negative when late. */
  daysLeft: z.number(),
  status: assignmentStatus,
  doneAt: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  reportCount: z.number(),
})
const progressReport = z.object({
  id: z.string(),
  kind: z.enum(['note', 'done', 'reopen']),
  note: z.string(),
  activities: z.array(z.object({ id: z.string(), topic: z.string(), startAt: z.string() })),
  photos: z.array(photo),
  by: z.object({ openid: z.string(), name: z.string() }),
  at: z.string(),
})

export const schemas = {
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
  'workPlans.parse': {
    input: z
      .object({
        text: plain().max(60000, { error: '文本过长（超过 6 万字），请分段导入' }).optional(),
        fileID: fileID.optional(),
        year: z.number().int().min(2000).max(2100).optional(),
      })
      .strict()
      .refine((i) => !!i.text !== !!i.fileID, { error: '请粘贴文本或选择一个文件（Word、PDF、Excel 或 .txt，二选一）' }),
    output: planDraft,
  },
  'workPlans.save': {
    input: z.object({ planId: id('工作要点').optional(), plan: planDraft }).strict(),
    output: planSummary,
  },
  'workPlans.publish': {
    input: z.object({ planId: id('工作要点') }).strict(),
    output: planSummary,
  },
  'workPlans.list': {
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: z.object({ items: z.array(planSummary) }),
  },
  'workPlans.get': {
    input: z.object({ planId: id('工作要点') }).strict(),
    output: z.object({ summary: planSummary, plan: planDraft }),
  },
  'workPlans.assign': {
    input: z
      .object({
        planId: id('工作要点'),
        /** Every active branch, or the chosen ones. */
        branchIds: z.union([z.literal('all'), z.array(id('支部')).min(1, { error: '请至少选择一个支部' }).max(1000)]),
        points: z
          .array(z.object({ seq: z.number().int().min(1).max(500), dueOn: dateOnly('截止日期', YEARS.from) }).strict())
          .min(1, { error: '请至少选择一个要点' })
          .max(500),
      })
      .strict(),
    output: z.object({ created: z.number(), unchanged: z.number(), branches: z.number() }),
  },
  'assignments.list': {
    input: z
      .object({
        branchId: id('支部').optional(),
        planId: id('工作要点').optional(),
        pointSeq: z.number().int().min(1).max(500).optional(),
        status: assignmentStatus.optional(),
        q: search.optional(),
        cursor: cursor.optional(),
        limit: pageLimit(100, 50),
      })
      .strict(),
    output: z.object({ items: z.array(assignment), nextCursor: z.string().nullable() }),
  },
  'assignments.get': {
    input: z.object({ assignmentId: id('任务') }).strict(),
    output: z.object({
      assignment,
      point: planPoint,
      reports: z.array(progressReport),
    }),
  },
  'assignments.report': {
    input: z
      .object({
        assignmentId: id('任务'),
        note: plain().trim().max(2000, { error: '进展说明不能超过 2000 字' }).default(''),
        activityIds: z.array(id('活动')).max(20).default([]),
        photos: z.array(fileID).max(9, { error: '照片最多 9 张' }).default([]),
        markDone: z.boolean().default(false),
        clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' }),
      })
      .strict(),
    output: assignment,
  },
  'assignments.reopen': {
    input: z.object({ assignmentId: id('任务'), reason: text('重新打开的原因', 200) }).strict(),
    output: assignment,
  },
  'workPlans.progress': {
    input: z.object({ planId: id('工作要点') }).strict(),
    output: z.object({
      points: z.array(
        z.object({
          seq: z.number(),
          title: z.string(),
          total: z.number(),
          done: z.number(),
          overdue: z.number(),
          /** Assigned, not done, and nothing reported yet. */
          silent: z.number(),
        }),
      ),
      branches: z.array(
        z.object({ branchId: z.string(), branchName: z.string(), total: z.number(), done: z.number(), overdue: z.number(), silent: z.number() }),
      ),
    }),
  },
  ...activitySchemas,
  ...reminderSchemas,
  ...dashboardSchemas,
  ...homeSchemas,
} as const

export type ActionName = keyof typeof schemas
export type ActionInput<A extends ActionName> = z.input<(typeof schemas)[A]['input']>
export type ParsedInput<A extends ActionName> = z.output<(typeof schemas)[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<(typeof schemas)[A]['output']>
