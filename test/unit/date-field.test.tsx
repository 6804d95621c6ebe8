/**
 * The one date field (src/components/pickers*.tsx; the activity form's through form-controls): the date shows as the
 * app writes it, 2026年12月3日 — on H5 the browser's date input drew 12/03/2026 in an English browser — and the native
 * input still holds and reports YYYY-MM-DD.
 */
import { fireEvent, render } from '@testing-library/react'
import { DateField as H5DateField, TimeField as H5TimeField } from '../../src/components/pickers.h5'
import { DateField as WeappDateField } from '../../src/components/pickers'
import { formatDay } from '../../src/lib/time'

test('formatDay: 2026-12-03 → 2026年12月3日; anything else as it is', () => {
  expect(formatDay('2026-12-03')).toBe('2026年12月3日')
  expect(formatDay('2027-01-20')).toBe('2027年1月20日')
  expect(formatDay('')).toBe('')
})

test('H5: the field shows 2026年12月3日 over the native input, which keeps and reports YYYY-MM-DD', () => {
  const onChange = jest.fn()
  const { container, getByTestId } = render(<H5DateField id='issue-date' value='2026-12-03' onChange={onChange} />)
  expect(getByTestId('issue-date-text').textContent).toBe('2026年12月3日')
  const input = getByTestId('issue-date') as HTMLInputElement
  expect(input.type).toBe('date')
  expect(input.value).toBe('2026-12-03')
  expect(input.getAttribute('aria-label')).toBe('2026年12月3日')
  // The input covers the field (a tap anywhere opens the picker) and is inside its label.
  expect(input.className).toBe('date-field__input')
  expect(container.querySelector('label.picker-field.date-field')?.contains(input)).toBe(true)
  fireEvent.change(input, { target: { value: '2027-01-05' } })
  expect(onChange).toHaveBeenCalledWith('2027-01-05')
})

test('H5: an empty field says what to choose', () => {
  const { getByTestId } = render(<H5DateField id='d' value='' placeholder='开始' onChange={() => {}} />)
  expect(getByTestId('d-text').textContent).toBe('开始')
})

test('H5: a time reads 14:30 (the browser said 02:30 PM), over the native time input; empty, the placeholder', () => {
  const onChange = jest.fn()
  const { getByTestId, rerender } = render(<H5TimeField id='t' value='14:30' onChange={onChange} />)
  expect(getByTestId('t-text').textContent).toBe('14:30')
  const input = getByTestId('t') as HTMLInputElement
  expect([input.type, input.value]).toEqual(['time', '14:30'])
  fireEvent.change(input, { target: { value: '09:05' } })
  expect(onChange).toHaveBeenCalledWith('09:05')
  rerender(<H5TimeField id='t' value='' placeholder='不填则签到到开始后 3 小时' onChange={onChange} />)
  expect(getByTestId('t-text').textContent).toBe('不填则签到到开始后 3 小时')
})

test('the activity form uses the same field, in its own box, with its test id', () => {
  // Taro's H5 build resolves components/pickers to pickers.h5.tsx; jest resolves the weapp file unless told.
  let H5ActivityDate!: typeof H5DateField
  jest.isolateModules(() => {
    jest.doMock('../../src/components/pickers', () => jest.requireActual('../../src/components/pickers.h5'))
    H5ActivityDate = (require('../../src/features/activities/components/form-controls.h5') as { DateField: typeof H5DateField }).DateField
  })
  const { getByTestId, container } = render(<H5ActivityDate value='2026-11-20' onChange={() => {}} />)
  expect((getByTestId('activity-date') as HTMLInputElement).value).toBe('2026-11-20')
  expect(getByTestId('activity-date-text').textContent).toBe('2026年11月20日')
  expect(container.querySelector('label.form-control.date-field')).not.toBeNull()
})

test('weapp: the picker shows 2026年12月3日, not 2026-12-03', () => {
  const { container } = render(<WeappDateField value='2026-12-03' onChange={() => {}} />)
  expect(container.textContent).toContain('2026年12月3日')
  expect(container.textContent).not.toContain('2026-12-03')
})
