/**
 * Action schemas of work plans: the committee's 工作要点 imported, edited, published and assigned to branches
 * (workPlans.*), and each branch's assignment of a point with its progress reports (assignments.*). Actions:
 * cloud/core/actions/work-plans.ts and cloud/core/actions/assignments.ts; the area's page is docs/work-plans.md.
 */
import { z } from 'zod'
import { ASSIGNMENT_STATUSES } from '../assignment-status'
import { cursor, dateOnly, fileID, id, isoDate, pageLimit, photo, plain, search, text, YEARS } from '../schema-kit'

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
const assignmentStatus = z.enum(ASSIGNMENT_STATUSES)
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
  /** 书面材料 attached as files (PDF, Word, Excel): each opens by its link. */
  files: z.array(z.object({ fileID: z.string(), name: z.string(), url: z.string().optional() })),
  by: z.object({ openid: z.string(), name: z.string() }),
  at: z.string(),
})

/** A document attached as evidence: a cloud file and the name it was picked with (the kind is its extension). */
export const EVIDENCE_FILE_EXTENSIONS = ['pdf', 'docx', 'xlsx'] as const
const evidenceFile = z
  .object({
    fileID,
    name: z
      .string()
      .trim()
      .min(1, { error: '文件名不能为空' })
      .max(100, { error: '文件名不能超过 100 个字' })
      .regex(/\.(pdf|docx|xlsx)$/i, { error: '只能附 PDF、Word（.docx）或 Excel（.xlsx）文件' }),
  })
  .strict()

export const workPlanSchemas = {
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
        /** 书面材料 as files: PDF, Word (.docx) or Excel (.xlsx), named as picked. */
        files: z.array(evidenceFile).max(9, { error: '文件最多 9 个' }).default([]),
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
          /** Done, but after the due date (counted in `done`; 逾期完成, not 逾期). */
          doneLate: z.number(),
          /** Assigned, not done, and nothing reported yet. */
          silent: z.number(),
        }),
      ),
      branches: z.array(
        z.object({ branchId: z.string(), branchName: z.string(), total: z.number(), done: z.number(), overdue: z.number(), doneLate: z.number(), silent: z.number() }),
      ),
    }),
  },
} as const
