/**
 * The committee's 意见反馈: 待处理 / 已答复 / 已关闭, a page at a time; an open item is answered (the sender is told)
 * or closed, an answered one closed. docs/feedback.md.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Segments, TextInput } from '../../../components/form'
import { Section } from '../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import type { FeedbackItem, FeedbackStatus } from '../api'
import { FEEDBACK_LIMIT, useCommitteeFeedback } from '../store'
import { FeedbackCard } from './feedback-item'
import './feedback.scss'

const EMPTY: Record<FeedbackStatus, string> = { open: '没有待处理的意见', answered: '没有已答复、待关闭的意见', closed: '还没有关闭的意见' }

function Steps({ item }: { item: FeedbackItem }) {
  const busy = useCommitteeFeedback((s) => s.busyId === item.id)
  const stepError = useCommitteeFeedback((s) => (s.stepError?.id === item.id ? s.stepError.message : null))
  const answer = useCommitteeFeedback((s) => s.answer)
  const close = useCommitteeFeedback((s) => s.close)
  const clearStepError = useCommitteeFeedback((s) => s.clearStepError)
  const [replying, setReplying] = useState(false)
  const [text, setText] = useState('')
  const [closing, setClosing] = useState(false)
  if (item.status === 'closed') return null
  return (
    <View className='feedback__reply'>
      {replying ? (
        <TextInput id='feedback-answer-input' value={text}
          onChange={(v) => {
            setText(v)
            if (stepError) clearStepError()
          }}
          multiline limit={FEEDBACK_LIMIT} placeholder='写给提意见的同志：怎么处理、什么时候办好' />
      ) : null}
      {closing ? <Text className='feedback__meta'>关闭后不能再答复。{item.status === 'open' ? '这条意见还没有答复，' : ''}确定关闭吗？</Text> : null}
      {stepError ? (
        <Text className='field__error' {...testId('feedback-step-error')}>
          {stepError}
        </Text>
      ) : null}
      <View className='feedback__actions'>
        {closing ? (
          <>
            <Button onClick={() => setClosing(false)} disabled={busy}>
              取消
            </Button>
            <Button type='primary' loading={busy} onClick={() => void close(item.id)} {...testId('feedback-close-confirm')}>
              确定关闭
            </Button>
          </>
        ) : replying ? (
          <>
            <Button onClick={() => setReplying(false)} disabled={busy}>
              取消
            </Button>
            <Button type='primary' loading={busy} onClick={() => void answer(item.id, text)} {...testId('feedback-answer-send')}>
              发送答复
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => setClosing(true)} disabled={busy} {...testId('feedback-close')}>
              关闭
            </Button>
            {item.status === 'open' ? (
              <Button type='primary' onClick={() => setReplying(true)} {...testId('feedback-reply')}>
                答复
              </Button>
            ) : null}
          </>
        )}
      </View>
    </View>
  )
}

export function CommitteeFeedback() {
  const [status, setStatus] = useState<FeedbackStatus>('open')
  const q = useCommitteeFeedback()
  useEffect(() => {
    void q.load(status)
  }, [status])
  return (
    <Section title='意见建议'>
      <Segments<FeedbackStatus> id='feedback-status' value={status} onChange={setStatus} options={[{ value: 'open', label: '待处理' }, { value: 'answered', label: '已答复' }, { value: 'closed', label: '已关闭' }]} />
      {q.status === 'loading' && !q.items.length ? <LoadingState /> : null}
      {q.status === 'error' ? <ErrorState message={q.error ?? '加载失败'} onRetry={() => void q.refresh()} /> : null}
      {q.status === 'ready' && !q.items.length ? <EmptyState title={EMPTY[status]} /> : null}
      {q.items.map((item) => (
        <FeedbackCard key={item.id} item={item} from>
          <Steps item={item} />
        </FeedbackCard>
      ))}
      {q.nextCursor ? (
        <Button type='plain' block loading={q.loadingMore} onClick={() => void q.loadMore()}>
          加载更多
        </Button>
      ) : null}
      {q.moreError ? <Text className='field__error'>{q.moreError}</Text> : null}
    </Section>
  )
}
