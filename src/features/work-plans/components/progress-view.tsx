/** A plan's progress: per point done / late / silent (tap for every branch), and per branch. */
import { Text, View } from '@tarojs/components'
import { testId } from '../../../lib/test-id'
import { useProgressStore, type AssignmentRow } from '../store'
import './work-plans.scss'

const STATUS_LABEL: Record<AssignmentRow['status'], string> = { not_started: '未开始', in_progress: '进行中', done: '已完成', overdue: '已逾期' }

function Counts({ total, done, overdue, silent }: { total: number; done: number; overdue: number; silent: number }) {
  return (
    <View className='progress-counts'>
      <Text className='progress-counts__done'>完成 {done}/{total}</Text>
      <Text className={overdue ? 'progress-counts__late' : 'progress-counts__zero'}>逾期 {overdue}</Text>
      <Text className={silent ? 'progress-counts__silent' : 'progress-counts__zero'}>未汇报 {silent}</Text>
    </View>
  )
}

/** The assignments under an open row: a point's branches, or a branch's points; each opens its page. */
function DrillRows({ empty, label, onOpenAssignment }: { empty: string; label(a: AssignmentRow): string; onOpenAssignment(id: string): void }) {
  const rows = useProgressStore((s) => s.rows)
  const status = useProgressStore((s) => s.rowsStatus)
  const error = useProgressStore((s) => s.rowsError)
  return (
    <View className='progress-branches' {...testId('progress-drill')}>
      {status === 'loading' ? <Text className='assign-branches__hint'>正在加载…</Text> : null}
      {status === 'error' ? <Text className='field__error'>{error}</Text> : null}
      {status === 'ready' && !rows.length ? <Text className='assign-branches__hint'>{empty}</Text> : null}
      {rows.map((a) => (
        <View key={a.id} className='progress-branches__row' onClick={() => onOpenAssignment(a.id)} {...testId('progress-drill-row')}>
          <Text className='progress-branches__name'>{label(a)}</Text>
          <Text className={`wp-tag wp-tag--${a.status}`}>{STATUS_LABEL[a.status]}</Text>
        </View>
      ))}
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
