/** The activity form: Chinese validation messages, a persisted draft with one clientRequestId, cleared on success. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { createActivity } from '../../src/features/activities/api'
import { ActivityForm } from '../../src/features/activities/components/activity-form'
import { newDraft, useDraftStore, validateDraft } from '../../src/features/activities/draft-store'
import { shanghaiToIso } from '../../src/lib/time'
import { memoryStorage } from '../support/taro-shim'

// NutUI's full bundle draws on a canvas at load; the form only needs a clickable Button here.
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: unknown; onClick?: () => void; disabled?: boolean }) =>
    require('react').createElement('button', { onClick, disabled }, children),
}))

jest.mock('../../src/features/activities/api', () => ({
  createActivity: jest.fn(),
  uploadActivityPhoto: jest.fn(),
  listActivities: jest.fn(),
  getActivity: jest.fn(),
}))

beforeEach(() => {
  memoryStorage.clear()
  jest.clearAllMocks()
})

test('submitting an empty form shows Chinese validation messages and sends nothing', async () => {
  act(() => useDraftStore.getState().start('b-a'))
  render(<ActivityForm onSaved={jest.fn()} />)
  await act(async () => {
    fireEvent.click(screen.getByText('保存活动记录'))
  })
  expect(await screen.findByText('请填写主题')).toBeTruthy()
  expect(screen.getByText('请填写地点')).toBeTruthy()
  expect(createActivity).not.toHaveBeenCalled()
})

test('the draft is persisted as it changes and defaults to 主题党日', () => {
  act(() => useDraftStore.getState().start('b-a', new Date('2026-11-23T00:30:00Z')))
  act(() => useDraftStore.getState().setField('topic', '学习全会精神'))
  const saved = JSON.parse(String(memoryStorage.get('branch-desk:activity-draft')))
  expect(saved.state.draft).toMatchObject({ branchId: 'b-a', topic: '学习全会精神', type: 'theme_day', date: '2026-11-23' })
  expect(saved.state.draft.clientRequestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  render(<ActivityForm onSaved={jest.fn()} />)
  expect(screen.getByText('主题党日')).toBeTruthy()
})

test('reopening keeps the same draft and its clientRequestId; a failed submit retries with the same id', async () => {
  act(() => useDraftStore.getState().start('b-a'))
  const id = useDraftStore.getState().draft!.clientRequestId
  act(() => useDraftStore.getState().start('b-a'))
  expect(useDraftStore.getState().draft!.clientRequestId).toBe(id)
  act(() => {
    useDraftStore.getState().setField('topic', '主题')
    useDraftStore.getState().setField('place', '会议室')
    useDraftStore.getState().setField('date', '2026-11-20')
    useDraftStore.getState().setField('time', '15:00')
  })
  const { ApiCallError } = jest.requireActual('../../src/services/api')
  ;(createActivity as jest.Mock).mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  await act(async () => {
    await useDraftStore.getState().submit()
  })
  expect(useDraftStore.getState().errors.form).toBe('网络不可用，请检查网络后重试')
  expect(useDraftStore.getState().draft).not.toBeNull()

  const saved = { id: 'x1', branchId: 'b-a', type: 'theme_day', topic: '主题', place: '会议室', startAt: '2026-11-20T07:00:00.000Z', photos: [], createdBy: { openid: 'o', name: '李' }, createdAt: '2026-11-20T08:00:00.000Z' }
  ;(createActivity as jest.Mock).mockResolvedValueOnce(saved)
  let result: unknown
  await act(async () => {
    result = await useDraftStore.getState().submit()
  })
  expect(result).toEqual(saved)
  const calls = (createActivity as jest.Mock).mock.calls
  expect(calls[0][0].clientRequestId).toBe(id)
  expect(calls[1][0].clientRequestId).toBe(id)
  expect(calls[1][0].startAt).toBe('2026-11-20T15:00:00+08:00')
  expect(useDraftStore.getState().draft).toBeNull()
})

test('validation and Beijing time conversion', () => {
  const d = newDraft('b-a')
  expect(validateDraft({ ...d, topic: 'x'.repeat(101), place: '会议室' }).topic).toBe('主题不能超过 100 个字')
  expect(validateDraft({ ...d, topic: '主题', place: '会议室' })).toEqual({})
  expect(shanghaiToIso('2026-01-05', '09:30')).toBe('2026-01-05T09:30:00+08:00')
})
