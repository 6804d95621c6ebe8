/**
 * The access layer every action passes. Who the caller is comes from the platform (OPENID) and what they may do
 * from the roster (the `memberships` collection) read on every call — never from anything in the payload — so
 * removing a role takes effect on the caller's next call.
 */
import { collection } from './data'
import type { Role } from '../../../types/domain'
import type { ActionContext, ActionDef } from './action'
import { AppError, forbidden, isCollectionMissing, notFound } from './errors'
import type { Membership } from './model'
import type { Doc, Port } from './port'

export async function loadMemberships(port: Port, openid: string): Promise<Membership[]> {
  try {
    const { data } = await collection(port, 'memberships').where({ openid, status: 'active' }).limit(100).get()
    return data
  } catch (error) {
    // A new environment before org.bootstrap has no roster yet: nobody holds a role.
    if (isCollectionMissing(error)) return []
    throw error
  }
}

export const isCommitteeAdmin = (memberships: Membership[]) =>
  memberships.some((m) => m.role === 'committee_admin')

/** True when the caller holds one of `roles` in `branchId` (committee admins hold every branch when allowed). */
export function holdsRoleInBranch(memberships: Membership[], roles: readonly Role[] | 'any', branchId: string): boolean {
  return memberships.some((m) => {
    if (roles !== 'any' && !roles.includes(m.role)) return false
    return m.role === 'committee_admin' || m.branchId === branchId
  })
}

/** Checks the action's declared roles and scope; returns the scoped record for `record` scopes. */
export async function authorize<I>(
  def: ActionDef,
  input: I,
  ctx: ActionContext,
): Promise<Doc | undefined> {
  const scope = def.scope as ActionDef['scope'] & {
    branchOf?: (i: I) => string | undefined
    idOf?: (i: I) => string
    ownerField?: string
    ownerRoles?: readonly Role[] | 'any'
  }
  const { memberships } = ctx.caller
  switch (scope.kind) {
    case 'authenticated':
      if (def.roles !== 'any' && !memberships.some((m) => (def.roles as readonly Role[]).includes(m.role))) {
        throw forbidden()
      }
      return undefined
    case 'committee':
      if (!isCommitteeAdmin(memberships)) throw forbidden('只有党委管理员可以进行此操作')
      return undefined
    case 'branch': {
      const branchId = scope.branchOf!(input)
      if (branchId === undefined) {
        if (!isCommitteeAdmin(memberships)) throw forbidden('只有党委管理员可以查看全部支部')
        return undefined
      }
      if (!holdsRoleInBranch(memberships, def.roles, branchId)) throw forbidden('你不是该支部的成员，或没有相应的职务')
      return undefined
    }
    case 'record': {
      const id = scope.idOf!(input)
      const { data } = await ctx.port.db.collection(scope.collection).where({ _id: id }).limit(1).get()
      const record = data[0]
      // A record the caller may not see is reported as missing, so ids from other branches reveal nothing.
      // A cancelled session (deleted, `cancelled`) is still gone, but its own branch's readers are told why: the
      // audience's 「…取消」 notice opens the session's page, which said only 「活动不存在或已删除」.
      if (record && record.deleted === true && record.cancelled === true && typeof record.branchId === 'string' && holdsRoleInBranch(memberships, def.roles, record.branchId)) {
        const reason = typeof record.deletedReason === 'string' && record.deletedReason ? `，原因：${record.deletedReason}` : ''
        throw new AppError('NOT_FOUND', `该${scope.noun}已取消${reason}`, { cancelled: true })
      }
      if (!record || record.deleted === true) throw notFound(scope.noun)
      const branchId = record.branchId
      const isOwner = !!scope.ownerField && !!ctx.caller.openid && record[scope.ownerField] === ctx.caller.openid
      // Owning a record is not a role: its owner passes only while still holding, in the record's branch, the roles
      // the owner needs (default: the action's). A secretary replaced or transferred out loses their export jobs too.
      if (isOwner && typeof branchId === 'string' && holdsRoleInBranch(memberships, scope.ownerRoles ?? def.roles, branchId)) return record
      // Records that belong to no branch (a committee's work plan) are the committee's alone.
      if (typeof branchId !== 'string') {
        if (isCommitteeAdmin(memberships) && (def.roles === 'any' || def.roles.includes('committee_admin'))) return record
        throw forbidden('只有党委管理员可以进行此操作')
      }
      if (holdsRoleInBranch(memberships, def.roles, branchId)) return record
      // Someone of the branch who lacks the role is told so; to anyone else the record does not exist.
      if (holdsRoleInBranch(memberships, 'any', branchId)) throw forbidden('你在该支部没有相应的职务')
      throw notFound(scope.noun)
    }
    default:
      throw new AppError('INTERNAL', '操作的权限声明不完整')
  }
}
