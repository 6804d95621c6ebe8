/**
 * The 发展党员 pipeline's rules, pure (no port, no clock): whether a step may be recorded on a date, what is due
 * next and when. The steps themselves are data (./steps.ts). Dates are Beijing calendar days (YYYY-MM-DD); "today"
 * is passed in. Sources: 《中国共产党发展党员工作细则》 (2014, “细则”) and the 党章, named at each rule.
 *
 * Rules that vary by locality are `RecruitmentSettings`, the committee's setting, with the national defaults below.
 */
import { dateText } from '../../../types/time-text'
import { daysBetween } from '../framework/time'
import { STEP_BY_CODE, STEPS, STATUS_LABELS, type PersonStatus, type StepCode, type StepDef } from './steps'

export interface RecruitmentSettings {
  /** 细则第八条: the talk within one month of receiving the application. */
  talkWithinMonths: number
  /** 细则第十三条: 发展对象 after at least one year of training and 考察. */
  activistMinMonths: number
  /** 细则第十二条: 考察 every half year. */
  inspectEveryMonths: number
  /** 细则第二十五条: the 上级党委 approves within three months … */
  approvalMonths: number
  /** … and in special cases within six at most. */
  approvalMaxMonths: number
  /** 公示 length in days (the 细则 asks for a 公示; its length is set locally, commonly 5 days). */
  publicityMinDays: number
  /** 转正申请 not earlier than this many days before the 预备期 ends (细则第三十二条: “预备期满时”). */
  confirmApplyLeadDays: number
  /** Reminders go out this many days ahead of a deadline (and on the day after it is missed). */
  remindDaysBefore: number
}

export const NATIONAL_DEFAULTS: RecruitmentSettings = {
  talkWithinMonths: 1,
  activistMinMonths: 12,
  inspectEveryMonths: 6,
  approvalMonths: 3,
  approvalMaxMonths: 6,
  publicityMinDays: 5,
  confirmApplyLeadDays: 30,
  remindDaysBefore: 7,
}

/** 党章第七条: the 预备期 is one year (not a local setting). */
export const PROBATION_MONTHS = 12
/** 党章第七条: an extension of at least six months and at most one year. */
export const EXTENSION_MONTHS = { min: 6, max: 12 } as const

export interface StepEntry {
  on: string
  /** 公示 or 培训 period. */
  from?: string | null
  to?: string | null
  /** 上级党委审批: approved or not. */
  approved?: boolean | null
  /** 转正 支部大会: its outcome. */
  outcome?: 'confirm' | 'extend' | 'cancel' | null
  extensionMonths?: number | null
  /** An exception recorded by the committee: the rule the step broke, and why it stands. */
  exception?: { rule: string; reason: string } | null
}

export type StepLog = Partial<Record<StepCode, StepEntry[]>>

/** `date` plus `months` calendar months; a day the target month lacks falls to its last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = total - year * 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

const last = (log: StepLog, code: StepCode): StepEntry | undefined => {
  const list = log[code]
  return list && list.length ? list[list.length - 1] : undefined
}
const done = (log: StepLog, code: StepCode) => !!last(log, code)

/**
 * The end of the 预备期: one year from the 支部大会 that admitted the person (党章第七条: “预备期从支部大会通过他为预备党员
 *之日算起”), plus any extension the 转正 支部大会 recorded. Null before that 支部大会.
 */
export function probationEnd(log: StepLog): string | null {
  const congress = last(log, 'congress')
  if (!congress) return null
  let end = addMonths(congress.on, PROBATION_MONTHS)
  for (const c of log.confirm_congress ?? []) if (c.outcome === 'extend' && c.extensionMonths) end = addMonths(end, c.extensionMonths)
  return end
}

