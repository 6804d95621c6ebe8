/** The session store picks the current branch (keeping a valid preference), switches, joins and resets. */
import { getSession, joinWithInvite } from '../../src/features/session/api'
import { branchesOf, pickCurrentBranch, selectCanWrite, useSessionStore } from '../../src/features/session/store'
import { memoryStorage } from '../support/taro-shim'

jest.mock('../../src/features/session/api', () => ({ getSession: jest.fn(), joinWithInvite: jest.fn() }))

const A = { role: 'secretary' as const, branchId: 'b-a', branchName: '计算机学会党支部' }
const B = { role: 'member' as const, branchId: 'b-b', branchName: '机械工程学会党支部' }
const session = (roles: unknown[]) => ({ openid: 'o1', name: '李建国', committeeName: '行业党委', roles })

beforeEach(() => {
  memoryStorage.clear()
  jest.clearAllMocks()
})

test('load picks the first branch when there is no preference, and writers may record', async () => {
  ;(getSession as jest.Mock).mockResolvedValue(session([A, B]))
  await useSessionStore.getState().load()
  const s = useSessionStore.getState()
  expect(s.status).toBe('ready')
  expect(s.currentBranchId).toBe('b-a')
  expect(s.currentBranchName).toBe('计算机学会党支部')
  expect(selectCanWrite(s)).toBe(true)
})

test('a persisted preference is kept when still valid; switching to a member branch removes writing', async () => {
  ;(getSession as jest.Mock).mockResolvedValue(session([A, B]))
  // as if restored from storage
  useSessionStore.setState({ currentBranchId: 'b-b', currentBranchName: '机械工程学会党支部' })
  await useSessionStore.getState().load()
  expect(useSessionStore.getState().currentBranchId).toBe('b-b')
  expect(selectCanWrite(useSessionStore.getState())).toBe(false)
  // persisted through the Taro storage adapter
  expect(String(memoryStorage.get('branch-desk:session'))).toContain('b-b')
})

test('a stale preference (branch no longer held) falls back to a held branch', () => {
  expect(pickCurrentBranch([B], 'b-gone', '旧支部')).toEqual({ currentBranchId: 'b-b', currentBranchName: '机械工程学会党支部' })
  expect(pickCurrentBranch([], 'b-gone', null)).toEqual({ currentBranchId: null, currentBranchName: null })
  // committee admins may look at any branch
  expect(pickCurrentBranch([{ role: 'committee_admin' }], 'b-x', '某支部')).toEqual({ currentBranchId: 'b-x', currentBranchName: '某支部' })
})

test('switchBranch ignores branches a non-admin does not hold', async () => {
  ;(getSession as jest.Mock).mockResolvedValue(session([B]))
  await useSessionStore.getState().load()
  useSessionStore.getState().switchBranch('b-a')
  expect(useSessionStore.getState().currentBranchId).toBe('b-b')
})

test('branchesOf merges several roles in one branch', () => {
  expect(branchesOf([A, { ...A, role: 'branch_committee' }, B])).toEqual([
    { branchId: 'b-a', branchName: '计算机学会党支部', roles: ['secretary', 'branch_committee'] },
    { branchId: 'b-b', branchName: '机械工程学会党支部', roles: ['member'] },
  ])
})

test('join sends the code upper-cased and reloads the session', async () => {
  ;(joinWithInvite as jest.Mock).mockResolvedValue({ roles: [B] })
  ;(getSession as jest.Mock).mockResolvedValue(session([B]))
  await useSessionStore.getState().join(' ab12cd34 ', ' 王芳 ')
  expect(joinWithInvite).toHaveBeenCalledWith('AB12CD34', '王芳')
  expect(useSessionStore.getState().currentBranchId).toBe('b-b')
})

test('a failed load keeps the server message; reset clears everything', async () => {
  ;(getSession as jest.Mock).mockRejectedValue(Object.assign(new (jest.requireActual('../../src/services/api').ApiCallError)('UNAUTHENTICATED', '请先登录'), {}))
  await useSessionStore.getState().load()
  expect(useSessionStore.getState()).toMatchObject({ status: 'error', error: '请先登录' })
  useSessionStore.getState().reset()
  expect(useSessionStore.getState()).toMatchObject({ status: 'idle', roles: [], currentBranchId: null, error: null })
})
