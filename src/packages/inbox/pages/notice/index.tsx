import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { NoticeComposer } from '../../../../features/reminders/components/notice-composer'
import { useNoticeStore } from '../../../../features/reminders/notice-store'
import '../inbox.scss'

export default function NoticePage() {
  const session = useSessionBootstrap()
  const sessionError = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const reset = useNoticeStore((s) => s.reset)
  // A fresh draft each time the composer opens.
  useEffect(() => reset, [reset])

  if (session === 'idle' || session === 'loading') return <LoadingState />
  if (session === 'error') return <ErrorState message={sessionError ?? '加载失败'} onRetry={loadSession} />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以发布通知' />
  return (
    <View className='inbox-page'>
      <NoticeComposer />
    </View>
  )
}
