/**
 * Action schemas of 党费 (dues). The rule (brackets, fixed amounts) is cloud/core/dues/rate.ts; docs/dues.md.
 *
 * - dues.preview — any signed-in member of a branch: { category, monthlyIncome (元) } → { rate (fraction), amount (元) }.
 * - dues.setProfile — the secretary or 组织委员: a member's category and monthly base, re-checked yearly.
 * - dues.member — one member's year: their profile (base shown to themselves, the secretary and the 组织委员 only)
 *   and each month's due, paid, date, way and who recorded it.
 * - dues.ledger — the branch's year, a row per member with a cell per month, who is behind, and totals.
 * - dues.record — the secretary or 组织委员 records one or several months paid (ahead or behind, one entry per month).
 * - dues.publish — the secretary publishes the year's collection to the branch (党费收缴情况公布); idempotent by
 *   clientRequestId (one id per tap of 公布: a second tap, or a retry, answers the first publication).
 * - dues.correct — the secretary or 组织委员 amends or voids a recorded month, with a reason kept in its history.
 * - dues.settings / dues.setSettings — the committee's warning months (national default 3 and 5, before the 党章's 6).
 */
import { z } from 'zod'
import { DUES_CATEGORIES, DUES_MONTH_STATES, DUES_WAYS } from '../dues'
import { dateOnly, id, text, YEARS } from '../schema-kit'

const category = z.enum(DUES_CATEGORIES, { error: '党员类别只能是在职、离退休、学生、下岗失业、抚恤救济或低保、农民' })
const way = z.enum(DUES_WAYS, { error: '缴纳方式只能是现金、转账或代缴' })

/** An amount in 元 as a person types it: a number ≥ 0 with at most two decimals (whole 分). */
const yuan = (label: string, max = 100_000_000) =>
  z
    .number({ error: `${label}必须是数字（单位：元）` })
    .refine((v) => Number.isFinite(v), { error: `${label}必须是数字（单位：元）` })
    .refine((v) => v >= 0, { error: `${label}不能是负数` })
    .refine((v) => v <= max, { error: `${label}不能超过 ${max} 元` })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: `${label}最多保留两位小数（到分）` })

/** A calendar month, YYYY-MM, in the years the app schedules. */
export const monthKey = (label: string) =>
  z
    .string({ error: `${label}必须是月份` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: (issue) => (issue.input === '' ? `请选择${label}` : `${label}应为月份，如 2026-12`) })
    .refine((v) => Number(v.slice(0, 4)) >= YEARS.from && Number(v.slice(0, 4)) <= YEARS.to, { error: `${label}应在 ${YEARS.from} 年至 ${YEARS.to} 年之间` })
/** One id per intent (a tap of 公布 / 保存更正), reused by its retries: the write runs once (framework/writes.ts). */
const clientRequestId = z
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })
const year = z.number({ error: '年份必须是数字' }).int({ error: '年份必须是整数' }).min(YEARS.from, { error: `年份不能早于 ${YEARS.from}` }).max(YEARS.to, { error: `年份不能晚于 ${YEARS.to}` })

const profile = z.object({
  /** Category, rate and monthly due are null with the base for a reader who may not see it (they give it back). */
  category: category.nullable(),
  categoryLabel: z.string().nullable(),
  /** The monthly base in 元; null for fixed categories, or masked for a reader who may not see it. */
  base: z.number().nullable(),
  baseMasked: z.boolean(),
  /** The rate as a fraction (0.015); 0 for a fixed amount. */
  rate: z.number().nullable(),
  /** What the member owes each month, in 元. */
  monthlyDue: z.number().nullable(),
  /** The first month owed (YYYY-MM): the ledger's start, or for a 预备党员 the month the 支部大会 admitted them. */
  owedFrom: z.string(),
  /** When the base was last set or confirmed (YYYY-MM-DD); a base not checked this year needs re-checking. */
  checkedOn: z.string(),
  needsRecheck: z.boolean(),
})

