/**
 * Small charts drawn with styled Views: they render the same in the mini-program and in the browser, weigh a
 * few hundred bytes, and stay readable at phone width (a canvas chart library would add hundreds of KB to the
 * sub-package and needs a separate build path per platform).
 */
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']

/** 0 → empty, then four shades up to the maximum. */
export const heatLevel = (n: number, max: number) => (n <= 0 || max <= 0 ? 0 : Math.min(4, Math.ceil((4 * n) / max)))

export function Heatmap({ rows, max, onPick }: { rows: { branchId: string; name: string; months: number[]; total: number }[]; max: number; onPick?: (id: string) => void }) {
  return (
    <View className='heat' {...testId('heatmap')}>
      <View className='heat__row heat__row--head'>
        <Text className='heat__name'>支部</Text>
        {MONTHS.map((m) => (
          <Text key={m} className='heat__cell heat__cell--head'>
            {m}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.branchId} className='heat__row' onClick={() => onPick?.(r.branchId)}>
          <Text className='heat__name'>{r.name}</Text>
          {r.months.map((n, i) => (
            <View key={i} className={`heat__cell heat__cell--l${heatLevel(n, max)}`}>
              {n ? <Text className='heat__num'>{n}</Text> : null}
            </View>
          ))}
        </View>
      ))}
      <View className='heat__legend'>
        <Text className='heat__legend-text'>少</Text>
        {[0, 1, 2, 3, 4].map((l) => (
          <View key={l} className={`heat__cell heat__cell--l${l} heat__legend-cell`} />
        ))}
        <Text className='heat__legend-text'>多（每格为当月已记录的组织生活次数）</Text>
      </View>
    </View>
  )
}

/** A labelled horizontal bar, value as a share of 100. */
export function Bar({ label, value, note, tone = 'ok' }: { label: string; value: number; note: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <View className='bar'>
      <View className='bar__top'>
        <Text className='bar__label'>{label}</Text>
        <Text className='bar__note'>{note}</Text>
      </View>
      <View className='bar__track'>
        <View className={`bar__fill bar__fill--${tone}`} style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </View>
    </View>
  )
}

/** Twelve small columns, one per month. */
export function MonthColumns({ months }: { months: number[] }) {
  const max = Math.max(1, ...months)
  return (
    <View className='cols'>
      {months.map((n, i) => (
        <View key={i} className='cols__col'>
          <Text className='cols__num'>{n || ''}</Text>
          <View className='cols__track'>
            <View className='cols__fill' style={{ height: `${Math.round((100 * n) / max)}%` }} />
          </View>
          <Text className='cols__label'>{i + 1}月</Text>
        </View>
      ))}
    </View>
  )
}

export const scoreTone = (score: number | null): 'ok' | 'warn' | 'bad' => (score === null ? 'warn' : score >= 80 ? 'ok' : score >= 60 ? 'warn' : 'bad')
