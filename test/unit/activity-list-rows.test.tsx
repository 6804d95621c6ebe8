/**
 * A saved session entering a loaded list (the 活动 tab's first page, 全部活动's pages): replaced in place, or put
 * where its start belongs — but not past the pages loaded so far, where a later page brings it.
 */
import { withSaved, type ActivityItem } from '../../src/features/activities/list-api'
import { savedActivity } from '../support/activity-fixtures'

const item = (id: string, startAt: string, photos = 0) =>
  savedActivity({ id, startAt, photos: Array.from({ length: photos }, (_, i) => ({ fileID: `f${i}` })) }) as unknown as ActivityItem
const ids = (items: ActivityItem[]) => items.map((a) => a.id)
const loaded = [item('c', '2026-11-20T01:00:00Z'), item('b', '2026-11-10T01:00:00Z'), item('a', '2026-11-01T01:00:00Z')]

test('an edited session is replaced where it is, with one thumbnail', () => {
  const out = withSaved(loaded, item('b', '2026-11-10T01:00:00Z', 3), true)
  expect(ids(out)).toEqual(['c', 'b', 'a'])
  expect(out[1].photos).toHaveLength(1)
})

test('a new session goes where its start belongs, newest first', () => {
  expect(ids(withSaved(loaded, item('n', '2026-11-15T01:00:00Z'), true))).toEqual(['c', 'n', 'b', 'a'])
  expect(ids(withSaved(loaded, item('n', '2026-12-01T01:00:00Z'), true))).toEqual(['n', 'c', 'b', 'a'])
})

test('one older than every loaded row waits for its page while more pages remain; at the end it is added', () => {
  const old = item('o', '2026-10-01T01:00:00Z')
  expect(ids(withSaved(loaded, old, true))).toEqual(['c', 'b', 'a'])
  expect(ids(withSaved(loaded, old, false))).toEqual(['c', 'b', 'a', 'o'])
})
