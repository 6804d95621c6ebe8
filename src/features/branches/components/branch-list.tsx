/** The committee's branches, searchable by name and paged; choosing one calls `onPick` (the page decides what it means). */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { BranchSummary } from '../../../../types/domain'
import { Button } from '../../../components/button'
import { SearchBox } from '../../../components/search-box'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import { useBranchesStore } from '../store'
import './branch-list.scss'

export function BranchList({ currentId, onPick, searchable }: { currentId?: string | null; onPick(b: BranchSummary): void; searchable?: boolean }) {
  const items = useBranchesStore((s) => s.items)
  const status = useBranchesStore((s) => s.status)
  const error = useBranchesStore((s) => s.error)
  const q = useBranchesStore((s) => s.scope ?? '')
  const nextCursor = useBranchesStore((s) => s.nextCursor)
  const loadingMore = useBranchesStore((s) => s.loadingMore)
  const moreError = useBranchesStore((s) => s.moreError)
  const load = useBranchesStore((s) => s.load)
  const loadMore = useBranchesStore((s) => s.loadMore)
  const [text, setText] = useState(q)

  const search = searchable ? <SearchBox value={text} placeholder='按支部名称搜索' onChange={setText} onSearch={(t) => load(t)} testId='branch-search' /> : null

  let body
  if ((status === 'loading' || status === 'idle') && !items.length) body = <LoadingState />
  else if (status === 'error') body = <ErrorState message={error ?? '加载失败'} onRetry={() => load()} />
  else if (!items.length)
    body = q ? <EmptyState title={`没有名称含“${q}”的支部`} /> : <EmptyState title='还没有支部' hint='党委创建支部后会显示在这里' />
  else
    body = (
      <View className='branch-list__rows'>
        {items.map((b) => (
          <View
            key={b.id}
            className={`branch-list__row ${b.id === currentId ? 'branch-list__row--on' : ''}`}
            onClick={() => onPick(b)}
            {...testId('branch-item')}
          >
            <View className='branch-list__main'>
              <Text className='branch-list__name'>{b.name}</Text>
              {b.societies.length ? <Text className='branch-list__societies'>{b.societies.join('、')}</Text> : null}
            </View>
            <Text className='branch-list__kind'>{b.kind === 'joint_branch' ? '联合党支部' : '党支部'}</Text>
          </View>
        ))}
        {moreError ? <Text className='branch-list__error'>{moreError}</Text> : null}
        {nextCursor ? (
          <View className='branch-list__more'>
            <Button type='plain' loading={loadingMore} onClick={() => loadMore()} {...testId('branch-load-more')}>
              {moreError ? '重试加载更多' : '加载更多'}
            </Button>
          </View>
        ) : null}
      </View>
    )

  return (
    <View className='branch-list'>
      {search}
      {body}
    </View>
  )
}
