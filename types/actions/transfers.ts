/**
 * Action schemas of 组织关系转接 (docs/transfers.md). Rules: cloud/core/transfers/rules.ts.
 *
 * - transfers.issue — 转出: the secretary or the 组织委员 issues a 介绍信 for a member of the branch, to another branch
 *   of this deployment (toBranchId) or to an outside organisation (toOrgName). The member is marked transferred.
 * - transfers.list — a branch's transfers, incoming or outgoing (secretary, 支委, committee); without a branch, the
 *   committee's transfers in flight across every branch.
 * - transfers.mine — the caller's own transfers (the member sees their own letter).
 * - transfers.get — one transfer: the keepers of either branch, the committee, or the member themself.
 * - transfers.accept / transfers.return — the receiving branch's secretary or 组织委员 accepts (the member joins with
 *   入党日期, 转正日期 and status intact) or returns it with a reason (the member is back in the sending branch).
 * - transfers.withdraw — 撤回: the sending branch takes back a letter not yet accepted (with a reason); the member is
 *   back on its roster, the receiving branch no longer sees it.
 * - transfers.return also records, for a letter to outside, that the other side sent it back (对方退回).
 * - transfers.letter — the printable 介绍信 (存根, 介绍信, 回执) as a .docx, stored as a finished export.
 * - transfers.receipt — the 回执 of a letter to an outside organisation is recorded (reminded until then).
 * - transfers.receive — 转入 from outside: the incoming letter recorded, the member put on the roster and invited.
 * - transfers.branches — the other active branches by name, to pick the receiving one.
 * - transfers.settings / transfers.setSettings — the letter's default validity (the committee's local rule).
 * Every write takes a clientRequestId (framework/writes.ts): a retry answers what the first call answered.
 */
import { z } from 'zod'
import { cursor, dateOnly, id, pageLimit, partyStatus, text, YEARS } from '../schema-kit'
import { exportJob } from './dashboard'

const clientRequestId = z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })
const letterNo = text('介绍信编号', 30)
const month = z.string({ error: '请选择党费交至月份' }).regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { error: '党费交至月份格式应为 2026-12' })

export const TRANSFER_KINDS = ['inside', 'to_outside', 'from_outside'] as const
export const TRANSFER_STATES = ['in_transit', 'accepted', 'returned', 'completed', 'withdrawn'] as const

const summary = z.object({
  id: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  state: z.enum(TRANSFER_STATES),
  /** 待接收 / 待回执 / 已接收 / 已退回 / 已办结. */
  stateLabel: z.string(),
  letterNo: z.string(),
  memberName: z.string(),
  fromBranchId: z.string().nullable(),
  fromName: z.string(),
  toBranchId: z.string().nullable(),
  toName: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  /** Whether the letter's validity has passed (Beijing day) while it is still in flight. */
  expired: z.boolean(),
  duesPaidTo: z.string(),
  /** A letter to outside: the 回执 is expected by this day (one month after issue). */
  receiptDueOn: z.string().nullable(),
  receiptOn: z.string().nullable(),
})

const detail = summary.extend({
  partyStatus,
  joinedPartyOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  /** A 预备党员's 预备期 end (入党日期 + one year), carried to the receiving branch. */
  probationEndsOn: z.string().nullable(),
  reason: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** 撤回: why the sending branch took the letter back. */
  withdrawReason: z.string().nullable(),
  /** A 预备党员's 发展党员 file handed over with the accepted transfer (now the receiving branch's). */
  recruitId: z.string().nullable(),
  receiptNote: z.string().nullable(),
  /** 转入 from outside: the invitation the member joins by (keepers of the receiving branch only). */
  inviteCode: z.string().nullable(),
  /** The roster entry in the sending branch (kept, transferred) and the receiving one (once accepted). */
  memberId: z.string().nullable(),
  newMemberId: z.string().nullable(),
  mayAccept: z.boolean(),
  mayRecordReceipt: z.boolean(),
  /** The sending keepers may withdraw it (not yet accepted / no 回执 yet). */
  mayWithdraw: z.boolean(),
  /** A letter to outside: the sending keepers may record that the other side sent it back. */
  mayRecordSentBack: z.boolean(),
  /** The sending keepers may print it (transfers.letter). */
  mayPrint: z.boolean(),
  history: z.array(z.object({ at: z.string(), by: z.string(), what: z.string() })),
})

const settings = z.object({ validDays: z.number().int().min(15).max(180) })

/** 身份证号码 (GB 11643-1999): 17 digits and a check digit or X; checked in cloud/core/transfers/rules.ts idCardFacts. */
const idNumber = z.string({ error: '身份证号码应为文字' }).regex(/^\d{17}[\dXx]$/, { error: '身份证号码应为 18 位（最后一位可为 X）' })

