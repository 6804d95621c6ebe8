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
