/**
 * The session: who the caller is, their roles per branch, and which branch they are looking at (a persisted
 * preference). Every screen reads it; `load()` runs on launch and after joining or switching dev identity.
 */
import { isWriterRole } from '../../../types/roles'
import { useMemo } from 'react'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Role, RoleGrant } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import { taroJSONStorage } from '../../lib/storage'
import { getSession, joinWithInvite, updateProfile } from './api'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface BranchRoles {
  branchId: string
  branchName: string
  roles: Role[]
}

interface SessionData {
  status: LoadStatus
  error: string | null
  openid: string | null
  name: string | null
  committeeName: string | null
  roles: RoleGrant[]
  /** Branches the caller was transferred out of (session.get), shown instead of a bare welcome. */
  transfers: { branchName: string; on: string | null; reason: string | null }[]
  /** Persisted: the branch the user last looked at. */
  currentBranchId: string | null
  /** Persisted with the id, for committee admins looking at a branch they hold no role in. */
  currentBranchName: string | null
}

interface SessionActions {
  load(): Promise<void>
  /** Joins with an invitation; `pending` means a join request now awaits the secretary's approval. */
  join(code: string, name: string): Promise<JoinOutcome>
  /** Changes the caller's own name; throws with the server's message. */
  updateName(name: string): Promise<void>
  switchBranch(branchId: string, branchName?: string): void
  reset(): void
}

export type SessionState = SessionData & SessionActions

export interface JoinOutcome {
  pending: boolean
  branchName: string
}

const initial: SessionData = {
  status: 'idle',
  error: null,
  openid: null,
  name: null,
  committeeName: null,
  roles: [],
  transfers: [],
  currentBranchId: null,
  currentBranchName: null,
}


/** The branches a user holds roles in, each once, in the order the roles came. */
export function branchesOf(roles: RoleGrant[]): BranchRoles[] {
  const byId = new Map<string, BranchRoles>()
  for (const r of roles) {
    if (!r.branchId) continue
    const entry = byId.get(r.branchId) ?? { branchId: r.branchId, branchName: r.branchName ?? '未命名支部', roles: [] }
    if (!entry.roles.includes(r.role)) entry.roles.push(r.role)
    byId.set(r.branchId, entry)
  }
  return [...byId.values()]
}

export const isCommitteeAdmin = (roles: RoleGrant[]) => roles.some((r) => r.role === 'committee_admin')

/** Keeps the preferred branch when the user may still see it, else the first branch they hold a role in. */
export function pickCurrentBranch(
  roles: RoleGrant[],
  preferredId: string | null,
  preferredName: string | null,
): { currentBranchId: string | null; currentBranchName: string | null } {
  const branches = branchesOf(roles)
  const kept = branches.find((b) => b.branchId === preferredId)
  if (kept) return { currentBranchId: kept.branchId, currentBranchName: kept.branchName }
  if (preferredId && isCommitteeAdmin(roles)) return { currentBranchId: preferredId, currentBranchName: preferredName }
  const first = branches[0]
  return first ? { currentBranchId: first.branchId, currentBranchName: first.branchName } : { currentBranchId: null, currentBranchName: null }
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => ({
      ...initial,
      async load() {
        set({ status: 'loading', error: null })
        try {
          const s = await getSession()
          const { currentBranchId, currentBranchName } = get()
          set({
            status: 'ready',
            openid: s.openid,
            name: s.name,
            committeeName: s.committeeName,
            roles: s.roles,
            transfers: s.transfers ?? [],
            ...pickCurrentBranch(s.roles, currentBranchId, currentBranchName),
          })
        } catch (error) {
          set({ status: 'error', error: errorMessage(error) })
        }
      },
      async join(code, name) {
        const { roles, pending, branchName } = await joinWithInvite(code.trim().toUpperCase(), name.trim())
        if (pending) return { pending: true, branchName }
        // The branch just joined becomes the current one.
        const joined = branchesOf(roles).find((b) => b.branchName === branchName)
        const preferred = joined ? { currentBranchId: joined.branchId, currentBranchName: joined.branchName } : get()
        set({ roles, name: name.trim(), ...pickCurrentBranch(roles, preferred.currentBranchId, preferred.currentBranchName) })
        // Names of branches and the committee come with the full session.
        await get().load()
        return { pending: false, branchName }
      },
      async updateName(name) {
        try {
          const saved = await updateProfile(name.trim())
          set({ name: saved.name })
        } catch (error) {
          throw new Error(errorMessage(error))
        }
      },
      switchBranch(branchId, branchName) {
        const known = branchesOf(get().roles).find((b) => b.branchId === branchId)
        if (!known && !isCommitteeAdmin(get().roles)) return
        set({ currentBranchId: branchId, currentBranchName: known?.branchName ?? branchName ?? null })
      },
      reset() {
        set({ ...initial })
      },
    }),
    {
      name: 'branch-desk:session',
      version: 1,
      storage: taroJSONStorage(),
      partialize: (s) => ({ currentBranchId: s.currentBranchId, currentBranchName: s.currentBranchName }),
      // A branch saved by another version is kept, not dropped (zustand drops it when a bumped store has no migrate);
      // it is checked against the session's roles on load (pickCurrentBranch).
      migrate: (persisted) => persisted as Pick<SessionData, 'currentBranchId' | 'currentBranchName'>,
    },
  ),
)

// Narrow selectors. Selectors that build arrays go through useMemo (a new array per call would re-render forever).
export function useBranches(): BranchRoles[] {
  const roles = useSessionStore((s) => s.roles)
  return useMemo(() => branchesOf(roles), [roles])
}
export const selectIsCommitteeAdmin = (s: SessionState) => isCommitteeAdmin(s.roles)
export const selectHasRoles = (s: SessionState) => s.roles.length > 0
/** Plain function (builds an array): use inside other selectors or with useMemo, not as a hook selector. */
export const currentRolesOf = (s: SessionState): Role[] =>
  branchesOf(s.roles).find((b) => b.branchId === s.currentBranchId)?.roles ?? []
/** Secretaries and 支委 of the current branch may record activities. */
export const selectCanWrite = (s: SessionState) => currentRolesOf(s).some(isWriterRole)

/** The caller's roles in one branch (empty when none). Plain function: use with useMemo or inside selectors. */
export const rolesInBranch = (roles: RoleGrant[], branchId: string | null | undefined): Role[] =>
  branchId ? (branchesOf(roles).find((b) => b.branchId === branchId)?.roles ?? []) : []
/** The committee, or the secretary of the current branch, may manage it. */
export const selectCanManageCurrent = (s: SessionState) => isCommitteeAdmin(s.roles) || currentRolesOf(s).includes('secretary')
