/**
 * Drafts that keep one clientRequestId across edits and reloads, when the cloud refuses it as used with other input
 * (framework/writes.ts: CONFLICT details.requestReused — the first send was stored, its answer lost, the draft changed
 * since). The draft keeps what was typed, the next send takes a new id, and the person reads that the first send was
 * saved; the work-point report re-reads the point. Before, the same id was sent again and refused for good.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { planActivity } from '../../src/features/activities/api'
import { draftKey, newDraft, useDraftStore } from '../../src/features/activities/draft-store'
import { ReportForm } from '../../src/features/work-points/components/report-form'
import { usePointStore } from '../../src/features/work-points/point-store'
import { getAssignment, listBranchActivities, reportAssignment } from '../../src/features/work-points/point-api'
import { useReportDraftStore } from '../../src/features/work-points/report-draft'
import { savedActivity } from '../support/activity-fixtures'
import { memoryStorage } from '../support/taro-shim'

jest.mock('../../src/features/activities/api', () => ({
  planActivity: jest.fn(),
  recordActivity: jest.fn(),
  updateActivity: jest.fn(),
  getActivity: jest.fn(),
  activityPhotoPath: (b: string, d: string, k: string) => `activities/${b}/${d}/${k}.jpg`,
}))
jest.mock('../../src/features/work-points/point-api', () => ({
  getAssignment: jest.fn(),
  reportAssignment: jest.fn(),
  reopenAssignment: jest.fn(),
  listBranchActivities: jest.fn(),
  reportFilePath: (id: string, d: string, k: string, name: string) => `work-points/${id}/${d}/${k}.${name.split('.').pop()}`,
}))
jest.mock('../../src/services/api', () => ({ ...jest.requireActual('../../src/services/api'), uploadFile: jest.fn() }))

const { ApiCallError } = jest.requireActual('../../src/services/api')
const reused = () => new ApiCallError('CONFLICT', '同一请求编号已用于另一项操作，请刷新后重试', { requestReused: true })

beforeEach(() => {
  memoryStorage.clear()
  useDraftStore.getState().reset()
  jest.clearAllMocks()
})

test('活动计划: a reused id keeps the draft as edited, says the first save was stored, and the next save takes a new id', async () => {
  const PLAN = draftKey.plan('b-a')
  act(() => useDraftStore.getState().open(PLAN, () => newDraft(PLAN, 'plan', 'b-a', new Date('2026-11-23T00:30:00Z'))))
  act(() => {
    const s = useDraftStore.getState()
    s.setField(PLAN, 'topic', '学习全会精神（修改后）')
    s.setField(PLAN, 'place', '会议室')
    s.setField(PLAN, 'date', '2026-11-30')
    s.setField(PLAN, 'time', '15:00')
  })
  const firstId = useDraftStore.getState().drafts[PLAN].clientRequestId
  ;(planActivity as jest.Mock).mockRejectedValueOnce(reused())
  await act(async () => {
    expect(await useDraftStore.getState().submit(PLAN)).toBeNull()
  })
  const draft = useDraftStore.getState().drafts[PLAN]
  expect(draft).toMatchObject({ topic: '学习全会精神（修改后）', place: '会议室' })
  expect(draft.clientRequestId).not.toBe(firstId)
  expect(draft.clientRequestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  // Persisted too: a reload does not bring the refused id back.
  expect(JSON.parse(String(memoryStorage.get('branch-desk:activity-drafts'))).state.drafts[PLAN].clientRequestId).toBe(draft.clientRequestId)
  const said = useDraftStore.getState().errors[PLAN].form ?? ''
  expect(said).toMatch(/^上次保存已成功（网络中断时），这条活动计划已在活动列表中。/)
  expect(said).not.toMatch(/请求编号/)

  ;(planActivity as jest.Mock).mockResolvedValueOnce(savedActivity({ status: 'planned' }))
  await act(async () => {
    await useDraftStore.getState().submit(PLAN)
  })
  const calls = (planActivity as jest.Mock).mock.calls
  expect(calls.map((c) => c[0].clientRequestId)).toEqual([firstId, draft.clientRequestId])
  expect(calls[1][0]).toMatchObject({ topic: '学习全会精神（修改后）' })
  expect(useDraftStore.getState().drafts[PLAN]).toBeUndefined()
})

test('汇报进展: a reused id keeps the note and the uploaded file, re-reads the point, says so, and the next send takes a new id', async () => {
  const as = { id: 'as1', branchId: 'b1', status: 'in_progress', reportCount: 1 }
  ;(listBranchActivities as jest.Mock).mockResolvedValue({ items: [], nextCursor: null })
  ;(getAssignment as jest.Mock).mockResolvedValue({ assignment: as, point: { seq: 1, title: '要点1', body: '', responsible: [], forAllBranches: true, timeHints: [] }, reports: [] })
  await act(async () => {
    await usePointStore.getState().load('as1')
  })
  const firstId = 'lost-answer-id-0001'
  const fileID = `cloud://env/work-points/as1/${firstId}/k1.pdf`
  useReportDraftStore.setState({
    drafts: { as1: { assignmentId: 'as1', clientRequestId: firstId, note: '已组织两次学习（补充了第二次）', activityIds: [], markDone: false, evidence: [{ key: 'k1', kind: 'file', name: '学习记录.pdf', status: 'done', fileID }] } },
  })
  await act(async () => {
    render(<ReportForm branchId='b1' done={false} />)
  })
  ;(reportAssignment as jest.Mock).mockRejectedValueOnce(reused())
  await act(async () => {
    fireEvent.click(screen.getByText('提交进展'))
  })
  expect(screen.getByText('上次提交已保存（网络中断时）。修改后的内容再点一次提交会另存为一次新的进展。')).toBeTruthy()
  expect(getAssignment).toHaveBeenCalledTimes(2)
  const draft = useReportDraftStore.getState().drafts.as1
  expect(draft).toMatchObject({ note: '已组织两次学习（补充了第二次）', evidence: [expect.objectContaining({ fileID, status: 'done' })] })
  expect(draft.clientRequestId).not.toBe(firstId)

  ;(reportAssignment as jest.Mock).mockResolvedValueOnce(as)
  await act(async () => {
    fireEvent.click(screen.getByText('提交进展'))
  })
  const calls = (reportAssignment as jest.Mock).mock.calls
  expect(calls[0][0].clientRequestId).toBe(firstId)
  expect(calls[1][0]).toMatchObject({ clientRequestId: draft.clientRequestId, note: '已组织两次学习（补充了第二次）', files: [{ fileID, name: '学习记录.pdf' }] })
  expect(useReportDraftStore.getState().drafts.as1.note).toBe('')
})
