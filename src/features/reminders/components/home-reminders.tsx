/**
 * The home tab's reminders. In the main package, which is at its size limit: so no store, no api module, the
 * home page's own card styles, and only strings the cloud composes — 消息 with the unread badge, and the branch's
 * organisation-life gaps as plain sentences (本季度支部党员大会尚未召开，还剩 12 天). Both lead into the inbox
 * sub-package.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { callApi } from '../../../services/api'
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

export function HomeReminders({ branchId }: { branchId: string | null }) {
  const [unread, setUnread] = useState(0)
  const [gaps, setGaps] = useState<string[] | null>(null)
  const shown = useRef(false)
  const load = () => {
    callApi('inbox.unread', {}).then((r) => setUnread(r.count), () => undefined)
    setGaps(null)
    if (branchId) callApi('compliance.branch', { branchId }).then((c) => setGaps(c.gaps), () => undefined)
  }
  useEffect(load, [branchId])
  // Back from the inbox or an editor the counts may have changed (the first show is the effect's).
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
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
