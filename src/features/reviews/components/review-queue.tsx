/** The committee's review queue (records waiting, oldest first, 加载更多) and the year's counts per branch. */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Segments } from '../../../components/form'
import { Section } from '../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import { formatShortDate } from '../../../lib/time'
import { useReviewCounts, useReviewQueue, type QueueState } from '../hooks'
import './review.scss'

type State = QueueState

export function ReviewQueue() {
  const [state, setState] = useState<State>('waiting')
  const q = useReviewQueue()
  useEffect(() => {
    void q.load(state)
  }, [state])
  // Back from a record just approved or returned: the list is read again (the walk saw it stale until a reload).
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void q.refresh()
    shownBefore.current = true
  })
  return (
    <Section title='待审核的记录'>
      <Segments<State> id='review-queue-state' value={state} onChange={setState} options={[{ value: 'waiting', label: '待审核' }, { value: 'returned', label: '已退回' }]} />
      {q.status === 'loading' && !q.items.length ? <LoadingState /> : null}
      {q.status === 'error' ? <ErrorState message={q.error ?? '加载失败'} onRetry={() => void q.refresh()} /> : null}
      {q.status === 'ready' && !q.items.length ? <EmptyState title={state === 'waiting' ? '没有待审核的记录' : '没有退回待修改的记录'} /> : null}
      {q.items.map((i) => (
        <View key={i.activityId} className='review__row' onClick={() => void Taro.navigateTo({ url: `/packages/activities/pages/detail/index?id=${i.activityId}` })} {...testId('review-queue-item')}>
          <Text className='review__row-title'>{i.topic}</Text>
          <Text className='review__meta'>
            {i.branchName} · {i.typeName} · {formatShortDate(i.startAt)}
            {i.state === 'resubmitted' ? ' · 已修改重新提交' : ''}
          </Text>
        </View>
      ))}
      {q.nextCursor ? (
        <Button type='plain' block loading={q.loadingMore} onClick={() => void q.loadMore()}>
          加载更多
        </Button>
      ) : null}
    </Section>
  )
}

export function ReviewCountsView() {
  const { counts, error } = useReviewCounts()
  if (error) return <ErrorState message={error} />
  if (!counts) return null
  return (
    <Section title={`${counts.year}年各支部审核情况`}>
      <Text className='review__meta'>
        合计：待审核 {counts.totals.waiting} · 已退回 {counts.totals.returned} · 已通过 {counts.totals.approved}
      </Text>
      {counts.branches.map((b) => (
        <View key={b.branchId} className='review__counts' {...testId('review-counts-row')}>
          <Text>{b.branchName}</Text>
          <Text>
            待审 {b.waiting} · 退回 {b.returned} · 通过 {b.approved}
          </Text>
        </View>
      ))}
    </Section>
  )
}
