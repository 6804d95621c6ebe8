/**
 * 订阅提醒 (on 我的): how many reminders each relevant template may still bring, and a button that asks the platform
 * for the ones running out (WeChat's sheet; on H5 the emulated one), records the answers and shows the new quota.
 * In the main package: kept small, no store.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Role } from '../../../../types/domain'
import { Button } from '../../../components/button'
import { testId } from '../../../lib/test-id'
import { quotaText, relevantQuota, resultText, subscribe, templatesToAsk, useQuota } from '../subscribe-flow'
import './subscribe-card.scss'

export function SubscribeCard({ roles }: { roles: Role[] }) {
  const [note, setNote] = useState<string | null>(null)
  const [quota, setQuota] = useQuota(setNote)
  const [busy, setBusy] = useState(false)
  const rows = quota ? relevantQuota(roles, quota) : []
  if (quota && !rows.length) return <Text className='subscribe__note'>你目前没有需要订阅的提醒。</Text>
  const ask = () => {
    const templates = templatesToAsk(roles, quota ?? [])
    if (!templates.length) return
    setBusy(true)
    // subscribe() starts the platform request synchronously, inside this tap.
    subscribe(templates)
      .then(({ results, items }) => {
        if (items) setQuota(items)
        setNote(resultText(results))
      }, (e: Error) => setNote(e?.message || '订阅没有成功，请稍后重试'))
      .finally(() => setBusy(false))
  }
  return (
    <View className='subscribe' {...testId('subscribe-card')}>
      <Text className='subscribe__note'>到期事项、组织生活和党委通知会通过微信提醒你；每订阅一次，可收到一次提醒。</Text>
      {rows.map((q) => (
        <View key={q.kind} className='subscribe__row' {...testId(`quota-${q.kind}`)}>
          <Text>{q.purpose}</Text>
          <Text className={q.remaining ? 'subscribe__left' : 'subscribe__none'}>{quotaText(q)}</Text>
        </View>
      ))}
      <Button type='plain' loading={busy} disabled={!quota} onClick={ask} {...testId('subscribe-ask')}>
        订阅提醒
      </Button>
      {note ? (
        <Text className='subscribe__result' {...testId('subscribe-result')}>
          {note}
        </Text>
      ) : null}
    </View>
  )
}
