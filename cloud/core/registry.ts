/** Every action the `api` function serves. Adding an action = adding its schema in types/actions.ts and a line here. */
import type { ActionDef } from './action'
import { createActivity, getActivity, listActivities } from './actions/activities'
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
import { getSession, joinWithInvite, updateProfile } from './actions/session'

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
  createActivity,
  listActivities,
  getActivity,
] as unknown as readonly ActionDef[]

const byName = new Map(ACTIONS.map((a) => [a.name as string, a]))

export function findAction(name: string): ActionDef | undefined {
  return byName.get(name)
}
