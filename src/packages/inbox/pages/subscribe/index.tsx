import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { Section } from '../../../../components/section'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { SubscribeCard } from '../../../../features/reminders/components/subscribe-card'
import '../inbox.scss'

/** 订阅提醒 (from 我的): the quota per reminder kind and the button that asks WeChat (its tap is the one WeChat needs). */
export default function SubscribePage() {
  const session = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const grants = useSessionStore((s) => s.roles)
  const roles = useMemo(() => grants.map((g) => g.role), [grants])

  if (session === 'idle' || session === 'loading') return <LoadingState />
  if (session === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  return (
    <View className='inbox-page'>
      <Section title='订阅提醒'>
        <SubscribeCard roles={roles} />
      </Section>
    </View>
  )
}
