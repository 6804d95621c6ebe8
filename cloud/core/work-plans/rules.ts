/**
 * Rules of a work point once it is assigned to a branch (assignments.*), pure: no port, no clock. The importer of
 * the plan itself is the rest of this folder (index.ts); the actions are cloud/core/actions/assignments.ts.
 */
import type { AssignmentStatus } from '../../../types/assignment-status'
import type { AssignmentDoc } from '../framework/model'
import { beijingDate } from '../framework/time'

/**
 * A point's status as a branch sees it. Done stays done, however late; otherwise a due date before today (a Beijing
 * date, YYYY-MM-DD) makes it overdue — on the due day itself it is not yet. `overdue` is never stored: it follows the
 * calendar, so nothing has to run at midnight.
 */
export function assignmentStatus(a: Pick<AssignmentDoc, 'state' | 'dueOn'>, today: string): AssignmentStatus {
  if (a.state === 'done') return 'done'
  return a.dueOn < today ? 'overdue' : a.state
}

/** How a set of assignments stands: how many, done, overdue, done after the due date, and not done with no report. */
export interface StatusTally {
  total: number
  done: number
  overdue: number
  doneLate: number
  silent: number
}

type Tallied = Pick<AssignmentDoc, 'state' | 'dueOn'> & Partial<Pick<AssignmentDoc, 'doneAt' | 'reportCount'>>

/**
 * Assignments counted per status, grouped by `keyOf` (a point's seq, a branch): the committee's points chart
 * (dashboard.points) and a plan's progress (workPlans.progress) count the same way. Done after the due date counts as
 * done and doneLate (the dashboard's 其中逾期完成), not overdue; `silent` needs reportCount, doneLate needs doneAt.
 */
export function tallyByStatus<A extends Tallied, K>(rows: readonly A[], keyOf: (a: A) => K, today: string): Map<K, StatusTally> {
  const byKey = new Map<K, StatusTally>()
  for (const a of rows) {
    const t = byKey.get(keyOf(a)) ?? emptyTally()
    const status = assignmentStatus(a, today)
    t.total++
    if (status === 'done') t.done++
    if (status === 'done' && a.doneAt && beijingDate(new Date(a.doneAt)) > a.dueOn) t.doneLate++
    if (status === 'overdue') t.overdue++
    if (status !== 'done' && a.reportCount === 0) t.silent++
    byKey.set(keyOf(a), t)
  }
  return byKey
}

export const emptyTally = (): StatusTally => ({ total: 0, done: 0, overdue: 0, doneLate: 0, silent: 0 })
