/**
 * Work points on the client: suggested due dates for 下发, a branch's points grouped by section with countdowns and
 * status tags, search and filters, report validation (done needs evidence), and the report form sending one request id.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { AssignmentList } from '../../src/features/work-points/components/assignment-list'
import { ReportForm } from '../../src/features/work-points/components/report-form'
import { countdownText, filterAssignments, groupBySection, validateReport, type Assignment } from '../../src/features/work-points/logic'
import { usePointStore } from '../../src/features/work-points/point-store'
import { getAssignment, listBranchActivities, reportAssignment } from '../../src/features/work-points/point-api'
import { useReportDraftStore } from '../../src/features/work-points/report-draft'
import { uploadFile } from '../../src/services/api'
import { assignProblem, useAssignStore } from '../../src/features/work-plans/assign-store'
import { getPlan, assignPlan } from '../../src/features/work-plans/api'
import { initialAssignRows, parseResponsible, suggestedDueOn, type PlanDraft } from '../../src/features/work-plans/logic'

jest.mock('../../src/features/work-points/point-api', () => ({
  getAssignment: jest.fn(),
  reportAssignment: jest.fn(),
  reopenAssignment: jest.fn(),
  listBranchActivities: jest.fn(),
  reportFilePath: (id: string, d: string, k: string, name: string) => `work-points/${id}/${d}/${k}.${name.split('.').pop()}`,
}))
// Evidence goes up through the shared queue (src/lib/upload-queue.ts), which calls uploadFile.
jest.mock('../../src/services/api', () => ({ ...jest.requireActual('../../src/services/api'), uploadFile: jest.fn() }))
jest.mock('../../src/features/work-plans/api', () => ({ getPlan: jest.fn(), assignPlan: jest.fn(), searchBranches: jest.fn() }))

const a = (id: string, patch: Partial<Assignment> = {}): Assignment => ({
  id,
  planId: 'p1',
  planTitle: '2021年工作要点',
  branchId: 'b1',
  branchName: '一支部',
  pointSeq: 1,
  sectionSeq: 1,
  sectionTitle: '一、加强政治建设',
  title: '强化党的科学理论武装',
  dueOn: '2021-12-31',
  daysLeft: 6,
  status: 'not_started',
  doneAt: null,
  lastReportAt: null,
  reportCount: 0,
  ...patch,
})

const point = (seq: number, timeHints: PlanDraft['sections'][number]['points'][number]['timeHints'] = []) => ({
  seq,
  title: `要点${seq}`,
  body: '',
  responsible: [],
  forAllBranches: true,
  timeHints,
})
const plan: PlanDraft = {
  title: '工作要点',
  docNumber: null,
  issuer: null,
  issuedOn: null,
  year: 2021,
  intro: '',
  sections: [
    { seq: 1, title: '一、甲', points: [point(1, [{ phrase: '七一', dueOn: '2021-07-01', kind: 'july_first' }]), point(2)] },
    { seq: 2, title: '二、乙', points: [point(3, [{ phrase: '按期', dueOn: null, kind: 'on_schedule' }, { phrase: '年底', dueOn: '2021-12-31', kind: 'year_end' }])] },
  ],
  warnings: [],
}

beforeEach(() => jest.clearAllMocks())

test('suggested due date: the first time hint with a date, else 12-31 of the plan year', () => {
  expect(suggestedDueOn(plan.sections[0].points[0], 2021)).toBe('2021-07-01')
  expect(suggestedDueOn(plan.sections[0].points[1], 2021)).toBe('2021-12-31')
  expect(suggestedDueOn(plan.sections[1].points[0], 2022)).toBe('2021-12-31')
  expect(initialAssignRows(plan).map((r) => [r.seq, r.dueOn, r.on])).toEqual([
    [1, '2021-07-01', true],
    [2, '2021-12-31', true],
    [3, '2021-12-31', true],
  ])
})

test('the assign store prefills due dates, sends only the chosen points, and refuses nothing chosen', async () => {
  ;(getPlan as jest.Mock).mockResolvedValue({ summary: { id: 'p1', status: 'published' }, plan })
  ;(assignPlan as jest.Mock).mockResolvedValue({ created: 6, unchanged: 0, branches: 3 })
  const s = useAssignStore.getState()
  await s.load('p1')
  useAssignStore.getState().setRow(2, { on: false })
  useAssignStore.getState().setRow(3, { dueOn: '2021-10-01' })
  await expect(useAssignStore.getState().submit()).resolves.toEqual({ created: 6, unchanged: 0, branches: 3 })
  expect(assignPlan).toHaveBeenCalledWith({ planId: 'p1', branchIds: 'all', points: [{ seq: 1, dueOn: '2021-07-01' }, { seq: 3, dueOn: '2021-10-01' }] })
  useAssignStore.getState().setAll(false)
  expect(assignProblem(useAssignStore.getState())).toBe('请至少选择一个要点')
  useAssignStore.getState().setAll(true)
  useAssignStore.getState().setMode('some')
  expect(assignProblem(useAssignStore.getState())).toBe('请至少选择一个支部')
  useAssignStore.getState().toggleBranch({ id: 'b2', name: '二支部' })
  await useAssignStore.getState().submit()
  expect((assignPlan as jest.Mock).mock.calls[1][0].branchIds).toEqual(['b2'])
})

test('责任人 typed as a comma list: each name once, any separator', () => {
  expect(parseResponsible('张三，李四、王五, 张三 ;赵六')).toEqual(['张三', '李四', '王五', '赵六'])
  expect(parseResponsible('  ')).toEqual([])
})

test('countdown wording: days left, due today, days late, nothing when done', () => {
  expect(countdownText({ daysLeft: 6, status: 'in_progress' })).toBe('还剩 6 天')
  expect(countdownText({ daysLeft: 0, status: 'not_started' })).toBe('今天到期')
  expect(countdownText({ daysLeft: -3, status: 'overdue' })).toBe('已逾期 3 天')
  expect(countdownText({ daysLeft: -3, status: 'done' })).toBe('')
})

test('assignments are grouped by section in section order, points in order', () => {
  const items = [
    a('x3', { pointSeq: 5, sectionSeq: 2, sectionTitle: '二、乙' }),
    a('x1', { pointSeq: 2 }),
    a('x2', { pointSeq: 1 }),
  ]
  expect(groupBySection(items).map((g) => [g.title, g.items.map((i) => i.pointSeq)])).toEqual([
    ['一、加强政治建设', [1, 2]],
    ['二、乙', [5]],
  ])
})

test('the list shows section headings, status tags and countdowns', () => {
  const onPick = jest.fn()
  render(<AssignmentList items={[a('1'), a('2', { pointSeq: 2, title: '组织生活', status: 'overdue', daysLeft: -3 }), a('3', { pointSeq: 3, title: '七一活动', status: 'done' })]} onPick={onPick} />)
  expect(screen.getByText('一、加强政治建设')).toBeTruthy()
  expect(screen.getByText('未开始')).toBeTruthy()
  expect(screen.getByText('还剩 6 天')).toBeTruthy()
  expect(screen.getByText('已逾期')).toBeTruthy()
  expect(screen.getByText('已逾期 3 天')).toBeTruthy()
  expect(screen.getByText('已完成')).toBeTruthy()
  fireEvent.click(screen.getByText(/组织生活/))
  expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: '2' }))
})

test('search and status filter', () => {
  const items = [a('1'), a('2', { pointSeq: 2, title: '组织生活', status: 'done' })]
  expect(filterAssignments(items, 'all', '理论').map((x) => x.id)).toEqual(['1'])
  expect(filterAssignments(items, 'done', '').map((x) => x.id)).toEqual(['2'])
  expect(filterAssignments(items, 'all', '政治建设 组织').map((x) => x.id)).toEqual(['2'])
})

test('marking done needs a note, an activity or a photo', () => {
  expect(validateReport({ note: '  ', activityIds: [], photoCount: 0, markDone: true })).toMatch(/标记完成前/)
  expect(validateReport({ note: '已召开专题学习会', activityIds: [], photoCount: 0, markDone: true })).toBeNull()
  expect(validateReport({ note: '', activityIds: ['act1'], photoCount: 0, markDone: true })).toBeNull()
  expect(validateReport({ note: '', activityIds: [], photoCount: 1, markDone: true })).toBeNull()
  expect(validateReport({ note: '', activityIds: [], photoCount: 0, markDone: false })).toMatch(/请写进展说明/)
})

test('the report form refuses an empty 标记完成, then sends note, activity and one request id', async () => {
  ;(listBranchActivities as jest.Mock).mockResolvedValue({ items: [{ id: 'act1', topic: '主题党日学习', startAt: '2021-06-20T01:00:00Z' }], nextCursor: null })
  ;(reportAssignment as jest.Mock).mockResolvedValue(a('as1', { status: 'done' }))
  ;(getAssignment as jest.Mock).mockResolvedValue({ assignment: a('as1', { status: 'done' }), point: point(1), reports: [] })
  await act(async () => {
    await usePointStore.getState().load('as1')
  })
  await act(async () => {
    render(<ReportForm branchId='b1' done={false} />)
  })
  fireEvent.click(screen.getByText('标记完成'))
  fireEvent.click(screen.getByText('提交并标记完成'))
  expect(screen.getByText(/标记完成前/)).toBeTruthy()
  expect(reportAssignment).not.toHaveBeenCalled()

  fireEvent.click(screen.getByText(/主题党日学习/))
  await act(async () => {
    fireEvent.click(screen.getByText('提交并标记完成'))
  })
  expect(reportAssignment).toHaveBeenCalledWith(
    expect.objectContaining({ assignmentId: 'as1', note: '', activityIds: ['act1'], photos: [], markDone: true, clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }),
  )
})

test('书面材料: a PDF and a photo upload through the queue with progress, a failed one retries, and the report sends both with their names', async () => {
  ;(listBranchActivities as jest.Mock).mockResolvedValue({ items: [], nextCursor: null })
  ;(reportAssignment as jest.Mock).mockResolvedValue(a('as2', { status: 'in_progress' }))
  ;(getAssignment as jest.Mock).mockResolvedValue({ assignment: a('as2'), point: point(1), reports: [] })
  const upload = uploadFile as jest.Mock
  upload.mockReset()
  let finishPdf: (id: string) => void = () => undefined
  upload
    .mockImplementationOnce((_s, _p, progress) => {
      progress?.(30)
      return new Promise((resolve) => (finishPdf = resolve))
    })
    .mockRejectedValueOnce(new Error('网络不可用，请检查网络后重试'))
    .mockResolvedValueOnce('cloud://env/work-points/as2/photo.jpg')
  await act(async () => {
    await usePointStore.getState().load('as2')
  })
  await act(async () => {
    render(<ReportForm branchId='b1' done={false} />)
  })
  await act(async () => {
    useReportDraftStore.getState().add('as2', 'file', [{ source: { blob: new Blob(['%PDF']), name: '支部学习记录.pdf' }, name: '支部学习记录.pdf' }])
    useReportDraftStore.getState().add('as2', 'photo', [{ source: { blob: new Blob(['x']), name: '0.jpg' }, name: '0.jpg', preview: 'data:x' }])
  })
  expect(upload.mock.calls[0][1]).toMatch(/^work-points\/as2\/[^/]+\/[^/]+\.pdf$/)
  expect(screen.getByText('支部学习记录.pdf')).toBeTruthy()
  expect(screen.getByText('上传中 30%')).toBeTruthy()
  expect(screen.getByText('照片、文件上传中…')).toBeTruthy()
  // The photo failed: tapping it tries again.
  await act(async () => {
    fireEvent.click(screen.getByText('上传失败，点此重试'))
  })
  await act(async () => {
    finishPdf('cloud://env/work-points/as2/file.pdf')
  })
  await act(async () => {
    fireEvent.click(screen.getByText('提交进展'))
  })
  expect(reportAssignment).toHaveBeenLastCalledWith(
    expect.objectContaining({
      assignmentId: 'as2',
      photos: ['cloud://env/work-points/as2/photo.jpg'],
      files: [{ fileID: 'cloud://env/work-points/as2/file.pdf', name: '支部学习记录.pdf' }],
    }),
  )
  // Sent: the next report starts empty.
  expect(useReportDraftStore.getState().drafts.as2.evidence).toEqual([])
})

test('only PDF, Word (.docx) and Excel (.xlsx) up to 20 MB are taken as 书面材料, and a refused file is named', () => {
  const { fileProblem } = jest.requireActual('../../src/components/file-pick')
  expect(fileProblem('总结.pdf', 1000)).toBeNull()
  expect(fileProblem('总结.DOCX', 1000)).toBeNull()
  expect(fileProblem('台账.xlsx', 1000)).toBeNull()
  expect(fileProblem('总结.doc', 1000)).toBe('总结.doc 不是 PDF、Word（.docx）或 Excel（.xlsx）文件，未添加')
  expect(fileProblem('大.pdf', 21 * 1024 * 1024)).toBe('大.pdf 超过 20 MB，未添加')
})
