/**
 * Long lists of the activities sub-package are virtual (NutUI React Taro's VirtualList): the 全部活动 rows of a
 * branch with well over a hundred sessions, and the attendance roster of a 200-member branch, render only a window
 * of rows, move it as the list scrolls, and ask for the next page near the end; a short roster stays a plain list.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { RecordRows, RECORD_ROW_HEIGHT } from '../../src/features/activities/components/record-rows'
import { AttendanceEditor, ROSTER_ROW_HEIGHT, VIRTUAL_ROSTER_FROM } from '../../src/features/activities/components/attendance-editor'
import { newDraft, type ActivityDraft } from '../../src/features/activities/draft-store'
import type { ActivityItem } from '../../src/features/activities/list-api'

// The H5 build's data-testid hooks (src/lib/test-id.ts), to count rows.
process.env.TARO_ENV = 'h5'


const activity = (i: number): ActivityItem => ({
  id: `a-${i}`,
  branchId: 'b-a',
  type: i % 2 ? 'theme_day' : 'party_lecture',
  status: 'recorded',
  topic: `第 ${i} 次活动`,
  place: '会议室',
  startAt: new Date(Date.UTC(2026, 10, 20) - i * 86_400_000).toISOString(),
  audience: { kind: 'branch' },
  photos: [],
  photoCount: 0,
  attendance: { expected: 200, present: 180 },
  version: 1,
  createdBy: { openid: 'o', name: '李' },
  createdAt: '2026-11-20T08:00:00.000Z',
})

const rendered = (id: string) => screen.queryAllByTestId(id)
const scrollView = () => document.querySelector('.nut-virtuallist') as HTMLElement

function scrollTo(top: number) {
  const el = scrollView()
  act(() => {
    Object.defineProperty(el, 'scrollTop', { configurable: true, value: top })
    fireEvent.scroll(el)
  })
}

test('130 sessions: a window of rows exists, scrolling moves it, nearing the end asks for the next page', () => {
  const items = Array.from({ length: 130 }, (_, i) => activity(i + 1))
  const onMore = jest.fn()
  render(<RecordRows items={items} hasMore loadingMore={false} moreError={null} onMore={onMore} height={844} />)
  const first = rendered('record-item')
  expect(first.length).toBeGreaterThan(5)
  expect(first.length).toBeLessThan(20)
  expect(first[0].textContent).toContain('第 1 次活动')
  // The rows are placed by a fixed height: the scroll area is as tall as all of them plus the foot.
  expect((document.querySelector('.nut-virtuallist-phantom') as HTMLElement).style.height).toBe(`${131 * RECORD_ROW_HEIGHT}px`)
  expect(onMore).not.toHaveBeenCalled()

  scrollTo(60 * RECORD_ROW_HEIGHT)
  const middle = rendered('record-item')
  expect(middle.length).toBeLessThan(20)
  expect(middle[0].textContent).toContain('第 61 次活动')
  expect(screen.queryByText('第 1 次活动')).toBeNull()
  expect(onMore).not.toHaveBeenCalled()

  scrollTo(124 * RECORD_ROW_HEIGHT)
  expect(screen.getByText('第 130 次活动')).toBeTruthy()
  expect(rendered('record-item').length).toBeLessThan(20)
  expect(onMore).toHaveBeenCalled()
  expect(screen.getByText('加载更多')).toBeTruthy()
})

test('at the end of the sessions the foot says how many there are and asks for nothing', () => {
  const onMore = jest.fn()
  render(<RecordRows items={[activity(1), activity(2)]} hasMore={false} loadingMore={false} moreError={null} onMore={onMore} height={844} />)
  expect(rendered('record-item')).toHaveLength(2)
  expect(screen.getByText('共 2 次活动，没有更多了')).toBeTruthy()
  scrollTo(10)
  expect(onMore).not.toHaveBeenCalled()
})

test('a failed page shows its error on the foot; tapping it retries', () => {
  const onMore = jest.fn()
  render(<RecordRows items={[activity(1)]} hasMore loadingMore={false} moreError='网络不可用' onMore={onMore} height={844} />)
  fireEvent.click(screen.getByText('网络不可用，点此重试'))
  expect(onMore).toHaveBeenCalledTimes(1)
})

function roster(n: number): ActivityDraft {
  const d = newDraft('record:b-a', 'record', 'b-a')
  return {
    ...d,
    sheet: Array.from({ length: n }, (_, i) => ({
      memberId: `m-${i + 1}`,
      name: `党员${i + 1}`,
      partyStatus: 'full' as const,
      groupName: null,
      signedInAt: null,
      present: true,
    })) as unknown as ActivityDraft['sheet'],
  }
}

test('a roster of 200: a window of rows; marking one absent works; scrolling reaches the last member', () => {
  let draft = roster(200)
  const onMark = jest.fn((memberId: string, mark: { present: boolean; absentReason: string }) => {
    draft = { ...draft, marks: { ...draft.marks, [memberId]: mark } }
  })
  const { rerender } = render(<AttendanceEditor draft={draft} onMark={onMark} />)
  expect(screen.getByText('共 200 人，名单可上下滑动')).toBeTruthy()
  expect(rendered('attendee').length).toBeLessThan(20)
  expect((document.querySelector('.nut-virtuallist-phantom') as HTMLElement).style.height).toBe(`${200 * ROSTER_ROW_HEIGHT}px`)

  fireEvent.click(screen.getByTestId('absent-党员2'))
  expect(onMark).toHaveBeenLastCalledWith('m-2', { present: false, absentReason: '' })
  rerender(<AttendanceEditor draft={draft} onMark={onMark} />)
  fireEvent.click(screen.getByTestId('reason-党员2-病假'))
  expect(onMark).toHaveBeenLastCalledWith('m-2', { present: false, absentReason: '病假' })

  scrollTo(195 * ROSTER_ROW_HEIGHT)
  expect(screen.getByTestId('present-党员200')).toBeTruthy()
  expect(screen.queryByTestId('present-党员1')).toBeNull()
  expect(rendered('attendee').length).toBeLessThan(20)
})

test(`a roster under ${VIRTUAL_ROSTER_FROM} stays a plain list with every member`, () => {
  render(<AttendanceEditor draft={roster(VIRTUAL_ROSTER_FROM - 1)} onMark={jest.fn()} />)
  expect(rendered('attendee')).toHaveLength(VIRTUAL_ROSTER_FROM - 1)
  expect(document.querySelector('.nut-virtuallist')).toBeNull()
})
