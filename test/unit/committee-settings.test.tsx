/**
 * 党委设置 (src/packages/committee/pages/settings): the committee sees the current 优秀 share and 党费 warning months
 * with the defaults and saves each through the existing actions; anyone else is told the page is the committee's and
 * nothing is read. The checks name the problem in Chinese (the same rule as the cloud's for the warning months).
 * The dues forms' own checks (features/dues/validate.ts): an error per field, dropped when that field changes.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { getAppraisalSettings, getDuesSettings, setAppraisalSettings, setDuesSettings } from '../../src/features/settings/api'
import { shareErrors, warnErrors } from '../../src/features/settings/store'
import { recordFormErrors, correctionFormErrors, profileFormErrors, withoutError } from '../../src/features/dues/validate'
import { useSessionStore } from '../../src/features/session/store'
import CommitteeSettingsPage from '../../src/packages/committee/pages/settings/index'

// The H5 build's data-testid hooks (src/lib/test-id.ts).
process.env.TARO_ENV = 'h5'

jest.mock('../../src/features/settings/api', () => ({
  getDuesSettings: jest.fn(() => Promise.resolve({ warnMonths: [2, 4], defaults: { warnMonths: [3, 5] }, lapseMonths: 6 })),
  getAppraisalSettings: jest.fn(() => Promise.resolve({ share: { numerator: 1, denominator: 4 }, defaults: { numerator: 1, denominator: 3 } })),
  setDuesSettings: jest.fn((input: { warnMonths: number[] }) => Promise.resolve({ warnMonths: input.warnMonths, defaults: { warnMonths: [3, 5] }, lapseMonths: 6 })),
  setAppraisalSettings: jest.fn((input: { share: { numerator: number; denominator: number } }) => Promise.resolve({ share: input.share, defaults: { numerator: 1, denominator: 3 } })),
}))

const session = (roles: { role: string; branchId?: string; branchName?: string }[]) =>
  useSessionStore.setState({ status: 'ready', error: null, openid: 'x', name: '周敏', roles: roles as never, currentBranchId: roles[0]?.branchId ?? null, currentBranchName: null })

beforeEach(() => jest.clearAllMocks())
afterEach(cleanup)

test('the committee sees the current values with the defaults and saves each through its action', async () => {
  session([{ role: 'committee_admin' }])
  render(<CommitteeSettingsPage />)
  expect((await screen.findByTestId('settings-share-now')).textContent).toContain('不超过参评人数的 1/4（默认 1/3）')
  expect(screen.getByTestId('settings-warn-now').textContent).toContain('连续欠缴 2 个月、4 个月时提醒支部书记（默认 3 和 5）')
  await act(async () => {
    fireEvent.click(screen.getByTestId('settings-share-save'))
  })
  expect(setAppraisalSettings).toHaveBeenCalledWith({ share: { numerator: 1, denominator: 4 } })
  expect((await screen.findByTestId('settings-share-done')).textContent).toBe('已保存：优秀比例上限 1/4')
  await act(async () => {
    fireEvent.click(screen.getByTestId('settings-warn-save'))
  })
  expect(setDuesSettings).toHaveBeenCalledWith({ warnMonths: [2, 4] })
  expect((await screen.findByTestId('settings-warn-done')).textContent).toBe('已保存：欠缴 2 个月和 4 个月时提醒书记')
})

test('a secretary or member is told the page is the committee’s; nothing is read', async () => {
  session([{ role: 'secretary', branchId: 'b1', branchName: '第一支部' }])
  render(<CommitteeSettingsPage />)
  expect(await screen.findByText('党委设置只有党委管理员可以查看和修改')).toBeTruthy()
  expect(getDuesSettings).not.toHaveBeenCalled()
  expect(getAppraisalSettings).not.toHaveBeenCalled()
})

test('the settings checks name the problem in Chinese', () => {
  expect(shareErrors('1', '3')).toEqual({})
  expect(shareErrors('', '3')).toEqual({ numerator: '请填写整数（例如 1）' })
  expect(shareErrors('0', '3')).toEqual({ numerator: '优秀比例的分子至少为 1' })
  expect(shareErrors('3', '3')).toEqual({ numerator: '优秀比例应小于 1：分子须小于分母（例如 1/3）' })
  expect(shareErrors('1', '1.5')).toEqual({ denominator: '请填写整数（例如 3）' })
  expect(shareErrors('1', '101')).toEqual({ denominator: '优秀比例的分母最多为 100' })
  expect(warnErrors('3', '5')).toEqual({})
  expect(warnErrors('0', '5')).toEqual({ first: '第一次提醒至少在欠缴 1 个月时' })
  expect(warnErrors('4', '4')).toEqual({ second: '第二次提醒的月数应大于第一次' })
  expect(warnErrors('3', '6')).toEqual({ second: '第二次提醒应早于党章第九条规定的 6 个月（最多 5 个月）' })
  expect(warnErrors('三', '')).toEqual({ first: '请填写整数月数（例如 3）', second: '请填写整数月数（例如 5）' })
})

test('the dues forms: short without a reason is named under 少缴原因, and that error goes when the field changes', () => {
  const errors = recordFormErrors({ months: ['2026-11'], amount: '60', reason: '', due: 81 })
  expect(errors).toEqual({ reason: '每月应缴 81.00 元，少缴须填写原因' })
  // The secretary types the reason: the error is dropped at once (walk: it stayed on screen), and a submit checks again.
  expect(withoutError(errors, 'reason')).toEqual({})
  expect(recordFormErrors({ months: ['2026-11'], amount: '60', reason: '经支委会同意，因病减缴', due: 81 })).toEqual({})
  expect(recordFormErrors({ months: [], amount: '8.123', reason: '', due: 81 })).toEqual({ months: '请至少选择一个月', amount: '每月实缴应为金额，最多两位小数（例如 81.00）' })
  expect(correctionFormErrors({ kind: 'amend', amount: '60', shortReason: '', reason: '', due: 81 })).toEqual({ shortReason: '每月应缴 81.00 元，更正后少缴须填写少缴原因', reason: '请填写更正原因' })
  expect(correctionFormErrors({ kind: 'void', amount: '60', shortReason: '', reason: '误记', due: 81 })).toEqual({})
  expect(profileFormErrors({ hasBase: true, income: '', farmer: false, farmerAmount: '', baseLabel: '税后月工资收入' })).toEqual({ income: '请填写税后月工资收入' })
  expect(profileFormErrors({ hasBase: false, income: '', farmer: true, farmerAmount: '1.5', baseLabel: '' })).toEqual({ farmer: '农民党员每月交纳 0.20 元至 1.00 元' })
})
