/** The 工作要点 tab's order (src/features/work-points/countdown.ts): plans kept apart, this year's first; by deadline. */
import { byDeadline, byPlan, type Assignment } from '../../src/features/work-points/countdown'

const a = (id: string, planId: string, planTitle: string, sectionTitle: string, pointSeq: number, dueOn: string, status: Assignment['status'] = 'in_progress'): Assignment => ({
  id, planId, planTitle, branchId: 'b1', branchName: '支部', pointSeq, sectionSeq: 1, sectionTitle, title: `要点${id}`, dueOn, daysLeft: 0, status,
  doneAt: null, lastReportAt: null, reportCount: 0,
})

// As assignments.list returns them: by plan (sortKey), so the 2027 plan may come first.
const items = [
  a('n1', 'p27', '2027年工作要点', '一、加强政治建设', 1, '2027-03-31'),
  a('n2', 'p27', '2027年工作要点', '二、加强组织建设', 2, '2027-06-30'),
  a('c1', 'p26', '2026年工作要点', '一、加强政治建设', 1, '2026-12-31'),
  a('c2', 'p26', '2026年工作要点', '一、加强政治建设', 2, '2026-11-30', 'overdue'),
  a('o1', 'p25', '2025年工作要点', '一、加强政治建设', 1, '2025-12-31', 'done'),
]

test('grouped by plan, each under its own header: this year first, then later years, then earlier', () => {
  const plans = byPlan(items, 2026)
  expect(plans.map((p) => p.title)).toEqual(['2026年工作要点', '2027年工作要点', '2025年工作要点'])
  // Two 「一、加强政治建设」 sections stay in their own plans.
  expect(plans[0].sections.map((s) => s.map((x) => x.id))).toEqual([['c1', 'c2']])
  expect(plans[1].sections.map((s) => s[0].sectionTitle)).toEqual(['一、加强政治建设', '二、加强组织建设'])
})

test('by deadline: open points by due date across plans, done ones last', () => {
  expect(byDeadline(items).map((x) => x.id)).toEqual(['c2', 'c1', 'n1', 'n2', 'o1'])
})
