/**
 * A month grid in Beijing time (weeks start on Monday, as Chinese calendars do): days with sessions carry a dot and
 * a count, today is ringed, a tap selects a day. Pure rendering over `marks` (YYYY-MM-DD → count).
 */
import { Text, View } from '@tarojs/components'
import { dayjs } from '../../../lib/dayjs'
import { todayInShanghai } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import './month-calendar.scss'

const HEAD = ['一', '二', '三', '四', '五', '六', '日']

/** The days shown for a month (YYYY-MM): whole weeks, Monday first; days of the neighbouring months are null. */
export function monthGrid(month: string): (string | null)[] {
  const first = dayjs(`${month}-01`)
  const lead = (first.day() + 6) % 7
  const days = first.daysInMonth()
  const cells: (string | null)[] = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= days; d++) cells.push(first.date(d).format('YYYY-MM-DD'))
  while (cells.length % 7) cells.push(null)
  return cells
}

export const shiftMonth = (month: string, by: number) => dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM')

export function MonthCalendar({
  month,
  marks,
  selected,
  onSelect,
  onMonth,
  now = new Date(),
}: {
  month: string
  marks: Record<string, number>
  selected?: string | null
  onSelect(date: string): void
  onMonth(month: string): void
  now?: Date
}) {
  const today = todayInShanghai(now)
  const [y, m] = month.split('-').map(Number)
  return (
    <View className='month-cal' {...testId('month-calendar')}>
      <View className='month-cal__bar'>
        <Text className='month-cal__nav' onClick={() => onMonth(shiftMonth(month, -1))} {...testId('calendar-prev')}>
          ‹ 上月
        </Text>
        <Text className='month-cal__title' {...testId('calendar-title')}>
          {y}年{m}月
        </Text>
        <Text className='month-cal__nav' onClick={() => onMonth(shiftMonth(month, 1))} {...testId('calendar-next')}>
          下月 ›
        </Text>
      </View>
      <View className='month-cal__grid'>
        {HEAD.map((h) => (
          <Text key={h} className='month-cal__head'>
            {h}
          </Text>
        ))}
        {monthGrid(month).map((d, i) => {
          if (!d) return <View key={`x${i}`} className='month-cal__cell month-cal__cell--blank' />
          const n = marks[d] ?? 0
          const cls = [
            'month-cal__cell',
            d === today ? 'month-cal__cell--today' : '',
            d === selected ? 'month-cal__cell--on' : '',
            n ? 'month-cal__cell--busy' : '',
          ].join(' ')
          return (
            <View key={d} className={cls} onClick={() => onSelect(d)} {...testId(`calendar-day-${d}`)}>
              <Text className='month-cal__day'>{Number(d.slice(8))}</Text>
              {n ? <Text className='month-cal__dot'>{n > 1 ? n : '•'}</Text> : null}
            </View>
          )
        })}
      </View>
    </View>
  )
}
