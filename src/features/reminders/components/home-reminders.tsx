/**
 * The home tab's reminders. In the main package, which is at its size limit: so no store, no api module, the
 * home page's own card styles, and only strings the cloud composes — 消息 with the unread badge, and the branch's
 * organisation-life gaps as plain sentences (本季度支部党员大会尚未召开，还剩 12 天). Both lead into the inbox
 * sub-package.
 */
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useHomeReminders } from '../use-home-reminders'
import { testId } from '../../../lib/test-id'
import './home-reminders.scss'

const go = (url: string) => () => void Taro.navigateTo({ url: `/packages/inbox/pages/${url}` })

/** One of the home page's own cards (its styles, so no new CSS in the main package). */
const Card = ({ to, id, children }: { to: string; id: string; children: ReactNode }) => (
  <View className='home__card' onClick={go(to)} {...testId(id)}>
    <View className='home__card-main'>{children}</View>
    <Text className='home__card-arrow'>›</Text>
  </View>
)

/**
 * `manages`: the secretary or the committee. Anyone else sees no 支委会 gap: a member cannot hold a 支委会, so
 * 「本月支委会尚未召开」 is no sentence for them.
 */
export function HomeReminders({ branchId, manages }: { branchId: string | null; manages: boolean }) {
  const { unread, gaps } = useHomeReminders(branchId, manages)
  return (
    <>
      <Card to='inbox/index' id='home-inbox'>
        <Text className='home__card-title'>
          消息
          {unread ? (
            <Text className='home__badge' {...testId('home-inbox-badge')}>
              {unread}
            </Text>
          ) : null}
        </Text>
      </Card>
      {gaps ? (
        <Card to={`compliance/index?branchId=${branchId}`} id='home-compliance'>
          <Text className='home__card-title'>本期组织生活</Text>
          {(gaps.length ? gaps.slice(0, 3) : ['各项均已开展']).map((g) => (
            <Text key={g} className='home__card-hint'>
              {g}
            </Text>
          ))}
        </Card>
      ) : null}
    </>
  )
}
