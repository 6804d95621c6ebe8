/** The current-branch pill on 首页, 活动 and 我的. */
import { render, screen } from '@testing-library/react'
import { BranchSwitcher } from '../../src/features/session/components/branch-switcher'
import { useSessionStore } from '../../src/features/session/store'

const base = { status: 'ready' as const, error: null, openid: 'o', name: '张' }

test('a committee administrator without a branch reads 党委 · 全部支部, not 尚未选择支部 (the user walk found it)', () => {
  useSessionStore.setState({ ...base, roles: [{ role: 'committee_admin' }], currentBranchId: null, currentBranchName: null })
  render(<BranchSwitcher />)
  expect(screen.getByText('党委 · 全部支部')).toBeTruthy()
})

test('a newcomer without any role still reads 尚未选择支部; a secretary their branch', () => {
  useSessionStore.setState({ ...base, roles: [], currentBranchId: null, currentBranchName: null })
  const { unmount } = render(<BranchSwitcher />)
  expect(screen.getByText('尚未选择支部')).toBeTruthy()
  unmount()
  useSessionStore.setState({ ...base, roles: [{ role: 'secretary', branchId: 'b-a', branchName: '第一支部' }], currentBranchId: 'b-a', currentBranchName: '第一支部' })
  render(<BranchSwitcher />)
  expect(screen.getByText('第一支部')).toBeTruthy()
})
