/**
 * Collections and the shape of their documents. Instants are stored as Date (the SDK carries them as $date);
 * actions turn them into ISO strings at the edge.
 */
import type { ActivityType, Role } from '../../types/domain'

export const COLLECTIONS = [
  'committees',
  'users',
  'branches',
  'memberships',
  'invites',
  'activities',
  'reminder_runs',
] as const
export type CollectionName = (typeof COLLECTIONS)[number]

export interface CommitteeDoc {
  _id: string
  name: string
  createdAt: Date
}

export interface UserDoc {
  _id: string // the openid
  name: string
  createdAt: Date
}

export interface BranchDoc {
  _id: string
  name: string
  kind: 'branch' | 'joint_branch'
  societies: string[]
  status: 'active' | 'archived'
  createdAt: Date
}

export interface Membership {
  _id?: string
  openid: string
  /** null for committee-level roles. */
  branchId: string | null
  role: Role
  status: 'active' | 'transferred'
  since: Date
}

export interface InviteDoc {
  _id: string // the code itself
  branchId: string
  role: Role
  maxUses: number
  uses: number
  expiresAt: Date
  createdBy: string
  createdAt: Date
  revoked: boolean
}

export interface ActivityDoc {
  _id: string
  branchId: string
  type: ActivityType
  topic: string
  place: string
  startAt: Date
  endAt?: Date
  photos: string[]
  createdBy: { openid: string; name: string }
  createdAt: Date
  clientRequestId: string
  deleted: boolean
}
