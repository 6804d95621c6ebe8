/**
 * 工作要点 order (#16.6): on the tab, plans kept apart under their titles with this year's first (compact-list.tsx);
 * in 搜索 / 筛选, 按截止日期 across plans, and section headings that name their plan when there are several (logic.ts).
 */
import { byDeadline, groupBySection, type Assignment } from '../../src/features/work-points/logic'

const a = (id: string, planId: string, planTitle: string, sectionTitle: string, pointSeq: number, dueOn: string, status: Assignment['status'] = 'in_progress'): Assignment => ({
  id, planId, planTitle, branchId: 'b1', branchName: '支部', pointSeq, sectionSeq: sectionTitle.startsWith('一') ? 1 : 2, sectionTitle, title: `要点${id}`, dueOn, daysLeft: 0, status,
  doneAt: null, lastReportAt: null, reportCount: 0,
})

const items = [
  a('n1', 'p27', '2027年工作要点', '一、加强政治建设', 1, '2027-03-31'),
  a('n2', 'p27', '2027年工作要点', '二、加强组织建设', 2, '2027-06-30'),
  a('c1', 'p26', '2026年工作要点', '一、加强政治建设', 1, '2026-12-31'),
  a('c2', 'p26', '2026年工作要点', '一、加强政治建设', 2, '2026-11-30', 'overdue'),
  a('o1', 'p25', '2025年工作要点', '一、加强政治建设', 1, '2025-12-31', 'done'),
]

test('by deadline: open points by due date across plans, done ones last', () => {
  expect(byDeadline(items).map((x) => x.id)).toEqual(['c2', 'c1', 'n1', 'n2', 'o1'])
})

test('with several plans, each section heading names its plan (two 「一、加强政治建设」 no longer look alike)', () => {
  expect(groupBySection(items).map((g) => g.title)).toEqual([
    '2027年工作要点 · 一、加强政治建设',
    '2027年工作要点 · 二、加强组织建设',
    '2026年工作要点 · 一、加强政治建设',
    '2025年工作要点 · 一、加强政治建设',
  ])
  expect(groupBySection(items.slice(0, 2)).map((g) => g.title)).toEqual(['一、加强政治建设', '二、加强组织建设'])
})
