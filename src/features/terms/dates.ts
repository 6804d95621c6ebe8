/** Calendar dates (YYYY-MM-DD) of the 换届 forms: `n` months later, a day the month lacks being its last (as the cloud counts). */
import { dayjs } from '../../lib/dayjs'

export const addMonthsText = (date: string, n: number) => dayjs(date, 'YYYY-MM-DD').add(n, 'month').format('YYYY-MM-DD')
