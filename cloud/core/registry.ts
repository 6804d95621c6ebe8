/**
 * Every action the `api` function serves. Adding an action = its schema in types/actions*.ts and a line here, or in
 * the area's own list (ACTIVITY_ACTIONS, REMINDER_ACTIONS, DASHBOARD_ACTIONS) for the areas that keep one.
 */
import type { ActionDef } from './action'
import { ACTIVITY_ACTIONS } from './actions/activities'
import { PLAN_CHANGE_ACTIONS } from './actions/activities-plan'
import { getAssignment, listAssignments, reopenAssignment, reportProgress } from './actions/assignments'
import { listAudit } from './actions/audit'
import {
  archiveBranch,
  createBranch,
  createGroup,
  getBranch,
  listBranches,
  listGroups,
  renameGroup,
  updateBranch,
} from './actions/branches'
import { createInvite, inviteQr, listInvites, revokeInvite } from './actions/invites'
import {
  attendanceBasis,
  decideJoinRequest,
  getMember,
  handOverSecretary,
  listJoinRequests,
  listMembers,
  setPosts,
  transferOut,
  updateMember,
} from './actions/members'
import { bootstrap } from './actions/org'
import { DASHBOARD_ACTIONS } from './actions/dashboard'
import { homeTodo } from './actions/home'
import { REMINDER_ACTIONS } from './actions/reminders'
import { getSession, joinWithInvite, updateProfile } from './actions/session'
import { assignPlan, getPlan, listPlans, parsePlan, planProgress, publishPlan, savePlan } from './actions/work-plans'

export const ACTIONS: readonly ActionDef[] = [
  getSession,
  joinWithInvite,
  updateProfile,
  bootstrap,
  createBranch,
  updateBranch,
  archiveBranch,
  listBranches,
  getBranch,
  createGroup,
  renameGroup,
  listGroups,
  createInvite,
  listInvites,
  revokeInvite,
  inviteQr,
  listJoinRequests,
  decideJoinRequest,
  listMembers,
  getMember,
  updateMember,
  setPosts,
  transferOut,
  handOverSecretary,
  attendanceBasis,
  listAudit,
  parsePlan,
  savePlan,
  publishPlan,
  listPlans,
  getPlan,
  assignPlan,
  planProgress,
  listAssignments,
  getAssignment,
  reportProgress,
  reopenAssignment,
  ...ACTIVITY_ACTIONS,
  ...PLAN_CHANGE_ACTIONS,
  ...REMINDER_ACTIONS,
  ...DASHBOARD_ACTIONS,
  homeTodo,
] as unknown as readonly ActionDef[]

const byName = new Map(ACTIONS.map((a) => [a.name as string, a]))

export function findAction(name: string): ActionDef | undefined {
  return byName.get(name)
}
