/** The one paged list (src/lib/paged-list.ts): first page, 加载更多, refresh, stale answers, duplicates, errors, the end. */
import { createPagedList, type ListPage } from '../../src/lib/paged-list'

jest.mock('../../src/services/api', () => ({ errorMessage: (e: unknown) => (e instanceof Error ? e.message : '操作失败') }))

interface Row {
  id: string
  scope: string
}

/** A call whose answer the test releases later. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

const rows = (scope: string, ...ids: string[]): Row[] => ids.map((id) => ({ id, scope }))
const page = (items: Row[], next: string | null, meta?: { total: number }): ListPage<Row, string, { total: number }> => ({ items, next, meta })

function makeList() {
  const fetch = jest.fn<Promise<ListPage<Row, string, { total: number }>>, [string, string | null]>()
  const store = createPagedList<Row, string, string, { total: number }>({ fetch, id: (r) => r.id })
  return { fetch, store, state: () => store.getState() }
}

test('load reads the first page of a scope; 加载更多 appends by cursor, skipping rows already shown; the end says no more', async () => {
  const { fetch, state } = makeList()
  fetch.mockResolvedValueOnce(page(rows('a', '1', '2', '2'), 'c1', { total: 3 })).mockResolvedValueOnce(page(rows('a', '2', '3'), null, { total: 99 }))
  expect(state()).toMatchObject({ status: 'idle', items: [], scope: null })
  const first = state().load('a')
  expect(state()).toMatchObject({ status: 'loading', scope: 'a' })
  await first
  expect(fetch).toHaveBeenLastCalledWith('a', null)
  expect(state()).toMatchObject({ status: 'ready', nextCursor: 'c1', meta: { total: 3 } })
  expect(state().items.map((r) => r.id)).toEqual(['1', '2'])
  await state().loadMore()
  expect(fetch).toHaveBeenLastCalledWith('a', 'c1')
  expect(state().items.map((r) => r.id)).toEqual(['1', '2', '3'])
  // The first page's meta stays; a later page does not replace it.
  expect(state()).toMatchObject({ nextCursor: null, loadingMore: false, meta: { total: 3 } })
  await state().loadMore()
  expect(fetch).toHaveBeenCalledTimes(2)
})

test('加载更多 does nothing before the first page, while one is coming, or after the first page failed', async () => {
  const { fetch, state } = makeList()
  await state().loadMore()
  expect(fetch).not.toHaveBeenCalled()
  fetch.mockResolvedValueOnce(page(rows('a', '1'), 'c1'))
  await state().load('a')
  const slow = deferred<ListPage<Row, string, { total: number }>>()
  fetch.mockReturnValueOnce(slow.promise)
  const more = state().loadMore()
  await state().loadMore()
  expect(fetch).toHaveBeenCalledTimes(2)
  expect(state().loadingMore).toBe(true)
  slow.resolve(page(rows('a', '2'), null))
  await more
  expect(state().loadingMore).toBe(false)
  fetch.mockRejectedValueOnce(new Error('网络不可用'))
  await state().load('b')
  expect(state()).toMatchObject({ status: 'error', error: '网络不可用', items: [] })
  await state().loadMore()
  expect(fetch).toHaveBeenCalledTimes(3)
})

test('a failed 加载更多 keeps the rows and says why; the next tap tries the same cursor again', async () => {
  const { fetch, state } = makeList()
  fetch.mockResolvedValueOnce(page(rows('a', '1'), 'c1')).mockRejectedValueOnce(new Error('服务暂时不可用')).mockResolvedValueOnce(page(rows('a', '2'), null))
  await state().load('a')
  await state().loadMore()
  expect(state()).toMatchObject({ status: 'ready', loadingMore: false, moreError: '服务暂时不可用', nextCursor: 'c1' })
  expect(state().items).toHaveLength(1)
  await state().loadMore()
  expect(fetch).toHaveBeenLastCalledWith('a', 'c1')
  expect(state()).toMatchObject({ moreError: null, nextCursor: null })
  expect(state().items.map((r) => r.id)).toEqual(['1', '2'])
})

test('an answer for an older scope is dropped, whether a first page or a next page, and 加载更多 is never left stuck', async () => {
  const { fetch, state } = makeList()
  const oldFirst = deferred<ListPage<Row, string, { total: number }>>()
  fetch.mockReturnValueOnce(oldFirst.promise).mockResolvedValueOnce(page(rows('b', 'b1'), 'b-c1'))
  const a = state().load('a')
  await state().load('b')
  oldFirst.resolve(page(rows('a', 'a1'), 'a-c1'))
  await a
  expect(state()).toMatchObject({ scope: 'b', nextCursor: 'b-c1' })
  expect(state().items.map((r) => r.id)).toEqual(['b1'])

  const oldMore = deferred<ListPage<Row, string, { total: number }>>()
  fetch.mockReturnValueOnce(oldMore.promise).mockResolvedValueOnce(page(rows('c', 'c1'), 'c-c1'))
  const more = state().loadMore()
  expect(state().loadingMore).toBe(true)
  await state().load('c')
  expect(state().loadingMore).toBe(false)
  oldMore.resolve(page(rows('b', 'b2'), 'b-c2'))
  await more
  expect(state().items.map((r) => r.id)).toEqual(['c1'])
  expect(state()).toMatchObject({ nextCursor: 'c-c1', loadingMore: false })

  // A next page that fails after the scope changed says nothing about the new list either.
  const oldFail = deferred<ListPage<Row, string, { total: number }>>()
  fetch.mockReturnValueOnce(oldFail.promise).mockResolvedValueOnce(page(rows('d', 'd1'), null))
  const failing = state().loadMore()
  await state().load('d')
  oldFail.reject(new Error('旧的错误'))
  await failing
  expect(state()).toMatchObject({ scope: 'd', moreError: null, error: null, status: 'ready' })
})

test('refresh reads the first page of the same scope again and keeps the rows on screen meanwhile; a new scope clears them', async () => {
  const { fetch, state } = makeList()
  await state().refresh()
  expect(fetch).not.toHaveBeenCalled()
  fetch.mockResolvedValueOnce(page(rows('a', '1', '2'), 'c1'))
  await state().load('a')
  const again = deferred<ListPage<Row, string, { total: number }>>()
  fetch.mockReturnValueOnce(again.promise)
  const refreshing = state().refresh()
  expect(fetch).toHaveBeenLastCalledWith('a', null)
  expect(state()).toMatchObject({ status: 'loading' })
  expect(state().items).toHaveLength(2)
  again.resolve(page(rows('a', '0', '1'), 'c2'))
  await refreshing
  expect(state().items.map((r) => r.id)).toEqual(['0', '1'])
  fetch.mockReturnValueOnce(new Promise(() => undefined))
  void state().load('b')
  expect(state()).toMatchObject({ items: [], nextCursor: null, meta: null, status: 'loading' })
})

test('scopes are compared by value: an equal filter object keeps the rows', async () => {
  const fetch = jest.fn().mockResolvedValue({ items: [{ id: '1' }], next: null })
  const store = createPagedList<{ id: string }, { branchId: string; q: string }>({ fetch, id: (r) => r.id })
  await store.getState().load({ branchId: 'b1', q: '' })
  fetch.mockReturnValueOnce(new Promise(() => undefined))
  void store.getState().load({ branchId: 'b1', q: '' })
  expect(store.getState().items).toHaveLength(1)
  void store.getState().load({ branchId: 'b1', q: '王' })
  expect(store.getState().items).toHaveLength(0)
})

test('setItems changes rows in place; reset forgets everything and drops answers still coming', async () => {
  const { fetch, state } = makeList()
  fetch.mockResolvedValueOnce(page(rows('a', '1', '2'), 'c1'))
  await state().load('a')
  state().setItems((items) => items.filter((r) => r.id !== '1'))
  expect(state().items.map((r) => r.id)).toEqual(['2'])
  const late = deferred<ListPage<Row, string, { total: number }>>()
  fetch.mockReturnValueOnce(late.promise)
  const more = state().loadMore()
  state().reset()
  late.resolve(page(rows('a', '3'), null))
  await more
  expect(state()).toMatchObject({ scope: null, items: [], status: 'idle', loadingMore: false, nextCursor: null })
})
