/**
 * Action schemas of the 发展党员 pipeline (docs/recruitment.md). The steps are data (cloud/core/recruitment/steps.ts);
 * one action records any step, and the table says which of its fields the step needs.
 *
 * - recruitment.list — a branch's people in the pipeline (secretary, 支委, committee), by status, paged by cursor;
 *   without a branch, the committee's counts per status per branch.
 * - recruitment.create — the secretary or a 支委 records an application (step 1): the person need not be a user.
 * - recruitment.get — one person's file: steps, materials, history. 政审 and its files only to the secretary, the
 *   组织委员 and the committee; every read is in the audit log.
 * - recruitment.record — one step, dated; refused early or out of order with the rule named, unless the committee
 *   records an exception with its reason. Only the fields the step's row defines (others refused); the 上级党委's
 *   decisions (预审, 审批, 转正审批) by the committee only.
 * - recruitment.fromRoster — a 预备党员 already on the roster gets a file from the 支部大会 (入党日期) on, for 转正.
 * - recruitment.material — a materials-checklist item: done or not (its files kept unless given).
 * - recruitment.attach / recruitment.detach — a checklist file added (with its name) or removed (in the history).
 * - recruitment.file — a file's short-lived link to open it (keepers only; audited).
 * - recruitment.settings / recruitment.setSettings — the committee's local rules (national defaults otherwise).
 */
import { z } from 'zod'
import { MATERIALS, STATUS_LABELS, STEP_CODES } from '../recruitment'
import { cursor, dateOnly, fileID, id, pageLimit, text, YEARS } from '../schema-kit'

const step = z.enum(STEP_CODES, { error: '步骤不正确' })
const material = z.enum(MATERIALS, { error: '材料项目不正确' })
const status = z.enum(Object.keys(STATUS_LABELS) as [keyof typeof STATUS_LABELS, ...(keyof typeof STATUS_LABELS)[]], { error: '状态不正确' })
const files = z.array(fileID).max(9, { error: '附件最多 9 个' })
const count = (label: string) => z.number({ error: `${label}必须是数字` }).int({ error: `${label}必须是整数` }).min(0, { error: `${label}不能是负数` }).max(10_000)
const personRef = z.object({ id: z.string(), name: z.string() })

const materialFile = z.object({ fileID: z.string(), name: z.string(), kind: z.enum(['image', 'document']) })
/** A checklist file as picked: its fileID (uploaded under recruitment/<branchId>/) and its name (申请书.jpg). */
const pickedFile = z.object({ fileID, name: text('文件名', 120) }).strict()

const due = z.object({ step, title: z.string(), dueOn: z.string(), daysLeft: z.number() })

const summary = z.object({
  id: z.string(),
  branchId: z.string(),
  name: z.string(),
  status,
  statusLabel: z.string(),
  appliedOn: z.string(),
  /** The next step in the 细则's order (null once 正式 or stopped). */
  nextStep: z.object({ n: z.number(), code: step, title: z.string() }).nullable(),
  /** The nearest deadline. */
  due: due.nullable(),
  probationEndsOn: z.string().nullable(),
  memberId: z.string().nullable(),
})

const entry = z.object({
  on: z.string(),
  note: z.string().nullable(),
  files: z.array(z.string()),
  from: z.string().nullable(),
  to: z.string().nullable(),
  hours: z.number().nullable(),
  /** 政审结论: null when hidden from the reader. */
  result: z.string().nullable(),
  /** 谈话人 (steps 2 and 16). */
  talker: z.string().nullable(),
  approved: z.boolean().nullable(),
  /** Corrections of this entry (recruitment.correct): what it said before, who changed it and why. */
  corrections: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string(), before: z.object({ on: z.string(), note: z.string().nullable() }), /** The recorded fields it changed, in words (「谈话人 李四 → 李明」). */ changes: z.array(z.string()).default([]) })),
  outcome: z.enum(['confirm', 'extend', 'cancel']).nullable(),
  extensionMonths: z.number().nullable(),
  reason: z.string().nullable(),
  activityId: z.string().nullable(),
  votes: z.object({ for: z.number(), against: z.number(), abstain: z.number() }).nullable(),
  people: z.array(personRef),
  exception: z.object({ rule: z.string(), reason: z.string() }).nullable(),
  by: z.string(),
  at: z.string(),
  hidden: z.boolean(),
})

