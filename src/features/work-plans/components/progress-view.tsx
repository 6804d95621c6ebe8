/** A plan's progress: per point done / late / silent (tap for every branch), and per branch. */
import { Text, View } from '@tarojs/components'
import { ASSIGNMENT_STATUS_LABELS } from '../../../../types/assignment-status'
import { Button } from '../../../components/button'
import { testId } from '../../../lib/test-id'
import { useDrillStore, useProgressStore, type AssignmentRow } from '../store'
import './work-plans.scss'


/**
 * 完成 x/y is green only once everything is done (neutral before, orange while something is late); 逾期 counts
 * what is late and still open and shows only when there is some; a point done after its due date is 逾期完成, not 逾期 0.
 */
function Counts({ total, done, overdue, doneLate = 0, silent }: { total: number; done: number; overdue: number; doneLate?: number; silent: number }) {
  const complete = total > 0 && done === total
  return (
    <View className='progress-counts'>
      <Text className={`progress-counts__done ${complete ? 'progress-counts__done--all' : overdue ? 'progress-counts__done--late' : ''}`} {...testId('progress-done')}>
        完成 {done}/{total}
      </Text>
      {overdue ? <Text className='progress-counts__late'>逾期 {overdue}</Text> : null}
      {doneLate ? <Text className='progress-counts__silent'>逾期完成 {doneLate}</Text> : null}
      {silent ? <Text className='progress-counts__silent'>未汇报 {silent}</Text> : null}
    </View>
  )
}

/** The assignments under an open row: a point's branches, or a branch's points; each opens its page. */
function DrillRows({ empty, label, onOpenAssignment }: { empty: string; label(a: AssignmentRow): string; onOpenAssignment(id: string): void }) {
  const { items: rows, status, error, nextCursor, loadingMore, moreError, loadMore } = useDrillStore()
  return (
    <View className='progress-branches' {...testId('progress-drill')}>
      {status === 'loading' ? <Text className='assign-branches__hint'>正在加载…</Text> : null}
      {status === 'error' ? <Text className='field__error'>{error}</Text> : null}
      {status === 'ready' && !rows.length ? <Text className='assign-branches__hint'>{empty}</Text> : null}
      {rows.map((a) => (
        <View key={a.id} className='progress-branches__row' onClick={() => onOpenAssignment(a.id)} {...testId('progress-drill-row')}>
          <Text className='progress-branches__name'>{label(a)}</Text>
          <Text className={`wp-tag wp-tag--${a.status}`}>{ASSIGNMENT_STATUS_LABELS[a.status]}</Text>
        </View>
      ))}
      {moreError ? <Text className='field__error'>{moreError}</Text> : null}
      {nextCursor ? (
        <Button type='plain' loading={loadingMore} onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}

export function ProgressView({ onOpenAssignment }: { onOpenAssignment(id: string): void }) {
  const progress = useProgressStore((s) => s.progress)
  const drill = useProgressStore((s) => s.drill)
  const toggle = useProgressStore((s) => s.toggle)
  if (!progress) return null
  return (
    <View {...testId('progress-view')}>
      <View className='wp-card'>
        <Text className='wp-card__head'>按要点</Text>
        {progress.points.map((p) => (
          <View key={p.seq} className='progress-row' {...testId('progress-point')}>
            <View onClick={() => void toggle({ kind: 'point', seq: p.seq })}>
              <Text className='progress-row__title'>
                {p.seq}. {p.title}
              </Text>
              <Counts {...p} />
            </View>
            {drill?.kind === 'point' && drill.seq === p.seq ? (
              <DrillRows empty='这条要点还没有下发' label={(a) => a.branchName} onOpenAssignment={onOpenAssignment} />
            ) : null}
          </View>
        ))}
      </View>
      <View className='wp-card'>
        <Text className='wp-card__head'>按支部</Text>
        {progress.branches.length ? null : <Text className='assign-branches__hint'>还没有下发到任何支部</Text>}
        {progress.branches.map((b) => (
          <View key={b.branchId} className='progress-row' {...testId('progress-branch')}>
            <View onClick={() => void toggle({ kind: 'branch', branchId: b.branchId })}>
              <Text className='progress-row__title'>{b.branchName}</Text>
              <Counts {...b} />
            </View>
            {drill?.kind === 'branch' && drill.branchId === b.branchId ? (
              <DrillRows empty='这个支部没有下发的要点' label={(a) => `${a.pointSeq}. ${a.title}`} onOpenAssignment={onOpenAssignment} />
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
