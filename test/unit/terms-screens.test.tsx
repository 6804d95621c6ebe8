/**
 * 支委会换届's screen after the user walk (src/packages/terms/pages/term): without a recorded 支部党员大会 the election
 * form is not offered — a plain line says why and sends the secretary to 活动 (去记录 / 去安排); with one, 保存 without
 * the meeting says so next to the button (it was 「任期开始日期格式应为 YYYY-MM-DD」 from the cloud, about a field
 * not on the form) and nothing is sent; a refusal from the cloud is shown next to 保存 in its words. The 政治生日
 * switch is not on this page: it is a branch setting (支部管理 → 支部设置, features/terms/components/greetings-setting).
 * And 我的 → 意见反馈 for the committee is its inbox (意见建议处理), not a form to send itself suggestions.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { getTerm, listCongresses, recordTerm, setGreetings } from '../../src/features/terms/api'
import { useSessionStore } from '../../src/features/session/store'
import { GreetingsSetting } from '../../src/features/terms/components/greetings-setting'
import TermPage from '../../src/packages/terms/pages/term/index'
import MePage from '../../src/pages/me/index'

// The H5 build's data-testid hooks (src/lib/test-id.ts).
process.env.TARO_ENV = 'h5'

const view = (over: Record<string, unknown> = {}) => ({
  branchId: 'b1',
  branchName: '湖南省科学技术协会机关第一党支部',
  status: { state: 'none', endOn: null, daysLeft: null },
  term: null,
  past: [],
  canRecord: true,
  greetings: true,
  ...over,
})

jest.mock('../../src/features/terms/api', () => ({
  getTerm: jest.fn(() => Promise.resolve(view())),
  termsOverview: jest.fn(),
  recordTerm: jest.fn(() => {
    const { ApiCallError } = jest.requireActual('../../src/services/api')
    return Promise.reject(new ApiCallError('CONFLICT', '到会的有选举权党员不足应到会人数的五分之四，选举无效（《中国共产党基层组织选举工作条例》）'))
  }),
  correctTerm: jest.fn(),
  postponeTerm: jest.fn(),
  syncRoles: jest.fn(),
  setGreetings: jest.fn((_b: string, on: boolean) => Promise.resolve({ greetings: on })),
  listCongresses: jest.fn(() => Promise.resolve({ items: [] })),
  listRoster: jest.fn(() => Promise.resolve({ items: [{ id: 'm1', name: '陈晓燕', partyStatus: 'full' }, { id: 'm2', name: '王芳', partyStatus: 'full' }] })),
}))

const session = (roles: { role: string; branchId?: string; branchName?: string }[]) =>
  useSessionStore.setState({ status: 'ready', error: null, openid: 'x', name: '陈晓燕', roles: roles as never, currentBranchId: roles.find((r) => r.branchId)?.branchId ?? null, currentBranchName: null })

beforeEach(() => jest.clearAllMocks())
afterEach(cleanup)

test('no recorded 支部党员大会: no election form, a plain line and 去记录 / 去安排 to 活动', async () => {
  session([{ role: 'secretary', branchId: 'b1', branchName: '第一支部' }])
  render(<TermPage />)
  const recordElection = await screen.findByTestId('term-record-election')
  await act(async () => {
    fireEvent.click(recordElection)
  })
  const notice = await screen.findByTestId('term-no-meeting')
  expect(notice.textContent).toContain('换届选举须在支部党员大会上进行。请先在「活动」中记录这次支部党员大会，再回来登记选举结果。')
  expect(screen.queryByTestId('term-save')).toBeNull()
  expect(screen.queryByTestId('term-votes-王芳')).toBeNull()
  fireEvent.click(screen.getByTestId('term-go-record'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activities/pages/edit/index' })
  fireEvent.click(screen.getByTestId('term-go-plan'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activities/pages/plan/index' })
  // The 政治生日 switch is no longer on the 换届 page.
  expect(screen.queryByTestId('term-greetings')).toBeNull()
  expect(screen.queryByText('政治生日')).toBeNull()
})

test('保存 without choosing the meeting says so next to the button and sends nothing; a cloud refusal shows there too', async () => {
  session([{ role: 'secretary', branchId: 'b1', branchName: '第一支部' }])
  jest.mocked(listCongresses).mockResolvedValueOnce({ items: [{ id: 'a1', topic: '支部委员会换届选举大会', startAt: '2026-12-02T02:00:00.000Z' }] } as never)
  render(<TermPage />)
  const recordElection = await screen.findByTestId('term-record-election')
  await act(async () => {
    fireEvent.click(recordElection)
  })
  const save = await screen.findByTestId('term-save')
  await act(async () => {
    fireEvent.click(save)
  })
  expect(screen.getByTestId('term-error').textContent).toBe('请选择召开换届选举的支部党员大会')
  expect(recordTerm).not.toHaveBeenCalled()
  // The error sits right above 保存 (the buttons follow it).
  expect(screen.getByTestId('term-error').nextElementSibling?.contains(screen.getByTestId('term-save'))).toBe(true)

  // The meeting chosen, 陈晓燕 书记 with her votes: the cloud's refusal is shown in the same place, in its words.
  const pickers = () => document.querySelectorAll('taro-picker-core')
  const pick = async (i: number, value: number) =>
    act(async () => {
      pickers()[i].dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
    })
  await pick(0, 1) // 支部党员大会 (the first after 请选择)
  expect(screen.queryByTestId('term-error')).toBeNull()
  await pick(2, 1) // 陈晓燕 → 书记 (the pickers: meeting, 任期, then one per 正式党员)
  await act(async () => {
    fireEvent.click(screen.getByTestId('term-save'))
  })
  expect(recordTerm).toHaveBeenCalledWith(expect.objectContaining({ kind: 'election', activityId: 'a1', startOn: '2026-12-02', members: [{ memberId: 'm1', post: '书记' }] }))
  expect(screen.getByTestId('term-error').textContent).toBe('到会的有选举权党员不足应到会人数的五分之四，选举无效（《中国共产党基层组织选举工作条例》）')
  expect(screen.getByTestId('term-error').nextElementSibling?.contains(screen.getByTestId('term-save'))).toBe(true)
})

test('政治生日 is a branch setting: shown to whoever may change it, toggled through terms.setGreetings', async () => {
  session([{ role: 'secretary', branchId: 'b1', branchName: '第一支部' }])
  render(<GreetingsSetting branchId='b1' />)
  const sw = await screen.findByTestId('term-greetings')
  expect(screen.getByTestId('branch-greetings').textContent).toContain('政治生日祝福')
  expect(getTerm).toHaveBeenCalledWith('b1')
  await act(async () => {
    sw.dispatchEvent(new CustomEvent('change', { detail: { value: false }, bubbles: true }))
  })
  expect(setGreetings).toHaveBeenCalledWith('b1', false)
  cleanup()
  // A member (terms.get: canRecord false) sees nothing.
  jest.mocked(getTerm).mockResolvedValueOnce(view({ canRecord: false }) as never)
  render(<GreetingsSetting branchId='b1' />)
  await act(async () => {
    await Promise.resolve()
  })
  expect(screen.queryByTestId('branch-greetings')).toBeNull()
})

test('我的 → 意见反馈: the committee opens its inbox (意见建议处理); a member sends (向党委提意见)', () => {
  session([{ role: 'committee_admin' }])
  const { unmount } = render(<MePage />)
  expect(screen.getByTestId('open-feedback-list').textContent).toBe('意见建议处理')
  expect(screen.queryByTestId('open-feedback')).toBeNull()
  fireEvent.click(screen.getByTestId('open-feedback-list'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/feedback/pages/list/index' })
  unmount()
  session([{ role: 'member', branchId: 'b1', branchName: '第一支部' }])
  render(<MePage />)
  expect(screen.getByTestId('open-feedback').textContent).toBe('向党委提意见')
  expect(screen.queryByTestId('open-feedback-list')).toBeNull()
})
