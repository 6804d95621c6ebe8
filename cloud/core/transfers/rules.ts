/**
 * 组织关系转接: the pure rules (docs/transfers.md). Dates are Beijing calendar days (YYYY-MM-DD); callers pass
 * today as framework/time.ts beijingDate(now), so a run at 23:30 UTC already counts the next Beijing day.
 */
import { addDays, addMonths } from '../recruitment/rules'

/**
 * The letter's validity. The 《中国共产党党员组织关系介绍信》 form leaves 「有效期 天」 for the issuing organisation to
 * fill in; the validities used in practice run from one to three months and differ by locality. So it is the
 * committee's setting (transfers.setSettings); the default here is the longest common one, 90 days (三个月), so a
 * member travelling far is not sent back for an expired letter. (A product choice, not a national number.)
 */
export const DEFAULT_VALID_DAYS = 90
export interface TransferSettings {
  validDays: number
}
export const TRANSFER_DEFAULTS: TransferSettings = { validDays: DEFAULT_VALID_DAYS }

/** 有效期至: the issue day counts as the first day (issued 12月3日 with 3 days → valid to 12月5日 inclusive). */
export function validUntil(issuedOn: string, validDays: number): string {
  return addDays(issuedOn, validDays - 1)
}

/** A letter in flight past its validity cannot be accepted; the receiving branch returns it, the sender issues anew. */
export function isExpired(validUntilOn: string, today: string): boolean {
  return today > validUntilOn
}

/**
 * The 回执: the receiving organisation returns the letter's receipt stub, expected within one month of the letter
 * (the domain notes on 组织关系转接; issue #19.3). One calendar month, clamped at month end
 * (1月31日 → 2月28日, or 29日 in a leap year).
 */
export const RECEIPT_MONTHS = 1
export function receiptDueOn(issuedOn: string): string {
  return addMonths(issuedOn, RECEIPT_MONTHS)
}

/** Reminders of a missing 回执: three days ahead, then the day after it was due and weekly until it is recorded. */
export const RECEIPT_LEAD_DAYS = 3
export interface Milestone {
  name: string
  day: string
}
export function receiptMilestone(dueOn: string, today: string): Milestone | null {
  const lead = addDays(dueOn, -RECEIPT_LEAD_DAYS)
  if (today < lead) return null
  if (today <= dueOn) return { name: `d${RECEIPT_LEAD_DAYS}`, day: lead }
  const late = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000)
  const week = Math.floor((late - 1) / 7) + 1
  return { name: `w${week}`, day: addDays(dueOn, 1 + 7 * (week - 1)) }
}

/** 预备期 one year from the 入党日期 (党章第七条), carried with the member: 29 February → 28 February. */
export function probationEndsOn(partyStatus: 'full' | 'probationary', joinedPartyOn: string | null): string | null {
  return partyStatus === 'probationary' && joinedPartyOn ? addMonths(joinedPartyOn, 12) : null
}

/** A letter's dates, checked: issued not after today, 党费交至 not after the issue month + 11 (prepaid up to a year). */
export function issueRefusal(input: { issuedOn: string; duesPaidTo: string; validDays: number }, today: string): { field: string; message: string } | null {
  if (input.issuedOn > today) return { field: 'issuedOn', message: '开具日期不能晚于今天' }
  if (input.issuedOn < addDays(today, -365)) return { field: 'issuedOn', message: '开具日期不能早于一年前' }
  if (input.duesPaidTo > addMonths(`${input.issuedOn.slice(0, 7)}-01`, 12).slice(0, 7)) return { field: 'duesPaidTo', message: '党费交至月份不能超过开具后一年' }
  if (input.validDays < 1) return { field: 'validDays', message: '有效期至少 1 天' }
  return null
}

