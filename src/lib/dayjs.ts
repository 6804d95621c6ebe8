/**
 * dayjs for the screens that do date arithmetic (the month calendar, the record editor's draft, 改期, 换届): Chinese
 * locale and Beijing time whatever the phone's zone. Only sub-package code imports it, so the main package carries
 * no date library (its display helpers, src/lib/time.ts, are plain arithmetic).
 *
 * Asia/Shanghai is a fixed UTC+8 (no daylight saving since 1991), so the utc plugin's fixed offset is exact for
 * every date the app handles. The timezone plugin is not used: it needs `Intl.DateTimeFormat` with `timeZone`,
 * which not every mini-program JS engine provides.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'
import { SHANGHAI_OFFSET_MINUTES } from './time'

dayjs.extend(utc)
dayjs.locale('zh-cn')

/** An instant in Beijing time. */
export const inShanghai = (iso: string | Date | number) => dayjs(iso).utcOffset(SHANGHAI_OFFSET_MINUTES)

export { dayjs }
