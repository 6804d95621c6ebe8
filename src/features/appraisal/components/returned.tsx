/**
 * The committee's return of a 民主评议党员 record, as the sheet shows it (docs/appraisal.md 「退回后重新评定」): the
 * comment; for the secretary and the 组织委员 a 重新评定 button while the record is returned (appraisal.reopen, asked
 * once more before it goes); and the history of earlier 确定 results and reopenings.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { formatDateTime } from '../../../lib/time'
import type { AppraisalSheet } from '../api'
import { useAppraisalSheet } from '../store'
import './appraisal.scss'

export function SheetReturn({ sheet }: { sheet: AppraisalSheet }) {
  const busy = useAppraisalSheet((s) => s.busy)
  const error = useAppraisalSheet((s) => (s.sheet?.canWrite ? null : s.saveError))
  const reopen = useAppraisalSheet((s) => s.reopen)
  const [asking, setAsking] = useState(false)
  const returned = sheet.review?.state === 'returned' ? sheet.review : null
  if (!returned && sheet.history.length === 0) return null
  return (
    <Section title={returned ? '党委审核：退回修改' : '评定记录'}>
      {returned ? (
        <View className='appraisal__returned' {...testId('appraisal-returned')}>
          <Text className='appraisal__returned-comment'>审核意见：{returned.comment}</Text>
          <Text className='appraisal__meta'>
            {returned.by}
            {returned.at ? ` 于 ${formatDateTime(returned.at)} 退回` : ''}
          </Text>
          {sheet.state === 'draft' && sheet.canWrite ? <Text className='appraisal__note'>请按审核意见修改等次，保存并确定评议结果后，在记录页面重新提交审核。</Text> : null}
          {sheet.state === 'final' && sheet.canReopen && sheet.history.length ? (
            <Text className='appraisal__note' {...testId('appraisal-refinalized')}>
              评议结果已重新确定，请回到记录页面重新提交审核。
            </Text>
          ) : null}
        </View>
      ) : null}
      {sheet.canReopen ? (
        asking ? (
          <View className='appraisal__confirm' {...testId('appraisal-reopen-confirm-box')}>
            <Text className='appraisal__note'>重新评定后，结果回到“评定中”，党员暂时看不到自己的等次，改好后请再次确定。原来确定的结果会保留在评定记录中。</Text>
            <View className='appraisal__confirm-actions'>
              <Button size='large' disabled={!!busy} onClick={() => setAsking(false)} {...testId('appraisal-reopen-cancel')}>
                取消
              </Button>
              <Button type='primary' size='large' loading={busy === 'reopen'} disabled={!!busy} onClick={() => void reopen().then(() => setAsking(false))} {...testId('appraisal-reopen-confirm')}>
                重新评定
              </Button>
            </View>
          </View>
        ) : (
          <Button type='primary' size='large' block disabled={!!busy} onClick={() => setAsking(true)} {...testId('appraisal-reopen')}>
            重新评定
          </Button>
        )
      ) : null}
      {error ? (
        <Text className='appraisal__error' {...testId('appraisal-reopen-error')}>
          {error}
        </Text>
      ) : null}
      {sheet.history.length ? (
        <View className='appraisal__history' {...testId('appraisal-history')}>
          {sheet.history.map((h, i) => (
            <View key={i} className='appraisal__history-item'>
              <Text className='appraisal__history-what'>{h.note}</Text>
              <Text className='appraisal__meta'>
                {h.by} · {formatDateTime(h.at)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </Section>
  )
}
