/**
 * The inbox: newest first, unread ones marked (red dot, bold title), a tap opens the item (and marks it read),
 * 全部已读 when anything is unread, cursor paging with 加载更多, and the loading / empty / error states.
 */
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { kindLabel, opensElsewhere } from '../labels'
import type { InboxItem } from '../inbox-store'
import './inbox-list.scss'

export interface InboxListProps {
  items: InboxItem[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  hasMore: boolean
  loadingMore: boolean
  /** Unread items in this list. */
  unread: number
  onOpen(item: InboxItem): void
  onMarkAll(): void
  onMore(): void
  onRetry(): void
  markingAll?: boolean
}

export function InboxList({ items, status, error, hasMore, loadingMore, unread, onOpen, onMarkAll, onMore, onRetry, markingAll }: InboxListProps) {
  if ((status === 'idle' || status === 'loading') && !items.length) return <LoadingState />
  if (status === 'error' && !items.length) return <ErrorState message={error ?? '加载失败'} onRetry={onRetry} />
  if (!items.length) return <EmptyState title='暂无消息' hint='到期提醒、组织生活提醒和党委通知都会出现在这里' />
  return (
    <View className='inbox' {...testId('inbox-list')}>
      <View className='inbox__bar'>
        <Text className='inbox__count' {...testId('inbox-unread-count')}>
          {unread ? `${unread} 条未读` : '全部已读'}
        </Text>
        {unread ? (
          <Button type='plain' loading={markingAll} onClick={onMarkAll} {...testId('inbox-mark-all')}>
            全部已读
          </Button>
        ) : null}
      </View>
      {items.map((item) => (
        <View
          key={item.id}
          className={`inbox__item ${item.read ? '' : 'inbox__item--unread'}`}
          onClick={() => onOpen(item)}
          {...testId(item.read ? 'inbox-item' : 'inbox-item-unread')}
        >
          <View className='inbox__head'>
            {item.read ? null : <View className='inbox__dot' />}
            <Text className='inbox__kind'>{kindLabel(item.kind)}</Text>
            <Text className='inbox__time'>{formatDateTime(item.createdAt)}</Text>
          </View>
          <Text className='inbox__title'>{item.title}</Text>
          {item.body ? <Text className='inbox__body'>{item.body}</Text> : null}
          {opensElsewhere(item.page) ? <Text className='inbox__open'>查看 ›</Text> : null}
        </View>
      ))}
      {error ? <Text className='inbox__error'>{error}</Text> : null}
      <View className='inbox__foot'>
        {hasMore ? (
          <Button type='plain' loading={loadingMore} onClick={onMore} {...testId('inbox-load-more')}>
            加载更多
          </Button>
        ) : (
          <Text className='inbox__end'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
