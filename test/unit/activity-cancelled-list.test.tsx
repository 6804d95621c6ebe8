/**
 * A cancelled session in the 活动 tab (ActivityList on useActivitiesStore; docs/activities.md 「取消的活动」): greyed,
 * 已取消 with the reason, opening nothing; cancelling on this device keeps the row (marked) where deleting removes it;
 * 首页's recent list leaves it out.
 */
import Taro from '@tarojs/taro'
import { fireEvent, render } from '@testing-library/react'
import { ActivityList } from '../../src/features/activities/components/activity-list'
import { RecentActivities } from '../../src/features/activities/components/recent-activities'
import { RecordRow } from '../../src/features/activities/components/record-rows'
import { useActivitiesStore } from '../../src/features/activities/store'
import { followCancelled, followRemoved } from '../../src/features/activities/records-store'
import type { ActivityItem } from '../../src/features/activities/list-api'
import { savedActivity } from '../support/activity-fixtures'

const NOW = Date.parse('2026-12-03T02:00:00Z')
const item = (id: string, startAt: string, more: Partial<ActivityItem> = {}) =>
  ({ ...(savedActivity({ id, startAt, status: 'planned', topic: `主题 ${id}` }) as unknown as ActivityItem), ...more }) as ActivityItem

function show(items: ActivityItem[]) {
  useActivitiesStore.setState({ items, status: 'ready', scope: 'b1', nextCursor: null, error: null })
}

test('a cancelled session shows greyed with 已取消 and the reason, and opens nothing', () => {
  show([item('c', '2026-12-10T06:00:00Z', { cancelled: { reason: '上级党委通知延期', at: '2026-12-02T01:00:00Z' } }), item('k', '2026-12-08T06:00:00Z')])
  const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }) as never)
  const { container } = render(<ActivityList now={NOW} />)
  const row = container.querySelector('.activity-card--cancelled') as HTMLElement
  expect(container.querySelectorAll('.activity-card--cancelled')).toHaveLength(1)
  expect(row.textContent).toContain('已取消')
  expect(row.textContent).toContain('取消原因：上级党委通知延期')
  expect(row.textContent).toContain('主题 c')
  fireEvent.click(row)
  expect(nav).not.toHaveBeenCalled()
  // The planned one beside it is as before.
  const planned = container.querySelector('.activity-card--soon') as HTMLElement
  expect(planned.textContent).toContain('主题 k')
  expect(planned.textContent).toContain('即将开展')
  nav.mockRestore()
})

test('cancelled here: the row stays, marked (the page then says removed, which keeps it); deleted: it goes', () => {
  show([item('c', '2026-12-10T06:00:00Z'), item('d', '2026-12-09T06:00:00Z')])
  followCancelled('c', '场地临时不可用')
  followRemoved('c')
  followRemoved('d')
  const items = useActivitiesStore.getState().items
  expect(items.map((a) => a.id)).toEqual(['c'])
  expect(items[0].cancelled?.reason).toBe('场地临时不可用')
})

test('首页 lists no cancelled session', () => {
  show([item('c', '2026-12-10T06:00:00Z', { cancelled: { reason: '延期', at: '2026-12-02T01:00:00Z' } }), item('k', '2026-12-08T06:00:00Z')])
  const { container } = render(<RecentActivities now={new Date(NOW)} />)
  expect(container.textContent).toContain('主题 k')
  expect(container.textContent).not.toContain('主题 c')
})

test('全部活动: a cancelled row is greyed, says 已取消 and why, and opens nothing', () => {
  const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }) as never)
  const { container } = render(<RecordRow activity={item('c', '2026-12-10T06:00:00Z', { cancelled: { reason: '上级党委通知延期', at: '2026-12-02T01:00:00Z' } })} now={NOW} />)
  const row = container.querySelector('.record-row--cancelled') as HTMLElement
  expect(row.textContent).toContain('已取消')
  expect(row.textContent).toContain('取消原因：上级党委通知延期')
  expect(row.textContent).not.toContain('即将开展')
  fireEvent.click(row)
  expect(nav).not.toHaveBeenCalled()
  nav.mockRestore()
})
