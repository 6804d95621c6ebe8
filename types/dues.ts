/**
 * 党费 vocabulary shared by the cloud and the app (plain constants, no zod: the app's dues pages import it).
 * The amounts themselves are computed in one place only: cloud/core/dues/rate.ts.
 */
export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'low_income', 'farmer'] as const
export type DuesCategory = (typeof DUES_CATEGORIES)[number]

/**
 * The category as every screen, message and audit line names it (one short form each). 低保 stands for the
 * 规定's two groups paying 0.2 元 alike; the picker shows the 规定's full wording (DUES_CATEGORY_RULES).
 */
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '离退休',
  student: '学生',
  unemployed: '下岗失业',
  low_income: '抚恤救济或低保',
  farmer: '农民',
}

/** What the 规定 (中组部 2008, 一) says of each category, in its words: shown under the picker once chosen. */
export const DUES_CATEGORY_RULES: Record<DuesCategory, string> = {
  employed: '在职党员：以每月工资总额扣除个人所得税和“五险一金”后的收入为基数，按 0.5%–2% 交纳',
  retired: '离退休党员：以每月领取的基本离退休费总额为基数，5000 元以下（含）0.5%，以上 1%',
  student: '学生党员：每月交纳 0.20 元',
  unemployed: '下岗失业的党员：每月交纳 0.20 元',
  low_income: '依靠抚恤或救济生活的党员、领取当地最低生活保障金的党员：每月交纳 0.20 元',
  farmer: '农民党员：每月交纳 0.20 元至 1.00 元，由支部确定',
}

/** What the base is called per category (税后月工资收入 / 离退休费); fixed categories have none. */
export const DUES_BASE_LABELS: Partial<Record<DuesCategory, string>> = { employed: '税后月工资收入', retired: '月离退休费' }

export const DUES_WAYS = ['cash', 'transfer', 'proxy'] as const
export type DuesWay = (typeof DUES_WAYS)[number]
export const DUES_WAY_LABELS: Record<DuesWay, string> = { cash: '现金', transfer: '转账', proxy: '代缴' }

/**
 * A month's state in the ledger: not owed (before the member owed dues), paid, paid less with a recorded reason,
 * the current month not yet paid, a past month unpaid, a month still ahead, or settled in another branch (recorded
 * by the member's earlier branch of this deployment, or covered by the 党费交至 of the letter that brought them:
 * neither owed here nor collected here, never unpaid — cloud/core/dues/ledger.ts elsewhereMonths), or a month
 * before the member was received into this branch by a transfer that nothing shows settled (`not_here`: the earlier
 * branch's, never owed or behind here — cloud/core/dues/history.ts monthsHere).
 */
export const DUES_MONTH_STATES = ['not_owed', 'paid', 'short', 'due', 'unpaid', 'upcoming', 'elsewhere', 'not_here'] as const
export type DuesMonthState = (typeof DUES_MONTH_STATES)[number]

/**
 * Months behind that flag a member to the secretary. 党章 第九条: six months without paying dues and without a
 * proper reason is treated as 自行脱党 — the secretary is told at three and again at five, in time to talk to them.
 */
export const DUES_FLAG_MONTHS = [3, 5] as const
/** 党章 第九条: six months in a row without paying and without a proper reason is 自行脱党 (fixed; not a setting). */
export const DUES_LAPSE_MONTHS = 6

/**
 * What the committee reads about the six months of 党章 第九条 (连续六个月不交纳党费又无正当理由的，视为自行脱党):
 * the months left are 6 − behind; from six on it says the six months are reached — never a negative or a fixed count.
 */
export function lapseCountdownText(behind: number): string {
  const left = DUES_LAPSE_MONTHS - behind
  if (left <= 0) return '已满六个月，请支部按党章第九条处理'
  return `再满 ${left} 个月即按党章第九条视为自行脱党`
}

/**
 * 介绍信's 党费交至: the last month settled without a gap from the first month owed (paid, or paid less with the
 * branch's recorded reason, or settled in the member's earlier branch — recorded there or under the 党费交至 of the
 * letter that brought them), in the order the ledger lists the year; null when nothing of the year is settled.
 */
export function paidThroughMonth(months: readonly { month: string; state: DuesMonthState }[]): string | null {
  let through: string | null = null
  for (const m of months) {
    // Before the member owed, or before they were received here (the earlier branch's to settle): not a gap here.
    if (m.state === 'not_owed' || m.state === 'not_here') continue
    if (m.state !== 'paid' && m.state !== 'short' && m.state !== 'elsewhere') break
    through = m.month
  }
  return through
}

/**
 * 收缴率 as every screen and message shows it: one decimal, 25.6% (the workbook's cells use the same `0.0%`); a
 * rate of null (nothing due) is —. The one helper: the ledger, the yearly publication, the committee's views.
 */
export function collectionRateText(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** Money as people read it: always two decimals (0.20 元, 81.00 元); null is —. */
export function yuanText(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined || !Number.isFinite(yuan) ? '—' : `${yuan.toFixed(2)} 元`
}

/**
 * Why a committee's warning months are refused (null: fine). Two warnings, the first earlier than the second, both
 * before the six months of 党章 第九条 (DUES_LAPSE_MONTHS) — a warning at six would come too late to talk.
 */
export function checkWarnMonths(warnMonths: readonly number[]): string | null {
  if (warnMonths.length !== 2 || warnMonths.some((m) => !Number.isInteger(m))) return '请设定两次提醒的月数（整数）'
  const [first, second] = warnMonths
  if (first < 1) return '第一次提醒至少在欠缴 1 个月时'
  if (second <= first) return '第二次提醒的月数应大于第一次'
  if (second >= DUES_LAPSE_MONTHS) return `第二次提醒应早于党章第九条规定的 ${DUES_LAPSE_MONTHS} 个月（最多 ${DUES_LAPSE_MONTHS - 1} 个月）`
  return null
}
