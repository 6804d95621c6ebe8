/** The committee's plans, newest first: status, 文号, point count; actions per status. */
import { Text, View } from '@tarojs/components'
import { formatShortDate } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import type { PlanSummary } from '../logic'
import './work-plans.scss'

export function PlanList({ items, onOpen, onAssign, onProgress }: { items: PlanSummary[]; onOpen(p: PlanSummary): void; onAssign(p: PlanSummary): void; onProgress(p: PlanSummary): void }) {
  return (
    <View className='plan-list' {...testId('plan-list')}>
      {items.map((p) => (
        <View key={p.id} className='plan-item' {...testId('plan-item')}>
          <View onClick={() => onOpen(p)}>
            <View className='plan-item__line'>
              <Text className={`plan-item__status plan-item__status--${p.status}`}>{p.status === 'published' ? '已发布' : '草稿'}</Text>
              <Text className='plan-item__year'>{p.year} 年度 · {p.pointCount} 条要点</Text>
            </View>
            <Text className='plan-item__title'>{p.title}</Text>
            <Text className='plan-item__meta'>
              {p.docNumber ? `${p.docNumber} · ` : ''}
              {p.publishedAt ? `发布于 ${formatShortDate(p.publishedAt)}` : `创建于 ${formatShortDate(p.createdAt)}`}
            </Text>
          </View>
          {p.status === 'published' ? (
            <View className='plan-item__actions'>
              <Text className='plan-item__action' onClick={() => onAssign(p)} {...testId('plan-assign')}>
                下发到支部
              </Text>
              <Text className='plan-item__action' onClick={() => onProgress(p)} {...testId('plan-progress')}>
                查看进展
              </Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
