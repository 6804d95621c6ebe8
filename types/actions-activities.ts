/** Action schemas of organisation life: 三会一课, 主题党日 and the rest (plan, record, sign-in). */
import { z } from 'zod'
import { activityType, fileID, id, isoInstant, photo, text } from './schema-kit'

export const activity = z.object({
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

export const activitySchemas = {
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
