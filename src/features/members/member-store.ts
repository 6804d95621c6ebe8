/** One member as the secretary sees and edits them; every change answers the updated member. */
import { create } from 'zustand'
import type { ActionInput } from '../../../types/actions'
import type { CommitteePost, MemberSummary } from '../../../types/domain'
import { errorMessage } from '../../services/api'
import { getMember, handOverSecretary, setMemberPosts, transferMemberOut, updateMember } from './api'

interface MemberStore {
  memberId: string | null
  member: MemberSummary | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(memberId: string): Promise<void>
  update(patch: Omit<ActionInput<'members.update'>, 'memberId'>): Promise<MemberSummary>
  setPosts(posts: CommitteePost[], groupLeader: boolean): Promise<MemberSummary>
  transferOut(on: string, reason: string): Promise<MemberSummary>
  handOver(): Promise<MemberSummary>
  reset(): void
}

const initial = { memberId: null, member: null, status: 'idle' as const, error: null }
const rethrow = (error: unknown): never => {
  throw new Error(errorMessage(error))
}

export const useMemberStore = create<MemberStore>()((set, get) => {
  const need = () => {
    const m = get().member
    if (!m) throw new Error('党员信息尚未加载')
    return m
  }
  const done = (member: MemberSummary) => {
    if (get().memberId === member.id) set({ member })
    return member
  }
  return {
    ...initial,
    async load(memberId) {
      const keep = get().memberId === memberId
      set({ memberId, status: 'loading', error: null, ...(keep ? {} : { member: null }) })
      try {
        const member = await getMember(memberId)
        if (get().memberId === memberId) set({ member, status: 'ready' })
      } catch (error) {
        if (get().memberId === memberId) set({ status: 'error', error: errorMessage(error) })
      }
    },
    async update(patch) {
      const m = need()
      return done(await updateMember({ memberId: m.id, ...patch }).catch(rethrow))
    },
    async setPosts(posts, groupLeader) {
      const m = need()
      return done(await setMemberPosts({ memberId: m.id, posts, groupLeader }).catch(rethrow))
    },
    async transferOut(on, reason) {
      const m = need()
      return done(await transferMemberOut(m.id, on, reason.trim()).catch(rethrow))
    },
    async handOver() {
      const m = need()
      const { secretary } = await handOverSecretary(m.branchId, m.id).catch(rethrow)
      return done(secretary)
    },
    reset() {
      set({ ...initial })
    },
  }
})
