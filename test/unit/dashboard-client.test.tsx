/**
 * The committee client: the export runner steps a job to the end and shows each step's progress; a page left
 * mid-export stops writing into the next page's state; an error becomes a message; the heatmap's shades; the
 * branch rows say what needs attention; the charts' ECharts options carry the numbers they are given; choosing a
 * plan for the points chart.
 */
import { render, screen } from '@testing-library/react'
import { getHeatmap, getOverview, getPoints, startExport, stepExport } from '../../src/features/dashboard/api'
import { BranchRows } from '../../src/features/dashboard/components/branch-rows'
import { HEAT_COLORS, heatLevel, heatmapHeight, heatmapOption, monthsOption, pointsOption } from '../../src/features/dashboard/charts/options'
import { useDashboardStore, useExportStore, useOverviewListStore, type ExportJob, type Points } from '../../src/features/dashboard/store'
import { ApiCallError } from '../../src/services/api'

jest.mock('../../src/features/dashboard/api', () => ({
  startExport: jest.fn(),
  stepExport: jest.fn(),
  getOverview: jest.fn(),
  getHeatmap: jest.fn(),
  getPoints: jest.fn(),
  getBranchDetail: jest.fn(),
}))

const job = (over: Partial<ExportJob>): ExportJob => ({
  id: 'j1', kind: 'assessment', year: 2025, branchId: null, status: 'running', done: 0, total: 3, percent: 0,
  fileName: '2025年度党支部考核汇总.xlsx', fileID: null, url: null, error: null, ...over,
})

beforeEach(() => {
  jest.mocked(startExport).mockReset()
  jest.mocked(stepExport).mockReset()
  useExportStore.getState().reset()
})

test('the runner steps until done and every step shows its progress', async () => {
  const seen: number[] = []
  const unsub = useExportStore.subscribe((s, prev) => s.job && s.job !== prev.job && seen.push(s.job.percent))
  jest.mocked(startExport).mockResolvedValue(job({}))
  jest.mocked(stepExport)
    .mockResolvedValueOnce(job({ done: 2, percent: 63 }))
    .mockResolvedValueOnce(job({ done: 3, percent: 95 }))
    .mockResolvedValueOnce(job({ done: 3, percent: 100, status: 'done', fileID: 'cloud://x/a.xlsx', url: 'http://x/a.xlsx' }))
  await useExportStore.getState().run({ kind: 'assessment', year: 2025 })
  unsub()
  expect(stepExport).toHaveBeenCalledTimes(3)
  expect(seen).toEqual([0, 63, 95, 100])
  expect(useExportStore.getState()).toMatchObject({ status: 'done', job: { url: 'http://x/a.xlsx' } })
})

test('a failed call becomes a message; leaving the page stops the loop', async () => {
  jest.mocked(startExport).mockRejectedValueOnce(new ApiCallError('FORBIDDEN', '你不是该支部的成员，或没有相应的职务'))
  await useExportStore.getState().run({ kind: 'recordBook', branchId: 'b2', year: 2025 })
  expect(useExportStore.getState()).toMatchObject({ status: 'error', error: '你不是该支部的成员，或没有相应的职务' })

  useExportStore.getState().reset()
  let release: (j: ExportJob) => void = () => undefined
  jest.mocked(startExport).mockResolvedValue(job({}))
  jest.mocked(stepExport).mockImplementation(() => new Promise((r) => (release = r)))
  const running = useExportStore.getState().run({ kind: 'assessment', year: 2025 })
  await new Promise((r) => setTimeout(r, 0))
  useExportStore.getState().reset() // the page unloads
  release(job({ done: 1, percent: 30 }))
  await running
  expect(stepExport).toHaveBeenCalledTimes(1)
  expect(useExportStore.getState()).toMatchObject({ status: 'idle', job: null })
})

test('heatmap shades: none for 0, four steps up to the maximum', () => {
  expect([0, 1, 2, 3, 4, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 4])
  expect(heatLevel(3, 0)).toBe(0)
})

test('branch rows show the score, overdue work and a silent branch', () => {
  render(
    <BranchRows
      onPick={() => undefined}
      items={[
        { branchId: 'a', name: '甲支部', score: 45, overdue: 2, assignments: 5, done: 3, recorded: 0, lastActivityOn: null, silent: true },
        { branchId: 'b', name: '乙支部', score: null, overdue: 0, assignments: 0, done: 0, recorded: 4, lastActivityOn: '2025-11-02', silent: false },
      ]}
    />,
  )
  expect(screen.getByText('逾期 2')).toBeTruthy()
  expect(screen.getByText('久未活动')).toBeTruthy()
  expect(screen.getByText('本年尚无活动记录')).toBeTruthy()
  expect(screen.getByText('最近活动 2025年11月2日 · 本年 4 次')).toBeTruthy()
  expect(screen.getByText('—')).toBeTruthy()
})

