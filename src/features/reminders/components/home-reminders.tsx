/**
 * The home tab's reminders, in the main package (so: tiny, no store, strings the cloud composes): 消息 with the
 * unread badge, and the branch's organisation-life gaps as plain sentences (本季度支部党员大会尚未召开，还剩 12 天),
 * each linking into the inbox sub-package.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { countUnread, getBranchCompliance } from '../api'
import './home-reminders.scss'

const go = (url: string) => void Taro.navigateTo({ url: `/packages/inbox/pages/${url}` })

export function HomeReminders({ branchId }: { branchId: string | null }) {
  const [unread, setUnread] = useState(0)
  const [gaps, setGaps] = useState<string[] | null>(null)
  const shown = useRef(false)
  const load = () => {
    countUnread().then((r) => setUnread(r.count), () => undefined)
    if (branchId) getBranchCompliance(branchId).then((c) => setGaps(c.gaps), () => setGaps(null))
    else setGaps(null)
  }
  useEffect(load, [branchId])
  // Back from the inbox or an editor: counts may have changed (the first show is the effect's).
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
  return (
    <View className='reminders'>
      <View className='reminders__inbox' onClick={() => go('inbox/index')} {...testId('home-inbox')}>
        <Text className='reminders__title'>消息</Text>
        {unread ? (
          <Text className='reminders__badge' {...testId('home-inbox-badge')}>
            {unread > 99 ? '99+' : unread}
          </Text>
        ) : null}
        <Text className='reminders__arrow'>›</Text>
      </View>
      {gaps ? (
        <View className='reminders__life' onClick={() => go(`compliance/index?branchId=${branchId}`)} {...testId('home-compliance')}>
          <Text className='reminders__label'>本期组织生活</Text>
          {gaps.slice(0, 3).map((g) => (
            <Text key={g} className='reminders__gap'>
              {g}
            </Text>
          ))}
          <Text className='reminders__more'>{gaps.length ? '查看各项 ›' : '均已开展 · 查看各项 ›'}</Text>
        </View>
      ) : null}
    </View>
  )
}
