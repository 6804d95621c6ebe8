/**
 * On opening the inbox: when a reminder that matters to the person has no quota left, a one-line offer to
 * subscribe again; the tap on 订阅 is the one WeChat's sheet needs.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Role } from '../../../../types/domain'
import { Button } from '../../../components/button'
import { testId } from '../../../lib/test-id'
import { needsTopUp, resultText, subscribe, templatesToAsk, useQuota } from '../subscribe-flow'
import './subscribe-nudge.scss'

export function SubscribeNudge({ roles }: { roles: Role[] }) {
  const [quota] = useQuota()
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (note)
    return (
      <Text className='subscribe__nudge-note' {...testId('subscribe-result')}>
        {note}
      </Text>
    )
  if (!quota || !needsTopUp(roles, quota)) return null
  const ask = () => {
    setBusy(true)
    subscribe(templatesToAsk(roles, quota))
      .then(({ results }) => setNote(resultText(results)), (e: Error) => setNote(e?.message || '订阅没有成功，请稍后重试'))
      .finally(() => setBusy(false))
  }
  return (
    <View className='subscribe__nudge' {...testId('subscribe-nudge')}>
      <Text className='subscribe__nudge-text'>订阅微信提醒，到期事项和通知不再错过</Text>
      <Button type='primary' loading={busy} onClick={ask} {...testId('subscribe-nudge-ask')}>
        订阅
      </Button>
    </View>
  )
}
