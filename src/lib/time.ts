/**
 * The client's time display helpers, in Beijing time whatever the phone's zone. Instants travel as ISO strings with
 * an offset; the form builds them from a Beijing date and time.
 *
 * Plain arithmetic: Asia/Shanghai is a fixed UTC+8 (no daylight saving since 1991), so shifting by eight hours and
 * reading the UTC fields is exact. No date library, so the size-limited main package (the tabs use these) carries
 * none; the screens that do date arithmetic use src/lib/dayjs.ts, in sub-packages.
 */
/** Minutes east of UTC. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const pad = (n: number) => String(n).padStart(2, '0')

/** The Beijing calendar fields of an instant. */
function beijing(instant: string | Date | number) {
  const d = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MINUTES * 60_000)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), weekday: d.getUTCDay(), hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` }
}

/** 2026年11月23日 周一 14:00 */
export function formatDateTime(iso: string): string {
  const b = beijing(iso)
  return `${b.y}年${b.m}月${b.d}日 ${WEEKDAYS[b.weekday]} ${b.hm}`
}

/** 11月23日 (or 2025年11月23日 when not this year) */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const b = beijing(iso)
  return b.y === beijing(now).y ? `${b.m}月${b.d}日` : `${b.y}年${b.m}月${b.d}日`
}

/** A calendar date as the app writes it: 2026-12-03 → 2026年12月3日 (anything else is shown as it is). */
export function formatDay(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd
}

/** Today's date in Beijing, YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  const b = beijing(now)
  return `${b.y}-${pad(b.m)}-${pad(b.d)}`
}

/** Beijing date (YYYY-MM-DD) and time (HH:mm) → ISO 8601 with the +08:00 offset. */
export function shanghaiToIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

export function isUpcoming(iso: string, now: Date = new Date()): boolean {
  return new Date(iso).getTime() >= now.getTime()
}
