/**
 * 我的 → 意见反馈: write a suggestion or a complaint to the committee (the text stays when a send fails), and read
 * one's own with the committee's answers and states. docs/feedback.md.
 */
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { Section } from '../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import type { FeedbackKind } from '../api'
import { FEEDBACK_LIMIT, useMyFeedback } from '../store'
import { FeedbackCard } from './feedback-item'
import './feedback.scss'

/** `branchId`/`branchName`: the user's current branch, which the item may be about. */
export function FeedbackForm({ branchId, branchName }: { branchId: string | null; branchName: string | null }) {
  const draft = useMyFeedback((s) => s.draft)
  const sending = useMyFeedback((s) => s.sending)
  const sendError = useMyFeedback((s) => s.sendError)
  const sentId = useMyFeedback((s) => s.sentId)
  const edit = useMyFeedback((s) => s.edit)
  const send = useMyFeedback((s) => s.send)
  return (
    <Section title='向党委提意见'>
      <Text className='feedback__intro'>对支部工作、党委工作或这个小程序有建议或投诉，都可以写在这里。党委会逐条答复，答复后在这里和消息里都能看到。</Text>
      <Field label='类型'>
        <Segments<FeedbackKind> id='feedback-kind' value={draft.kind} onChange={(kind) => edit({ kind })} options={[{ value: 'suggestion', label: '建议' }, { value: 'complaint', label: '投诉' }]} />
      </Field>
      <Field label='内容' error={sendError} errorId='feedback-error'>
        <TextInput id='feedback-body' value={draft.body} onChange={(body) => edit({ body })} multiline limit={FEEDBACK_LIMIT} placeholder={draft.kind === 'complaint' ? '请写明投诉的事情、时间和经过' : '请写下你的建议，说清楚是什么事、希望怎么改'} />
      </Field>
      {branchId && branchName ? (
        <View className='feedback__toggle' onClick={() => edit({ aboutBranch: !draft.aboutBranch })} {...testId('feedback-about-branch')}>
          <Text className={`feedback__box ${draft.aboutBranch ? 'feedback__box--on' : ''}`}>{draft.aboutBranch ? '✓' : ''}</Text>
          <Text>与{branchName}有关</Text>
        </View>
      ) : null}
      <Button type='primary' block size='large' loading={sending} onClick={() => void send(branchId)} {...testId('feedback-send')}>
        发送给党委
      </Button>
      {sentId && !sendError ? (
        <Text className='feedback__sent' {...testId('feedback-sent')}>
          已发送，党委答复后会通知你。
        </Text>
      ) : null}
    </Section>
  )
}

export function MyFeedbackList() {
  const { items, status, error, load } = useMyFeedback()
  useEffect(() => {
    void load()
  }, [])
  return (
    <Section title='我提的意见'>
      {status === 'loading' && !items.length ? <LoadingState /> : null}
      {status === 'error' ? <ErrorState message={error ?? '加载失败'} onRetry={() => void load()} /> : null}
      {status === 'ready' && !items.length ? <EmptyState title='还没有提过意见' hint='发送后会出现在这里，并显示党委的答复' /> : null}
      {items.map((item) => (
        <FeedbackCard key={item.id} item={item} />
      ))}
    </Section>
  )
}
