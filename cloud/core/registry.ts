/** Every action the `api` function serves. Adding an action = adding its schema in types/actions.ts and a line here. */
import type { ActionDef } from './action'
import { createActivity, getActivity, listActivities } from './actions/activities'
import { bootstrap, createBranch, createInvite, listBranches } from './actions/org'
import { getSession, joinWithInvite } from './actions/session'

export const ACTIONS: readonly ActionDef[] = [
  getSession,
  joinWithInvite,
  bootstrap,
  createBranch,
  listBranches,
  createInvite,
  createActivity,
  listActivities,
  getActivity,
] as unknown as readonly ActionDef[]

const byName = new Map(ACTIONS.map((a) => [a.name as string, a]))

export function findAction(name: string): ActionDef | undefined {
  return byName.get(name)
}