/** 转入 from outside: the letter's own dates and the member's, checked before anything is written. */
export function receiveRefusal(input: { issuedOn: string; validUntil: string; joinedPartyOn: string; confirmedOn?: string; partyStatus: 'full' | 'probationary'; arrivedOn: string }, today: string): { field: string; message: string } | null {
  if (input.issuedOn > today) return { field: 'issuedOn', message: '开具日期不能晚于今天' }
  if (input.validUntil < input.issuedOn) return { field: 'validUntil', message: '有效期不能早于开具日期' }
  if (input.arrivedOn > today) return { field: 'arrivedOn', message: '转入日期不能晚于今天' }
  if (input.arrivedOn < input.issuedOn) return { field: 'arrivedOn', message: '转入日期不能早于介绍信开具日期' }
  if (input.arrivedOn > input.validUntil) return { field: 'arrivedOn', message: '介绍信已过有效期，请转出党组织重新开具' }
  if (input.joinedPartyOn > input.issuedOn) return { field: 'joinedPartyOn', message: '入党日期不能晚于介绍信开具日期' }
  if (input.partyStatus === 'probationary' && input.confirmedOn) return { field: 'confirmedOn', message: '预备党员没有转正日期' }
  if (input.partyStatus === 'full' && input.confirmedOn && input.confirmedOn < addMonths(input.joinedPartyOn, 12)) {
    return { field: 'confirmedOn', message: '转正日期不能早于预备期满（入党日期后一年，党章第七条）' }
  }
  return null
}

/**
 * The letter's validity running out while it is not yet accepted (a letter inside this deployment): reminded
 * EXPIRY_LEAD_DAYS before its last day ('soon') and the day after it ('expired'), once each (the reminders' dedupe key
 * names the milestone). An expired letter cannot be accepted (isExpired): the receiving branch returns it or the
 * sending branch withdraws it and issues anew. Before the lead day: nothing.
 */
export const EXPIRY_LEAD_DAYS = 3
export function expiryMilestone(validUntilOn: string, today: string): 'soon' | 'expired' | null {
  if (isExpired(validUntilOn, today)) return 'expired'
  return today >= addDays(validUntilOn, -EXPIRY_LEAD_DAYS) ? 'soon' : null
}

/** Days of validity as the form prints them (有效期 N 天): the issue day is day 1 (the inverse of validUntil). */
export function validDaysOf(issuedOn: string, validUntilOn: string): number {
  return Math.round((Date.parse(`${validUntilOn}T00:00:00Z`) - Date.parse(`${issuedOn}T00:00:00Z`)) / 86_400_000) + 1
}

/**
 * What an 18-digit 身份证号码 says (GB 11643-1999 公民身份号码): digits 7–14 the birth date, the 17th odd for a man,
 * even for a woman, the 18th a check digit (ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 − Σ mod 11) mod 11,
 * 10 written X). Null when the check digit or the date is wrong. Age is in whole years on `today`.
 */
export function idCardFacts(id: string, today: string): { birthOn: string; gender: '男' | '女'; age: number } | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return null
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0)
  const check = (12 - (sum % 11)) % 11
  if ((check === 10 ? 'X' : String(check)) !== id[17].toUpperCase()) return null
  const birthOn = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  const d = new Date(`${birthOn}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthOn || birthOn > today) return null
  const age = Number(today.slice(0, 4)) - Number(birthOn.slice(0, 4)) - (today.slice(5) < birthOn.slice(5) ? 1 : 0)
  return { birthOn, gender: Number(id[16]) % 2 === 1 ? '男' : '女', age }
}

/** 「×××字第××号」: the form's number line. A number already written in full (…号, 〔2026〕1号) is printed as it is. */
export function letterNoLine(letterNo: string): string {
  return /号$/.test(letterNo) ? letterNo : `字第 ${letterNo} 号`
}

/** The 56 民族 by their full names (GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码). */
export const NATIONALITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const

/**
 * The 民族 as the letter prints it (「××族」 once): 汉 and 汉族 both print 汉族, 维吾尔 and 维吾尔族 维吾尔族. 族 is added
 * only when the name typed is one of the 56 without it (GB/T 3304-1991); a full name (高山族, 维吾尔族) or anything
 * else (穿青人, 其他) is printed as typed. Blank when nothing was typed.
 */
export function nationalityName(typed: string | undefined): string | undefined {
  const name = (typed ?? '').trim()
  if (!name) return undefined
  return (NATIONALITIES as readonly string[]).includes(`${name}族`) ? `${name}族` : name
}
