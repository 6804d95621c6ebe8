/**
 * The bugs the hand-written list stores had (issue #17), one test each, through each store's own surface:
 * a late 加载更多 answer for an older search must not leave 加载更多 stuck, and must not add rows of the previous
 * branch or filter to the new list.
 */
import { listBranches } from '../../src/features/branches/api'
import { useBranchesStore } from '../../src/features/branches/store'
import { listMembers } from '../../src/features/members/api'
import { useRosterStore } from '../../src/features/members/roster-store'
import { listAudit } from '../../src/features/audit/api'
import { useAuditStore } from '../../src/features/audit/store'
import { getComplianceOverview } from '../../src/features/reminders/api'
import { useComplianceOverviewStore } from '../../src/features/reminders/compliance-store'
import { getOverview } from '../../src/features/dashboard/api'
import { useDashboardStore, useOverviewListStore } from '../../src/features/dashboard/store'

jest.mock('../../src/features/branches/api', () => ({ BRANCH_PAGE_SIZE: 20, listBranches: jest.fn(), createBranch: jest.fn() }))
jest.mock('../../src/features/members/api', () => ({ ROSTER_PAGE_SIZE: 30, listMembers: jest.fn(), listGroups: jest.fn() }))
jest.mock('../../src/features/audit/api', () => ({ listAudit: jest.fn() }))
jest.mock('../../src/features/reminders/api', () => ({ getComplianceOverview: jest.fn(), getBranchCompliance: jest.fn() }))
jest.mock('../../src/features/dashboard/api', () => ({
  getOverview: jest.fn(),
  getHeatmap: jest.fn(),
  getPoints: jest.fn(),
  getBranchDetail: jest.fn(),
  startExport: jest.fn(),
  stepExport: jest.fn(),
}))

/** A call whose answer the test releases later. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const row = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...extra }) as never

beforeEach(() => {
  jest.clearAllMocks()
  useBranchesStore.getState().reset()
  useRosterStore.getState().reset()
  useAuditStore.getState().reset()
  useComplianceOverviewStore.getState().reset()
  useDashboardStore.getState().reset()
})

test('branches: 加载更多 still works after a new search overtook a page of the old one', async () => {
  const late = deferred<unknown>()
  ;(listBranches as jest.Mock)
    .mockResolvedValueOnce({ items: [row('a1')], nextCursor: 'old' })
    .mockReturnValueOnce(late.promise)
    .mockResolvedValueOnce({ items: [row('x1')], nextCursor: 'x-next' })
    .mockResolvedValueOnce({ items: [row('x2')], nextCursor: null })
  const store = useBranchesStore.getState()
  await store.load('')
  const more = store.loadMore()
  await store.load('湖南')
  late.resolve({ items: [row('a2')], nextCursor: null })
  await more
  expect(useBranchesStore.getState().loadingMore).toBe(false)
  await useBranchesStore.getState().loadMore()
  expect(listBranches).toHaveBeenLastCalledWith('湖南', 'x-next')
  expect(useBranchesStore.getState().items.map((b) => b.id)).toEqual(['x1', 'x2'])
})

test('roster: 加载更多 still works after a new filter overtook a page of the old one', async () => {
  const late = deferred<unknown>()
  ;(listMembers as jest.Mock)
    .mockResolvedValueOnce({ items: [row('m1')], nextCursor: 'old' })
    .mockReturnValueOnce(late.promise)
    .mockResolvedValueOnce({ items: [row('w1', { state: 'active' })], nextCursor: 'w-next' })
    .mockResolvedValueOnce({ items: [row('w2', { state: 'active' })], nextCursor: null })
  await useRosterStore.getState().load('b1')
  const more = useRosterStore.getState().loadMore()
  await useRosterStore.getState().load('b1', { q: '王' })
  late.resolve({ items: [row('m2')], nextCursor: null })
  await more
  expect(useRosterStore.getState().loadingMore).toBe(false)
  await useRosterStore.getState().loadMore()
  expect(listMembers).toHaveBeenLastCalledWith({ branchId: 'b1', state: 'active', limit: 30, q: '王', cursor: 'w-next' })
  expect(useRosterStore.getState().items.map((x) => x.id)).toEqual(['w1', 'w2'])
})

test('audit: a late page of the previous branch is not added to the next branch', async () => {
  const late = deferred<unknown>()
  ;(listAudit as jest.Mock)
    .mockResolvedValueOnce({ items: [row('b1-1')], nextCursor: 'b1-next' })
    .mockReturnValueOnce(late.promise)
    .mockResolvedValueOnce({ items: [row('b2-1')], nextCursor: null })
  await useAuditStore.getState().load('b1')
  const more = useAuditStore.getState().loadMore()
  await useAuditStore.getState().load('b2')
  late.resolve({ items: [row('b1-2')], nextCursor: 'b1-later' })
  await more
  const s = useAuditStore.getState()
  expect(s.items.map((e) => e.id)).toEqual(['b2-1'])
  expect(s.nextCursor).toBeNull()
  expect(s.loadingMore).toBe(false)
})

test('compliance overview: a late page of the previous filter is not added to 只看未达标', async () => {
  const late = deferred<unknown>()
  const r = (branchId: string) => ({ branchId }) as never
  ;(getComplianceOverview as jest.Mock)
    .mockResolvedValueOnce({ items: [r('all-1')], nextCursor: 'all-next', date: '2026-12-02' })
    .mockReturnValueOnce(late.promise)
    .mockResolvedValueOnce({ items: [r('gap-1')], nextCursor: null, date: '2026-12-02' })
  await useComplianceOverviewStore.getState().load(false)
  const more = useComplianceOverviewStore.getState().loadMore()
  await useComplianceOverviewStore.getState().load(true)
  late.resolve({ items: [r('all-2')], nextCursor: 'all-later', date: '2026-12-02' })
  await more
  const s = useComplianceOverviewStore.getState()
  expect(s.items.map((x) => x.branchId)).toEqual(['gap-1'])
  expect(s.nextCursor).toBeNull()
  expect(s.loadingMore).toBe(false)
})

test('dashboard overview: a late page of the previous filter does not bring the old list back', async () => {
  const late = deferred<unknown>()
  const page = (ids: string[], nextOffset: number | null) => ({ items: ids.map((branchId) => ({ branchId })), nextOffset, total: 9 })
  ;(getOverview as jest.Mock)
    .mockResolvedValueOnce(page(['all-1'], 30))
    .mockReturnValueOnce(late.promise)
    .mockResolvedValueOnce(page(['late-1'], null))
  useDashboardStore.setState({ year: 2026 })
  await useDashboardStore.getState().loadList()
  const more = useDashboardStore.getState().loadMore()
  useDashboardStore.getState().setFilter('late' as never)
  await new Promise((r) => setTimeout(r, 0))
  late.resolve(page(['all-2'], null))
  await more
  expect(useOverviewListStore.getState().items.map((x) => x.branchId)).toEqual(['late-1'])
  expect(useOverviewListStore.getState().loadingMore).toBe(false)
})
