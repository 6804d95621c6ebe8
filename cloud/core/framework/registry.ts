/**
 * Every action the `api` function serves. An action's schema lives in types/actions/<area>.ts and its handler in
 * cloud/core/actions/<prefix>.ts, which lists its actions (e.g. MEMBER_ACTIONS); this file spreads those lists.
 * Adding an action to an existing prefix = its schema and its defineAction added to that file's list; a new prefix =
 * a new file and one line here (docs/architecture.md, "Adding an action").
 */
import type { ActionDef } from './action'
import { ACTIVITY_ACTIONS } from '../actions/activities'
import { APPRAISAL_ACTIONS } from '../actions/appraisal'
import { PLAN_CHANGE_ACTIONS } from '../actions/activities-plan'
import { ASSIGNMENT_ACTIONS } from '../actions/assignments'
import { AUDIT_ACTIONS } from '../actions/audit'
import { BRANCH_ACTIONS } from '../actions/branches'
import { COMPLIANCE_ACTIONS } from '../actions/compliance'
import { DASHBOARD_ACTIONS } from '../actions/dashboard'
import { DUES_ACTIONS } from '../actions/dues'
import { LEAVE_ACTIONS } from '../actions/leave'
import { REVIEW_ACTIONS } from '../actions/reviews'
import { FEEDBACK_ACTIONS } from '../actions/feedback'
import { EXPORT_ACTIONS } from '../actions/exports'
import { GROUP_ACTIONS } from '../actions/groups'
import { HOME_ACTIONS } from '../actions/home'
import { INBOX_ACTIONS } from '../actions/inbox'
import { INVITE_ACTIONS } from '../actions/invites'
import { JOIN_REQUEST_ACTIONS } from '../actions/join-requests'
import { MEMBER_ACTIONS } from '../actions/members'
import { NOTICE_ACTIONS } from '../actions/notices'
import { ORG_ACTIONS } from '../actions/org'
import { RECRUITMENT_ACTIONS } from '../actions/recruitment'
import { ROSTER_ACTIONS } from '../actions/roster'
import { SESSION_ACTIONS } from '../actions/session'
import { SUBSCRIPTION_ACTIONS } from '../actions/subscriptions'
import { TRANSFER_ACTIONS } from '../actions/transfers'
import { TERM_ACTIONS } from '../actions/terms'
import { WORK_PLAN_ACTIONS } from '../actions/work-plans'

export const ACTIONS: readonly ActionDef[] = [
  ...SESSION_ACTIONS,
  ...ORG_ACTIONS,
  ...BRANCH_ACTIONS,
  ...GROUP_ACTIONS,
  ...INVITE_ACTIONS,
  ...JOIN_REQUEST_ACTIONS,
  ...MEMBER_ACTIONS,
  ...ROSTER_ACTIONS,
  ...AUDIT_ACTIONS,
  ...WORK_PLAN_ACTIONS,
  ...ASSIGNMENT_ACTIONS,
  ...ACTIVITY_ACTIONS,
  ...PLAN_CHANGE_ACTIONS,
  ...COMPLIANCE_ACTIONS,
  ...INBOX_ACTIONS,
  ...SUBSCRIPTION_ACTIONS,
  ...NOTICE_ACTIONS,
  ...DASHBOARD_ACTIONS,
  ...EXPORT_ACTIONS,
  ...HOME_ACTIONS,
  ...RECRUITMENT_ACTIONS,
  ...TRANSFER_ACTIONS,
  ...TERM_ACTIONS,
  ...DUES_ACTIONS,
  ...LEAVE_ACTIONS,
  ...REVIEW_ACTIONS,
  ...FEEDBACK_ACTIONS,
  ...APPRAISAL_ACTIONS,
]

const byName = new Map(ACTIONS.map((a) => [a.name as string, a]))

export function findAction(name: string): ActionDef | undefined {
  return byName.get(name)
}
