/**
 * 审核 on a recorded session's page: its state and the committee's comment for everyone of the branch; 通过 /
 * 退回修改 (with a comment) for the committee; 重新提交 for the branch once the returned record was corrected.
 */
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { TextInput } from '../../../components/form'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import type { Review } from '../api'
import { useReview } from '../hooks'
import './review.scss'

const STATE_TEXT: Record<Review['state'], string> = { waiting: '待党委审核', returned: '党委退回修改', resubmitted: '已修改，待党委审核', approved: '党委审核通过' }

export function ReviewPanel({ activityId, onChanged }: { activityId: string; onChanged?(): void }) {
  const { review, busy, error, reload, approve, giveBack, resubmit } = useReview(activityId)
  const [comment, setComment] = useState('')
  const [returning, setReturning] = useState(false)
  // Back from 修改: the record may now be resubmitted.
  useDidShow(() => {
    if (review) void reload()
  })
  const act = async (done: Promise<boolean>) => {
    if (!(await done)) return
    setReturning(false)
    setComment('')
    onChanged?.()
  }

  if (!review) return error ? <Text className='review__error'>审核信息加载失败：{error}</Text> : null
  return (
    <Section title='党委审核'>
      <View className={`review__state review__state--${review.state}`} {...testId('review-state')}>
        <Text className='review__state-text'>{STATE_TEXT[review.state]}</Text>
        {review.by && review.state !== 'waiting' ? <Text className='review__meta'>{review.by}</Text> : null}
      </View>
      {review.comment && (review.state === 'returned' || review.state === 'resubmitted') ? (
        <Text className='review__comment' {...testId('review-comment')}>
          审核意见：{review.comment}
        </Text>
      ) : null}
      {review.resubmitHint ? <Text className='review__meta'>{review.resubmitHint}</Text> : null}
      {review.canResubmit ? (
        <Button type='primary' block loading={busy} onClick={() => act(resubmit('已按审核意见修改'))} {...testId('review-resubmit')}>
          已修改，重新提交审核
        </Button>
      ) : null}
      {review.canDecide && review.state !== 'approved' ? (
        returning ? (
          <View className='review__return'>
            <TextInput id='review-comment-input' value={comment} onChange={setComment} multiline limit={300} placeholder='请写明需要修改的地方' />
            <View className='review__actions'>
              <Button onClick={() => setReturning(false)} disabled={busy}>
                取消
              </Button>
              <Button type='primary' loading={busy} onClick={() => act(giveBack(review.version, comment))} {...testId('review-return-confirm')}>
                退回修改
              </Button>
            </View>
          </View>
        ) : (
          <View className='review__actions'>
            <Button onClick={() => setReturning(true)} disabled={busy} {...testId('review-return')}>
              退回修改
            </Button>
            <Button type='primary' loading={busy} onClick={() => act(approve(review.version))} {...testId('review-approve')}>
              审核通过
            </Button>
          </View>
        )
      ) : null}
      {error ? <Text className='field__error'>{error}</Text> : null}
    </Section>
  )
}
