/**
 * Action schemas of the committee dashboard and exports.
 *
 * The dashboard is the committee's: every branch at a glance for one year (score, overdue assignments, last
 * activity), organisation life per branch and month, completion per work point, one branch in detail. Exports are
 * jobs (exports.start → exports.step … until done) so that no single call of the cloud function comes near its
 * time limit; the finished file lies in cloud storage and the job answers its fileID and a download URL.
 */
import { z } from 'zod'
import { ASSIGNMENT_STATUSES } from '../assignment-status'
import { COMPLIANCE_STATUSES } from '../compliance-status'
import { activityType, id, isoDate, search } from '../schema-kit'

const year = z.number({ error: '年度必须是数字' }).int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' })

const complianceStatus = z.enum(COMPLIANCE_STATUSES)

export const OVERVIEW_FILTERS = ['all', 'overdue', 'silent', 'low_score'] as const
export const OVERVIEW_SORTS = ['score_asc', 'score_desc', 'overdue_desc', 'last_activity_asc', 'name'] as const

const branchRow = z.object({
  branchId: z.string(),
  name: z.string(),
  /** 0–100, null while nothing of the year can be evaluated yet. */
  score: z.number().nullable(),
  /** Assignments not done whose due date has passed (Beijing day). */
  overdue: z.number(),
  assignments: z.number(),
  done: z.number(),
  /** Recorded organisation life this year. */
  recorded: z.number(),
  /** Beijing date of the latest recorded session of the year. */
  lastActivityOn: isoDate.nullable(),
  /** No recorded session in the last SILENT_DAYS days. */
  silent: z.boolean(),
})

/** A finished or running export; also the answer of transfers.letter (a 介绍信 stored as a finished export). */
export const exportJob = z.object({
  id: z.string(),
  kind: z.enum(['assessment', 'recordBook', 'transferLetter']),
  year: z.number(),
  branchId: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  /** Items (branches or activities) processed so far, of `total`. */
  done: z.number(),
  total: z.number(),
  /** 0–100 for a progress bar. */
  percent: z.number(),
  fileName: z.string(),
  fileID: z.string().nullable(),
  /** A short-lived download URL once done. */
  url: z.string().nullable(),
  error: z.string().nullable(),
})

export const dashboardSchemas = {
  'dashboard.overview': {
    input: z
      .object({
        year: year.optional(),
        q: search.optional(),
        filter: z.enum(OVERVIEW_FILTERS, { error: '筛选条件不正确' }).default('all'),
        sort: z.enum(OVERVIEW_SORTS, { error: '排序方式不正确' }).default('score_asc'),
        offset: z.number({ error: '分页参数必须是数字' }).int().min(0).max(100000).default(0),
        limit: z.number({ error: '每页条数必须是数字' }).int().min(1).max(100).default(50),
      })
      .strict(),
    output: z.object({
      year: z.number(),
      /** The Beijing date the figures are computed for (today, or 31 December of a past year). */
      asOf: isoDate,
      summary: z.object({
        branches: z.number(),
        averageScore: z.number().nullable(),
        overdueBranches: z.number(),
        silentBranches: z.number(),
        recorded: z.number(),
      }),
      /** Rows matching the filter, before paging. */
      total: z.number(),
      items: z.array(branchRow),
      nextOffset: z.number().nullable(),
    }),
  },
  'dashboard.heatmap': {
    input: z.object({ year: year.optional(), type: activityType.optional() }).strict(),
    output: z.object({
      year: z.number(),
      /** Recorded sessions per branch and month (index 0 = January, Beijing calendar). */
      rows: z.array(z.object({ branchId: z.string(), name: z.string(), months: z.array(z.number()).length(12), total: z.number() })),
      max: z.number(),
    }),
  },
  'dashboard.points': {
    input: z.object({ year: year.optional(), planId: id('工作要点').optional() }).strict(),
    output: z.object({
      year: z.number(),
      plans: z.array(z.object({ id: z.string(), title: z.string() })),
      planId: z.string().nullable(),
      points: z.array(
        z.object({
          seq: z.number(),
          title: z.string(),
          total: z.number(),
          done: z.number(),
          overdue: z.number(),
          /** done / total × 100, rounded. */
          rate: z.number(),
        }),
      ),
    }),
  },
  'dashboard.branch': {
    input: z.object({ branchId: id('支部'), year: year.optional() }).strict(),
    output: z.object({
      year: z.number(),
      asOf: isoDate,
      branch: z.object({ id: z.string(), name: z.string(), secretaryName: z.string().nullable() }),
      score: z.number().nullable(),
      months: z.array(z.number()).length(12),
      compliance: z.array(
        z.object({
          type: z.string(),
          name: z.string(),
          score: z.number().nullable(),
          periods: z.array(z.object({ key: z.string(), label: z.string(), status: complianceStatus, count: z.number() })),
        }),
      ),
      activities: z.array(
        z.object({
          id: z.string(),
          type: activityType,
          topic: z.string(),
          startAt: z.string(),
          expected: z.number().nullable(),
          present: z.number().nullable(),
          photoCount: z.number(),
        }),
      ),
      assignments: z.array(
        z.object({
          id: z.string(),
          pointSeq: z.number(),
          title: z.string(),
          dueOn: isoDate,
          status: z.enum(ASSIGNMENT_STATUSES),
          doneOn: isoDate.nullable(),
        }),
      ),
    }),
  },
  'exports.start': {
    // One object (not a union) so the action catalog's JSON schema stays a plain object; the refinement ties
    // branchId to the record book.
    input: z
      .object({
        kind: z.enum(['assessment', 'recordBook'], { error: '导出类型只能是年度考核表或组织生活记录本' }),
        branchId: id('支部').optional(),
        year: year.optional(),
      })
      .strict()
      .refine((i) => (i.kind === 'recordBook') === !!i.branchId, {
        error: (issue) => ((issue.input as { kind?: string }).kind === 'recordBook' ? '请指定要导出记录本的支部' : '年度考核表涵盖全部支部，不能指定支部'),
        path: ['branchId'],
      }),
    output: exportJob,
  },
  'exports.step': {
    input: z.object({ jobId: id('导出任务') }).strict(),
    output: exportJob,
  },
} as const
