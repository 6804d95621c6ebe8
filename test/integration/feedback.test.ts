/** 意见反馈 through the local cloud: a member sends, the committee sees, answers and closes; the member reads the answer. */
import { apiAs, ok, rawApiAs } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
const as = (openid: string) => apiAs(cloud.url, openid)
const member = () => as('dev-member-1b')
const admin = () => as('dev-committee-admin')
const rid = `fb-${Date.now()}`

beforeAll(async () => {
  cloud = await startLocalCloud()
})
afterAll(() => cloud?.stop())

test('a member sends a suggestion (a retry writes it once); only the committee lists and answers; the answer reaches the member', async () => {
  const payload = { kind: 'suggestion' as const, body: '希望党费可以在小程序里查看往年记录', clientRequestId: rid }
  const sent = await ok(member()('feedback.send', payload))
  expect(sent).toMatchObject({ kind: 'suggestion', status: 'open', fromName: '赵磊', answer: null })
  expect((await ok(member()('feedback.send', payload))).id).toBe(sent.id)
  expect(await rawApiAs(cloud.url, 'dev-member-1b')('feedback.send', { kind: 'praise', body: 'x', clientRequestId: `${rid}-2` })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await member()('feedback.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await member()('feedback.answer', { feedbackId: sent.id, answer: '好' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  // The committee's 首页 待办 says something waits (the user walk found new items noticed only by opening 我的).
  const todo = await ok(admin()('home.todo', {}))
  expect(todo.items.find((i) => i.kind === 'feedback_open')).toMatchObject({ title: expect.stringMatching(/^\d+ 条意见建议待答复$/), page: '/packages/feedback/pages/list/index' })
  const open = await ok(admin()('feedback.list', {}))
  expect(open.items.filter((i) => i.id === sent.id)).toHaveLength(1)
  const answered = await ok(admin()('feedback.answer', { feedbackId: sent.id, answer: '已列入明年的改进计划' }))
  expect(answered).toMatchObject({ status: 'answered', answer: '已列入明年的改进计划', answeredBy: '周敏' })
  expect(await admin()('feedback.answer', { feedbackId: sent.id, answer: '再答一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect((await ok(admin()('feedback.list', {}))).items.map((i) => i.id)).not.toContain(sent.id)
  expect((await ok(admin()('feedback.list', { status: 'answered' }))).items.map((i) => i.id)).toContain(sent.id)

  const mine = await ok(member()('feedback.mine', {}))
  expect(mine.items[0]).toMatchObject({ id: sent.id, status: 'answered', answer: '已列入明年的改进计划' })
  const inbox = await ok(member()('inbox.list', {}))
  const told = inbox.items.find((i) => i.title === '党委已答复你的建议')
  expect(told).toMatchObject({ page: '/packages/feedback/pages/mine/index' })
})

test('the committee closes an item, answered or not; a closed item takes no answer and is not closed twice; only the committee closes', async () => {
  const answeredOne = await ok(member()('feedback.send', { kind: 'complaint', body: '支部活动通知发得太晚', clientRequestId: `${rid}-c1` }))
  const unanswered = await ok(member()('feedback.send', { kind: 'suggestion', body: '重复的建议', clientRequestId: `${rid}-c2` }))
  expect(await member()('feedback.close', { feedbackId: unanswered.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  await ok(admin()('feedback.answer', { feedbackId: answeredOne.id, answer: '已提醒各支部提前三天通知' }))
  expect(await ok(admin()('feedback.close', { feedbackId: answeredOne.id }))).toMatchObject({ status: 'closed', answer: '已提醒各支部提前三天通知' })
  expect(await ok(admin()('feedback.close', { feedbackId: unanswered.id }))).toMatchObject({ status: 'closed', answer: null })
  expect(await admin()('feedback.close', { feedbackId: unanswered.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await admin()('feedback.answer', { feedbackId: unanswered.id, answer: '迟到的答复' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条意见已经关闭，不能再答复' } })
  expect(await admin()('feedback.close', { feedbackId: 'no-such-item' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const closed = (await ok(admin()('feedback.list', { status: 'closed' }))).items.map((i) => i.id)
  expect(closed).toEqual(expect.arrayContaining([answeredOne.id, unanswered.id]))
  const mine = await ok(member()('feedback.mine', {}))
  expect(mine.items.find((i) => i.id === answeredOne.id)).toMatchObject({ status: 'closed', answer: '已提醒各支部提前三天通知' })
})
