/**
 * 党费 vocabulary shared by the cloud and the app (plain constants, no zod: the app's dues pages import it).
 * The amounts themselves are computed in one place only: cloud/core/dues/rate.ts.
 */
export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'low_income', 'farmer'] as const
export type DuesCategory = (typeof DUES_CATEGORIES)[number]

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '离退休',
  student: '学生',
  unemployed: '下岗失业',
  low_income: '依靠抚恤或低保生活',
  farmer: '农民',
}

/** What the base is called per category (税后月工资收入 / 离退休费); fixed categories have none. */
export const DUES_BASE_LABELS: Partial<Record<DuesCategory, string>> = { employed: '税后月工资收入', retired: '月离退休费' }

export const DUES_WAYS = ['cash', 'transfer', 'proxy'] as const
export type DuesWay = (typeof DUES_WAYS)[number]
export const DUES_WAY_LABELS: Record<DuesWay, string> = { cash: '现金', transfer: '转账', proxy: '代缴' }

/**
 * A month's state in the ledger: not owed (before the member owed dues), paid, paid less with a recorded reason,
 * the current month not yet paid, a past month unpaid, a month still ahead.
 */
export const DUES_MONTH_STATES = ['not_owed', 'paid', 'short', 'due', 'unpaid', 'upcoming'] as const
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
 * branch's recorded reason), in the order the ledger lists the year; null when nothing of the year is settled.
 */
export function paidThroughMonth(months: readonly { month: string; state: DuesMonthState }[]): string | null {
  let through: string | null = null
  for (const m of months) {
    if (m.state === 'not_owed') continue
    if (m.state !== 'paid' && m.state !== 'short') break
    through = m.month
  }
  return through
}
