/**
 * #16 items 13, 14 and 16 and the user walk's findings, as a person reads the screens: one name per activity type,
 * 完成 x/y coloured by what it means and no 「逾期 0」, heatmap names without their shared prefix, the notice form's
 * empty audience, the invitation code's example, dates as 2026年12月3日, 撤销支部 closed until asked, 删除 and 取消活动
 * told apart, the 改期 form brought into view, no 支委会 gap for a member, the welcome scrolled to the top, and the H5
 * shell's stale-URL and offline handling.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ACTIVITY_TYPES, ACTIVITY_TYPE_INFO } from '../../types/domain'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from '../../cloud/core/organisation/invite-code'
import { distinctNames, heatmapOption, sharedNameParts } from '../../src/features/dashboard/charts/options'
import { audienceText, emptyNotice } from '../../src/features/reminders/notice-logic'
import { INVITE_CODE, INVITE_CODE_EXAMPLE } from '../../src/features/session/invite-code'
import { ProgressView } from '../../src/features/work-plans/components/progress-view'
import { useProgressStore } from '../../src/features/work-plans/store'
import { BranchRows } from '../../src/features/dashboard/components/branch-rows'
import { MemberCard } from '../../src/features/members/components/member-detail'
import { BranchArchive, BranchInfo } from '../../src/features/branches/components/branch-info'
import { useBranchDetailStore } from '../../src/features/branches/detail-store'
import { PlanChanges } from '../../src/features/activities/components/plan-changes'
import { ActivityDetail } from '../../src/features/activities/components/activity-detail'
import { HomeReminders } from '../../src/features/reminders/components/home-reminders'
import { DevWelcome } from '../../src/features/session/components/dev-welcome.h5'
import { isChunkError, showLoadFailed, staleRoute } from '../../src/lib/h5-shell'
import { callApi } from '../../src/services/api'

jest.mock('../../src/services/api', () => ({ ...jest.requireActual('../../src/services/api'), callApi: jest.fn() }))
jest.mock('../../src/features/activities/api', () => ({ attendanceSheet: jest.fn(), activityHistory: jest.fn() }))
jest.mock('../../src/features/session/api', () => ({ getSession: jest.fn(() => new Promise(() => undefined)) }))
jest.mock('../../src/services/dev-identity', () => ({
  getDevOpenId: () => null,
  setDevOpenId: jest.fn(),
  onDevIdentityChange: () => () => undefined,
  listDevIdentities: () => Promise.resolve([{ openid: 'dev-member-1b', name: '赵磊', roles: [{ role: 'member' }], branchNames: ['湖南省计算机学会党支部'] }]),
}))
jest.mock('../../src/components/form', () => ({
  ...jest.requireActual('../../src/components/form'),
  TextInput: ({ value, onChange, placeholder }: { value: string; onChange(v: string): void; placeholder?: string }) =>
    require('react').createElement('input', { value, placeholder, onChange: (e: { target: { value: string } }) => onChange(e.target.value) }),
}))

beforeEach(() => {
  ;(callApi as jest.Mock).mockReset()
  ;(Taro.pageScrollTo as jest.Mock).mockClear()
})

test('one name per activity type, everywhere: 支部党员大会 and 支委会, never 党员大会 or 支部委员会会议', () => {
  for (const t of ACTIVITY_TYPES) expect(ACTIVITY_TYPE_INFO[t].short).toBe(ACTIVITY_TYPE_INFO[t].name)
  expect(ACTIVITY_TYPE_INFO.party_congress.name).toBe('支部党员大会')
  expect(ACTIVITY_TYPE_INFO.committee_meeting.name).toBe('支委会')
  expect(ACTIVITY_TYPE_INFO.democratic_review.name).toBe('民主评议党员')
})

test('progress: 完成 0/3 is not green, 逾期 shows only when something is late, a late completion reads 逾期完成', () => {
  act(() =>
    useProgressStore.setState({
      progress: {
        points: [
          { seq: 1, title: '党员信息核对', total: 3, done: 0, overdue: 0, doneLate: 0, silent: 3 },
          { seq: 2, title: '年度总结', total: 2, done: 2, overdue: 0, doneLate: 1, silent: 0 },
          { seq: 3, title: '主题党日', total: 2, done: 1, overdue: 1, doneLate: 0, silent: 1 },
        ],
        branches: [],
      },
      drill: null,
    } as never),
  )
  render(<ProgressView onOpenAssignment={jest.fn()} />)
  const done = screen.getAllByText(/^完成 \d\/\d$/)
  expect(done.map((d) => d.className.replace(/\s+/g, ' ').trim())).toEqual([
    'progress-counts__done',
    'progress-counts__done progress-counts__done--all',
    'progress-counts__done progress-counts__done--late',
  ])
  expect(screen.queryByText('逾期 0')).toBeNull()
  expect(screen.getByText('逾期完成 1')).toBeTruthy()
  expect(screen.getByText('逾期 1')).toBeTruthy()
})

test('heatmap: the prefix every branch shares is cut at a whole word; the tooltip names the branch in full', () => {
  const names = ['湖南省计算机学会党支部', '湖南省机械工程学会党支部', '湖南省科普作家协会等联合党支部']
  expect(sharedNameParts(names)).toEqual({ prefix: '湖南省', suffix: '党支部' })
  expect(distinctNames(names)).toEqual(['计算机学会', '机械工程学会', '科普作家协会等联合'])
  // 湖南省计 is shared by the first two, but 计 starts a word: cut after 省.
  expect(distinctNames(['湖南省计算机学会党支部', '湖南省计量测试学会党总支'])).toEqual(['计算机学会党支部', '计量测试学会党总支'])
  expect(distinctNames(['计算机学会党支部', '化学学会党支部'])).toEqual(['计算机学会', '化学学会'])
  expect(distinctNames(['湖南省计算机学会党支部'])).toEqual(['湖南省计算机学会党支部'])
  // Nothing is cut down to nothing: beside a branch named just 湖南省党支部 the tail stays; 甲支部 is not cut to 甲.
  expect(distinctNames(['湖南省党支部', '湖南省化学学会党支部'])).toEqual(['党支部', '化学学会党支部'])
  expect(distinctNames(['甲支部', '乙支部'])).toEqual(['甲支部', '乙支部'])
  const option = heatmapOption(names.map((name, i) => ({ branchId: `b${i}`, name, months: Array(12).fill(i), total: 12 * i })), 2) as {
    yAxis: { data: string[] }
    tooltip: { formatter(p: unknown): string }
  }
  expect(option.yAxis.data[0]).toBe('计算机学会')
  expect(option.tooltip.formatter({ value: [2, 1, 1] })).toBe('湖南省机械工程学会党支部<br/>3月：1 次')
})

test('notice audience: 请选择发送对象 until a branch and a role are chosen, never 「0 个支部（）」', () => {
  const d = emptyNotice()
  expect(audienceText(d)).toBe('发送对象：全部支部的支部书记、支委、党员')
  expect(audienceText({ ...d, scope: 'chosen' })).toBe('请选择发送对象：还没有选支部')
  expect(audienceText({ ...d, scope: 'chosen', roles: [] })).toBe('请选择发送对象：还没有选支部和接收角色')
  expect(audienceText({ ...d, roles: [] })).toBe('请选择发送对象：还没有选接收角色')
  expect(audienceText({ ...d, scope: 'chosen', branches: [{ id: 'b1', name: '一支部' }], roles: ['member'] })).toBe('发送对象：1 个支部（一支部）的党员')
})

test('the join form shows an invitation code as issued: 10 characters of the cloud alphabet', () => {
  expect(INVITE_CODE_EXAMPLE).toHaveLength(INVITE_CODE_LENGTH)
  expect([...INVITE_CODE_EXAMPLE].every((c) => INVITE_ALPHABET.includes(c))).toBe(true)
  expect(INVITE_CODE.test(INVITE_CODE_EXAMPLE)).toBe(true)
})

const branchDetail = {
  branch: { id: 'b1', name: '湖南省计算机学会党支部', kind: 'branch', status: 'active', societies: [], foundedOn: '2012-07-01', startedOn: '2026-12-03' },
  counts: { active: 3, full: 2, probationary: 1, transferred: 0 },
  secretaryName: '李建国',
  guides: [],
  groups: [],
}

test('dates read 2026年12月3日: 启用日期, 入党日期, 最近活动 (inputs keep their picker format)', () => {
  act(() => useBranchDetailStore.setState({ detail: branchDetail } as never))
  render(<BranchInfo canAdminister={false} />)
  expect(screen.getByText('启用日期：2026年12月3日')).toBeTruthy()
  expect(screen.getByText('成立日期：2012年7月1日')).toBeTruthy()
  render(<MemberCard m={{ name: '王芳', partyStatus: 'full', roles: ['member'], posts: [], groupName: null, joinedPartyOn: '2010-07-01', confirmedOn: '2011-07-01', joinedBranchOn: null, bound: true, state: 'active' } as never} />)
  expect(screen.getByText('2010年7月1日')).toBeTruthy()
  render(<BranchRows items={[{ branchId: 'b1', name: '一支部', score: 90, overdue: 0, done: 1, assignments: 2, silent: false, recorded: 4, lastActivityOn: '2026-11-20' }] as never} onPick={jest.fn()} />)
  expect(screen.getByText('最近活动 2026年11月20日 · 本年 4 次')).toBeTruthy()
})

test('撤销支部 is closed until asked for, then needs a reason and a second confirmation; the card has no archive box', () => {
  act(() => useBranchDetailStore.setState({ detail: branchDetail } as never))
  render(<BranchInfo canAdminister />)
  expect(screen.queryByPlaceholderText('例如：所在学会注销')).toBeNull()
  expect(screen.queryByText('撤销支部')).toBeNull()
  render(<BranchArchive />)
  expect(screen.queryByPlaceholderText('例如：所在学会注销')).toBeNull()
  fireEvent.click(screen.getByText('撤销支部…'))
  expect(screen.getByPlaceholderText('例如：所在学会注销')).toBeTruthy()
  expect(screen.getByText('撤销支部')).toBeTruthy()
})

const planned = {
  id: 'a1',
  branchId: 'b1',
  type: 'theme_day' as const,
  status: 'planned' as const,
  topic: '参观红色教育基地',
  place: '学会会议室',
  startAt: '2099-12-05T06:30:00.000Z',
  audience: { kind: 'branch' as const },
  host: '李建国',
  photos: [],
  photoCount: 0,
  version: 1,
  voting: false,
  createdBy: { openid: 'o1', name: '李建国' },
  createdAt: '2026-12-01T07:00:00.000Z',
  assignments: [],
  canEdit: true,
  readOnlyReason: null,
  attendance: null,
  signIn: { opensAt: '2099-12-05T06:00:00.000Z', closesAt: '2099-12-05T09:30:00.000Z', open: false, count: 0, eligible: true, signedInAt: null },
} as never

test('a planned session tells 删除 (录错了) from 取消活动 (通知参加人员); the 改期 form is scrolled into view', async () => {
  render(<ActivityDetail activity={planned} onRemoved={jest.fn()} />)
  expect(screen.getByText('删除（录错了才用）')).toBeTruthy()
  expect(screen.getByText(/删除：这条计划录错了，删掉不通知任何人/)).toBeTruthy()
  render(<PlanChanges a={planned} onChanged={jest.fn()} onCancelled={jest.fn()} />)
  expect(screen.getByText(/活动不开了用“取消活动”：参加人员会收到通知和原因/)).toBeTruthy()
  fireEvent.click(screen.getByText('改期 / 修改安排'))
  await waitFor(() => expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#plan-changes-form' })))
  expect(document.getElementById('plan-changes-form')).not.toBeNull()
})

const compliance = {
  items: [
    { type: 'committee_meeting', sentence: '本月支委会尚未召开，还剩 10 天', previous: { sentence: '上月（11月）支委会未召开' } },
    { type: 'party_congress', sentence: '本季度支部党员大会尚未召开，还剩 20 天', previous: null },
  ],
  gaps: ['本月支委会尚未召开，还剩 10 天', '本季度支部党员大会尚未召开，还剩 20 天', '上月（11月）支委会未召开'],
}

test('首页 本期组织生活: a member sees no 支委会 sentence (they cannot hold one); the secretary sees them all', async () => {
  ;(callApi as jest.Mock).mockImplementation((action: string) => Promise.resolve(action === 'inbox.unread' ? { count: 0 } : compliance))
  const { unmount } = render(<HomeReminders branchId='b1' manages={false} />)
  await screen.findByText('本季度支部党员大会尚未召开，还剩 20 天')
  expect(screen.queryByText(/支委会/)).toBeNull()
  unmount()
  render(<HomeReminders branchId='b1' manages />)
  await screen.findByText('本月支委会尚未召开，还剩 10 天')
})

test('welcome: choosing a person scrolls to the top, so 首页 does not open 50 px down', async () => {
  render(<DevWelcome />)
  fireEvent.click(await screen.findByText('赵磊'))
  expect(Taro.pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 })
})

test('H5 shell: the same page with another id is reopened; another page or the same id is left to the router', () => {
  const detail = { path: '/packages/activities/pages/detail/index?id=A&stamp=3', params: { id: 'A', stamp: '3' } }
  expect(staleRoute('#/packages/activities/pages/detail/index?id=B', detail)).toBe('/packages/activities/pages/detail/index?id=B')
  expect(staleRoute('#/packages/activities/pages/detail/index?id=A', detail)).toBeNull()
  expect(staleRoute('#/packages/org/pages/branch/index?id=B', detail)).toBeNull()
  // Ids travel encoded: %E6… and its decoded form are the same id.
  expect(staleRoute('#/packages/org/pages/branch/index?id=%E7%94%B2', { path: '/packages/org/pages/branch/index', params: { id: '%E7%94%B2' } })).toBeNull()
})

test('H5 shell: a sub-package that cannot be fetched says so; 重试 reloads only once the site answers', async () => {
  expect(isChunkError(Object.assign(new Error('Loading chunk 123 failed.'), { name: 'ChunkLoadError' }))).toBe(true)
  expect(isChunkError(new Error('Loading CSS chunk 7 failed.'))).toBe(true)
  expect(isChunkError(new Error('网络错误'))).toBe(false)
  let reachable = false
  const reload = jest.fn()
  showLoadFailed(document, () => Promise.resolve(reachable), reload)
  expect(document.body.textContent).toContain('页面没有加载出来')
  const retry = document.querySelector('[data-testid=load-failed-retry]') as HTMLButtonElement
  await act(async () => retry.click())
  await waitFor(() => expect(document.body.textContent).toContain('仍然连不上网络'))
  expect(retry.disabled).toBe(false)
  expect(reload).not.toHaveBeenCalled()
  reachable = true
  await act(async () => retry.click())
  await waitFor(() => expect(reload).toHaveBeenCalled())
})
