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

  const open = await ok(admin()('feedback.list', {}))
  expect(open.items.filter((i) => i.id === sent.id)).toHaveLength(1)
  const answered = await ok(admin()('feedback.answer', { feedbackId: sent.id, answer: '已列入明年的改进计划' }))
  expect(answered).toMatchObject({ status: 'closed', answer: '已列入明年的改进计划', answeredBy: '周敏' })
  expect(await admin()('feedback.answer', { feedbackId: sent.id, answer: '再答一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect((await ok(admin()('feedback.list', {}))).items.map((i) => i.id)).not.toContain(sent.id)

  const mine = await ok(member()('feedback.mine', {}))
  expect(mine.items[0]).toMatchObject({ id: sent.id, answer: '已列入明年的改进计划' })
  const inbox = await ok(member()('inbox.list', {}))
  expect(inbox.items.map((i) => i.title)).toContain('党委已答复你的建议')
})
