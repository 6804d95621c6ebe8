/**
 * Rules of a work point once it is assigned to a branch (assignments.*), pure: no port, no clock. The importer of
 * the plan itself is the rest of this folder (index.ts); the actions are cloud/core/actions/assignments.ts.
 */
import type { AssignmentStatus } from '../../../types/assignment-status'
import type { AssignmentDoc } from '../framework/model'

/**
 * A point's status as a branch sees it. Done stays done, however late; otherwise a due date before today (a Beijing
 * date, YYYY-MM-DD) makes it overdue — on the due day itself it is not yet. `overdue` is never stored: it follows the
 * calendar, so nothing has to run at midnight.
 */
export function assignmentStatus(a: Pick<AssignmentDoc, 'state' | 'dueOn'>, today: string): AssignmentStatus {
  if (a.state === 'done') return 'done'
  return a.dueOn < today ? 'overdue' : a.state
}