/** The person's status from the steps done (the last step whose row says `becomes`), or stopped. */
export function statusOf(log: StepLog): PersonStatus {
  if (last(log, 'approval')?.approved === false) return 'stopped'
  if (last(log, 'confirm_congress')?.outcome === 'cancel') return 'stopped'
  if (last(log, 'confirm_approval')?.approved === false) return 'stopped'
  let status: PersonStatus = 'applicant'
  for (const s of STEPS) {
    if (!s.becomes || !done(log, s.code)) continue
    if ((s.code === 'approval' || s.code === 'confirm_approval') && last(log, s.code)?.approved !== true) continue
    status = s.becomes
  }
  return status
}
export const statusLabel = (log: StepLog) => STATUS_LABELS[statusOf(log)]

/**
 * Half-years of the 积极分子 period without a 考察 (细则第十二条: 每半年考察一次), from the 确定入党积极分子 date to `until`:
 * each gap between consecutive 考察 (the first counted from the 确定 date) longer than `everyMonths` months.
 * Answered as the date by which the missing 考察 was due.
 */
export function inspectionGaps(activistOn: string, inspections: readonly string[], until: string, everyMonths: number): string[] {
  const dates = [...inspections].filter((d) => d >= activistOn && d <= until).sort()
  const gaps: string[] = []
  let from = activistOn
  for (const d of [...dates, until]) {
    const due = addMonths(from, everyMonths)
    if (d > due) gaps.push(due)
    from = d
  }
  return gaps
}

export interface Refusal {
  /** The rule's name as a person reads it, with its source. */
  rule: string
  message: string
  /** Whether the committee may record the step anyway, with a reason (a time or order rule), or never (a fact that is wrong). */
  exceptionAllowed: boolean
}

const fmt = dateText

export interface Votes {
  for: number
  against: number
  abstain: number
}
export interface CongressFacts {
  /** Beijing date of the session. */
  on: string
  recorded: boolean
  voting: boolean
  /** 应到会有表决权的正式党员, and those present. */
  voters: number
  presentVoters: number
  quorumReached: boolean
}

/**
 * 细则第二十三条: a 支部大会 admitting (or confirming) a member is valid only with more than half of the 有表决权的正式党员
 * present, and passes only when the 赞成 votes are more than half of the 应到会有表决权的正式党员. Votes cannot exceed
 * those present. Facts, not timing: no exception.
 */
export function congressRefusal(step: StepCode, entryOn: string, c: CongressFacts, votes: Votes | null | undefined): Refusal | null {
  const rule = '细则第二十三条（支部大会表决）'
  const no = (message: string): Refusal => ({ rule, message, exceptionAllowed: false })
  if (!c.recorded || !c.voting) return no('请关联一次已记录且进行表决的支部党员大会')
  if (c.on !== entryOn) return no(`支部大会的日期（${fmt(c.on)}）应与本步骤日期一致`)
  if (!c.quorumReached) return no(`该次支部党员大会到会的有表决权正式党员（${c.presentVoters}/${c.voters}）未超过半数，不能讨论${step === 'congress' ? '接收预备党员' : '转正'}`)
  if (!votes) return no('请填写赞成、反对、弃权票数')
  const cast = votes.for + votes.against + votes.abstain
  if (cast > c.presentVoters) return no(`票数合计 ${cast} 超过到会的有表决权正式党员 ${c.presentVoters} 人`)
  if (votes.for * 2 <= c.voters) return no(`赞成票 ${votes.for} 未超过应到会有表决权正式党员（${c.voters} 人）的半数，未通过`)
  return null
}

export interface StepInput extends StepEntry {
  contacts?: number
  introducers?: number
}

/**
 * Whether `step` may be recorded with `entry` given what is done (`log`), on the Beijing day `today`. Null when it
 * may. Order (the 细则's sequence: `after` in the table) and the time rules; a date in the future is never accepted.
 */
