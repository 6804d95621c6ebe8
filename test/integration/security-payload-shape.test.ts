/**
 * Payloads no screen sends, as the attack review sent them: thousands of brackets deep (the function answered
 * INTERNAL: JSON.stringify overflowed its stack, in the local cloud's hand-over and in dispatch's size check), and
 * off-contract fields or types, which got zod's own half-English texts (「无效输入：期望 string，实际接收 数字」).
 */
import { rawApiAs } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
beforeAll(async () => { cloud = await startLocalCloud() })
afterAll(() => cloud?.stop())

const SECRETARY = 'dev-secretary-1'

test('a payload 10,000 brackets deep is refused as too deep, and the function goes on answering', async () => {
  const deep = '['.repeat(10000) + ']'.repeat(10000)
  const res = await fetch(`${cloud.url}/cloud/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': SECRETARY },
    body: `{"action":"activities.list","payload":{"branchId":${deep}},"requestId":"deep-1"}`,
  })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '提交的内容层级过深，请检查后再试' } })
  const after = await rawApiAs(cloud.url, SECRETARY)('session.get', {})
  expect(after.ok).toBe(true)
})

test('an unknown field, a wrong type and a missing field get plain Chinese; the field\'s path is in details, not in the words (「（字段 rows.2.disposal.note）」 reached the screen)', async () => {
  const call = rawApiAs(cloud.url, SECRETARY)
  const unknown = await call('session.get', { sneaky: 1 })
  expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '不认识的字段：sneaky' } })
  const wrongType = await call('feedback.list', { limit: 2.5 })
  expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '每页条数应为 1 到 50 的整数', details: { field: 'limit' } } })
  // 0 is a number: the message said 「每页条数必须是数字」.
  const tooSmall = await call('feedback.list', { limit: 0 })
  expect(tooSmall).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '每页条数应为 1 到 50 的整数', details: { field: 'limit' } } })
  // A schema's own message still wins over the plain ones.
  const own = await call('feedback.send', { kind: 7, body: '建议', clientRequestId: 'shape-000001' })
  expect(own).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '类型只能是建议或投诉', details: { field: 'kind' } } })
  for (const r of [unknown, wrongType, tooSmall]) {
    if (r.ok) continue
    expect(r.error.message).not.toMatch(/[a-zA-Z]{4,}.*实际接收|期望 (string|number|object)|出现未知的键|（字段/)
  }
})