const monthEntry = z.object({
  month: z.string(),
  state: z.enum(DUES_MONTH_STATES),
  /** 元; null before the member owed dues. */
  due: z.number().nullable(),
  paid: z.number().nullable(),
  paidOn: z.string().nullable(),
  way: way.nullable(),
  /** Why less than due was accepted. */
  reason: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /**
   * The branch that recorded the month — the member's earlier branch for a month paid before a transfer; for a month
   * settled by a letter's 党费交至 (`elsewhere` state), the organisation that issued the letter. Null when unrecorded.
   */
  branchName: z.string().nullable(),
  /** Settled in another branch (recorded there, or under a letter's 党费交至): not this branch's to collect. */
  elsewhere: z.boolean(),
  /** Corrections of this month, oldest first (dues.correct): what it was, what it became, why, by whom. */
  corrections: z.array(
    z.object({
      kind: z.enum(['amend', 'void']),
      /** 元, or null for a reader who may not see amounts. */
      paidBefore: z.number().nullable(),
      paidAfter: z.number().nullable(),
      paidOnBefore: z.string(),
      paidOnAfter: z.string().nullable(),
      reason: z.string(),
      by: z.string(),
      at: z.string(),
    }),
  ),
})

const memberYear = z.object({
  member: z.object({ id: z.string(), branchId: z.string(), name: z.string(), partyStatus: z.enum(['full', 'probationary']) }),
  year: z.number(),
  profile: profile.nullable(),
  months: z.array(monthEntry),
  /** Consecutive unpaid months up to last month (党章 第九条: six is 自行脱党). */
  behind: z.number(),
  /** Whether the caller may set the profile and record payments (the secretary or the 组织委员). */
  canManage: z.boolean(),
  /**
   * The member arrived by a transfer (组织关系转接): the letter's 党费交至 (YYYY-MM) and who issued it, and the branches
   * of this deployment they belonged to before (their months there show with the branch). Null otherwise.
   */
  earlier: z.object({ paidTo: z.string().nullable(), paidToBy: z.string().nullable(), branches: z.array(z.string()) }).nullable(),
})

const ledgerRow = z.object({
  memberId: z.string(),
  name: z.string(),
  partyStatus: z.enum(['full', 'probationary']),
  category: category.nullable(),
  /** The base in 元, only for the secretary and 组织委员 (null otherwise, or when none is set). */
  base: z.number().nullable(),
  monthlyDue: z.number().nullable(),
  needsRecheck: z.boolean(),
  /** Jan … Dec of the year. */
  months: z.array(z.enum(DUES_MONTH_STATES)),
  /** 元 of the year; null with category and monthlyDue for a reader who may not see the base (masked). */
  due: z.number().nullable(),
  paid: z.number().nullable(),
  masked: z.boolean(),
  behind: z.number(),
  /** 3 or 5 months behind (DUES_FLAG_MONTHS), else null. */
  flag: z.number().nullable(),
  /** Transferred out (YYYY-MM-DD): the row keeps the months up to the transfer and reads 已转出; null while on the roster. */
  transferredOn: z.string().nullable(),
})

export const totals = z.object({
  members: z.number(),
  /** 元 due in the year up to this month (months ahead are not yet due); null when hidden (see amountsNote). */
  due: z.number().nullable(),
  collected: z.number().nullable(),
  /** collected ÷ due as a fraction, null when nothing was due. */
  rate: z.number().nullable(),
  /**
   * Why the amounts are not shown: to readers who see masked rows, fewer than 3 members with a standard would give
   * an income back (cloud/core/dues/totals.ts MIN_MEMBERS_FOR_AMOUNTS). Null when shown.
   */
  amountsNote: z.string().nullable().optional(),
})