export function stepRefusal(step: StepCode, entry: StepInput, log: StepLog, s: RecruitmentSettings, today: string): Refusal | null {
  const def: StepDef = STEP_BY_CODE[step]
  const fact = (rule: string, message: string): Refusal => ({ rule, message, exceptionAllowed: false })
  const timed = (rule: string, message: string): Refusal => ({ rule, message, exceptionAllowed: true })
  if (entry.on > today) return fact('记录已发生的事', `「${def.title}」的日期不能晚于今天`)
  if (statusOf(log) === 'stopped') return fact('发展已终止', '该同志的发展程序已终止，不能继续记录')
  const again = (step === 'confirm_apply' || step === 'confirm_congress') && last(log, 'confirm_congress')?.outcome === 'extend'
  if (done(log, step) && !def.repeatable && !again) return fact('每步一次', `「${def.title}」已经记录过了`)
  if (again && step === 'confirm_congress' && (last(log, 'confirm_apply')?.on ?? '') < last(log, 'confirm_congress')!.on) {
    return timed('党章第七条（延长预备期）', '延长预备期满后，请先记录新的转正申请，再召开支部大会讨论')
  }
  if (step === 'confirm_approval' && last(log, 'confirm_congress')?.outcome !== 'confirm') {
    return fact('细则第三十四条', '支部大会讨论结果为按期转正后，才能记录上级党委的转正审批')
  }
  const missing = def.after.filter((c) => !done(log, c))
  if (missing.length) {
    const names = missing.map((c) => `第${STEP_BY_CODE[c].n}步「${STEP_BY_CODE[c].title}」`).join('、')
    return timed(`${def.source}（程序顺序）`, `请先完成${names}，再记录第${def.n}步「${def.title}」（${def.source}）`)
  }
  for (const c of def.after) {
    const prior = last(log, c)!
    if (entry.on < prior.on) {
      return timed(`${def.source}（程序顺序）`, `「${def.title}」的日期不能早于「${STEP_BY_CODE[c].title}」（${fmt(prior.on)}）`)
    }
  }
  if (def.fields.includes('contacts') && (!entry.contacts || entry.contacts > 2)) return fact('细则第十一条', '请指定一至二名正式党员作为培养联系人')
  if (def.fields.includes('introducers') && entry.introducers !== 2) return fact('细则第十四条', '入党介绍人应为两名正式党员')
  if (def.fields.includes('period')) {
    if (!entry.from || !entry.to) return fact(def.source, step === 'training' ? '请填写培训起止日期' : '请填写公示起止日期')
    if (entry.to < entry.from) return fact(def.source, '结束日期不能早于开始日期')
  }
  if (step === 'committee_review' && entry.from && entry.to && daysBetween(entry.from, entry.to) + 1 < s.publicityMinDays) {
    return timed('细则第十九条（公示）', `公示期应不少于 ${s.publicityMinDays} 天`)
  }
  switch (def.rule) {
    case 'activist_one_year': {
      const activistOn = last(log, 'activist')!.on
      const earliest = addMonths(activistOn, s.activistMinMonths)
      if (entry.on < earliest) {
        return timed('细则第十三条（培养考察一年以上）', `入党积极分子经过一年以上培养教育和考察才能确定为发展对象：${fmt(activistOn)}确定为积极分子，最早 ${fmt(earliest)}（细则第十三条）`)
      }
      const gaps = inspectionGaps(activistOn, (log.inspect ?? []).map((e) => e.on), entry.on, s.inspectEveryMonths)
      if (gaps.length) return timed('细则第十二条（每半年考察一次）', `培养考察应每半年一次：${fmt(gaps[0])}前应有一次考察记录（细则第十二条）`)
      return null
    }
    case 'before_congress': {
      const publicity = last(log, 'committee_review')!
      if (publicity.to && entry.on <= publicity.to) return timed('细则第十九条（公示）', `公示期（至${fmt(publicity.to)}）结束后才能召开支部大会讨论`)
      return null
    }
    case 'approval_within_months': {
      const congressOn = last(log, 'congress')!.on
      const max = addMonths(congressOn, s.approvalMaxMonths)
      if (entry.on > max) return timed('细则第二十五条（审批时限）', `上级党委应在支部大会通过后三个月内审批，特殊情况不超过${s.approvalMaxMonths}个月（至${fmt(max)}）`)
      return null
    }
    case 'probation_end': {
      const end = probationEnd(log)
      if (!end) return null
      if (step === 'confirm_apply') {
        const earliest = addDays(end, -s.confirmApplyLeadDays)
        if (entry.on < earliest) return timed('细则第三十二条（预备期满）', `转正申请在预备期满时提出：预备期至${fmt(end)}，最早 ${fmt(earliest)}`)
      } else if (entry.on < end) {
        return timed('党章第七条（预备期一年）', `预备期至${fmt(end)}满，期满后才能召开支部大会讨论转正（党章第七条）`)
      }
      if (step === 'confirm_congress' && entry.outcome === 'extend') {
        const m = entry.extensionMonths ?? 0
        if (m < EXTENSION_MONTHS.min || m > EXTENSION_MONTHS.max) return fact('党章第七条（延长预备期）', '延长预备期应为六个月至一年')
      }
      if (step === 'confirm_congress' && !entry.outcome) return fact(def.source, '请选择讨论结果：按期转正、延长预备期或取消预备党员资格')
      return null
    }
    case 'confirm_approval_within_months': {
      const congressOn = last(log, 'confirm_congress')!.on
      const max = addMonths(congressOn, s.approvalMonths)
      if (entry.on > max) return timed('细则第三十四条（审批时限）', `上级党委应在支部大会讨论转正后三个月内审批（至${fmt(max)}）`)
      return null
    }
    default:
      return null
  }
}

