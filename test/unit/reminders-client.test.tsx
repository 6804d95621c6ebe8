/**
 * Reminders on the client: the inbox list (states, unread marks, open, 全部已读, paging) and its store (read marks
 * applied at once, put back when the cloud refuses); the notice composer's checks and its preview → send; which
 * templates a tap asks for and what the 我的 card shows; the platform request starting inside the tap itself.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { InboxList } from '../../src/features/reminders/components/inbox-list'
import { NoticeComposer, sentText } from '../../src/features/reminders/components/notice-composer'
import { SubscribeCard } from '../../src/features/reminders/components/subscribe-card'
import { useInboxStore, type InboxItem } from '../../src/features/reminders/inbox-store'
import { useNoticeStore } from '../../src/features/reminders/notice-store'
import { emptyNotice, noticeInput, validateNotice } from '../../src/features/reminders/notice-logic'
import { quotaText, templatesToAsk, type Quota } from '../../src/features/reminders/subscribe-flow'
import { kindsToAsk, relevantKinds } from '../../src/features/reminders/subscription-kinds'
import { pickGrants } from '../../src/services/subscribe-kit'
import * as api from '../../src/features/reminders/api'
import { askSubscriptions } from '../../src/services/subscribe'
import { ApiCallError } from '../../src/services/api'
import { askAgainAfter } from '../../src/features/reminders/ask-again'
import Taro from '@tarojs/taro'
import { memoryStorage } from '../support/taro-shim'

jest.mock('../../src/features/reminders/api', () => ({
  listInbox: jest.fn(),
  countUnread: jest.fn(),
  markRead: jest.fn(),
  markAllRead: jest.fn(),
  previewNotice: jest.fn(),
  sendNotice: jest.fn(),
  searchBranches: jest.fn(),
  getSubscriptions: jest.fn(),
  recordSubscriptions: jest.fn(),
}))
jest.mock('../../src/services/subscribe', () => ({ askSubscriptions: jest.fn() }))
// Taro's <Input>/<Textarea> web components throw in jsdom when their value changes after mount; a plain input
// stands in (the composer's behaviour under test is its checks and its calls, not the native control).
jest.mock('../../src/components/form', () => ({
  ...jest.requireActual('../../src/components/form'),
  TextInput: ({ value, onChange, placeholder }: { value: string; onChange(v: string): void; placeholder?: string }) =>
    require('react').createElement('input', { value, placeholder, onChange: (e: { target: { value: string } }) => onChange(e.target.value) }),
}))

const mocked = api as jest.Mocked<typeof api>
const ask = askSubscriptions as jest.MockedFunction<typeof askSubscriptions>

const item = (id: string, patch: Partial<InboxItem> = {}): InboxItem => ({
  id,
  kind: 'assignment_due',
  title: `工作要点“强化理论武装”还有 3 天到期 ${id}`,
  body: '请在 11月30日 前报告进展',
  page: 'packages/plans/pages/point/index?id=a1',
  createdAt: '2026-11-23T00:00:00.000Z',
  read: false,
  ...patch,
})

const listProps = {
  items: [] as InboxItem[],
  status: 'ready' as const,
  error: null,
  hasMore: false,
  loadingMore: false,
  unread: 0,
  onOpen: jest.fn(),
  onMarkAll: jest.fn(),
  onMore: jest.fn(),
  onRetry: jest.fn(),
}

beforeEach(() => jest.clearAllMocks())

describe('inbox list', () => {
  test('loading, error with 重试, and empty states', () => {
    const { rerender } = render(<InboxList {...listProps} status='loading' />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    rerender(<InboxList {...listProps} status='error' error='网络不可用，请检查网络后重试' />)
    expect(screen.getByText('网络不可用，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(listProps.onRetry).toHaveBeenCalledTimes(1)
    rerender(<InboxList {...listProps} />)
    expect(screen.getByText('暂无消息')).toBeTruthy()
  })

  test('unread items are marked; a tap opens that item; 全部已读 and 加载更多 call back', () => {
    const items = [item('1'), item('2', { read: true, kind: 'committee_notice', title: '关于七一活动的通知', page: '' })]
    const { container } = render(<InboxList {...listProps} items={items} unread={1} hasMore />)
    expect(screen.getByText('1 条未读')).toBeTruthy()
    expect(container.querySelectorAll('.inbox__item--unread')).toHaveLength(1)
    expect(container.querySelectorAll('.inbox__dot')).toHaveLength(1)
    expect(screen.getByText('通知')).toBeTruthy()
    expect(screen.getAllByText('查看 ›')).toHaveLength(1) // the notice has no page to open
    fireEvent.click(screen.getByText(items[1].title))
    expect(listProps.onOpen).toHaveBeenCalledWith(items[1])
    fireEvent.click(screen.getByText('全部已读'))
    expect(listProps.onMarkAll).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByText('加载更多'))
    expect(listProps.onMore).toHaveBeenCalledTimes(1)
  })

  test('with nothing unread there is no 全部已读 button, and the end says 没有更多了', () => {
    render(<InboxList {...listProps} items={[item('1', { read: true })]} />)
    expect(screen.getByText('全部已读')).toBeTruthy() // the count line
    expect(screen.queryAllByText('全部已读')).toHaveLength(1)
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })
})

describe('inbox store', () => {
  test('load takes the first page and the unread count; loadMore appends without duplicates', async () => {
    mocked.listInbox.mockResolvedValueOnce({ items: [item('1'), item('2')], nextCursor: 'c1' })
    mocked.countUnread.mockResolvedValueOnce({ count: 5 })
    await act(() => useInboxStore.getState().load())
    expect(useInboxStore.getState()).toMatchObject({ status: 'ready', unread: 5, nextCursor: 'c1' })
    mocked.listInbox.mockResolvedValueOnce({ items: [item('2'), item('3')], nextCursor: null })
    await act(() => useInboxStore.getState().loadMore())
    expect(mocked.listInbox).toHaveBeenLastCalledWith('c1')
    expect(useInboxStore.getState().items.map((i) => i.id)).toEqual(['1', '2', '3'])
    expect(useInboxStore.getState().nextCursor).toBeNull()
  })

  test('opening an unread item marks it read at once; a refusal puts it back with the message', async () => {
    useInboxStore.setState({ items: [item('1'), item('2')], unread: 2, status: 'ready' })
    mocked.markRead.mockResolvedValueOnce({ marked: 1 })
    await act(() => useInboxStore.getState().open(item('1')))
    expect(mocked.markRead).toHaveBeenCalledWith(['1'])
    expect(useInboxStore.getState().items[0].read).toBe(true)
    expect(useInboxStore.getState().unread).toBe(1)

    mocked.markRead.mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
    await act(() => useInboxStore.getState().open(item('2')))
    expect(useInboxStore.getState().items[1].read).toBe(false)
    expect(useInboxStore.getState().unread).toBe(1)
    expect(useInboxStore.getState().error).toBe('网络不可用，请检查网络后重试')

    // Already read: no call.
    await act(() => useInboxStore.getState().open({ ...item('1'), read: true }))
    expect(mocked.markRead).toHaveBeenCalledTimes(2)
  })

  test('全部已读 marks every item and zeroes the count', async () => {
    useInboxStore.setState({ items: [item('1'), item('2')], unread: 7, status: 'ready' })
    mocked.markAllRead.mockResolvedValueOnce({ marked: 7 })
    await act(() => useInboxStore.getState().markAll())
    expect(useInboxStore.getState().items.every((i) => i.read)).toBe(true)
    expect(useInboxStore.getState().unread).toBe(0)
  })
})

describe('notice composer', () => {
  test('checks: title and body required and bounded (with the count), branches when 指定支部, at least one role', () => {
    const d = { ...emptyNotice(), title: '关于开展主题党日的通知', body: '请各支部于本月内开展。' }
    expect(validateNotice(d)).toEqual({})
    expect(validateNotice(emptyNotice())).toEqual({ title: '请填写通知标题', body: '请填写通知内容' })
    expect(validateNotice({ ...d, title: '  ' }).title).toBe('请填写通知标题')
    expect(validateNotice({ ...d, title: '通'.repeat(41) }).title).toBe('通知标题不能超过 40 个字（现在 41 个字）')
    expect(validateNotice({ ...d, title: '通'.repeat(40) }).title).toBeUndefined()
    expect(validateNotice({ ...d, body: '文'.repeat(2001) }).body).toMatch(/不能超过 2000 个字/)
    expect(validateNotice({ ...d, scope: 'chosen' }).branches).toBe('请至少选择一个支部')
    expect(validateNotice({ ...d, roles: [] }).roles).toBe('请至少选择一种接收角色')
    expect(noticeInput({ ...d, title: ' 标题 ', scope: 'chosen', branches: [{ id: 'b1', name: '一支部' }], roles: ['secretary'] })).toEqual({
      title: '标题',
      body: d.body,
      branches: ['b1'],
      roles: ['secretary'],
    })
    expect(noticeInput(d).branches).toBe('all')
  })

  test('预览 with an empty draft shows the messages and asks nothing of the cloud', () => {
    render(<NoticeComposer />)
    fireEvent.click(screen.getByText('预览'))
    expect(screen.getByText('请填写通知标题')).toBeTruthy()
    expect(screen.getByText('请填写通知内容')).toBeTruthy()
    expect(mocked.previewNotice).not.toHaveBeenCalled()
  })

  test('a title typed past 40 characters shows its count in red and a message on 预览', () => {
    const { container } = render(<NoticeComposer />)
    fireEvent.change(screen.getByPlaceholderText(/关于开展七一主题党日活动的通知/), { target: { value: '题'.repeat(41) } })
    expect(screen.getByText('41/40').className).toContain('notice__counter--over')
    fireEvent.click(screen.getByText('预览'))
    expect(screen.getByText('通知标题不能超过 40 个字（现在 41 个字）')).toBeTruthy()
    expect(container.querySelectorAll('.field__error')).toHaveLength(2) // the title's and the missing body's
    expect(mocked.previewNotice).not.toHaveBeenCalled()
  })

  test('指定支部 without a branch, and no role, are refused before the preview', async () => {
    mocked.searchBranches.mockResolvedValue({ items: [{ id: 'b1', name: '省计算机学会党支部', kind: 'branch', societies: [] }], nextCursor: null })
    render(<NoticeComposer />)
    await act(async () => useNoticeStore.getState().edit({ title: '通知', body: '内容', scope: 'chosen', roles: [] }))
    fireEvent.click(screen.getByText('预览'))
    expect(screen.getByText('请至少选择一个支部')).toBeTruthy()
    expect(screen.getByText('请至少选择一种接收角色')).toBeTruthy()
    expect(mocked.previewNotice).not.toHaveBeenCalled()
    // Picking a branch from the search results clears that message.
    fireEvent.click(await screen.findByText('省计算机学会党支部'))
    expect(screen.queryByText('请至少选择一个支部')).toBeNull()
    expect(useNoticeStore.getState().draft.branches).toEqual([{ id: 'b1', name: '省计算机学会党支部' }])
  })

  test('a valid draft previews (inbox card, fitted keywords, reach), then sends once with a request id and shows the counts', async () => {
    mocked.previewNotice.mockResolvedValue({
      branchCount: 3,
      recipientCount: 12,
      withQuota: 4,
      message: { thing1: { value: '关于开展七一主题党日活动的通…' }, name2: { value: '省科协党委' }, time3: { value: '2026年11月23日 10:00' }, thing4: { value: '请各支部于月底前开展' } },
    })
    mocked.sendNotice.mockResolvedValue({
      branchCount: 3,
      recipientCount: 12,
      withQuota: 4,
      message: {},
      noticeId: 'n1',
      sent: 4,
      noQuota: 0,
      failed: 0,
    })
    render(<NoticeComposer />)
    await act(async () => useNoticeStore.getState().edit({ title: '关于开展七一主题党日活动的通知（第二批）', body: '请各支部于月底前开展。' }))
    await act(async () => fireEvent.click(screen.getByText('预览')))
    expect(mocked.previewNotice).toHaveBeenCalledWith({
      title: '关于开展七一主题党日活动的通知（第二批）',
      body: '请各支部于月底前开展。',
      branches: 'all',
      roles: ['secretary', 'branch_committee', 'member'],
    })
    expect(screen.getByText(/将发给 3 个支部的 12 人；其中 4 人已订阅/)).toBeTruthy()
    expect(screen.getByText('关于开展七一主题党日活动的通…')).toBeTruthy()
    expect(screen.getByText('发布单位')).toBeTruthy()
    expect(screen.getByText('省科协党委')).toBeTruthy()

    await act(async () => fireEvent.click(screen.getByText('发送给 12 人')))
    expect(mocked.sendNotice).toHaveBeenCalledTimes(1)
    expect(mocked.sendNotice.mock.calls[0][0]).toMatchObject({ branches: 'all', clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
    expect(screen.getByText('3 个支部的 12 人已在“消息”中收到。')).toBeTruthy()
    expect(screen.getByText('微信提醒：已发送 4 条；8 人未订阅，只在“消息”中收到。')).toBeTruthy()
  })

  test('the send result says what went out by WeChat and what stayed in the inbox only', () => {
    const base = { branchCount: 2, recipientCount: 5, withQuota: 5, message: {}, noticeId: 'n', sent: 5, noQuota: 0, failed: 0 }
    expect(sentText(base)).toBe('微信提醒：已发送 5 条。')
    expect(sentText({ ...base, sent: 2, noQuota: 2, failed: 1 })).toBe('微信提醒：已发送 2 条，2 条因对方订阅次数已用完未发出，1 条发送失败，定时任务会重试。')
    expect(sentText({ ...base, withQuota: 1, sent: 1 })).toBe('微信提醒：已发送 1 条；4 人未订阅，只在“消息”中收到。')
  })

  test('an edit after the preview withdraws it (so what is sent is what was previewed)', async () => {
    mocked.previewNotice.mockResolvedValue({ branchCount: 1, recipientCount: 2, withQuota: 0, message: {} })
    render(<NoticeComposer />)
    await act(async () => useNoticeStore.getState().edit({ title: '通知', body: '内容' }))
    await act(async () => fireEvent.click(screen.getByText('预览')))
    expect(screen.getByText('发送给 2 人')).toBeTruthy()
    await act(async () => useNoticeStore.getState().edit({ body: '内容有改动' }))
    expect(screen.queryByText('发送给 2 人')).toBeNull()
    expect(screen.getByText('预览')).toBeTruthy()
  })
})

describe('subscriptions', () => {
  const quota = (kind: Quota['kind'], remaining: number, lastResult: Quota['lastResult'] = null): Quota => ({
    kind,
    templateId: `T-${kind}`,
    title: kind,
    purpose: { assignment_due: '工作要点到期提醒', compliance_gap: '组织生活到期提醒', activity_upcoming: '活动开始前提醒', committee_notice: '党委通知', recruitment_due: '发展党员时限提醒', term_due: '支委会换届提醒' }[kind],
    remaining,
    lastResult,
    updatedAt: null,
  })
  const all = [quota('assignment_due', 0), quota('compliance_gap', 0), quota('activity_upcoming', 0), quota('committee_notice', 0)]

  test('which kinds matter per role, and the three asked for: least quota first', () => {
    expect(relevantKinds(['secretary'])).toEqual(['assignment_due', 'compliance_gap', 'activity_upcoming', 'committee_notice', 'recruitment_due', 'term_due'])
    expect(relevantKinds(['member'])).toEqual(['activity_upcoming', 'committee_notice'])
    expect(relevantKinds(['committee_admin'])).toEqual([])
    expect(kindsToAsk(['secretary'])).toEqual(['assignment_due', 'compliance_gap', 'activity_upcoming'])
    // Every kind with no quota comes before one with some (recruitment_due, #19, is the secretary's fifth kind).
    expect(kindsToAsk(['secretary'], { assignment_due: 2, compliance_gap: 1 })).toEqual(['activity_upcoming', 'committee_notice', 'recruitment_due'])
    expect(kindsToAsk(['secretary'], { assignment_due: 2, compliance_gap: 1, recruitment_due: 3 })).toEqual(['activity_upcoming', 'committee_notice', 'term_due'])
    expect(kindsToAsk(['secretary'], { assignment_due: 2, compliance_gap: 1, recruitment_due: 3, term_due: 1 })).toEqual(['activity_upcoming', 'committee_notice', 'compliance_gap'])
    expect(templatesToAsk(['member'], all)).toEqual([
      { id: 'T-activity_upcoming', title: '活动开始前提醒' },
      { id: 'T-committee_notice', title: '党委通知' },
    ])
  })

  test('grants are read per template from the platform answer; quota reads in words', () => {
    expect(pickGrants(['A', 'B', 'C'], { errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'reject', C: 'odd' })).toEqual({ A: 'accept', B: 'reject' })
    expect(quotaText(quota('committee_notice', 2))).toBe('还可提醒 2 次')
    expect(quotaText(quota('committee_notice', 0))).toBe('未订阅')
    expect(quotaText(quota('committee_notice', 0, 'reject'))).toBe('已拒绝')
    expect(quotaText(quota('committee_notice', 0, 'ban'))).toBe('已被微信限制')
    expect(quotaText(quota('committee_notice', 0, 'accept'))).toBe('次数已用完')
  })

  test('订阅提醒 asks the platform inside the tap, records the answers and shows the new quota', async () => {
    mocked.getSubscriptions.mockResolvedValue({ items: all })
    let answer: (r: Record<string, 'accept' | 'reject'>) => void = () => undefined
    ask.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    mocked.recordSubscriptions.mockResolvedValue({
      items: [quota('assignment_due', 1, 'accept'), quota('compliance_gap', 0, 'reject'), quota('activity_upcoming', 1, 'accept'), quota('committee_notice', 0)],
    })
    render(<SubscribeCard roles={['secretary']} />)
    expect(await screen.findByText('工作要点到期提醒')).toBeTruthy()
    expect(screen.getAllByText('未订阅')).toHaveLength(4)

    fireEvent.click(screen.getByText('订阅提醒'))
    // Synchronously, before anything was awaited: WeChat only honours a request made inside the tap.
    expect(ask).toHaveBeenCalledWith([
      { id: 'T-assignment_due', title: '工作要点到期提醒' },
      { id: 'T-compliance_gap', title: '组织生活到期提醒' },
      { id: 'T-activity_upcoming', title: '活动开始前提醒' },
    ])
    await act(async () => answer({ 'T-assignment_due': 'accept', 'T-compliance_gap': 'reject', 'T-activity_upcoming': 'accept' }))
    expect(mocked.recordSubscriptions).toHaveBeenCalledWith({ 'T-assignment_due': 'accept', 'T-compliance_gap': 'reject', 'T-activity_upcoming': 'accept' })
    expect(await screen.findByText('已订阅 2 类提醒，每类可提醒一次')).toBeTruthy()
    expect(screen.getAllByText('还可提醒 1 次')).toHaveLength(2)
    expect(screen.getByText('已拒绝')).toBeTruthy()
  })

  test('a refused request shows its reason and records nothing', async () => {
    mocked.getSubscriptions.mockResolvedValue({ items: all })
    ask.mockRejectedValue(new Error('你关闭了小程序的订阅消息，请在右上角“…→ 设置 → 通知管理”中打开后再试'))
    render(<SubscribeCard roles={['member']} />)
    await screen.findByText('活动开始前提醒')
    await act(async () => fireEvent.click(screen.getByText('订阅提醒')))
    expect(await screen.findByText(/你关闭了小程序的订阅消息/)).toBeTruthy()
    expect(mocked.recordSubscriptions).not.toHaveBeenCalled()
  })
})

describe('asking again at natural moments', () => {
  const q = (kind: Quota['kind'], remaining: number, lastResult: Quota['lastResult'] = null): Quota => ({
    kind, templateId: `T-${kind}`, title: kind, purpose: `${kind} purpose`, remaining, lastResult, updatedAt: null,
  })
  let modal: jest.Mock
  beforeEach(() => {
    memoryStorage.clear()
    modal = jest.fn()
    ;(Taro as unknown as { showModal: jest.Mock }).showModal = modal
  })

  test('after a saved record with an empty template: one offer a day; its 订阅 asks inside the confirm tap', async () => {
    mocked.getSubscriptions.mockResolvedValue({ items: [q('activity_upcoming', 0), q('committee_notice', 1)] })
    ask.mockResolvedValue({ 'T-activity_upcoming': 'accept' })
    mocked.recordSubscriptions.mockResolvedValue({ items: [] })
    expect(await askAgainAfter('record-saved', ['member'])).toBe(true)
    expect(modal).toHaveBeenCalledTimes(1)
    const { success } = modal.mock.calls[0][0] as { success(r: { confirm: boolean }): void }
    success({ confirm: true })
    // Synchronously in the modal's confirm: the least-quota template first.
    expect(ask).toHaveBeenCalledWith([
      { id: 'T-activity_upcoming', title: 'activity_upcoming purpose' },
      { id: 'T-committee_notice', title: 'committee_notice purpose' },
    ])
    // The same day, the same moment: no second offer.
    expect(await askAgainAfter('record-saved', ['member'])).toBe(false)
    expect(modal).toHaveBeenCalledTimes(1)
  })

  test('no offer when every relevant template has quota, when WeChat banned it, or when the cloud fails', async () => {
    mocked.getSubscriptions.mockResolvedValueOnce({ items: [q('activity_upcoming', 2), q('committee_notice', 1)] })
    expect(await askAgainAfter('record-saved', ['member'])).toBe(false)
    mocked.getSubscriptions.mockResolvedValueOnce({ items: [q('activity_upcoming', 0, 'ban'), q('committee_notice', 1)] })
    expect(await askAgainAfter('record-saved', ['member'])).toBe(false)
    mocked.getSubscriptions.mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
    expect(await askAgainAfter('record-saved', ['member'])).toBe(false)
    expect(modal).not.toHaveBeenCalled()
  })
})

describe('the WeChat adapter (services/subscribe.ts)', () => {
  const real = jest.requireActual('../../src/services/subscribe') as typeof import('../../src/services/subscribe')
  const templates = ['A', 'B', 'C', 'D'].map((id) => ({ id, title: `模板${id}` }))
  let request: jest.Mock
  beforeEach(() => {
    request = jest.fn()
    ;(Taro as unknown as { requestSubscribeMessage: jest.Mock }).requestSubscribeMessage = request
  })

  test('asks for at most three templates, at once, and answers per template', async () => {
    const answer = real.askSubscriptions(templates)
    // Called before the promise settles: inside the caller's tap.
    expect(request).toHaveBeenCalledTimes(1)
    const option = request.mock.calls[0][0] as { tmplIds: string[]; success(r: object): void }
    expect(option.tmplIds).toEqual(['A', 'B', 'C'])
    option.success({ errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'reject', C: 'ban' })
    await expect(answer).resolves.toEqual({ A: 'accept', B: 'reject', C: 'ban' })
  })

  test("a refusal by WeChat becomes a message the person can act on; no templates, no request", async () => {
    const answer = real.askSubscriptions(templates.slice(0, 1))
    ;(request.mock.calls[0][0] as { fail(e: object): void }).fail({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
    await expect(answer).rejects.toThrow('你关闭了小程序的订阅消息')
    await expect(real.askSubscriptions([])).rejects.toThrow('提醒模板尚未配置')
    expect(request).toHaveBeenCalledTimes(1)
  })
})
