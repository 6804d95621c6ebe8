/** 请假 vocabulary shared by the cloud and the app (plain constants). */
export const LEAVE_KINDS = ['sick', 'personal', 'business', 'away', 'other'] as const
export type LeaveKind = (typeof LEAVE_KINDS)[number]
export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = { sick: '病假', personal: '事假', business: '公出', away: '在外地', other: '其他' }
/**
 * withdrawn: the member took the request back before it was decided (leave.withdraw); they may ask again.
 * cancelled: still waiting when the session was cancelled or deleted — closed, nothing to decide (cloud/core/leave/store.ts
 * closeLeaveOfSession).
 */
export const LEAVE_STATUSES = ['pending', 'approved', 'declined', 'withdrawn', 'cancelled'] as const
export type LeaveStatus = (typeof LEAVE_STATUSES)[number]
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = { pending: '待审批', approved: '已准假', declined: '未准假', withdrawn: '已撤回', cancelled: '活动已取消' }

/** The absence reason an approved leave writes into the record: 请假（病假） or 请假（其他：…）. */
export const leaveReason = (kind: LeaveKind, note: string | null): string =>
  `请假（${LEAVE_KIND_LABELS[kind]}${note ? `：${note}` : ''}）`

/**
 * An absentee with their reason, as records show them: 刘洋（事假：家中有事）. An approved leave's reason is already
 * 请假（…）, so it is shown as 刘洋（请假，事假：…）— one pair of brackets, never 刘洋（请假（事假…））.
 */
export function absenceText(name: string, reason: string | null | undefined, none = '未说明'): string {
  const r = (reason ?? '').trim() || none
  const leave = /^请假（(.*)）$/.exec(r)
  return `${name}（${leave ? `请假，${leave[1]}` : r}）`
}

/**
 * The approved leave inside an absence reason (leaveReason's words back): 「请假（病假：发烧）」 → { kind: '病假',
 * note: '发烧' }; any other reason → null. The record form shows it as its own chip (请假·病假).
 */
export function leaveInReason(reason: string | null | undefined): { kind: string; note: string | null } | null {
  const m = /^请假（(.*)）$/.exec((reason ?? '').trim())
  if (!m) return null
  const [kind, ...rest] = m[1].split('：')
  return { kind, note: rest.length ? rest.join('：') : null }
}
