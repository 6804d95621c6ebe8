/**
 * 政治生日 greetings on or off, a setting of the branch: shown on the branch's management page (支部管理 → 支部设置),
 * where the secretary keeps the branch's other settings, not among the 换届's records. Same action as before
 * (terms.setGreetings); shown to those terms.get says may change it (the secretary, the committee).
 */
import { Switch, Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { useGreetings } from '../hooks'
import './greetings-setting.scss'

export function GreetingsSetting({ branchId }: { branchId: string }) {
  const g = useGreetings(branchId)
  if (g.on === null && !g.error) return null
  if (!g.mayChange && g.on !== null) return null
  return (
    <Section title='支部设置'>
      <View className='greetings-setting' {...testId('branch-greetings')}>
        <View className='greetings-setting__row'>
          <View className='greetings-setting__text'>
            <Text className='greetings-setting__title'>政治生日祝福</Text>
            <Text className='greetings-setting__hint'>党员入党纪念日当天，在消息中向本人送上祝福，并提醒书记</Text>
          </View>
          {g.on !== null ? <Switch checked={g.on} disabled={g.busy} color='#c8161d' onChange={(e) => void g.toggle(e.detail.value)} {...testId('term-greetings')} /> : null}
        </View>
        {g.error ? (
          <Text className='greetings-setting__error' {...testId('greetings-error')}>
            {g.error}
          </Text>
        ) : null}
      </View>
    </Section>
  )
}
