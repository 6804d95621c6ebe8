/** Checks of the member forms, before anything is sent (the cloud checks again). */
import type { PartyStatus } from '../../../types/domain'

export interface MemberFormValues {
  name: string
  partyStatus: PartyStatus
  joinedPartyOn: string
  confirmedOn: string
  /** 转入本支部日期: meetings before it do not expect this member. */
  joinedBranchOn?: string
  groupId: string
  phone: string
}

export type MemberFormErrors = Partial<Record<keyof MemberFormValues, string>>

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function validateMemberForm(v: MemberFormValues, today: string): MemberFormErrors {
  const e: MemberFormErrors = {}
  const name = v.name.trim()
  if (!name) e.name = '请填写姓名'
  else if (name.length > 20) e.name = '姓名不能超过 20 个字'
  if (v.joinedPartyOn && !DATE.test(v.joinedPartyOn)) e.joinedPartyOn = '入党日期格式应为 YYYY-MM-DD'
  else if (v.joinedPartyOn > today) e.joinedPartyOn = '入党日期不能晚于今天'
  if (v.confirmedOn && !DATE.test(v.confirmedOn)) e.confirmedOn = '转正日期格式应为 YYYY-MM-DD'
  else if (v.confirmedOn && v.confirmedOn > today) e.confirmedOn = '转正日期不能晚于今天'
  else if (v.confirmedOn && v.joinedPartyOn && v.confirmedOn < v.joinedPartyOn) e.confirmedOn = '转正日期不能早于入党日期'
  if (v.joinedBranchOn && !DATE.test(v.joinedBranchOn)) e.joinedBranchOn = '转入本支部日期格式应为 YYYY-MM-DD'
  else if (v.joinedBranchOn && v.joinedBranchOn > today) e.joinedBranchOn = '转入本支部日期不能晚于今天'
  if (v.partyStatus === 'probationary' && v.confirmedOn) e.confirmedOn = '预备党员还没有转正日期，请清空或改为正式党员'
  const phone = v.phone.replace(/\s+/g, '')
  if (phone && !/^1\d{10}$/.test(phone)) e.phone = '手机号应为 11 位数字'
  return e
}

export function validateTransfer(on: string, reason: string, today: string): { on?: string; reason?: string } {
  const e: { on?: string; reason?: string } = {}
  if (!on) e.on = '请选择转出日期'
  else if (!DATE.test(on)) e.on = '转出日期格式应为 YYYY-MM-DD'
  else if (on > today) e.on = '转出日期不能晚于今天'
  if (!reason.trim()) e.reason = '请填写转出原因'
  else if (reason.trim().length > 100) e.reason = '转出原因不能超过 100 个字'
  return e
}
