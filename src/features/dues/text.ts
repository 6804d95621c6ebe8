/** How dues read on screen: 81.00 元, 2026年11月, 2026年12月3日, 交纳比例 1.5%, 收缴率 25.6%. */
import type { DuesCategory, DuesMonthState } from '../../../types/dues'

/** Money always with two decimals (0.20 元, 81.00 元): the one helper, shared with the cloud (types/dues.ts). */
export { collectionRateText, yuanText } from '../../../types/dues'
export const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`
export const dateText = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
/** A member's 交纳比例 (0.5%, 1.5%, 2%) — not the 收缴率, which is collectionRateText. */
export const rateText = (r: number) => `${Number((r * 100).toFixed(2))}%`

/**
 * What the base is, per category, as the 规定 words it: 在职 on 税后 income, 离退休 on the 离退休费 (no 五险一金 there).
 */
export const DUES_BASE_HINTS: Partial<Record<DuesCategory, string>> = {
  employed: '按规定：在职党员以每月工资总额扣除个人所得税和“五险一金”后的收入为基数',
  retired: '按规定：离退休党员以每月领取的基本离退休费总额为基数',
}

export const MONTH_STATE_LABELS: Record<DuesMonthState, string> = {
  not_owed: '无需交纳',
  paid: '已缴',
  short: '少缴（有原因）',
  due: '本月待缴',
  unpaid: '未缴',
  upcoming: '未到期',
  elsewhere: '已在原支部交纳',
  not_here: '转入本支部前（原支部的月份）',
}
