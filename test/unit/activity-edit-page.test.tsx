/**
 * The record editor page (packages/activities/pages/edit): once a record is saved, and only then, the record's page
 * it opens next offers to renew reminder subscriptions that ran out (askAgainAfter 'record-saved': a modal whose 订阅
 * asks WeChat inside the tap), at most once a day; a failed save offers nothing.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import EditActivityPage from '../../src/packages/activities/pages/edit/index'
import ActivityDetailPage from '../../src/packages/activities/pages/detail/index'
import { recordActivity } from '../../src/features/activities/api'
import { draftKey, newDraft, useDraftStore } from '../../src/features/activities/draft-store'
import { useSessionStore } from '../../src/features/session/store'
import { getSubscriptions, recordSubscriptions } from '../../src/features/reminders/api'
import { askSubscriptions } from '../../src/services/subscribe'
import { savedActivity } from '../support/activity-fixtures'
import { memoryStorage } from '../support/taro-shim'

// Pages here are shown when mounted (useDidShow), and read their query from `route`.
const mockRoute: { params: Record<string, string> } = { params: {} }
jest.mock('@tarojs/taro', () => {
  const shim = jest.requireActual('../support/taro-shim')
  return {
    __esModule: true,
    ...shim,
    default: shim.default,
    useRouter: () => mockRoute,
    useDidShow: (fn: () => void) => jest.requireActual('react').useEffect(() => fn(), []),
  }
})
jest.mock('../../src/features/activities/api', () => ({
  planActivity: jest.fn(),
  recordActivity: jest.fn(),
  updateActivity: jest.fn(),
  getActivity: jest.fn(() => Promise.resolve(jest.requireActual('../support/activity-fixtures').savedActivity())),
  activityPhotoPath: (b: string, d: string, k: string) => `activities/${b}/${d}/${k}.jpg`,
  attendanceSheet: jest.fn(() => Promise.resolve({ expected: 0, present: 0, voters: 0, attendees: [] })),
  listGroups: jest.fn(() => Promise.resolve({ items: [] })),
  listAssignments: jest.fn(() => Promise.resolve({ items: [], nextCursor: null })),
}))
jest.mock('../../src/features/reminders/api', () => ({ getSubscriptions: jest.fn(), recordSubscriptions: jest.fn() }))
jest.mock('../../src/services/subscribe', () => ({ askSubscriptions: jest.fn() }))

const { ApiCallError } = jest.requireActual('../../src/services/api')
const KEY = draftKey.record('b-a')
const PROMPT = '记录已保存。订阅提醒后，下次活动和到期事项会通过微信通知你。'

const saved = savedActivity()
const quota = (kind: string, remaining: number) => ({
  kind, templateId: `T-${kind}`, title: kind, purpose: `${kind} 提醒`, remaining, lastResult: null, updatedAt: null,
})

let modal: jest.Mock
beforeEach(() => {
  jest.clearAllMocks()
  memoryStorage.clear()
  useDraftStore.getState().reset()
  modal = jest.fn()
  ;(Taro as unknown as { showModal: jest.Mock }).showModal = modal
  ;(Taro as unknown as { redirectTo: jest.Mock }).redirectTo = jest.fn(() => Promise.resolve())
  useSessionStore.setState({
    status: 'ready',
    error: null,
    openid: 'dev-secretary-1',
    name: '李建国',
    roles: [{ role: 'secretary', branchId: 'b-a', branchName: '第一支部' }],
    currentBranchId: 'b-a',
    currentBranchName: '第一支部',
  })
  // A draft ready to save, as the secretary left it.
  act(() => {
    const store = useDraftStore.getState()
    store.open(KEY, () => newDraft(KEY, 'record', 'b-a'))
    for (const [k, v] of Object.entries({ topic: '主题', place: '会议室', host: '李建国', recorder: '王芳', minutes: '学习了党章。' })) {
      store.setField(KEY, k as never, v as never)
    }
  })
})

async function save() {
  cleanup()
  mockRoute.params = {}
  // The page and the form's own loads (attendance sheet, work points) settle first.
  await act(async () => {
    render(<EditActivityPage />)
    await new Promise((r) => setTimeout(r, 0))
  })
  await act(async () => {
    fireEvent.click(screen.getByText('保存活动记录'))
  })
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
}

/** The page the editor opened: the saved record's, shown. */
async function showRecord() {
  cleanup()
  mockRoute.params = { id: 'act-1' }
  await act(async () => {
    render(<ActivityDetailPage />)
    await new Promise((r) => setTimeout(r, 0))
  })
}

