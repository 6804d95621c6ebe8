/**
 * 意见反馈's stores (src/features/feedback/store.ts) with the api mocked: the form says what is missing before
 * anything is sent, a failed send keeps the text and its request id (a retry cannot write twice), a sent draft is
 * cleared; the committee's answer is checked, and an answered item leaves the 待处理 list.
 */
import { useCommitteeFeedback, useMyFeedback } from '../../src/features/feedback/store'
import * as api from '../../src/features/feedback/api'
import { ApiCallError } from '../../src/services/api'

jest.mock('../../src/features/feedback/api', () => ({
  sendFeedback: jest.fn(),
  myFeedback: jest.fn(),
  listFeedback: jest.fn(),
  answerFeedback: jest.fn(),
  closeFeedback: jest.fn(),
}))
const mocked = api as jest.Mocked<typeof api>

const item = (over: Partial<api.FeedbackItem> = {}): api.FeedbackItem => ({
  id: 'f1', kind: 'suggestion', body: '建议把通知提前三天发出', fromName: '赵磊', branchName: null, status: 'open', createdAt: '2026-12-03T01:00:00.000Z', answer: null, answeredBy: null, answeredAt: null, ...over,
})

test('nothing is sent while the text is missing or too short; the message says what to do', async () => {
  const s = useMyFeedback.getState()
  expect(await s.send(null)).toBe(false)
  expect(useMyFeedback.getState().sendError).toBe('请写下你的意见')
  useMyFeedback.getState().edit({ body: '不好' })
  await useMyFeedback.getState().send(null)
  expect(useMyFeedback.getState().sendError).toBe('意见太短了，请至少写 5 个字，说清楚是什么事')
  expect(mocked.sendFeedback).not.toHaveBeenCalled()
})

test('a failed send keeps the text and the request id; the retry sends the same request, then the form is cleared', async () => {
  useMyFeedback.getState().edit({ body: '建议把通知提前三天发出', aboutBranch: true })
  const requestId = useMyFeedback.getState().draft.requestId
  mocked.sendFeedback.mockRejectedValueOnce(new ApiCallError('INTERNAL', '网络不通'))
  expect(await useMyFeedback.getState().send('b1')).toBe(false)
  expect(useMyFeedback.getState().draft).toMatchObject({ body: '建议把通知提前三天发出', requestId })
  expect(useMyFeedback.getState().sendError).toContain('你写的内容还在')
  mocked.sendFeedback.mockResolvedValueOnce(item())
  expect(await useMyFeedback.getState().send('b1')).toBe(true)
  expect(mocked.sendFeedback.mock.calls.map((c) => c[0].clientRequestId)).toEqual([requestId, requestId])
  expect(mocked.sendFeedback.mock.calls[1][0]).toMatchObject({ kind: 'suggestion', body: '建议把通知提前三天发出', branchId: 'b1' })
  expect(useMyFeedback.getState()).toMatchObject({ draft: { body: '' }, sentId: 'f1', items: [{ id: 'f1' }] })
  expect(useMyFeedback.getState().draft.requestId).not.toBe(requestId)
})

test('the committee: an empty answer is refused before sending; an answered item leaves 待处理', async () => {
  mocked.listFeedback.mockResolvedValueOnce({ items: [item(), item({ id: 'f2' })], nextCursor: null })
  await useCommitteeFeedback.getState().load('open')
  expect(await useCommitteeFeedback.getState().answer('f1', '  ')).toBe(false)
  expect(useCommitteeFeedback.getState().stepError).toEqual({ id: 'f1', message: '请写下答复的内容' })
  expect(mocked.answerFeedback).not.toHaveBeenCalled()
  mocked.answerFeedback.mockResolvedValueOnce(item({ status: 'answered', answer: '已办' }))
  expect(await useCommitteeFeedback.getState().answer('f1', '已办')).toBe(true)
  expect(useCommitteeFeedback.getState().items.map((i) => i.id)).toEqual(['f2'])
  mocked.closeFeedback.mockRejectedValueOnce(new ApiCallError('CONFLICT', '这条意见已经关闭了'))
  expect(await useCommitteeFeedback.getState().close('f2')).toBe(false)
  expect(useCommitteeFeedback.getState()).toMatchObject({ busyId: null, stepError: { id: 'f2', message: '这条意见已经关闭了' }, items: [{ id: 'f2' }] })
})
