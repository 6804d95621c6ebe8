/**
 * The 活动 tab's and the 工作要点 tab's stores on the paged list (src/lib/paged-list.ts), as the other lists are:
 * an answer for the branch left behind does not fill the list of the branch now shown, a reload of the same branch
 * keeps its rows on screen, and a failure says why. The 全部活动 page's store is made the same way and pages on.
 */
import { listActivities } from '../../src/features/activities/list-api'
import { useActivitiesStore } from '../../src/features/activities/store'
import { useRecordsStore } from '../../src/features/activities/records-store'
import { listAssignments } from '../../src/features/work-points/api'
import { useWorkPointsStore } from '../../src/features/work-points/store'

jest.mock('../../src/features/activities/list-api', () => ({
  ...jest.requireActual('../../src/features/activities/list-api'),
  listActivities: jest.fn(),
}))
jest.mock('../../src/features/work-points/api', () => ({ listAssignments: jest.fn() }))

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
const session = (id: string, branchId: string, startAt = '2026-11-20T01:00:00.000Z') => ({ id, branchId, startAt, photos: [] }) as never
const point = (id: string) => ({ id }) as never

beforeEach(() => {
  jest.clearAllMocks()
  useActivitiesStore.getState().reset()
  useRecordsStore.getState().reset()
  useWorkPointsStore.getState().reset()
})

test('活动 tab: a late answer for the previous branch is dropped; the new branch shows its own sessions', async () => {
  const late = deferred<unknown>()
  ;(listActivities as jest.Mock).mockReturnValueOnce(late.promise).mockResolvedValueOnce({ items: [session('b-1', 'b')], nextCursor: null })
  const first = useActivitiesStore.getState().load('a')
  await useActivitiesStore.getState().load('b')
  late.resolve({ items: [session('a-1', 'a')], nextCursor: null })
  await first
  expect(useActivitiesStore.getState()).toMatchObject({ scope: 'b', status: 'ready', items: [{ id: 'b-1' }] })
  expect(listActivities).toHaveBeenLastCalledWith('b', null, 10)
})

test('活动 tab: the same branch is not read again unless forced, and a forced reload keeps the rows shown meanwhile', async () => {
  ;(listActivities as jest.Mock).mockResolvedValueOnce({ items: [session('a-1', 'a')], nextCursor: 'c1' })
  await useActivitiesStore.getState().load('a')
  await useActivitiesStore.getState().load('a')
  expect(listActivities).toHaveBeenCalledTimes(1)
  const again = deferred<unknown>()
  ;(listActivities as jest.Mock).mockReturnValueOnce(again.promise)
  const reload = useActivitiesStore.getState().load('a', true)
  expect(useActivitiesStore.getState()).toMatchObject({ status: 'loading', items: [{ id: 'a-1' }] })
  again.resolve({ items: [session('a-2', 'a'), session('a-1', 'a')], nextCursor: null })
  await reload
  expect(useActivitiesStore.getState().items.map((a) => a.id)).toEqual(['a-2', 'a-1'])
})

test('全部活动: made the same way, it pages on by cursor without repeats', async () => {
  ;(listActivities as jest.Mock)
    .mockResolvedValueOnce({ items: [session('a-1', 'a'), session('a-2', 'a')], nextCursor: 'c1' })
    .mockResolvedValueOnce({ items: [session('a-2', 'a'), session('a-3', 'a')], nextCursor: null })
  await useRecordsStore.getState().load('a')
  await useRecordsStore.getState().loadMore()
  expect(useRecordsStore.getState().items.map((a) => a.id)).toEqual(['a-1', 'a-2', 'a-3'])
  expect(listActivities).toHaveBeenLastCalledWith('a', 'c1', 20)
})

test('工作要点 tab: a late answer for the previous branch is dropped; a failure is said and a retry recovers', async () => {
  const late = deferred<unknown>()
  ;(listAssignments as jest.Mock).mockReturnValueOnce(late.promise).mockRejectedValueOnce(new Error('网络不可用')).mockResolvedValueOnce({ items: [point('p-b')], nextCursor: null })
  const first = useWorkPointsStore.getState().load('a')
  await useWorkPointsStore.getState().load('b')
  expect(useWorkPointsStore.getState()).toMatchObject({ scope: 'b', status: 'error', error: '出了点问题，请稍后重试' })
  late.resolve({ items: [point('p-a')], nextCursor: null })
  await first
  expect(useWorkPointsStore.getState()).toMatchObject({ scope: 'b', status: 'error', items: [] })
  await useWorkPointsStore.getState().load('b')
  expect(useWorkPointsStore.getState()).toMatchObject({ scope: 'b', status: 'ready', error: null, items: [{ id: 'p-b' }] })
  expect(listAssignments).toHaveBeenLastCalledWith({ branchId: 'b', limit: 100 })
})
