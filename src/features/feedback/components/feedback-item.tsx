/** One suggestion or complaint as both sides see it: its kind and state, when, the text, and the committee's answer. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { formatShortDate } from '../../../lib/time'
import type { FeedbackItem } from '../api'
import './feedback.scss'

export const KIND_TEXT: Record<FeedbackItem['kind'], string> = { suggestion: '建议', complaint: '投诉' }
export const STATUS_TEXT: Record<FeedbackItem['status'], string> = { open: '待处理', answered: '已答复', closed: '已关闭' }

export function FeedbackCard({ item, from, children }: { item: FeedbackItem; from?: boolean; children?: ReactNode }) {
  return (
    <View className='feedback__item' {...testId('feedback-item')}>
      <View className='feedback__head'>
        <Text className={`feedback__tag feedback__tag--${item.kind}`}>{KIND_TEXT[item.kind]}</Text>
        <Text className={`feedback__tag feedback__tag--${item.status}`} {...testId('feedback-status')}>
          {STATUS_TEXT[item.status]}
        </Text>
        <Text className='feedback__date'>{formatShortDate(item.createdAt)}</Text>
      </View>
      {from ? <Text className='feedback__meta'>{item.branchName ? `${item.fromName} · ${item.branchName}` : item.fromName}</Text> : item.branchName ? <Text className='feedback__meta'>关于{item.branchName}</Text> : null}
      <Text className='feedback__body'>{item.body}</Text>
      {item.answer ? (
        <View className='feedback__answer' {...testId('feedback-answer')}>
          <Text className='feedback__meta'>
            党委答复{item.answeredBy ? ` · ${item.answeredBy}` : ''}
            {item.answeredAt ? ` · ${formatShortDate(item.answeredAt)}` : ''}
          </Text>
          <Text className='feedback__answer-text'>{item.answer}</Text>
        </View>
      ) : item.status === 'closed' ? (
        <Text className='feedback__meta'>党委已关闭，未另行答复</Text>
      ) : !from ? (
        <Text className='feedback__meta'>党委还没有答复，答复后会通知你</Text>
      ) : null}
      {children}
    </View>
  )
}
