/**
 * Time words in a point become suggested due dates in the plan's year. They are suggestions: the committee edits
 * them when it assigns the point, so the importer prefers a plain, predictable reading over a clever one.
 */
import { asciiDigits, chineseNumber } from './text'
import type { IsoDate, TimeHint, TimeHintKind } from './types'

/**
 * 春节 (正月初一) by Gregorian year, 2020–2035. Source: Purple Mountain Observatory, 《中国天文年历》 / the Hong Kong
 * Observatory's Gregorian–Lunar calendar conversion tables; cross-checked in the unit tests against ICU's Chinese
 * calendar (Intl) where the runtime has it. A table, not ICU at run time, because the cloud's Node may ship small-icu
 * and because ICU's approximate lunar calculation is a day off in 2027 (gives 02-07) and 2030 (02-02): in those
 * years the new moon falls within minutes of midnight Beijing time (2027-02-06 23:56, 2030-02-03 00:07).
 */
export const SPRING_FESTIVAL: Readonly<Record<number, IsoDate>> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `YYYY-MM-DD`, or null when the parts are not a real date (2 月 30 日). */
export function isoDate(year: number | null, month: number, day: number): IsoDate | null {
  if (year === null || !Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth(year, month)) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

function monthEnd(year: number | null, month: number): IsoDate | null {
  return year === null || month < 1 || month > 12 ? null : isoDate(year, month, daysInMonth(year, month))
}

/** A number as months and days are written: ASCII or full-width digits, or Chinese numerals. */
function num(s: string): number | null {
  return chineseNumber(asciiDigits(s).replace(/\s+/g, ''))
}

const D = '(?:\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})'
const Y = '(?:\\d{4}|[〇零一二三四五六七八九]{4})'
// A Chinese-numeral month must not be the tail of a longer number or word (五中全会 has no 月, but 十九届 … could).
const NOT_AFTER_NUMERAL = '(?<![\\d０-９一二三四五六七八九十〇零两个每])'

interface Rule {
  kind: TimeHintKind
  re: RegExp
  /** One date, none, or several for a phrase that recurs (每季度: the four quarter ends). */
  due: (m: RegExpExecArray, year: number | null) => IsoDate | IsoDate[] | null
}

/**
 * Most specific first: a full date is not also read as a month, 6月30日 not also as 6月. Each match claims its
 * characters; later rules skip claimed ones.
 */
const RULES: Rule[] = [
  {
    kind: 'date',
    re: new RegExp(`(${Y})\\s*年\\s*(${D})\\s*月\\s*(${D})\\s*[日号]`, 'gu'),
    due: (m) => isoDate(num(m[1]), num(m[2]) ?? 0, num(m[3]) ?? 0),
  },
  {
    kind: 'month',
    re: new RegExp(`(${Y})\\s*年\\s*(${D})\\s*月(?:份|底|末)?(?!\\s*${D}\\s*[日号])`, 'gu'),
    due: (m) => monthEnd(num(m[1]), num(m[2]) ?? 0),
  },
  {
    kind: 'date',
    re: new RegExp(`${NOT_AFTER_NUMERAL}(${D})\\s*月\\s*(${D})\\s*[日号]`, 'gu'),
    due: (m, year) => isoDate(year, num(m[1]) ?? 0, num(m[2]) ?? 0),
  },
  {
    kind: 'month',
    // 上旬 / 中旬 end on the 10th / 20th; 下旬, 底, 末 and a bare month on the month's last day. Not the month of
    // an impossible date (2月30日): that is no time word at all.
    re: new RegExp(`${NOT_AFTER_NUMERAL}(${D})\\s*月(份|底|末|上旬|中旬|下旬)?(?!\\s*${D}\\s*[日号])`, 'gu'),
    due: (m, year) => {
      const month = num(m[1]) ?? 0
      if (m[2] === '上旬') return isoDate(year, month, 10)
      if (m[2] === '中旬') return isoDate(year, month, 20)
      return monthEnd(year, month)
    },
  },
  { kind: 'month', re: /上半年/gu, due: (_m, year) => isoDate(year, 6, 30) },
  { kind: 'year_end', re: /年底|年末|下半年/gu, due: (_m, year) => isoDate(year, 12, 31) },
  { kind: 'july_first', re: /[“"‘'「]?(?<![十\d])七一(?![\d个])[”"’'」]?/gu, due: (_m, year) => isoDate(year, 7, 1) },
  { kind: 'spring_festival', re: /春节/gu, due: (_m, year) => (year === null ? null : (SPRING_FESTIVAL[year] ?? null)) },
  {
    kind: 'quarterly',
    // 第二季度 / 二季度 name one quarter: its last day. 每季度 / 按季度 / 季度末 recur: the point is due at the end of
    // every quarter, so it gets the four quarter ends (issue 16 item 15: a single 12-31 hid three of them).
    re: /(?:第?([一二三四1-4])|每个?|按|各)?季度/gu,
    due: (m, year) => {
      const q = m[1] ? num(m[1]) : null
      if (q !== null) return q >= 1 && q <= 4 ? monthEnd(year, q * 3) : null
      return year === null ? null : [3, 6, 9, 12].map((month) => monthEnd(year, month)!)
    },
  },
  { kind: 'on_schedule', re: /按期/gu, due: () => null },
]

/** The time words of one point's text, in the order they appear, each phrase once. */
export function findTimeHints(text: string, year: number | null): TimeHint[] {
  const claimed = new Array<boolean>(text.length).fill(false)
  const found: { at: number; hint: TimeHint }[] = []
  for (const rule of RULES) {
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      if (claimed.slice(start, end).some(Boolean)) continue
      const due = rule.due(m, year)
      // A "month" or "date" that is no real date (13月, 2月30日) is not a time word: leave it alone.
      if ((rule.kind === 'month' || rule.kind === 'date') && due === null && year !== null) continue
      for (let i = start; i < end; i++) claimed[i] = true
      for (const dueOn of Array.isArray(due) ? due : [due]) found.push({ at: start, hint: { phrase: m[0].trim(), dueOn, kind: rule.kind } })
    }
  }
  found.sort((a, b) => a.at - b.at)
  const seen = new Set<string>()
  const hints: TimeHint[] = []
  for (const { hint } of found) {
    // A quarter end is one date however often the text says 季度 (每季度召开，季度末报送: four dates, not eight).
    const key = hint.kind === 'quarterly' && hint.dueOn !== null ? `${hint.kind}|${hint.dueOn}` : `${hint.kind}|${hint.dueOn}|${hint.phrase}`
    if (seen.has(key)) continue
    seen.add(key)
    hints.push(hint)
  }
  return hints
}
