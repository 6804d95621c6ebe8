/**
 * 党委设置: the committee's two settings, read together and saved one at a time through the existing actions —
 * the 优秀 share of 民主评议 (appraisal.setSettings) and the 党费 warning months (dues.setSettings). The screen
 * (src/packages/committee/pages/settings) calls these, never api.ts. The checks here mirror the cloud's, so a typo
 * is named before anything is sent; the cloud checks again.
 */
import { useEffect, useState } from 'react'
import { checkWarnMonths } from '../../../types/dues'
import { errorMessage } from '../../services/api'
import { getAppraisalSettings, getDuesSettings, setAppraisalSettings, setDuesSettings, type AppraisalSettings, type DuesSettings } from './api'

export type { AppraisalSettings, DuesSettings } from './api'
export { errorMessage }

export interface CommitteeSettings {
  dues: DuesSettings
  appraisal: AppraisalSettings
}

/** Both settings, with an error and a reload (only the committee may save; anyone may read). */
export function useCommitteeSettings(ready: boolean) {
  const [data, setData] = useState<CommitteeSettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = () => {
    if (!ready) return
    setError(null)
    Promise.all([getDuesSettings(), getAppraisalSettings()]).then(([dues, appraisal]) => setData({ dues, appraisal }), (e) => setError(errorMessage(e)))
  }
  useEffect(reload, [ready])
  return { data, setData, error, reload }
}

/** A whole number as typed, or null (empty, a decimal, letters). */
const wholeNumber = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null)

export type ShareField = 'numerator' | 'denominator'

/** 优秀 share as typed (1 / 3): whole numbers, 1–99 over 2–100, less than one (types/actions/appraisal.ts). */
export function shareErrors(numerator: string, denominator: string): Partial<Record<ShareField, string>> {
  const errors: Partial<Record<ShareField, string>> = {}
  const n = wholeNumber(numerator)
  const d = wholeNumber(denominator)
  if (n === null) errors.numerator = '请填写整数（例如 1）'
  else if (n < 1) errors.numerator = '优秀比例的分子至少为 1'
  else if (n > 99) errors.numerator = '优秀比例的分子最多为 99'
  if (d === null) errors.denominator = '请填写整数（例如 3）'
  else if (d < 2) errors.denominator = '优秀比例的分母至少为 2'
  else if (d > 100) errors.denominator = '优秀比例的分母最多为 100'
  if (!errors.numerator && !errors.denominator && n! >= d!) errors.numerator = '优秀比例应小于 1：分子须小于分母（例如 1/3）'
  return errors
}

export type WarnField = 'first' | 'second'

/** The two warning months as typed: whole numbers, the rule of types/dues.ts checkWarnMonths (the cloud's own). */
export function warnErrors(first: string, second: string): Partial<Record<WarnField, string>> {
  const a = wholeNumber(first)
  const b = wholeNumber(second)
  const errors: Partial<Record<WarnField, string>> = {}
  if (a === null) errors.first = '请填写整数月数（例如 3）'
  if (b === null) errors.second = '请填写整数月数（例如 5）'
  if (a === null || b === null) return errors
  const why = checkWarnMonths([a, b])
  if (!why) return errors
  if (why.startsWith('第一次')) errors.first = why
  else errors.second = why
  return errors
}

export const saveShare = (numerator: number, denominator: number) => setAppraisalSettings({ share: { numerator, denominator } })
export const saveWarnMonths = (first: number, second: number) => setDuesSettings({ warnMonths: [first, second] })
