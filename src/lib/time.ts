/**
 * dayjs set up once for the client: Chinese locale, and every display in Asia/Shanghai whatever the phone's zone.
 * Instants travel as ISO strings with an offset; the form builds them from a Beijing date and time.
 *
 * Asia/Shanghai is a fixed UTC+8 (no daylight saving since 1991), so the utc plugin's fixed offset is exact for
 * every date the app handles. The timezone plugin is not used: it needs `Intl.DateTimeFormat` with `timeZone`,
 * which not every mini-program JS engine provides, and it would add about 2 KB to the size-limited main package.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

export const ZONE = 'Asia/Shanghai'
/** Minutes east of UTC. */
const SHANGHAI_OFFSET = 8 * 60
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** An instant in Beijing time. */
export const inShanghai = (iso: string | Date | number) => dayjs(iso).utcOffset(SHANGHAI_OFFSET)

/** 2026年11月23日 周一 14:00 */
export function formatDateTime(iso: string): string {
  const d = inShanghai(iso)
  return `${d.format('YYYY年M月D日')} ${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`
}

/** 11月23日 (or 2025年11月23日 when not this year) */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const d = inShanghai(iso)
  return d.year() === inShanghai(now).year() ? d.format('M月D日') : d.format('YYYY年M月D日')
}

/** Today's date in Beijing, YYYY-MM-DD. */
export const todayInShanghai = (now: Date = new Date()) => inShanghai(now).format('YYYY-MM-DD')

/** Beijing date (YYYY-MM-DD) and time (HH:mm) → ISO 8601 with the +08:00 offset. */
export function shanghaiToIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

export function isUpcoming(iso: string, now: Date = new Date()): boolean {
  return dayjs(iso).valueOf() >= now.valueOf()
}

export { dayjs }
