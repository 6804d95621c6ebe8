/**
 * The dues forms' own checks, run on every submit before anything is sent (the cloud checks again: types/actions/
 * dues.ts, cloud/core/actions/dues.ts). Each error is keyed by its field, so the form shows it under that field and
 * drops it as soon as the field changes (walk: 「少缴须填写原因」 stayed on screen after the reason was typed).
 */
import { yuanText } from '../../../types/dues'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

/** An amount typed in 元: a number ≥ 0 with at most two decimals, or why not. */
export function amountRefusal(text: string, label: string): string | null {
  const t = text.trim()
  if (!t) return `请填写${label}`
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return `${label}应为金额，最多两位小数（例如 81.00）`
  return null
}

export type RecordField = 'months' | 'amount' | 'reason'

/** 记录交纳: at least one month, an amount, and a 少缴原因 when less than the month's due. */
export function recordFormErrors(f: { months: readonly string[]; amount: string; reason: string; due: number }): FieldErrors<RecordField> {
  const errors: FieldErrors<RecordField> = {}
  if (!f.months.length) errors.months = '请至少选择一个月'
  const bad = amountRefusal(f.amount, '每月实缴')
  if (bad) errors.amount = bad
  else if (Number(f.amount) < f.due && !f.reason.trim()) errors.reason = `每月应缴 ${yuanText(f.due)}，少缴须填写原因`
  return errors
}

export type CorrectionField = 'amount' | 'shortReason' | 'reason'

/** 更正: a reason always; an amend's amount a valid one, and a 少缴原因 when it is less than due. */
export function correctionFormErrors(f: { kind: 'amend' | 'void'; amount: string | null; shortReason: string; reason: string; due: number | null }): FieldErrors<CorrectionField> {
  const errors: FieldErrors<CorrectionField> = {}
  if (f.kind === 'amend' && f.amount !== null) {
    const bad = amountRefusal(f.amount, '实缴')
    if (bad) errors.amount = bad
    else if (f.due !== null && Number(f.amount) < f.due && !f.shortReason.trim()) errors.shortReason = `每月应缴 ${yuanText(f.due)}，更正后少缴须填写少缴原因`
  }
  if (!f.reason.trim()) errors.reason = f.kind === 'void' ? '请填写作废原因' : '请填写更正原因'
  return errors
}

export type ProfileField = 'income' | 'farmer'

/** 党费标准: the base for 在职 / 离退休, the amount (0.20–1.00 元) for 农民. */
export function profileFormErrors(f: { hasBase: boolean; income: string; farmer: boolean; farmerAmount: string; baseLabel: string }): FieldErrors<ProfileField> {
  const errors: FieldErrors<ProfileField> = {}
  if (f.hasBase) {
    const bad = amountRefusal(f.income, f.baseLabel)
    if (bad) errors.income = bad
  }
  if (f.farmer) {
    const bad = amountRefusal(f.farmerAmount, '每月金额')
    if (bad) errors.farmer = bad
    else if (Number(f.farmerAmount) < 0.2 || Number(f.farmerAmount) > 1) errors.farmer = '农民党员每月交纳 0.20 元至 1.00 元'
  }
  return errors
}

/** A field's error dropped when that field changes (the others stay until the next submit checks them again). */
export function withoutError<F extends string>(errors: FieldErrors<F>, field: F): FieldErrors<F> {
  if (!(field in errors)) return errors
  const next = { ...errors }
  delete next[field]
  return next
}
