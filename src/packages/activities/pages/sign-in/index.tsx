/**
 * What a sign-in code opens (SIGN_IN_PAGE in types/actions/activities.ts): the wxacode's `scene` is the activity
 * id. Opening it is the member's intent to sign in, so the page signs them in at once and says how it went.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { formatDateTime } from '../../../../lib/time'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { useDetailStore, type CodeSignIn } from '../../../../features/activities/detail-store'
import { sceneOf } from '../../../../features/activities/scene'
import '../activities.scss'

const DETAIL_PAGE = '/packages/activities/pages/detail/index'


export default function SignInPage() {
  const params = useRouter().params
  const id = sceneOf(params.scene ?? params.id ?? '')
  const status = useSessionBootstrap()
  const loadSession = useSessionStore((s) => s.load)
  const [result, setResult] = useState<CodeSignIn | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (status !== 'ready' || !id) return
    setResult(null)
    void useDetailStore.getState().signInByCode(id).then(setResult)
  }, [status, id, attempt])

  if (!id) return <ErrorState message='这不是有效的活动签到码，请重新扫码' />
  if (status === 'idle' || status === 'loading') return <LoadingState text='正在签到…' />
  if (status === 'error') return <ErrorState message='无法确认您的身份，请重试' onRetry={loadSession} />
  if (!result) return <LoadingState text='正在签到…' />

  return (
    <View className='act-page' {...testId('sign-in-page')}>
      <View className='act-page__card'>
        {result.ok ? (
          <>
            <Text className='act-page__big' {...testId('sign-in-result')}>
              {result.already ? '您已签到' : '签到成功'}
            </Text>
            <Text className='act-page__text'>
              {result.name}，您已签到“{result.topic}”
            </Text>
            <Text className='act-page__text'>签到时间：{formatDateTime(result.at)}</Text>
            {/* The session was recorded before this sign-in: the secretary confirms the attendance. */}
            {result.awaiting ? <Text className='act-page__text'>本次活动已记录，您的出席待书记确认</Text> : null}
          </>
        ) : (
          <>
            <Text className='act-page__big' {...testId('sign-in-result')}>
              签到未成功
            </Text>
            <Text className='act-page__text' {...testId('sign-in-error')}>
              {result.message}
            </Text>
            <Button type='primary' size='large' block onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          </>
        )}
        <Button type='plain' size='large' block onClick={() => Taro.redirectTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(id)}` })} {...testId('sign-in-open')}>
          查看活动
        </Button>
      </View>
    </View>
  )
}