const detail = summary.extend({
  version: z.number(),
  /** Made from a roster 预备党员 (recruitment.fromRoster): the steps before the 预备期 were not kept here. */
  imported: z.boolean(),
  contacts: z.array(personRef),
  introducers: z.array(personRef),
  dueItems: z.array(due),
  /** Whether 政审 and personal files were left out for this reader. */
  personalHidden: z.boolean(),
  /**
   * Where the caller uploads this person's files: recruitment/<branchId>/<the caller's openid>/ (the storage rule lets
   * nobody else write there and recruitment.attach takes only files from the caller's own folder); null for a reader
   * who keeps no files.
   */
  uploadFolder: z.string().nullable(),
  stages: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      steps: z.array(
        z.object({
          n: z.number(),
          code: step,
          title: z.string(),
          actor: z.string(),
          records: z.string(),
          ruleText: z.string().nullable(),
          source: z.string(),
          repeatable: z.boolean(),
          fields: z.array(z.string()),
          /** The 上级党委's decision: recorded by the committee only (the app offers it to nobody else). */
          superiorDecision: z.boolean(),
          entries: z.array(entry),
        }),
      ),
    }),
  ),
  /**
   * The checklist. `files` (names as picked, images told from documents) only for the secretary, the 组织委员 and the
   * committee (empty for another reader, who sees `fileCount`); they open one with recruitment.file.
   */
  materials: z.array(z.object({ key: material, title: z.string(), done: z.boolean(), on: z.string().nullable(), files: z.array(materialFile), fileCount: z.number(), note: z.string().nullable(), hidden: z.boolean() })),
  history: z.array(z.object({ at: z.string(), by: z.string(), what: z.string(), exception: z.object({ rule: z.string(), reason: z.string() }).nullable() })),
})

const settings = z.object({
  talkWithinMonths: z.number().int().min(1).max(3),
  activistMinMonths: z.number().int().min(12).max(36),
  inspectEveryMonths: z.number().int().min(1).max(6),
  approvalMonths: z.number().int().min(1).max(3),
  approvalMaxMonths: z.number().int().min(3).max(6),
  publicityMinDays: z.number().int().min(5).max(30),
  confirmApplyLeadDays: z.number().int().min(0).max(60),
  remindDaysBefore: z.number().int().min(1).max(30),
})

