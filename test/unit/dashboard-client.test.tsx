/**
 * The committee client: the export runner steps a job to the end and shows each step's progress; a page left
 * mid-export stops writing into the next page's state; an error becomes a message; the heatmap's shades; the
 * branch rows say what needs attention.
 */
import { render, screen } from '@testing-library/react'
import { startExport, stepExport } from '../../src/features/dashboard/api'
import { BranchRows } from '../../src/features/dashboard/components/branch-rows'
import { heatLevel } from '../../src/features/dashboard/components/charts'
import { useExportStore, type ExportJob } from '../../src/features/dashboard/store'
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
  expect(screen.getByText('最近活动 2025-11-02 · 本年 4 次')).toBeTruthy()
  expect(screen.getByText('—')).toBeTruthy()
})
