/** The roster store: filters sent as the contract wants them, cursor pages appended without duplicates, stale answers ignored, changes applied in place. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { MemberSummary } from '../../types/domain'
import { listGroups, listMembers } from '../../src/features/members/api'
import { RosterList } from '../../src/features/members/components/roster'
import { useRosterStore } from '../../src/features/members/roster-store'

jest.mock('../../src/features/members/api', () => ({ ROSTER_PAGE_SIZE: 30, listMembers: jest.fn(), listGroups: jest.fn() }))

const m = (id: string, patch: Partial<MemberSummary> = {}): MemberSummary => ({
  id,
  branchId: 'b1',
  name: `党员${id}`,
  bound: true,
  partyStatus: 'full',
  joinedPartyOn: null,
  confirmedOn: null,
  groupId: null,
  groupName: null,
  phoneMasked: '138****0000',
  posts: [],
  groupLeader: false,
  roles: ['member'],
  state: 'active',
  transferredOn: null,
  transferReason: null,
  ...patch,
})

beforeEach(() => jest.clearAllMocks())

test('the first load asks for active members; filters are trimmed and merged; the group filter is sent only when set', async () => {
  ;(listMembers as jest.Mock).mockResolvedValue({ items: [m('1')], nextCursor: null })
  await useRosterStore.getState().load('b1')
  expect(listMembers).toHaveBeenLastCalledWith({ branchId: 'b1', state: 'active', limit: 30 })
  await useRosterStore.getState().load('b1', { q: ' 王 ', groupId: 'g1' })
  expect(listMembers).toHaveBeenLastCalledWith({ branchId: 'b1', state: 'active', limit: 30, q: '王', groupId: 'g1' })
  await useRosterStore.getState().load('b1', { state: 'transferred' })
  // earlier filters stay
  expect(listMembers).toHaveBeenLastCalledWith({ branchId: 'b1', state: 'transferred', limit: 30, q: '王', groupId: 'g1' })
  // another branch starts from the default filter
  await useRosterStore.getState().load('b2')
  expect(listMembers).toHaveBeenLastCalledWith({ branchId: 'b2', state: 'active', limit: 30 })
})

test('加载更多 appends the next page by cursor, skipping members already shown, and stops at the end', async () => {
  ;(listMembers as jest.Mock)
    .mockResolvedValueOnce({ items: [m('1'), m('2')], nextCursor: 'c1' })
    .mockResolvedValueOnce({ items: [m('2'), m('3')], nextCursor: null })
  await useRosterStore.getState().load('b1')
  await useRosterStore.getState().loadMore()
  expect(listMembers).toHaveBeenLastCalledWith({ branchId: 'b1', state: 'active', limit: 30, cursor: 'c1' })
  expect(useRosterStore.getState().items.map((x) => x.id)).toEqual(['1', '2', '3'])
  expect(useRosterStore.getState().nextCursor).toBeNull()
  await useRosterStore.getState().loadMore()
  expect(listMembers).toHaveBeenCalledTimes(2)
})

test('an answer for an older filter is dropped', async () => {
  let slow: (v: unknown) => void = () => undefined
  ;(listMembers as jest.Mock)
    .mockReturnValueOnce(new Promise((r) => (slow = r)))
    .mockResolvedValueOnce({ items: [m('9', { name: '王芳' })], nextCursor: null })
  const first = useRosterStore.getState().load('b1')
  await useRosterStore.getState().load('b1', { q: '王' })
  slow({ items: [m('1')], nextCursor: null })
  await first
  expect(useRosterStore.getState().items.map((x) => x.name)).toEqual(['王芳'])
})

test('a member transferred out leaves the 在册 list and stays in 全部', async () => {
  ;(listMembers as jest.Mock).mockResolvedValue({ items: [m('1'), m('2')], nextCursor: null })
  await useRosterStore.getState().load('b1')
  useRosterStore.getState().changed(m('1', { state: 'transferred', transferredOn: '2026-11-20' }))
  expect(useRosterStore.getState().items.map((x) => x.id)).toEqual(['2'])
  await useRosterStore.getState().load('b1', { state: 'all' })
  useRosterStore.getState().changed(m('2', { state: 'transferred' }))
  expect(useRosterStore.getState().items.find((x) => x.id === '2')?.state).toBe('transferred')
})

test('groups load for the filter; a failure leaves the roster usable', async () => {
  ;(listGroups as jest.Mock).mockResolvedValueOnce({ items: [{ id: 'g1', branchId: 'b1', name: '第一党小组', leaderName: null, memberCount: 3 }] })
  await useRosterStore.getState().loadGroups('b1')
  expect(useRosterStore.getState().groups).toEqual([{ id: 'g1', name: '第一党小组' }])
  ;(listGroups as jest.Mock).mockRejectedValueOnce(new Error('x'))
  await useRosterStore.getState().loadGroups('b1')
  expect(useRosterStore.getState().groups).toHaveLength(1)
})

test('the list shows status, group, posts and masked phone; transferred members read 转出 with the date', async () => {
  ;(listMembers as jest.Mock).mockResolvedValue({
    items: [
      m('1', { name: '李建国', posts: ['组织委员'], groupName: '第一党小组', groupLeader: true }),
      m('2', { name: '王芳', partyStatus: 'probationary', state: 'transferred', transferredOn: '2026-11-20' }),
    ],
    nextCursor: 'c1',
  })
  await act(() => useRosterStore.getState().load('b1', { state: 'all' }))
  const onOpen = jest.fn()
  render(<RosterList onOpen={onOpen} />)
  expect(screen.getByText('李建国')).toBeTruthy()
  expect(screen.getByText('第一党小组组长 · 组织委员 · 138****0000')).toBeTruthy()
  expect(screen.getByText('预备')).toBeTruthy()
  expect(screen.getByText('2026-11-20 转出')).toBeTruthy()
  expect(screen.getByText('加载更多')).toBeTruthy()
  fireEvent.click(screen.getAllByText('王芳').at(-1)!)
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: '2' }))
})

test('an empty search says what was searched', async () => {
  ;(listMembers as jest.Mock).mockResolvedValue({ items: [], nextCursor: null })
  await act(() => useRosterStore.getState().load('b1', { q: '张' }))
  render(<RosterList onOpen={jest.fn()} />)
  expect(screen.getByText('没有找到“张”')).toBeTruthy()
})
