import { useEffect, useMemo } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { InboxList } from '../../../../features/reminders/components/inbox-list'
import { SubscribeNudge } from '../../../../features/reminders/components/subscribe-nudge'
import { useInboxStore } from '../../../../features/reminders/inbox-store'
import { opensElsewhere } from '../../../../features/reminders/labels'
import { openPage } from '../../open-page'
import { testId } from '../../../../lib/test-id'
import '../inbox.scss'

export default function InboxPage() {
  const session = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const grants = useSessionStore((s) => s.roles)
  const roles = useMemo(() => grants.map((g) => g.role), [grants])
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const items = useInboxStore((s) => s.items)
  const status = useInboxStore((s) => s.status)
  const error = useInboxStore((s) => s.error ?? s.moreError)
  const nextCursor = useInboxStore((s) => s.nextCursor)
  const loadingMore = useInboxStore((s) => s.loadingMore)
  const markingAll = useInboxStore((s) => s.markingAll)
  const unread = useInboxStore((s) => s.unread)
  const load = useInboxStore((s) => s.load)
  const loadMore = useInboxStore((s) => s.loadMore)
  const open = useInboxStore((s) => s.open)
  const markAll = useInboxStore((s) => s.markAll)

  useEffect(() => {
    if (session === 'ready') void load()
  }, [session, load])
  useReachBottom(() => void loadMore())
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  if (session === 'idle' || session === 'loading') return <LoadingState />
  if (session === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  return (
    <View className='inbox-page'>
      {isAdmin ? (
        <View className='inbox-page__links'>
          <Text className='inbox-page__link' onClick={() => void Taro.navigateTo({ url: '/packages/inbox/pages/notice/index' })} {...testId('inbox-open-notice')}>
            发布通知 ›
          </Text>
          <Text className='inbox-page__link' onClick={() => void Taro.navigateTo({ url: '/packages/inbox/pages/overview/index' })} {...testId('open-overview')}>
            各支部组织生活 ›
          </Text>
        </View>
      ) : null}
      <SubscribeNudge roles={roles} />
      <InboxList
        items={items}
        status={status}
        error={error}
        hasMore={!!nextCursor}
        loadingMore={loadingMore}
        unread={unread}
        markingAll={markingAll}
        onOpen={(item) => {
          // Marked read first (open never throws), so the count is right on the page we go back to.
          void open(item).then(() => opensElsewhere(item.page) && openPage(item.page))
        }}
        onMarkAll={() => void markAll()}
        onMore={() => void loadMore()}
        onRetry={() => void load()}
      />
    </View>
  )
}