test('heatmap option: one cell per branch and month, rows top to bottom as given, counts written, empty cells blank', () => {
  const rows = [
    { branchId: 'a', name: '甲支部', months: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 4], total: 5 },
    { branchId: 'b', name: '乙支部', months: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 2 },
  ]
  const option = heatmapOption(rows, 4) as any
  expect(option.yAxis.data).toEqual(['甲支部', '乙支部'])
  expect(option.yAxis.inverse).toBe(true)
  const cells = option.series[0].data
  expect(cells).toHaveLength(24)
  expect(cells[11].value).toEqual([11, 0, 4])
  expect(cells[11].itemStyle.color).toBe(HEAT_COLORS[4])
  expect(cells[0].itemStyle.color).toBe(HEAT_COLORS[0])
  const label = option.series[0].label.formatter
  expect([label(cells[11]), label(cells[0]), label(cells[12])]).toEqual(['4', '', '2'])
  expect(heatmapHeight(2)).toBeLessThan(heatmapHeight(15))
})

test('points option: done, overdue and open shares add up to each bar; the label is the rate, the tooltip the counts', () => {
  const points = [
    { seq: 1, title: '组织专题学习', total: 3, done: 1, overdue: 1, rate: 33 },
    { seq: 2, title: '报送年度总结', total: 0, done: 0, overdue: 0, rate: 0 },
  ]
  const option = pointsOption(points) as any
  expect(option.yAxis.data).toEqual(['1. 组织专题学习', '2. 报送年度总结'])
  const [done, overdue, open] = option.series
  expect([done.name, overdue.name, open.name]).toEqual(['已完成', '逾期', '未完成'])
  expect(done.data[0] + overdue.data[0] + open.data[0]).toBeCloseTo(100, 5)
  expect([done.data[1], overdue.data[1], open.data[1]]).toEqual([0, 0, 100])
  expect(open.label.formatter({ dataIndex: 0 })).toBe('33%')
  expect(option.tooltip.formatter([{ dataIndex: 0 }])).toBe('1. 组织专题学习<br/>完成 1/3（33%）<br/>逾期 1')
})

test('months option: twelve columns labelled 1月…12月 with the counts', () => {
  const option = monthsOption([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]) as any
  expect(option.xAxis.data).toHaveLength(12)
  expect(option.xAxis.data[11]).toBe('12月')
  expect(option.series[0].data[10]).toBe(2)
  expect(option.series[0].label.formatter({ value: 0 })).toBe('')
})

test('choosing another plan shows its points; if that fails, the shown plan stays and the error is said', async () => {
  const plans = [{ id: 'p2', title: '2026 年工作要点（增补）' }, { id: 'p1', title: '2026 年工作要点' }]
  const pts = (planId: string, rate: number): Points => ({ year: 2026, plans, planId, points: [{ seq: 1, title: '学习', total: 2, done: rate ? 1 : 0, overdue: 0, rate }] })
  useDashboardStore.setState({ year: 2026, planId: null, points: pts('p2', 0), error: null })
  jest.mocked(getPoints).mockResolvedValueOnce(pts('p1', 50))
  await useDashboardStore.getState().setPlan('p1')
  expect(jest.mocked(getPoints)).toHaveBeenLastCalledWith(2026, 'p1')
  expect(useDashboardStore.getState().points?.planId).toBe('p1')
  jest.mocked(getPoints).mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  await useDashboardStore.getState().setPlan('p2')
  expect(useDashboardStore.getState()).toMatchObject({ planId: 'p1', error: '网络不可用，请检查网络后重试' })
  expect(useDashboardStore.getState().points?.points[0].rate).toBe(50)
})

test('a filter, a sort or a search reloads the branch list only; the charts stay as they are', async () => {
  const overview = (names: string[]) => ({ year: 2026, asOf: '2026-11-24', summary: { branches: 2, averageScore: 50, overdueBranches: 0, silentBranches: 0, recorded: 0 }, total: names.length, nextOffset: null, items: names.map((name, i) => ({ branchId: `b${i}`, name, score: 50, overdue: 0, assignments: 0, done: 0, recorded: 0, lastActivityOn: null, silent: false })) })
  const heatmap = { year: 2026, rows: [], max: 0 }
  const points = { year: 2026, plans: [], planId: null, points: [] }
  jest.mocked(getOverview).mockReset().mockResolvedValue(overview(['甲支部', '乙支部']) as never)
  jest.mocked(getHeatmap).mockReset().mockResolvedValue(heatmap as never)
  jest.mocked(getPoints).mockReset().mockResolvedValue(points as never)
  useDashboardStore.getState().reset()
  useDashboardStore.setState({ year: 2026 })
  await useDashboardStore.getState().load()
  expect(useDashboardStore.getState()).toMatchObject({ status: 'ready', heatmap, points })
  jest.mocked(getOverview).mockResolvedValue(overview(['乙支部']) as never)
  useDashboardStore.getState().setQuery(' 乙 ')
  useDashboardStore.getState().setFilter('overdue')
  await new Promise((r) => setTimeout(r, 0))
  expect(jest.mocked(getOverview)).toHaveBeenLastCalledWith({ year: 2026, filter: 'overdue', sort: 'score_asc', limit: 30, q: '乙' })
  expect(useOverviewListStore.getState().items.map((i) => i.name)).toEqual(['乙支部'])
  expect(jest.mocked(getHeatmap)).toHaveBeenCalledTimes(1)
  expect(jest.mocked(getPoints)).toHaveBeenCalledTimes(1)
  expect(useDashboardStore.getState().heatmap).toBe(heatmap)
})
