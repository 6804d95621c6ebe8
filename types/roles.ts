/**
 * Who may do what, as role lists shared by the cloud (actions' `roles`) and the app (what a screen offers). One
 * list per kind of permission; an action or screen picks the list, never spells the roles again.
 */
import type { Role } from './domain'

/** Everyone of a branch and committee staff: who reads a branch's sessions, work points and compliance. */
export const BRANCH_READERS = ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'] as const satisfies readonly Role[]
/** The branch's writers, the secretary and 支委: who plan, record and report. */
export const BRANCH_WRITERS = ['secretary', 'branch_committee'] as const satisfies readonly Role[]
/** Who may change a record: the branch's writers and committee staff (only they once a record is locked). */
export const RECORD_EDITORS = ['secretary', 'branch_committee', 'committee_admin'] as const satisfies readonly Role[]
/** Who see a branch's roster and ledgers: staff, writers and the guide — not every member. */
export const ROSTER_READERS = ['committee_admin', 'secretary', 'branch_committee', 'guide'] as const satisfies readonly Role[]
/** Who read a branch's 发展党员 pipeline: committee staff, the secretary and the 支委 (writing is the secretary's, the 组织委员's and the committee's). */
export const PIPELINE_READERS = ['committee_admin', 'secretary', 'branch_committee'] as const satisfies readonly Role[]
/** Who run a branch's organisation (groups, invitations): committee staff and the secretary. */
export const BRANCH_MANAGERS = ['committee_admin', 'secretary'] as const satisfies readonly Role[]

/** 民主评议党员: who read every member's grade (the branch's 支委 and the committee); a member reads only their own. */
export const APPRAISAL_READERS = ['committee_admin', 'secretary', 'branch_committee'] as const satisfies readonly Role[]

/** Whether `role` is one of the branch's writers. */
export const isWriterRole = (role: Role) => (BRANCH_WRITERS as readonly Role[]).includes(role)
