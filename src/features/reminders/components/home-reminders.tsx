/**
 * The home tab's reminders. In the main package, which is at its size limit: so no store, no api module, the
 * home page's own card styles, and only strings the cloud composes — 消息 with the unread badge, and the branch's
 * organisation-life gaps as plain sentences (本季度支部党员大会尚未召开，还剩 12 天). Both lead into the inbox
 * sub-package.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { callApi } from '../../../services/api'
import { testId } from '../../../lib/test-id'
import './home-reminders.scss'

const go = (url: string) => void Taro.navigateTo({ url: `/packages/inbox/pages/${url}` })

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
      <View className='home__card' onClick={() => go('inbox/index')} {...testId('home-inbox')}>
        <View className='home__card-main'>
          <Text className='home__card-title'>
            消息
            {unread ? (
              <Text className='home__badge' {...testId('home-inbox-badge')}>
                {unread > 99 ? '99+' : unread}
              </Text>
            ) : null}
          </Text>
        </View>
        <Text className='home__card-arrow'>›</Text>
      </View>
      {gaps ? (
        <View className='home__card' onClick={() => go(`compliance/index?branchId=${branchId}`)} {...testId('home-compliance')}>
          <View className='home__card-main'>
            <Text className='home__card-title'>本期组织生活</Text>
            {(gaps.length ? gaps.slice(0, 3) : ['各项均已开展']).map((g) => (
              <Text key={g} className='home__card-hint'>
                {g}
              </Text>
            ))}
          </View>
          <Text className='home__card-arrow'>›</Text>
        </View>
      ) : null}
    </>
  )
}
