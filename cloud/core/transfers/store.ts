/**
 * 组织关系转接's records (`transfers`, one per 介绍信) and the committee's setting (`transfer_settings`), and how a
 * record is shown. A transfer inside this deployment names both branches; to or from outside, one side is an
 * organisation by name. The roster entries stay as they are: the sending one is marked transferred (history kept),
 * the receiving one is made on acceptance (or, from outside, when the letter is recorded).
 */
import type { PartyStatus } from '../../../types/domain'
import { collection, loadOne } from '../framework/data'
import type { Port } from '../framework/port'
import { isExpired, probationEndsOn, TRANSFER_DEFAULTS, type TransferSettings } from './rules'

export type TransferKind = 'inside' | 'to_outside' | 'from_outside'
export type TransferState = 'in_transit' | 'accepted' | 'returned' | 'completed' | 'withdrawn'

export interface TransferHistoryLine {
  at: Date
  by: { openid: string; name: string }
  what: string
}

export interface TransferDoc {
  _id: string
  kind: TransferKind
  state: TransferState
  letterNo: string
  /** The member's roster entry in the sending branch (null from outside). */
  memberId: string | null
  memberName: string
  /** The member's openid when they use the app: they see their own letter (transfers.mine). */
  openid: string | null
  fromBranchId: string | null
  fromName: string
  toBranchId: string | null
  toName: string
  issuedOn: string
  validUntil: string
  duesPaidTo: string
  reason: string | null
  /** The member's party facts as the letter carries them (入党日期, 转正日期, 正式/预备). */
  partyStatus: PartyStatus
  joinedPartyOn: string | null
  confirmedOn: string | null
  /** To outside: the 回执 is expected by this day; recorded on receiptOn. */
  receiptDueOn: string | null
  receiptOn: string | null
  receiptNote: string | null
  returnReason: string | null
  /** 撤回 by the sending branch (transfers.withdraw): why; absent on letters before it existed. */
  withdrawReason?: string | null
  /** A 预备党员's 发展党员 file (recruits) handed over to the receiving branch on acceptance. */
  recruitId?: string | null
  /** The receiving roster entry (made on acceptance, or when a letter from outside is recorded). */
  newMemberId: string | null
  /** From outside: the invitation the member joins by. */
  inviteCode: string | null
  history: TransferHistoryLine[]
  createdAt: Date
  updatedAt: Date
}

export interface TransferSettingsDoc extends TransferSettings {
  _id: 'settings'
  updatedAt: Date
}

export const STATE_LABELS: Record<TransferKind, Record<TransferState, string>> = {
  inside: { in_transit: '待接收', accepted: '已接收', returned: '已退回', completed: '已接收', withdrawn: '已撤回' },
  to_outside: { in_transit: '待回执', accepted: '已办结', returned: '对方已退回', completed: '已收到回执', withdrawn: '已撤回' },
  from_outside: { in_transit: '待加入', accepted: '已转入', returned: '已退回', completed: '已转入', withdrawn: '已撤回' },
}

export async function loadSettings(port: Port): Promise<TransferSettings> {
  const doc = await loadOne(port, 'transfer_settings', 'settings').catch(() => undefined)
  return { validDays: doc?.validDays ?? TRANSFER_DEFAULTS.validDays }
}

export async function saveSettings(port: Port, s: TransferSettings): Promise<void> {
  await port.db.createCollection('transfer_settings').catch(() => undefined)
  await collection(port, 'transfer_settings').doc('settings').set({ data: { ...s, updatedAt: port.now() } })
}

export function presentSummary(t: TransferDoc, today: string) {
  return {
    id: t._id,
    kind: t.kind,
    state: t.state,
    stateLabel: STATE_LABELS[t.kind][t.state],
    letterNo: t.letterNo,
    memberName: t.memberName,
    fromBranchId: t.fromBranchId,
    fromName: t.fromName,
    toBranchId: t.toBranchId,
    toName: t.toName,
    issuedOn: t.issuedOn,
    validUntil: t.validUntil,
    expired: t.state === 'in_transit' && t.kind !== 'to_outside' && isExpired(t.validUntil, today),
    duesPaidTo: t.duesPaidTo,
    receiptDueOn: t.receiptDueOn,
    receiptOn: t.receiptOn,
  }
}

export function presentDetail(t: TransferDoc, today: string, may: { accept: boolean; receipt: boolean; invite: boolean }) {
  const sending = may.receipt && t.kind !== 'from_outside'
  return {
    ...presentSummary(t, today),
    partyStatus: t.partyStatus,
    joinedPartyOn: t.joinedPartyOn,
    confirmedOn: t.confirmedOn,
    probationEndsOn: probationEndsOn(t.partyStatus, t.joinedPartyOn),
    reason: t.reason,
    returnReason: t.returnReason,
    withdrawReason: t.withdrawReason ?? null,
    recruitId: t.recruitId ?? null,
    receiptNote: t.receiptNote,
    inviteCode: may.invite ? t.inviteCode : null,
    memberId: t.memberId,
    newMemberId: t.newMemberId,
    mayAccept: may.accept && t.kind === 'inside' && t.state === 'in_transit',
    mayRecordReceipt: may.receipt && t.kind === 'to_outside' && t.state === 'in_transit',
    mayWithdraw: sending && t.state === 'in_transit',
    mayRecordSentBack: sending && t.kind === 'to_outside' && t.state === 'in_transit',
    mayPrint: sending && t.state !== 'withdrawn' && t.state !== 'returned',
    history: t.history.map((h) => ({ at: new Date(h.at).toISOString(), by: h.by.name, what: h.what })),
  }
}
