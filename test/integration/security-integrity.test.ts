/**
 * Issue 15 (security and integrity), items 10–12, through the local cloud and the real SDK: what a replayed request,
 * a crafted cursor, an out-of-range date or a member with a modified client could do before, and what they get now.
 */
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
let seq = 0
const rid = (label: string) => `sec-${label}-${Date.now()}-${++seq}`
const as = (openid: string) => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const cursorOf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

beforeAll(async () => {
  cloud = await startLocalCloud()
  const people = (await (await fetch(`${cloud.url}/dev/identities`)).json()) as { openid: string; roles: { branchId?: string }[] }[]
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

describe('#15.11 a deleted record does not come back; crafted cursors are refused', () => {
  test.each(['activities.create', 'activities.record'])('replaying the clientRequestId of a deleted %s answers CONFLICT, not the record', async (action) => {
    const payload = {
      branchId: branch1,
      type: 'theme_day',
      topic: `将被删除的记录 ${action}`,
      place: '学会会议室',
      startAt: at(-2 * DAY),
      endAt: at(-2 * DAY + HOUR),
      clientRequestId: rid('deleted'),
      ...(action === 'activities.record' ? { host: '李建国', recorder: '王芳', minutes: '不应再被返回的会议内容' } : {}),
    }
    const made = await ok<any>(secretary()(action, payload))
    await ok(secretary()('activities.remove', { id: made.id, reason: '录入错误' }))

    const replay = await secretary()(action, payload)
    expect(replay.ok).toBe(false)
    if (replay.ok) return
    expect(replay.error.code).toBe('CONFLICT')
    expect(replay.error.message).toContain('已被删除')
    expect(JSON.stringify(replay.error)).not.toContain('不应再被返回')
    // Still deleted, and not in the branch's list.
    expect((await secretary()('activities.get', { id: made.id })).ok).toBe(false)
    const list = await ok<any>(secretary()('activities.list', { branchId: branch1, limit: 50 }))
    expect(list.items.map((a: any) => a.id)).not.toContain(made.id)
  })

  const crafted: [string, string][] = [
    ['a key that is no date', cursorOf({ key: 'not-a-date', id: 'x' })],
    ['a key that is an object', cursorOf({ key: { $gt: 0 }, id: 'x' })],
    ['a key that is null', cursorOf({ key: null, id: 'x' })],
    ['an id that is a number', cursorOf({ key: 1700000000000, id: 7 })],
    ['JSON null', cursorOf('null')],
    ['not JSON', cursorOf('}{')],
  ]
  test.each(crafted)('audit.list and inbox.list refuse %s with INVALID_INPUT', async (_label, cursor) => {
    const audit = await secretary()('audit.list', { branchId: branch1, cursor })
    const inbox = await as('dev-member-1b')('inbox.list', { cursor })
    for (const r of [audit, inbox]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: '分页参数无效，请刷新列表' })
    }
  })

  test('a cursor the server made still pages', async () => {
    const first = await ok<any>(secretary()('audit.list', { branchId: branch1, limit: 1 }))
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await ok<any>(secretary()('audit.list', { branchId: branch1, limit: 1, cursor: first.nextCursor }))
    expect(second.items[0]?.id).not.toBe(first.items[0].id)
  })
})
