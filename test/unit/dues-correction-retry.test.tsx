/**
 * 更正党费记录 after a lost answer: the form keeps one request id while the same correction is sent again (a retry),
 * and a correction changed since is another request with its own id — before, the form sent the first id with the new
 * amount and the cloud refused it for good (framework/writes.ts: CONFLICT details.requestReused).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { DuesMonths } from '../../src/features/dues/components/member-dues'
import { correctDues } from '../../src/features/dues/api'
import type { MemberDues } from '../../src/features/dues/store'

jest.mock('../../src/features/dues/api', () => ({ correctDues: jest.fn() }))
// Taro's <Input> web component does not take typed values in jsdom; a plain input stands in for the text field.
jest.mock('../../src/components/form', () => ({
  ...jest.requireActual('../../src/components/form'),
  TextInput: ({ value, onChange, placeholder }: { value: string; onChange(v: string): void; placeholder?: string }) =>
    require('react').createElement('input', { value, placeholder, onChange: (e: { target: { value: string } }) => onChange(e.target.value) }),
}))
const { ApiCallError } = jest.requireActual('../../src/services/api')

const month = { month: '2026-11', state: 'paid', due: 50, paid: 50, paidOn: '2026-11-05', way: 'transfer', recordedBy: '王芳', reason: null, corrections: [] }
const dues = { year: 2026, canManage: true, member: { id: 'm1', name: '李明' }, months: [month] } as unknown as MemberDues

test('a retry sends the same id; the correction changed after a lost answer sends a new one', async () => {
  render(<DuesMonths dues={dues} onSaved={() => undefined} />)
  fireEvent.click(screen.getByText('更正或作废这条记录'))
  fireEvent.change(screen.getByPlaceholderText('例如：金额录入有误'), { target: { value: '金额录入有误' } })
  ;(correctDues as jest.Mock).mockRejectedValue(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  await act(async () => fireEvent.click(screen.getByText('保存更正')))
  await act(async () => fireEvent.click(screen.getByText('保存更正')))
  fireEvent.change(screen.getByDisplayValue('50.00'), { target: { value: '60' } })
  await act(async () => fireEvent.click(screen.getByText('保存更正')))
  const calls = (correctDues as jest.Mock).mock.calls.map((c) => c[0])
  expect(calls).toHaveLength(3)
  expect(calls[1].clientRequestId).toBe(calls[0].clientRequestId)
  expect(calls[2]).toMatchObject({ amount: 60, reason: '金额录入有误' })
  expect(calls[2].clientRequestId).not.toBe(calls[0].clientRequestId)
})

test('作废 asks for 作废原因, not 更正原因 (the user walk read 更正原因 on a void)', async () => {
  ;(correctDues as jest.Mock).mockReset()
  render(<DuesMonths dues={dues} onSaved={() => undefined} />)
  fireEvent.click(screen.getByText('更正或作废这条记录'))
  expect(screen.getByText('更正原因')).toBeTruthy()
  fireEvent.click(screen.getByText('作废（误记）'))
  expect(screen.queryByText('更正原因')).toBeNull()
  expect(screen.getByText('作废原因')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getAllByText('作废').pop()!))
  expect(screen.getByText('请填写作废原因')).toBeTruthy()
  expect(correctDues).not.toHaveBeenCalled()
})