/** After a 延长预备期 outcome, the 转正 steps are recorded again at the new end: the log's latest confirm round. */
export function reopenAfterExtension(log: StepLog): boolean {
  const c = last(log, 'confirm_congress')
  return c?.outcome === 'extend' && !(log.confirm_approval ?? []).some((a) => a.on >= c.on)
}

export interface DueItem {
  step: StepCode
  /** The deadline (or the day the step becomes due). */
  dueOn: string
  /** What is due, as the secretary reads it. */
  title: string
}

/**
 * What is due next for one person, with its deadline: the talk (one month from the application), the next 考察
 * (half a year after the last), the 上级党委 approval (three months from the 支部大会), the 转正 支部大会 (at the end of
 * the 预备期), the 转正 approval (three months). Reminders and the home to-do are built from these.
 */
export function dueItems(log: StepLog, s: RecruitmentSettings): DueItem[] {
  const status = statusOf(log)
  if (status === 'stopped' || status === 'full') return []
  const out: DueItem[] = []
  const apply = last(log, 'apply')
  if (apply && !done(log, 'talk')) out.push({ step: 'talk', dueOn: addMonths(apply.on, s.talkWithinMonths), title: '入党谈话' })
  const activist = last(log, 'activist')
  if (activist && !done(log, 'candidate')) {
    const lastInspect = [activist.on, ...(log.inspect ?? []).map((e) => e.on)].sort().pop()!
    out.push({ step: 'inspect', dueOn: addMonths(lastInspect, s.inspectEveryMonths), title: '半年考察' })
  }
  const congress = last(log, 'congress')
  if (congress && !done(log, 'approval')) out.push({ step: 'approval', dueOn: addMonths(congress.on, s.approvalMonths), title: '上级党委审批' })
  const end = probationEnd(log)
  if (end && status === 'probationary') {
    const round = reopenAfterExtension(log)
    if (!done(log, 'confirm_congress') || round) out.push({ step: 'confirm_congress', dueOn: end, title: '预备期满讨论转正' })
    const cc = last(log, 'confirm_congress')
    if (cc && !round && !done(log, 'confirm_approval')) out.push({ step: 'confirm_approval', dueOn: addMonths(cc.on, s.approvalMonths), title: '转正审批' })
  }
  return out
}

