import { Text, View } from '@tarojs/components'
import { APP_VERSION } from '../../config/cloud'
import { ErrorState, LoadingState } from '../../components/states'
import { Section } from '../../components/section'
import { DevIdentityPicker } from '../../features/session/components/dev-identity-picker'
import { RoleList } from '../../features/session/components/role-list'
import { useSessionStore } from '../../features/session/store'
import { useSessionBootstrap } from '../../features/session/use-session'
import './index.scss'

export default function MePage() {
  const status = useSessionBootstrap()
  const name = useSessionStore((s) => s.name)
  const committeeName = useSessionStore((s) => s.committeeName)
  const error = useSessionStore((s) => s.error)
  const load = useSessionStore((s) => s.load)

  return (
    <View className='me'>
      {status === 'idle' || status === 'loading' ? <LoadingState /> : null}
      {status === 'error' ? <ErrorState message={error ?? '加载失败'} onRetry={load} /> : null}
      {status === 'ready' ? (
        <>
          <View className='me__profile'>
            <View className='me__avatar'>{(name ?? '我').slice(-2)}</View>
            <View className='me__who'>
              <Text className='me__name'>{name ?? '未填写姓名'}</Text>
              <Text className='me__committee'>{committeeName ?? '尚未加入组织'}</Text>
            </View>
          </View>
          <Section title='我的职务'>
            <RoleList />
          </Section>
        </>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? <DevIdentityPicker /> : null}
      <Text className='me__version'>支部工作台 v{APP_VERSION}</Text>
    </View>
  )
}
