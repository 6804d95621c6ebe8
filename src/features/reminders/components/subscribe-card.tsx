/**
 * 订阅消息: on weapp a button that asks WeChat for the one-time templates (must run inside the tap); on H5 a note
 * that subscription messages exist only in WeChat.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { configuredTemplateIds } from '../../../config/subscriptions'
import { testId } from '../../../lib/test-id'
import './subscribe-card.scss'

export function SubscribeCard() {
  const [note, setNote] = useState<string | null>(null)
  if (process.env.TARO_ENV !== 'weapp')
    return (
      <Text className='subscribe__note' {...testId('subscribe-h5-note')}>
        活动和待办提醒通过微信“订阅消息”发送，只能在微信小程序里订阅；网页版不发送提醒。
      </Text>
    )
  const ask = () => {
    const tmplIds = configuredTemplateIds()
    if (!tmplIds.length) {
      setNote('提醒模板尚未配置，请联系管理员')
      return
    }
    // Called synchronously in the tap: WeChat refuses requests that are not a direct result of one.
    Taro.requestSubscribeMessage({
      tmplIds,
      success: (res: Record<string, string>) => {
        const accepted = tmplIds.filter((id) => res[id] === 'accept').length
        setNote(accepted ? `已订阅 ${accepted} 类提醒，每次订阅可收到一次通知` : '没有订阅任何提醒')
      },
      fail: () => setNote('订阅没有成功，可在“设置 → 通知管理”中打开订阅消息后再试'),
    } as unknown as Taro.requestSubscribeMessage.Option)
  }
  return (
    <View className='subscribe'>
      <Text className='subscribe__note'>订阅后，支部活动和待办到期前会通过微信提醒你（每次订阅提醒一次）。</Text>
      <Button type='plain' onClick={ask}>
        订阅提醒
      </Button>
      {note ? <Text className='subscribe__result'>{note}</Text> : null}
    </View>
  )
}