export const recruitmentSchemas = {
  'recruitment.list': {
    input: z
      .object({
        branchId: id('支部').optional(),
        status: status.optional(),
        cursor: cursor.optional(),
        limit: pageLimit(100, 30),
      })
      .strict(),
    output: z.object({
      items: z.array(summary),
      nextCursor: z.string().nullable(),
      /** People per status in the branch (or, for the committee without a branch, per branch). */
      counts: z.array(z.object({ branchId: z.string(), status, count: z.number() })),
    }),
  },
  'recruitment.create': {
    input: z
      .object({
        branchId: id('支部'),
        name: text('姓名', 20),
        appliedOn: dateOnly('申请日期', YEARS.from),
        note: text('说明', 500).optional(),
        files: files.default([]),
        /** One per intent (the form's 保存): five taps or a retry make one file (framework/writes.ts runOnce). */
        clientRequestId: z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' }),
      })
      .strict(),
    output: detail,
  },
  'recruitment.get': {
    input: z.object({ recruitId: id('发展对象档案') }).strict(),
    output: detail,
  },
  'recruitment.record': {
    input: z
      .object({
        recruitId: id('发展对象档案'),
        step,
        on: dateOnly('日期', YEARS.from),
        note: text('情况说明', 1000).optional(),
        files: files.default([]),
        /** 培养联系人 (1–2) or 入党介绍人 (2): roster entries of the branch, 正式党员. */
        people: z.array(id('党员')).max(2, { error: '最多两人' }).optional(),
        /** 政审结论. */
        result: text('政审结论', 500).optional(),
        /** 谈话人 (steps 2 and 16: who held the talk, 细则第八条、第二十四条). */
        talker: text('谈话人', 40).optional(),
        from: dateOnly('开始日期', YEARS.from).optional(),
        to: dateOnly('结束日期', YEARS.from).optional(),
        hours: z.number({ error: '学时必须是数字' }).min(0).max(1000).optional(),
        /** The 支部党员大会 (an organisation-life record of this branch, with 表决). */
        activityId: id('支部党员大会').optional(),
        votes: z.object({ for: count('赞成票'), against: count('反对票'), abstain: count('弃权票') }).strict().optional(),
        approved: z.boolean({ error: '请说明是否批准' }).optional(),
        outcome: z.enum(['confirm', 'extend', 'cancel'], { error: '讨论结果只能是按期转正、延长预备期或取消预备党员资格' }).optional(),
        extensionMonths: z.number().int({ error: '延长期限应为整月' }).optional(),
        /** Why: an extension, a late approval, a refusal. */
        reason: text('原因', 500).optional(),
        /** 编入党小组. */
        groupId: id('党小组').nullable().optional(),
        /** The committee records a step a rule refuses, with why it stands (kept in the history). */
        exceptionReason: text('例外原因', 500).optional(),
        version: z.number().int().min(0).optional(),
      })
      .strict(),
    output: detail,
  },
  /** A 预备党员 already on the roster (admitted before this app): a file from the 支部大会 on, for 转正 (steps 22–25). */
  /**
   * A recorded step corrected or withdrawn by a keeper, with why. Any entry's date or note may be corrected when every
   * step's rule still holds afterwards (rules.ts correctionRefusal); only the file's latest entry may be withdrawn
   * (later steps rest on earlier ones). The original stays in the history with who recorded it.
   */
  'recruitment.correct': {
    input: z
      .object({
        recruitId: id('发展对象档案'),
        step,
        action: z.enum(['amend', 'withdraw'], { error: '请选择更正或撤回' }),
        /** Which of the step's entries (a 考察 is recorded more than once); the last when left out. */
        index: z.number().int().min(0).max(100).optional(),
        on: dateOnly('日期', YEARS.from).optional(),
        note: text('情况说明', 1000).optional(),
        /**
         * The step's own recorded fields, corrected (users' walk: a mistyped 谈话人 could only be withdrawn and recorded
         * again): only those the step records (steps.ts CORRECTABLE_INPUTS ∩ its FIELD_INPUTS), checked as
         * recruitment.record checks them; left out, the field stays.
         */
        talker: text('谈话人', 40).optional(),
        people: z.array(id('党员')).max(2, { error: '最多两人' }).optional(),
        result: text('政审结论', 500).optional(),
        from: dateOnly('开始日期', YEARS.from).optional(),
        to: dateOnly('结束日期', YEARS.from).optional(),
        hours: z.number({ error: '学时必须是数字' }).min(0).max(1000).optional(),
        reason: text('更正原因', 200),
        version: z.number().int().min(0),
      })
      .strict(),
    output: detail,
  },
  /** The committee: people per status in every branch, and every overdue step (oldest first). */
  'recruitment.overview': {
    input: z.object({}).strict(),
    output: z.object({
      branches: z.array(z.object({ branchId: z.string(), branchName: z.string(), counts: z.record(z.string(), z.number()), total: z.number(), /** The roster's 预备党员 with no 发展党员 file (counted in counts.probationary): 「未建档 N」. */ unfiled: z.number(), overdue: z.number() })),
      overdue: z.array(z.object({ recruitId: z.string(), branchId: z.string(), branchName: z.string(), name: z.string(), title: z.string(), dueOn: z.string(), daysLate: z.number() })),
    }),
  },
  'recruitment.fromRoster': {
    input: z.object({ memberId: id('党员') }).strict(),
    output: detail,
  },
  'recruitment.material': {
    input: z
      .object({
        recruitId: id('发展对象档案'),
        key: material,
        done: z.boolean({ error: '请说明是否齐备' }),
        on: dateOnly('日期', YEARS.from).optional(),
        /** The item's files, all of them (left out: kept as they are). Adding and removing one: recruitment.attach / detach. */
        files: files.optional(),
        note: text('说明', 500).optional(),
      })
      .strict(),
    output: detail,
  },
  /** Files added to a checklist item (appended to what is there, so two uploads finishing together both stay); the item becomes 齐备. */
  'recruitment.attach': {
    input: z
      .object({
        recruitId: id('发展对象档案'),
        key: material,
        files: z.array(pickedFile).min(1, { error: '请选择文件' }).max(9, { error: '一次最多添加 9 个文件' }),
      })
      .strict(),
    output: detail,
  },
  /** A checklist file removed (the file deleted from storage unless a step still has it); the history names it. */
  'recruitment.detach': {
    input: z.object({ recruitId: id('发展对象档案'), key: material, fileID, version: z.number().int().min(0).optional() }).strict(),
    output: detail,
  },
  /** A file of the person's file to open: a short-lived link, its name and kind; keepers only, every open audited. */
  'recruitment.file': {
    input: z.object({ recruitId: id('发展对象档案'), fileID }).strict(),
    output: z.object({ fileID: z.string(), name: z.string(), kind: z.enum(['image', 'document']), url: z.string() }),
  },
  'recruitment.settings': {
    input: z.object({}).strict(),
    output: settings.extend({ defaults: settings }),
  },
  'recruitment.setSettings': {
    input: settings.partial().strict(),
    output: settings.extend({ defaults: settings }),
  },
} as const
