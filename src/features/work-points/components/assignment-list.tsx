/** A branch's work points grouped by section: status tag, due date and countdown; tap opens the point. */
import { Text, View } from '@tarojs/components'
import { dateText } from '../../../../types/time-text'
import { testId } from '../../../lib/test-id'
import { STATUS_LABEL, byDeadline, countdownText, groupBySection, type Assignment } from '../logic'
import './assignment-list.scss'

export function StatusTag({ status }: { status: Assignment['status'] }) {
  return <Text className={`wp-tag wp-tag--${status}`}>{STATUS_LABEL[status]}</Text>
}

export function AssignmentList({ items, onPick, byDue }: { items: Assignment[]; onPick(a: Assignment): void; byDue?: boolean }) {
  const groups = byDue ? [{ key: 'due', title: '按截止日期（已完成的在最后）', items: byDeadline(items) }] : groupBySection(items)
  return (
    <View className='wp-list' {...testId('assignment-list')}>
      {groups.map((g) => (
        <View key={g.key} className='wp-list__group'>
          <Text className='wp-list__section'>{g.title}</Text>
          {g.items.map((a) => {
            const countdown = countdownText(a)
            return (
              <View key={a.id} className='wp-item' onClick={() => onPick(a)} {...testId('assignment-item')}>
                <View className='wp-item__head'>
                  <Text className='wp-item__title'>{byDue ? `${a.title}（${a.planTitle}）` : `${a.pointSeq}. ${a.title}`}</Text>
                </View>
                <View className='wp-item__meta'>
                  <StatusTag status={a.status} />
                  <Text className='wp-item__due'>截止 {dateText(a.dueOn)}</Text>
                  {countdown ? <Text className={`wp-item__countdown ${a.daysLeft < 0 ? 'wp-item__countdown--late' : ''}`}>{countdown}</Text> : null}
                </View>
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