export const duesSchemas = {
  'dues.preview': {
    input: z.object({ category, monthlyIncome: yuan('月收入') }).strict(),
    output: z.object({ rate: z.number(), amount: z.number() }),
  },
  'dues.setProfile': {
    input: z
      .object({
        memberId: id('党员'),
        category,
        /** 在职 / 离退休: the monthly base in 元. */
        monthlyIncome: yuan('月收入').optional(),
        /** 农民: 0.2–1 元 a month (0.2 unless given). */
        farmerAmount: yuan('农民党员月缴金额', 1).optional(),
        /** The first month this ledger counts (default: this month); a 预备党员 owes from their admission anyway. */
        startMonth: monthKey('起缴月份').optional(),
      })
      .strict(),
    output: memberYear,
  },
  'dues.member': {
    input: z.object({ memberId: id('党员'), year: year.optional() }).strict(),
    output: memberYear,
  },
  'dues.ledger': {
    input: z.object({ branchId: id('支部'), year: year.optional() }).strict(),
    output: z.object({
      year: z.number(),
      /** The current month (YYYY-MM, Beijing). */
      thisMonth: z.string(),
      rows: z.array(ledgerRow),
      /** Members on the roster with no category/base set yet. */
      unset: z.number(),
      totals,
      canManage: z.boolean(),
      /** The months behind at which a member is flagged (the committee's setting; national default 3 and 5). */
      warnMonths: z.array(z.number()),
      /** Whether the caller sees bases (secretary, 组织委员); others see them masked and their read is logged. */
      seesBase: z.boolean(),
      publishedAt: z.string().nullable(),
    }),
  },
  'dues.record': {
    input: z
      .object({
        memberId: id('党员'),
        months: z.array(monthKey('月份'), { error: '请选择月份' }).min(1, { error: '请至少选择一个月' }).max(24, { error: '一次最多记录 24 个月' }),
        /** 元 paid for EACH month; less than due needs a reason. */
        amount: yuan('每月实缴金额', 100_000),
        paidOn: dateOnly('缴纳日期', YEARS.from),
        way,
        reason: text('少缴原因', 200).optional(),
      })
      .strict(),
    output: memberYear,
  },
  'dues.publish': {
    input: z.object({ branchId: id('支部'), year, clientRequestId: clientRequestId.optional() }).strict(),
    output: z.object({ title: z.string(), body: z.string(), publishedAt: z.string() }),
  },
  'dues.correct': {
    input: z
      .object({
        memberId: id('党员'),
        month: monthKey('月份'),
        /** amend: change amount / date / way; void: the month was recorded by mistake and is unpaid again. */
        kind: z.enum(['amend', 'void'], { error: '请选择更正或作废' }),
        /** Why the record is corrected (kept in the month's history and the audit log). */
        reason: text('更正原因', 200),
        /**
         * amend to less than due: why less was accepted (the month's 少缴原因), its own field — the correction's reason
         * says why the record was wrong. Required unless the month already carries one.
         */
        shortReason: text('少缴原因', 200).optional(),
        /** amend: 元 paid for the month, the date and the way (each defaults to what was recorded). */
        amount: yuan('实缴金额', 100_000).optional(),
        paidOn: dateOnly('缴纳日期', YEARS.from).optional(),
        way: way.optional(),
        clientRequestId: clientRequestId.optional(),
      })
      .strict(),
    output: memberYear,
  },
  'dues.settings': {
    input: z.object({}).strict(),
    output: z.object({ warnMonths: z.array(z.number()), defaults: z.object({ warnMonths: z.array(z.number()) }), lapseMonths: z.number() }),
  },
  'dues.setSettings': {
    input: z
      .object({
        warnMonths: z
          .array(z.number({ error: '月数必须是数字' }).int({ error: '月数必须是整数' }), { error: '请设定两次提醒的月数' })
          .length(2, { error: '请设定两次提醒的月数' }),
      })
      .strict(),
    output: z.object({ warnMonths: z.array(z.number()), defaults: z.object({ warnMonths: z.array(z.number()) }), lapseMonths: z.number() }),
  },
} as const