test('a saved record with a reminder template run out: the 订阅提醒 modal, whose 订阅 asks WeChat in the tap; once a day', async () => {
  ;(recordActivity as jest.Mock).mockResolvedValue(saved)
  ;(getSubscriptions as jest.Mock).mockResolvedValue({ items: [quota('activity_upcoming', 0), quota('compliance_gap', 1), quota('assignment_due', 1)] })
  ;(askSubscriptions as jest.Mock).mockResolvedValue({ 'T-activity_upcoming': 'accept' })
  ;(recordSubscriptions as jest.Mock).mockResolvedValue({ items: [] })
  await save()
  expect(recordActivity).toHaveBeenCalledTimes(1)
  // Not on the editor, which is being left: on the record's page once it shows.
  expect(modal).not.toHaveBeenCalled()
  await showRecord()
  expect(getSubscriptions).toHaveBeenCalledTimes(1)
  expect(modal).toHaveBeenCalledTimes(1)
  const opts = modal.mock.calls[0][0] as { title: string; content: string; confirmText: string; success(r: { confirm: boolean }): void }
  expect(opts).toMatchObject({ title: '订阅提醒', content: PROMPT, confirmText: '订阅', cancelText: '暂不' })
  opts.success({ confirm: true })
  expect((askSubscriptions as jest.Mock).mock.calls[0][0][0]).toEqual({ id: 'T-activity_upcoming', title: 'activity_upcoming 提醒' })
  // The save itself went on as before: the saved record's page.
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/activities/pages/detail/index?id=act-1' })

  // A second record the same day: saved, no second offer.
  act(() => {
    const store = useDraftStore.getState()
    store.open(KEY, () => newDraft(KEY, 'record', 'b-a'))
    for (const [k, v] of Object.entries({ topic: '第二次', place: '会议室', host: '李建国', recorder: '王芳', minutes: '内容' })) store.setField(KEY, k as never, v as never)
  })
  await save()
  await showRecord()
  expect(recordActivity).toHaveBeenCalledTimes(2)
  expect(modal).toHaveBeenCalledTimes(1)
  // Showing the record again later offers nothing more (the offer was handed on once).
  await showRecord()
  expect(getSubscriptions).toHaveBeenCalledTimes(2)
})

test('a save that fails offers nothing (the draft stays)', async () => {
  ;(recordActivity as jest.Mock).mockRejectedValue(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  ;(getSubscriptions as jest.Mock).mockResolvedValue({ items: [quota('activity_upcoming', 0)] })
  await save()
  expect(recordActivity).toHaveBeenCalled()
  // Whatever page shows next, nothing was handed on.
  await showRecord()
  expect(getSubscriptions).not.toHaveBeenCalled()
  expect(modal).not.toHaveBeenCalled()
  expect(useDraftStore.getState().drafts[KEY]).toBeDefined()
})

test('every relevant template still has quota: saved without an offer', async () => {
  ;(recordActivity as jest.Mock).mockResolvedValue(saved)
  ;(getSubscriptions as jest.Mock).mockResolvedValue({ items: [quota('activity_upcoming', 2), quota('compliance_gap', 1), quota('assignment_due', 1), quota('committee_notice', 1)] })
  await save()
  await showRecord()
  expect(getSubscriptions).toHaveBeenCalledTimes(1)
  expect(modal).not.toHaveBeenCalled()
})
