/** The committee's branches; choosing one calls `onPick` (the page decides what choosing means). */
import { Text, View } from '@tarojs/components'
import type { BranchSummary } from '../../../../types/domain'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import { useBranchesStore } from '../store'
import './branch-list.scss'

export function BranchList({ currentId, onPick }: { currentId?: string | null; onPick(b: BranchSummary): void }) {
  const items = useBranchesStore((s) => s.items)
  const status = useBranchesStore((s) => s.status)
  const error = useBranchesStore((s) => s.error)
  const load = useBranchesStore((s) => s.load)

  if ((status === 'loading' || status === 'idle') && !items.length) return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={load} />
  if (!items.length) return <EmptyState title='还没有支部' hint='党委创建支部后会显示在这里' />
  return (
    <View className='branch-list'>
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
    </View>
  )
}
