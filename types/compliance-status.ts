/**
 * A period's organisation-life status (cloud/core/compliance/rules.ts PeriodStatus) and its words on every screen:
 * the branch's 组织生活 card, the committee's overview and its branch page. `open` is a current period not yet held
 * with more than 10 days left: 待开展 (not 进行中, which is a work point's word, types/assignment-status.ts).
 */
export const COMPLIANCE_STATUSES = ['done', 'due_soon', 'open', 'missed'] as const
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number]

export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  done: '已开展',
  due_soon: '即将到期',
  open: '待开展',
  missed: '未开展',
}

/** The counts line of a branch: 已开展 2 · 即将到期 1 · 待开展 3 · 上期未开展 1. */
export const complianceCountsText = (c: Record<ComplianceStatus, number>) =>
  `${COMPLIANCE_STATUS_LABELS.done} ${c.done} · ${COMPLIANCE_STATUS_LABELS.due_soon} ${c.due_soon} · ${COMPLIANCE_STATUS_LABELS.open} ${c.open} · 上期${COMPLIANCE_STATUS_LABELS.missed} ${c.missed}`
