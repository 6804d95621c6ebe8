/**
 * The one way a time is written for people, on screens and in documents: Beijing time as 2026年12月3日 14:30
 * (a date as 2026年12月3日). Plain arithmetic (Asia/Shanghai is UTC+8 all year since 1991, no DST), so the
 * runtime's time zone — UTC in cloud functions — cannot move it, and the client's main package gains no library.
 */
const pad = (n: number) => String(n).padStart(2, '0')
const shifted = (instant: Date | string | number) => new Date(new Date(instant).getTime() + 8 * 3600 * 1000)

/** 2026年12月3日 14:30 (Beijing) for an instant; '' for an invalid one. */
export function beijingDateTimeText(instant: Date | string | number): string {
  const d = shifted(instant)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026年12月3日 for a calendar date (YYYY-MM-DD, already a Beijing date). */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** An ISO instant (2026-12-09T16:49:34.916Z) or a calendar date (2026-12-09) as people read it; other text unchanged. */
export function timeLikeText(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return beijingDateTimeText(value) || value
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateText(value)
  return value
}
