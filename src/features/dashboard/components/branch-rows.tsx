/** The committee's list of branches: score, overdue assignments, last activity; tap for the branch in detail. */
import { Text, View } from '@tarojs/components'
import { dateText } from '../../../../types/time-text'
import { testId } from '../../../lib/test-id'
import type { Overview } from '../store'

export function BranchRows({ items, onPick }: { items: Overview['items']; onPick: (id: string) => void }) {
  return (
    <View className='rows'>
      {items.map((r) => (
        <View key={r.branchId} className='rows__item' onClick={() => onPick(r.branchId)} {...testId('dashboard-branch')}>
          <View className={`rows__score rows__score--${scoreTone(r.score)}`}>
            <Text className='rows__score-num'>{r.score ?? '—'}</Text>
            <Text className='rows__score-unit'>得分</Text>
          </View>
          <View className='rows__main'>
            <Text className='rows__name'>{r.name}</Text>
            <View className='rows__meta'>
              {r.overdue > 0 ? <Text className='rows__tag rows__tag--bad'>逾期 {r.overdue}</Text> : <Text className='rows__tag'>无逾期</Text>}
              <Text className='rows__tag'>任务 {r.done}/{r.assignments}</Text>
              {r.silent ? <Text className='rows__tag rows__tag--warn'>久未活动</Text> : null}
            </View>
            <Text className='rows__last'>{r.lastActivityOn ? `最近活动 ${dateText(r.lastActivityOn)} · 本年 ${r.recorded} 次` : '本年尚无活动记录'}</Text>
          </View>
          <Text className='rows__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}

/** Score colour: green from 80, amber from 60, red below; amber when not yet scored. */
export const scoreTone = (score: number | null): 'ok' | 'warn' | 'bad' => (score === null ? 'warn' : score >= 80 ? 'ok' : score >= 60 ? 'warn' : 'bad')
