/** The record's page: the read-only banner, sign-in during the window, quorum and absences, delete needs a reason. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { ActivityDetail } from '../../src/features/activities/components/activity-detail'
import { attendanceSheet, removeActivity, signIn } from '../../src/features/activities/api'

jest.mock('../../src/features/activities/api', () => ({
  getActivity: jest.fn(() => new Promise(() => undefined)),
  removeActivity: jest.fn(() => Promise.resolve({ id: 'a1', deleted: true })),
  signIn: jest.fn(() => Promise.resolve({ activityId: 'a1', topic: '党员大会', name: '赵磊', signedInAt: '2026-11-23T06:05:00.000Z', already: false })),
  signInQr: jest.fn(() => Promise.resolve({ fileID: 'cloud://x/qr.png', url: 'http://x/qr.png' })),
  attendanceSheet: jest.fn(),
  activityHistory: jest.fn(),
  upcomingActivities: jest.fn(),
  monthActivities: jest.fn(),
  activityPhotoPath: (b: string, d: string, k: string) => `activities/${b}/${d}/${k}.jpg`,
  planActivity: jest.fn(),
  recordActivity: jest.fn(),
  updateActivity: jest.fn(),
}))

// Taro's <Input> web component does not take typed values in jsdom; a plain input stands in for the text field.
jest.mock('../../src/components/form', () => ({
  ...jest.requireActual('../../src/components/form'),
  TextInput: ({ value, onChange, placeholder }: { value: string; onChange(v: string): void; placeholder?: string }) =>
    require('react').createElement('input', { value, placeholder, onChange: (e: { target: { value: string } }) => onChange(e.target.value) }),
}))

const base = {
  id: 'a1',
  branchId: 'b1',
  type: 'party_congress' as const,
  status: 'recorded' as const,
  topic: '第四季度党员大会',
  place: '三楼会议室',
  startAt: '2026-11-23T06:00:00.000Z',
  audience: { kind: 'branch' as const },
  host: '李建国',
  recorder: '王芳',
  minutes: '讨论发展党员事项',
  photos: [{ fileID: 'cloud://x/1.jpg', url: 'http://x/1.jpg' }],
  photoCount: 1,
  version: 2,
  voting: true,
  createdBy: { openid: 'o1', name: '李建国' },
  createdAt: '2026-11-23T07:00:00.000Z',
  assignments: [{ id: 'as1', title: '3. 按期召开支部党员大会' }],
  canEdit: false,
  readOnlyReason: null as string | null,
  attendance: {
    expected: 3,
    present: 2,
    absent: 1,
    attendees: [
      { memberId: 'm1', name: '李建国', partyStatus: 'full' as const, present: false, absentReason: '公出' },
      { memberId: 'm2', name: '王芳', partyStatus: 'full' as const, present: true },
      { memberId: 'm3', name: '赵磊', partyStatus: 'probationary' as const, present: true },
    ],
    quorum: { voters: 2, presentVoters: 1, reached: false },
  },
  signIn: { opensAt: '2026-11-23T05:30:00.000Z', closesAt: '2026-11-23T09:00:00.000Z', open: true, count: 2, eligible: true, signedInAt: null as string | null },
}

// Lazy-loaded images watch the viewport; jsdom has no IntersectionObserver.
class NoObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
;(globalThis as unknown as { IntersectionObserver: unknown }).IntersectionObserver = NoObserver

beforeEach(() => jest.clearAllMocks())

test('a member reads the record: counts, absences with reasons, quorum, linked points; signs in during the window', async () => {
  render(<ActivityDetail activity={base} onRemoved={jest.fn()} />)
  expect(screen.getByText('出席情况：应到 3 人，实到 2 人，缺席 1 人')).toBeTruthy()
  expect(screen.getByText('缺席：李建国（公出）')).toBeTruthy()
  expect(screen.getByText(/未超过半数，不能表决/)).toBeTruthy()
  expect(screen.getByText('· 3. 按期召开支部党员大会')).toBeTruthy()
  expect(screen.queryByText('删除')).toBeNull()
  await act(async () => {
    fireEvent.click(screen.getByText('签到'))
  })
  expect(signIn).toHaveBeenCalledWith('a1', 'page')
  expect(await screen.findByText('赵磊，签到成功')).toBeTruthy()
})

test('a locked record shows why; a writer must give a reason to delete', async () => {
  const onRemoved = jest.fn()
  const { rerender } = render(<ActivityDetail activity={{ ...base, readOnlyReason: '活动已超过 30 天，记录只读；如需更正请联系党委' }} onRemoved={onRemoved} />)
  expect(screen.getByText('活动已超过 30 天，记录只读；如需更正请联系党委')).toBeTruthy()

  rerender(<ActivityDetail activity={{ ...base, canEdit: true, signIn: { ...base.signIn, eligible: false } }} onRemoved={onRemoved} />)
  fireEvent.click(screen.getByText('删除'))
  await act(async () => {
    fireEvent.click(screen.getByText('确认删除'))
  })
  expect(screen.getByText('请填写删除原因')).toBeTruthy()
  expect(removeActivity).not.toHaveBeenCalled()
  fireEvent.change(screen.getByPlaceholderText('例如：重复录入'), { target: { value: '重复录入' } })
  await act(async () => {
    fireEvent.click(screen.getByText('确认删除'))
  })
  expect(screen.queryByText('请填写删除原因')).toBeNull()
  expect(removeActivity).toHaveBeenCalledWith('a1', '重复录入', undefined)
  expect(onRemoved).toHaveBeenCalled()
})

test('the sign-in code shows who has signed in, newest first, and keeps reading as people scan', async () => {
  jest.useFakeTimers()
  const sheet = (signed: [string, string, string][]) => ({
    expected: 3,
    present: 0,
    voters: 2,
    attendees: [
      ...signed.map(([memberId, name, at]) => ({ memberId, name, partyStatus: 'full' as const, present: false, signedInAt: at, groupName: null })),
      { memberId: 'm9', name: '孙丽', partyStatus: 'full' as const, present: false, groupName: null },
    ],
  })
  ;(attendanceSheet as jest.Mock).mockResolvedValueOnce(sheet([['m2', '王芳', '2026-11-23T05:40:00.000Z']]))
  render(<ActivityDetail activity={{ ...base, status: 'planned', canEdit: true, attendance: undefined } as never} onRemoved={jest.fn()} />)
  await act(async () => {
    fireEvent.click(screen.getByText(/显示签到二维码/))
  })
  expect(await screen.findByText('请参会党员用微信扫码签到；已签到 1 人')).toBeTruthy()
  expect(screen.getByText('王芳 13:40')).toBeTruthy()
  expect(attendanceSheet).toHaveBeenCalledWith({ branchId: 'b1', id: 'a1' })

  // 赵磊 scans; the next read (5 s later) lists him first.
  ;(attendanceSheet as jest.Mock).mockResolvedValueOnce(sheet([['m2', '王芳', '2026-11-23T05:40:00.000Z'], ['m3', '赵磊', '2026-11-23T05:52:00.000Z']]))
  await act(async () => {
    jest.advanceTimersByTime(5000)
  })
  expect(await screen.findByText('请参会党员用微信扫码签到；已签到 2 人')).toBeTruthy()
  const names = screen.getAllByText(/^(王芳|赵磊) \d\d:\d\d$/).map((n) => n.textContent)
  expect(names).toEqual(['赵磊 13:52', '王芳 13:40'])
  jest.useRealTimers()
})

test('a planned session is offered for recording only once it is on; before that the page says from when', () => {
  const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000).toISOString()
  const { rerender } = render(<ActivityDetail activity={{ ...base, status: 'planned', canEdit: true, startAt: inAWeek, attendance: undefined } as never} onRemoved={jest.fn()} />)
  expect(screen.queryByText('记录这次活动')).toBeNull()
  // Short (walk: the long form wrapped in the pill): 12月4日, with the year only when not this year.
  expect(screen.getByText(/^开始后可记录 · (\d{4}年)?\d+月\d+日 \d\d:\d\d 起$/)).toBeTruthy()

  const inTenMinutes = new Date(Date.now() + 10 * 60_000).toISOString() // sign-in opens 30 minutes before
  rerender(<ActivityDetail activity={{ ...base, status: 'planned', canEdit: true, startAt: inTenMinutes, attendance: undefined } as never} onRemoved={jest.fn()} />)
  expect(screen.getByText('记录这次活动')).toBeTruthy()
  expect(screen.queryByText(/^开始后可记录/)).toBeNull()
})
