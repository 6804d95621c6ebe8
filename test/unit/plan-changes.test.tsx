/** A planned session's page offers 改期 / 修改安排 and 取消活动 (#16.11); what is sent is only what changed. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { PlanChanges } from '../../src/features/activities/components/plan-changes'
import { callApi } from '../../src/services/api'

jest.mock('../../src/services/api', () => ({
  ...jest.requireActual('../../src/services/api'),
  callApi: jest.fn(),
}))
jest.mock('../../src/components/form', () => ({
  ...jest.requireActual('../../src/components/form'),
  TextInput: ({ value, onChange, id }: { value: string; onChange(v: string): void; id?: string }) =>
    require('react').createElement('input', { value, 'data-testid': id, onChange: (e: { target: { value: string } }) => onChange(e.target.value) }),
}))

const planned = {
  id: 'a1',
  branchId: 'b1',
  type: 'theme_day' as const,
  status: 'planned' as const,
  topic: '参观红色教育基地',
  place: '学会会议室',
  startAt: '2026-12-05T06:30:00.000Z',
  audience: { kind: 'branch' as const },
  host: '李建国',
  photos: [],
  photoCount: 0,
  version: 1,
  voting: false,
  createdBy: { openid: 'o1', name: '李建国' },
  createdAt: '2026-12-01T07:00:00.000Z',
  assignments: [],
  canEdit: true,
  readOnlyReason: null,
  attendance: null,
} as never

beforeEach(() => (callApi as jest.Mock).mockReset())

test('a new place is sent alone, with the note and the audience told', async () => {
  const onChanged = jest.fn()
  ;(callApi as jest.Mock).mockResolvedValue({ ...(planned as object), place: '烈士纪念馆', version: 2 })
  render(<PlanChanges a={planned} onChanged={onChanged} onCancelled={jest.fn()} />)
  fireEvent.click(screen.getByText('改期 / 修改安排'))
  fireEvent.change(screen.getByTestId('plan-change-place'), { target: { value: '烈士纪念馆' } })
  fireEvent.change(screen.getByTestId('plan-change-reason'), { target: { value: '场馆周三闭馆' } })
  await act(async () => {
    fireEvent.click(screen.getByText('保存变更'))
  })
  expect(callApi).toHaveBeenCalledWith('activities.changePlan', { id: 'a1', expectedVersion: 1, notify: true, place: '烈士纪念馆', reason: '场馆周三闭馆' })
  expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ place: '烈士纪念馆' }))
})

test('nothing changed says so; cancelling needs a reason, then says how many were told', async () => {
  const onCancelled = jest.fn()
  render(<PlanChanges a={planned} onChanged={jest.fn()} onCancelled={onCancelled} />)
  fireEvent.click(screen.getByText('改期 / 修改安排'))
  await act(async () => {
    fireEvent.click(screen.getByText('保存变更'))
  })
  expect(screen.getByText('没有要修改的内容')).toBeTruthy()
  fireEvent.click(screen.getByText('返回'))
  fireEvent.click(screen.getByText('取消活动'))
  await act(async () => {
    fireEvent.click(screen.getByText('确认取消'))
  })
  expect(screen.getByText('请填写取消原因，参加人员会收到它')).toBeTruthy()
  expect(callApi).not.toHaveBeenCalled()
  ;(callApi as jest.Mock).mockResolvedValue({ id: 'a1', cancelled: true, told: 7, sent: 2 })
  fireEvent.change(screen.getByTestId('plan-cancel-reason'), { target: { value: '上级党委通知延期' } })
  await act(async () => {
    fireEvent.click(screen.getByText('确认取消'))
  })
  expect(callApi).toHaveBeenCalledWith('activities.cancel', { id: 'a1', reason: '上级党委通知延期', expectedVersion: 1 })
  expect(onCancelled).toHaveBeenCalledWith(7)
})

test('a recorded session offers neither', () => {
  const { container } = render(<PlanChanges a={{ ...(planned as object), status: 'recorded' } as never} onChanged={jest.fn()} onCancelled={jest.fn()} />)
  expect(container.textContent).toBe('')
})
