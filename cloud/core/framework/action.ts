/**
 * How an action declares itself: its name (which picks its schemas from types/actions/index.ts), who may call it, for
 * which branch, and its handler. The access layer (access.ts) reads these declarations; handlers never repeat
 * permission checks.
 */
import type { ActionName, ActionOutput, ParsedInput } from '../../../types/actions'
import type { Role } from '../../../types/domain'
import type { Doc, Port } from './port'
import type { Membership } from './model'

export type Scope<I> =
  /** Any caller the platform identified (has an OPENID), bound to a branch or not. */
  | { kind: 'authenticated' }
  /** Committee staff only. */
  | { kind: 'committee' }
  /**
   * The caller must hold one of the roles in the branch named by the input. When the input names no branch
   * (branchOf answers undefined) the action spans every branch, and only committee staff pass.
   */
  | { kind: 'branch'; branchOf: (input: I) => string | undefined }
  /**
   * The input names a record; the caller must hold one of the roles in the record's branch — or, when
   * `ownerField` is given, be the person that field of the record names (a member reading their own entry) and
   * still hold `ownerRoles` in the record's branch.
   */
  | {
      kind: 'record'
      collection: string
      noun: string
      idOf: (input: I) => string
      ownerField?: string
      /** What the owner must still hold in the record's branch to pass as owner (default: the action's roles). */
      ownerRoles?: readonly Role[] | 'any'
    }

export interface ActionContext {
  port: Port
  caller: { openid: string; memberships: Membership[] }
  /** The record a `record`-scoped action is about, already loaded and checked. */
  record?: Doc
  requestId?: string
  /**
   * For an action whose input has a clientRequestId: the request key of (action, caller, clientRequestId)
   * (writes.ts requestKey). A record the request makes is named by it, so no retry can make a second one.
   */
  requestKey?: string
}

export interface ActionDef<A extends ActionName = ActionName> {
  name: A
  /** Roles that may call it. committee_admin passes branch scopes for every branch when listed. */
  roles: readonly Role[] | 'any'
  scope: Scope<ParsedInput<A>>
  handler(input: ParsedInput<A>, ctx: ActionContext): Promise<ActionOutput<A>>
  /**
   * For an action with a clientRequestId: what a retry answers, given the first call's answer (writes.ts runOnce).
   * Without it a retry gets the first answer as it was; with it, e.g. the same record read afresh (new photo links,
   * or refused if it was deleted since).
   */
  replay?(first: ActionOutput<A>, input: ParsedInput<A>, ctx: ActionContext): Promise<ActionOutput<A>>
}

export function defineAction<A extends ActionName>(def: ActionDef<A>): ActionDef<A> {
  return def
}
