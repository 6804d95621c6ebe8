/**
 * One vocabulary for a period's organisation-life status (types/compliance-status.ts): the branch's 组织生活 card, the
 * committee's overview and its branch page said 待开展 and 进行中 for the same `open` period; 进行中 is a work
 * point's word (types/assignment-status.ts). Every screen now takes the words from the one module.
 */
import { render, screen } from '@testing-library/react'
import { ASSIGNMENT_STATUS_LABELS } from '../../types/assignment-status'
import { COMPLIANCE_STATUSES, COMPLIANCE_STATUS_LABELS, complianceCountsText } from '../../types/compliance-status'
import { ComplianceView } from '../../src/features/reminders/components/compliance-view'
import type { BranchCompliance } from '../../src/features/reminders/compliance-store'

test('each status has its own word, and none is a work point status word', () => {
  const words = COMPLIANCE_STATUSES.map((s) => COMPLIANCE_STATUS_LABELS[s])
  expect(words).toEqual(['已开展', '即将到期', '待开展', '未开展'])
  for (const w of words) expect(Object.values(ASSIGNMENT_STATUS_LABELS)).not.toContain(w)
})

test('the committee overview counts line uses the same words', () => {
  expect(complianceCountsText({ done: 2, due_soon: 1, open: 3, missed: 1 })).toBe('已开展 2 · 即将到期 1 · 待开展 3 · 上期未开展 1')
})

const period = { key: '2026-12', label: '12月', start: '2026-12-01', end: '2026-12-31' }
const branch: BranchCompliance = {
  branchId: 'b1',
  branchName: '计算机学院第一党支部',
  date: '2026-12-03',
  items: [
    { type: 'theme_day', name: '主题党日', frequency: 'month', period, status: 'open', count: 0, daysLeft: 29, sentence: null, previous: null },
    { type: 'committee_meeting', name: '支委会', frequency: 'month', period, status: 'done', count: 1, daysLeft: 29, sentence: null, previous: null },
  ],
  counts: { done: 1, due_soon: 0, open: 1, missed: 0 },
  gaps: [],
  year: [],
  score: null,
}

test('the branch card says 待开展 for an open period, in its counts and on the item', () => {
  render(<ComplianceView c={branch} />)
  expect(screen.getByText('待开展 1')).toBeTruthy()
  expect(screen.getAllByText('待开展').length).toBeGreaterThan(0)
  expect(screen.queryByText(/进行中/)).toBeNull()
})