export const transferSchemas = {
  'transfers.issue': {
    input: z
      .object({
        memberId: id('党员'),
        letterNo,
        /** A branch of this deployment … */
        toBranchId: id('接收支部').optional(),
        /** … or an outside organisation, by name. */
        toOrgName: text('接收党组织', 50).optional(),
        issuedOn: dateOnly('开具日期', YEARS.from),
        duesPaidTo: month,
        /** Default: the committee's setting (transfers.settings). */
        validDays: z.number({ error: '有效期必须是数字' }).int({ error: '有效期应为整天数' }).min(1, { error: '有效期至少 1 天' }).max(180, { error: '有效期最长 180 天' }).optional(),
        reason: text('转出原因', 100).optional(),
        clientRequestId,
      })
      .strict(),
    output: detail,
  },
  'transfers.list': {
    input: z
      .object({
        branchId: id('支部').optional(),
        direction: z.enum(['in', 'out'], { error: '方向只能是转入或转出' }).default('in'),
        cursor: cursor.optional(),
        limit: pageLimit(50, 20),
      })
      .strict(),
    output: z.object({ items: z.array(summary), nextCursor: z.string().nullable() }),
  },
  'transfers.mine': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(summary) }),
  },
  'transfers.get': {
    input: z.object({ transferId: id('转接记录') }).strict(),
    output: detail,
  },
  'transfers.accept': {
    input: z
      .object({
        transferId: id('转接记录'),
        /** 转入本支部日期; default today (Beijing). */
        joinedBranchOn: dateOnly('转入日期', YEARS.from).optional(),
        groupId: id('党小组').optional(),
        clientRequestId,
      })
      .strict(),
    output: detail,
  },
  /** Inside: the receiving branch returns the letter. To outside: the sending branch records that the other side sent it back (对方退回). */
  'transfers.return': {
    input: z.object({ transferId: id('转接记录'), reason: text('退回原因', 200), returnedOn: dateOnly('退回日期', YEARS.from).optional(), clientRequestId }).strict(),
    output: detail,
  },
  'transfers.withdraw': {
    input: z.object({ transferId: id('转接记录'), reason: text('撤回原因', 200), clientRequestId }).strict(),
    output: detail,
  },
  /**
   * The printable letter (.docx, A4: 存根, 介绍信, 回执). The roster keeps no sex, age, nation or ID number: given here
   * for the print only (not stored); blank lines are left to fill by hand.
   */
  'transfers.letter': {
    input: z
      .object({
        transferId: id('转接记录'),
        gender: z.enum(['男', '女'], { error: '性别只能是男或女' }).optional(),
        age: z.number({ error: '年龄必须是数字' }).int({ error: '年龄应为整数' }).min(16, { error: '年龄不能小于 16 岁' }).max(120, { error: '年龄不能大于 120 岁' }).optional(),
        ethnicity: text('民族', 10).optional(),
        idNumber: idNumber.optional(),
      })
      .strict(),
    output: exportJob,
  },
  'transfers.receipt': {
    input: z.object({ transferId: id('转接记录'), receivedOn: dateOnly('回执日期', YEARS.from), note: text('说明', 200).optional(), clientRequestId }).strict(),
    output: detail,
  },
  'transfers.receive': {
    input: z
      .object({
        branchId: id('支部'),
        letterNo,
        fromOrgName: text('转出党组织', 50),
        issuedOn: dateOnly('开具日期', YEARS.from),
        validUntil: dateOnly('有效期至', YEARS.from),
        duesPaidTo: month,
        name: text('姓名', 20),
        partyStatus,
        joinedPartyOn: dateOnly('入党日期'),
        confirmedOn: dateOnly('转正日期').optional(),
        /** 转入本支部日期; default today (Beijing). */
        arrivedOn: dateOnly('转入日期', YEARS.from).optional(),
        clientRequestId,
      })
      .strict(),
    output: detail,
  },
  /** The deployment's active branches by name, for the receiving-branch picker (keepers; names only). */
  'transfers.branches': {
    input: z.object({ branchId: id('支部') }).strict(),
    output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
  },
  'transfers.settings': {
    /** With a branch: also whether the caller may issue its letters (mayIssue: secretary, 组织委员, committee). */
    input: z.object({ branchId: id('支部').optional() }).strict(),
    output: settings.extend({ defaults: settings, mayIssue: z.boolean().optional() }),
  },
  'transfers.setSettings': {
    input: settings.strict(),
    output: settings.extend({ defaults: settings }),
  },
} as const
