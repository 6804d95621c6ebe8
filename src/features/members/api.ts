import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const ROSTER_PAGE_SIZE = 30

export const listMembers = (input: ActionInput<'members.list'>) => callApi('members.list', input)
export const getMember = (memberId: string) => callApi('members.get', { memberId })
export const updateMember = (input: ActionInput<'members.update'>) => callApi('members.update', input)
export const setMemberPosts = (input: ActionInput<'members.setPosts'>) => callApi('members.setPosts', input)
export const transferMemberOut = (memberId: string, on: string, reason: string) => callApi('members.transferOut', { memberId, on, reason })
export const handOverSecretary = (branchId: string, toMemberId: string) => callApi('members.handOverSecretary', { branchId, toMemberId })
export const rosterAttendance = (branchId: string) => callApi('members.attendance', { branchId })
export const listGroups = (branchId: string) => callApi('groups.list', { branchId })
