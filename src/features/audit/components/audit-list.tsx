/** Who changed what, when: the summary, then each changed field as before → after. */
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { describeChanges, readableSummary } from '../describe'
import { useAuditStore, type AuditEntry } from '../store'
import './audit-list.scss'

export function AuditList() {
  const items = useAuditStore((s) => s.items)
  const status = useAuditStore((s) => s.status)
  const error = useAuditStore((s) => s.error)
  const nextCursor = useAuditStore((s) => s.nextCursor)
  const loadingMore = useAuditStore((s) => s.loadingMore)
  const moreError = useAuditStore((s) => s.moreError)
  const refresh = useAuditStore((s) => s.refresh)
  const loadMore = useAuditStore((s) => s.loadMore)

  if ((status === 'loading' || status === 'idle') && !items.length) return <LoadingState />
  if (status === 'error' && !items.length) return <ErrorState message={error ?? '加载失败'} onRetry={() => void refresh()} />
  if (!items.length) return <EmptyState title='还没有变更记录' hint='支部信息、名册和职务的每次变更都会记在这里' />
  return (
    <View className='audit' {...testId('audit-list')}>
      {items.map((e) => (
        <Entry key={e.id} e={e} />
      ))}
      <View className='audit__foot'>
        {moreError ? <Text className='audit__end'>{moreError}</Text> : null}
        {nextCursor ? (
          <Button type='plain' loading={loadingMore} onClick={() => loadMore()} {...testId('audit-load-more')}>
            加载更多
          </Button>
        ) : (
          <Text className='audit__end'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}

function Entry({ e }: { e: AuditEntry }) {
  const changes = describeChanges(e.before, e.after)
  return (
    <View className='audit__entry' {...testId('audit-item')}>
      <Text className='audit__summary'>{readableSummary(e.summary)}</Text>
      <Text className='audit__who'>
        {e.actor.name || '系统'} · {formatDateTime(e.at)}
      </Text>
      {changes.slice(0, 8).map((c) => (
        <View key={c.field} className='audit__change'>
          <Text className='audit__field'>{c.label}</Text>
          <Text className='audit__before'>{c.before}</Text>
          <Text className='audit__arrow'>→</Text>
          <Text className='audit__after'>{c.after}</Text>
        </View>
      ))}
    </View>
  )
}