/**
 * A roster entry's 入党 / 转正 dates and status, checked together (党章第七条: the 预备期 is one year from the 支部大会
 * that admitted the member, whose date is the 入党日期; a 预备党员 has no 转正日期). Null when they agree. Used by
 * members.update, which accepted a 转正 date before 入党 as long as the status stayed 预备 (reviewer finding, #19).
 */
export function confirmationRefusal(m: { partyStatus: 'full' | 'probationary'; joinedPartyOn: string | null; confirmedOn: string | null }): string | null {
  if (!m.confirmedOn) return null
  if (m.joinedPartyOn && m.confirmedOn < m.joinedPartyOn) return '转正日期不能早于入党日期'
  if (m.partyStatus === 'probationary') return '预备党员还没有转正日期：请清空转正日期，或在转正时改为正式党员'
  if (m.joinedPartyOn) {
    const end = addMonths(m.joinedPartyOn, PROBATION_MONTHS)
    if (m.confirmedOn < end) return `转正日期应在预备期满（${fmt(end)}）之后：预备期一年，从入党日期算起（党章第七条）`
  }
  return null
}

/** An entry's facts as stepRefusal reads them (培养联系人 / 入党介绍人 counted from its people). */
export function factsOf(step: StepCode, e: StepEntry & { people?: readonly string[] }): StepInput {
  const fields = STEP_BY_CODE[step].fields
  return {
    on: e.on,
    from: e.from ?? null,
    to: e.to ?? null,
    approved: e.approved ?? null,
    outcome: e.outcome ?? null,
    extensionMonths: e.extensionMonths ?? null,
    exception: e.exception ?? null,
    contacts: fields.includes('contacts') ? (e.people ?? []).length : undefined,
    introducers: fields.includes('introducers') ? (e.people ?? []).length : undefined,
  }
}

/**
 * Every entry of a file checked again in the 细则's order, as if recorded one after the other: each refusal as
 * `step#index` with its rule. The steps go by their number (each after the ones it rests on), except the 转正 rounds
 * (22–24), which follow their dates, since after a 延长预备期 a new 转正申请 and 支部大会 come after the first.
 */
export function replayRefusals(log: StepLog, s: RecruitmentSettings, today: string): Map<string, Refusal> {
  const group = (n: number) => (n >= 22 && n <= 24 ? 22 : n)
  const all = (Object.keys(log) as StepCode[]).flatMap((code) => (log[code] ?? []).map((entry, index) => ({ code, index, entry, n: STEP_BY_CODE[code].n })))
  all.sort((a, b) => group(a.n) - group(b.n) || a.entry.on.localeCompare(b.entry.on) || a.n - b.n || a.index - b.index)
  const out = new Map<string, Refusal>()
  const sofar: StepLog = {}
  for (const { code, index, entry } of all) {
    const refusal = stepRefusal(code, factsOf(code, entry), sofar, s, today)
    if (refusal) out.set(`${code}#${index}`, refusal)
    sofar[code] = [...(sofar[code] ?? []), entry]
  }
  return out
}

/**
 * Whether an earlier step's date may be corrected (recruitment.correct): the corrected file is checked again step by
 * step, and a rule that held before the correction must still hold — moving 确定为入党积极分子 later must not leave
 * 确定为发展对象 less than a year after it (细则第十三条), moving a 考察 must not open a half-year gap (细则第十二条), a
 * step may not come before the one it rests on. Refusals the file already had (an exception the committee recorded,
 * a file made from the roster) are not the correction's: they do not block it. Null when the correction may stand.
 */
export function correctionRefusal(before: StepLog, after: StepLog, s: RecruitmentSettings, today: string): { step: StepCode; refusal: Refusal } | null {
  const had = replayRefusals(before, s, today)
  for (const [key, refusal] of replayRefusals(after, s, today)) {
    if (had.get(key)?.rule === refusal.rule) continue
    return { step: key.split('#')[0] as StepCode, refusal }
  }
  return null
}
