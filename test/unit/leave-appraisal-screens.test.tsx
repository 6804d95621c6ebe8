/**
 * What a walk by real users found on the 请假 and 民主评议 screens (docs/leave.md, docs/appraisal.md), with the api
 * mocked:
 * - the record form shows an approved leave as its own chip, on (已准假·病假); 全部出席 keeps it; the save sends it;
 * - the 请假 form's and the decision's error goes as soon as the field changes; a decided request may be changed
 *   (改为不准假 asks for a reason and a confirmation, 改为准假 does not);
 * - the 民主评议 counts (优秀 N · 合格 N …) follow the grades as they are chosen, before any save; the refusal of a
 *   save (「现为 2 人」) goes as soon as a grade changes.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { AttendanceEditor } from '../../src/features/activities/components/attendance-editor'
import { newDraft, recordInput, useDraftStore, type ActivityDraft } from '../../src/features/activities/draft-store'
import { LeavePanel } from '../../src/features/leave/components/leave-panel'
import * as leaveApi from '../../src/features/leave/api'
import { SheetEditor, SheetSummary } from '../../src/features/appraisal/components/sheet'
import * as appraisalApi from '../../src/features/appraisal/api'
import { useAppraisalSheet } from '../../src/features/appraisal/store'
import { ApiCallError } from '../../src/services/api'
import { leaveInReason } from '../../types/leave'

process.env.TARO_ENV = 'h5'

jest.mock('../../src/features/leave/api', () => ({
  leaveForSession: jest.fn(),
  requestLeave: jest.fn(),
  decideLeave: jest.fn(),
  memberAttendance: jest.fn(),
  withdrawLeave: jest.fn(),
}))
jest.mock('../../src/features/appraisal/api', () => ({
  listAppraisals: jest.fn(),
  getAppraisal: jest.fn(),
  saveAppraisal: jest.fn(),
  finalizeAppraisal: jest.fn(),
  reopenAppraisal: jest.fn(),
  memberAppraisals: jest.fn(),
}))
// Taro's <Input> web component does not take typed values in jsdom; a plain input stands in for the text field.
jest.mock('../../src/components/form', () => ({
  ...jest.requireActual('../../src/components/form'),
  TextInput: ({ value, onChange, placeholder }: { value: string; onChange(v: string): void; placeholder?: string }) =>
    require('react').createElement('input', { value, placeholder, onChange: (e: { target: { value: string } }) => onChange(e.target.value) }),
}))
const leave = leaveApi as jest.Mocked<typeof leaveApi>
const appraisal = appraisalApi as jest.Mocked<typeof appraisalApi>

describe('the record form and an approved leave', () => {
  const sheet: ActivityDraft['sheet'] = [
    { memberId: 'm1', name: '赵磊', partyStatus: 'probationary', present: false, absentReason: '请假（病假：发烧）', groupName: null },
    { memberId: 'm2', name: '王芳', partyStatus: 'full', present: false, groupName: null },
  ]
  const draft = (): ActivityDraft => ({ ...newDraft('record:b1:a1', 'record', 'b1'), sheet })

  test('leaveInReason reads the leave back out of the absence reason', () => {
    expect(leaveInReason('请假（病假：发烧）')).toEqual({ kind: '病假', note: '发烧' })
    expect(leaveInReason('请假（事假）')).toEqual({ kind: '事假', note: null })
    expect(leaveInReason('病假')).toBeNull()
    expect(leaveInReason(undefined)).toBeNull()
  })

  test('the leave shows as its own chip, on; another reason turns it off, a tap turns it back on', () => {
    let d = draft()
    const onMark = jest.fn((memberId: string, mark: { present: boolean; absentReason: string }) => {
      d = { ...d, marks: { ...d.marks, [memberId]: mark } }
    })
    const { rerender } = render(<AttendanceEditor draft={d} onMark={onMark} />)
    const chip = screen.getByTestId('leave-chip-赵磊')
    expect(chip.textContent).toBe('已准假·病假')
    expect(chip.className).toContain('attend__chip--on')
    // No leave chip for someone absent without leave.
    expect(screen.queryByTestId('leave-chip-王芳')).toBeNull()
    fireEvent.click(screen.getByTestId('reason-赵磊-事假'))
    rerender(<AttendanceEditor draft={d} onMark={onMark} />)
    expect(screen.getByTestId('leave-chip-赵磊').className).not.toContain('attend__chip--on')
    fireEvent.click(screen.getByTestId('leave-chip-赵磊'))
    expect(onMark).toHaveBeenLastCalledWith('m1', { present: false, absentReason: '请假（病假：发烧）' })
  })

  test('全部出席 keeps the approved leave, and the save sends it as the absence reason', () => {
    const key = 'record:b1:a1'
    useDraftStore.setState({ drafts: { [key]: { ...draft(), topic: '主题党日', place: '会议室' } } })
    useDraftStore.getState().markAllPresent(key)
    const d = useDraftStore.getState().drafts[key]!
    expect(d.marks).toEqual({ m1: { present: false, absentReason: '请假（病假：发烧）' }, m2: { present: true, absentReason: '' } })
    expect(recordInput(d).attendance).toEqual([
      { memberId: 'm1', present: false, absentReason: '请假（病假：发烧）' },
      { memberId: 'm2', present: true },
    ])
    render(<AttendanceEditor draft={d} onMark={jest.fn()} onAllPresent={jest.fn()} />)
    expect(screen.getByText(/其余全部出席/).textContent).toContain('准假 1 人，记为请假')
  })
})

describe('the 请假 panel', () => {
  const request = (over: Partial<leaveApi.LeaveRequest> = {}): leaveApi.LeaveRequest => ({
    id: 'a1:m1', activityId: 'a1', memberId: 'm1', name: '赵磊', kind: 'sick', note: null, status: 'pending', askedAt: '2026-12-03T01:00:00.000Z', decidedBy: null, decidedAt: null, decisionNote: null, ...over,
  })
  const view = (over: Partial<leaveApi.SessionLeave> = {}): leaveApi.SessionLeave => ({ mine: null, canAsk: false, cannotAsk: null, all: [], canDecide: false, decidable: [], canWithdraw: false, ...over })

  test('the form’s error goes when the reason or the kind changes', async () => {
    leave.leaveForSession.mockResolvedValue(view({ canAsk: true }))
    leave.requestLeave.mockRejectedValueOnce(new ApiCallError('INVALID_INPUT', '请写明请假原因'))
    await act(async () => {
      render(<LeavePanel activityId='a1' />)
    })
    await act(async () => {
      fireEvent.click(screen.getByText('提交请假'))
    })
    expect(screen.getByTestId('leave-error').textContent).toBe('请写明请假原因')
    fireEvent.change(screen.getByPlaceholderText('例如：在外地出差'), { target: { value: '家' } })
    expect(screen.queryByTestId('leave-error')).toBeNull()
  })

  test('the host sees no form (nothing at all when they neither asked nor decide)', async () => {
    leave.leaveForSession.mockResolvedValue(view({ canAsk: false, cannotAsk: '你是本次活动的主持人，不需请假；如不能参加，请先在活动计划中更换主持人' }))
    let container: HTMLElement
    await act(async () => {
      container = render(<LeavePanel activityId='a1' />).container
    })
    expect(container!.textContent).toBe('')
  })

  test('a decided request may be changed: 改为不准假 asks a reason and a confirmation; its error goes when typing', async () => {
    leave.leaveForSession.mockResolvedValue(view({ canDecide: true, all: [request({ status: 'approved', decidedBy: '李建国' })], decidable: ['a1:m1'] }))
    await act(async () => {
      render(<LeavePanel activityId='a1' />)
    })
    expect(screen.getByText('活动开始前可以更改，赵磊会收到通知')).toBeTruthy()
    fireEvent.click(screen.getByText('改为不准假'))
    expect(screen.getByText('不准假：赵磊会收到通知，请写明原因。')).toBeTruthy()
    leave.decideLeave.mockRejectedValueOnce(new ApiCallError('INVALID_INPUT', '不准假时请写明原因'))
    await act(async () => {
      fireEvent.click(screen.getByText('确定不准假'))
    })
    expect(screen.getByText('不准假时请写明原因')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText('不准假的原因'), { target: { value: '本次要表决' } })
    expect(screen.queryByText('不准假时请写明原因')).toBeNull()
    leave.decideLeave.mockResolvedValueOnce(request({ status: 'declined', decisionNote: '本次要表决' }))
    await act(async () => {
      fireEvent.click(screen.getByText('确定不准假'))
    })
    expect(leave.decideLeave).toHaveBeenLastCalledWith({ activityId: 'a1', memberId: 'm1', approve: false, note: '本次要表决' })
  })

  test('改为准假 is made at once, without a reason', async () => {
    leave.leaveForSession.mockResolvedValue(view({ canDecide: true, all: [request({ status: 'declined', decisionNote: '要表决' })], decidable: ['a1:m1'] }))
    leave.decideLeave.mockResolvedValueOnce(request({ status: 'approved' }))
    await act(async () => {
      render(<LeavePanel activityId='a1' />)
    })
    await act(async () => {
      fireEvent.click(screen.getByText('改为准假'))
    })
    expect(leave.decideLeave).toHaveBeenLastCalledWith({ activityId: 'a1', memberId: 'm1', approve: true })
  })
})

describe('民主评议: live counts and stale errors', () => {
  const row = (memberId: string, name: string) => ({ memberId, name, partyStatus: 'full' as const, grade: null, votes: null, disposal: null })
  const sheet: appraisalApi.AppraisalSheet = {
    activity: { id: 'r1', branchId: 'b1', topic: '2026年民主评议党员', startAt: '2026-12-01T01:00:00.000Z', status: 'recorded' },
    year: 2026, state: 'draft', version: 0, view: 'full', share: { numerator: 1, denominator: 3 }, appraised: 3, maxExcellent: 1,
    rows: [row('m1', '赵磊'), row('m2', '王芳'), row('m3', '刘洋')],
    counts: { excellent: 0, qualified: 0, basic: 0, unqualified: 0, ungraded: 3 },
    canWrite: true, updatedBy: null, updatedAt: null, finalizedBy: null, finalizedAt: null, review: null, canReopen: false, history: [],
  }
  const counts = () => screen.getByTestId('appraisal-counts').textContent

  test('the counts follow the grades chosen; the cap refusal goes when a grade changes', async () => {
    useAppraisalSheet.setState({ activityId: 'r1', sheet, saveError: null, saved: false, liveCounts: null })
    render(
      <>
        <SheetSummary sheet={sheet} />
        <SheetEditor sheet={sheet} />
      </>,
    )
    expect(counts()).toBe('0优秀0合格0基本合格0不合格3未评定')
    fireEvent.click(screen.getByTestId('grade-赵磊-excellent'))
    fireEvent.click(screen.getByTestId('grade-王芳-excellent'))
    fireEvent.click(screen.getByTestId('grade-刘洋-qualified'))
    expect(counts()).toBe('2优秀1合格0基本合格0不合格')

    appraisal.saveAppraisal.mockRejectedValueOnce(new ApiCallError('INVALID_INPUT', '评为优秀的最多 1 人（参加评议 3 人的 1/3），现为 2 人'))
    await act(async () => {
      fireEvent.click(screen.getByTestId('appraisal-save'))
    })
    expect(screen.getByTestId('appraisal-error').textContent).toContain('现为 2 人')
    fireEvent.click(screen.getByTestId('grade-王芳-qualified'))
    expect(screen.queryByTestId('appraisal-error')).toBeNull()
    expect(counts()).toBe('1优秀2合格0基本合格0不合格')
  })
})
