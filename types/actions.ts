/**
 * The contract between the mini-program and the `api` cloud function: one input and one output schema per action.
 * The cloud validates with these schemas; the client imports them with `import type` only, so zod never reaches
 * the main package. The JSON schema served by GET /dev/actions is generated from the same objects.
 */
import { z } from 'zod'
import { ACTIVITY_TYPES, ROLES } from './domain'

// Messages zod writes itself (wrong type, unknown key…) come in Chinese too: callers show them to people.
z.config(z.locales.zhCN())

/** Text a person typed: trimmed, non-empty, bounded. */
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })

const isoInstant = (label: string) => z.iso.datetime({ offset: true, error: `${label}必须是带时区的时间（ISO 8601）` })
const id = (label: string) => z.string({ error: `缺少${label}` }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}格式不正确` })
const fileID = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[^\s]+$/, { error: '图片必须是云存储文件（cloud://…）' })

const role = z.enum(ROLES, { error: '角色不正确' })
const activityType = z.enum(ACTIVITY_TYPES, { error: '活动类型不正确' })
const empty = z.object({}).strict()

const roleGrant = z.object({ role, branchId: z.string().optional(), branchName: z.string().optional() })
const branch = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['branch', 'joint_branch']),
  societies: z.array(z.string()),
})
const photo = z.object({ fileID: z.string(), url: z.string().optional() })
const activity = z.object({
  id: z.string(),
  branchId: z.string(),
  type: activityType,
  topic: z.string(),
  place: z.string(),
  startAt: z.string(),
  endAt: z.string().optional(),
  photos: z.array(photo),
  createdBy: z.object({ openid: z.string(), name: z.string() }),
  createdAt: z.string(),
})

export const schemas = {
  'session.get': {
    input: empty,
    output: z.object({
      openid: z.string(),
      name: z.string().nullable(),
      committeeName: z.string().nullable(),
      roles: z.array(roleGrant),
    }),
  },
  'session.join': {
    input: z
      .object({
        code: z
          .string({ error: '请输入邀请码' })
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{8,16}$/, { error: '邀请码是 8 到 16 位字母或数字' }),
        name: text('姓名', 20),
      })
      .strict(),
    output: z.object({ roles: z.array(roleGrant) }),
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
        kind: z.enum(['branch', 'joint_branch'], { error: '支部类型只能是党支部或联合党支部' }).default('branch'),
        societies: z.array(text('学会名称', 60)).max(20, { error: '最多 20 个学会' }).default([]),
      })
      .strict(),
    output: branch,
  },
  'branches.list': {
    input: empty,
    output: z.object({ items: z.array(branch) }),
  },
  'invites.create': {
    input: z
      .object({
        branchId: id('支部'),
        role: role.refine((r) => r !== 'committee_admin', { error: '邀请码不能授予党委管理员' }),
        maxUses: z.number({ error: '可用次数必须是数字' }).int().min(1).max(500).default(1),
        expiresInDays: z.number({ error: '有效天数必须是数字' }).int().min(1).max(90).default(7),
      })
      .strict(),
    output: z.object({ code: z.string(), expiresAt: z.string(), maxUses: z.number() }),
  },
  'activities.create': {
    input: z
      .object({
        branchId: id('支部'),
        type: activityType,
        topic: text('主题', 100),
        place: text('地点', 100),
        startAt: isoInstant('开始时间'),
        endAt: isoInstant('结束时间').optional(),
        photos: z.array(fileID).max(9, { error: '现场照片最多 9 张' }).default([]),
        clientRequestId: z
          .string({ error: '缺少请求编号' })
          .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' }),
      })
      .strict()
      .refine((a) => !a.endAt || a.endAt > a.startAt, { error: '结束时间必须晚于开始时间', path: ['endAt'] }),
    output: activity,
  },
  'activities.list': {
    input: z
      .object({
        branchId: id('支部'),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ items: z.array(activity), nextCursor: z.string().nullable() }),
  },
  'activities.get': {
    input: z.object({ id: id('活动') }).strict(),
    output: activity,
  },
} as const

export type ActionName = keyof typeof schemas
export type ActionInput<A extends ActionName> = z.input<(typeof schemas)[A]['input']>
export type ParsedInput<A extends ActionName> = z.output<(typeof schemas)[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<(typeof schemas)[A]['output']>
