/**
 * The roster's order through members.list (cloud/core/organisation/roster-order.ts; docs/organisation.md 「名册的顺序」):
 * 书记 and 支委 by post, then 正式党员, then 预备党员, each by pinyin; paged with the cursor it continues across pages;
 * transferred entries last when the roster shows them. Before, members.list sorted by name in code-point order:
 * 吴刚 before 李建国 before 阿明, the secretary anywhere.
 */
import type { ActionOutput } from '../../types/actions'
import { apiAs, ok } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud()
})
afterAll(() => cloud?.stop())

test('members.list: 书记, 支委 by post, 正式, 预备, each by pinyin; the same order page by page; transferred last', async () => {
  const sec = apiAs(cloud.url, 'dev-secretary-1')
  const branchId = (await ok(sec('session.get', {}))).roles.find((r) => r.role === 'secretary')!.branchId!
  // More people on 李建国's roster (李建国 书记, 王芳 组织委员, 赵磊 预备 from the seed): entries without a WeChat user yet.
  const db = sdkFor(cloud.url).database()
  const entry = (name: string, more: Record<string, unknown> = {}) => ({
    branchId, openid: null, name, partyStatus: 'full', joinedPartyOn: '2010-07-01', confirmedOn: '2011-07-01', groupId: null, phone: null,
    posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null, createdAt: new Date(), updatedAt: new Date(), ...more,
  })
  for (const doc of [
    entry('吴刚'),
    entry('阿明'),
    entry('钱多多', { posts: ['纪检委员'] }),
    entry('周敏华', { posts: ['副书记'] }),
    entry('冯巩', { partyStatus: 'probationary', confirmedOn: null, joinedPartyOn: '2026-03-01' }),
    entry('陈晨'),
    entry('孙丽娟', { posts: ['宣传委员'] }),
    entry('白雪', { state: 'transferred', transferredOn: '2026-06-01', transferReason: '工作调动' }),
  ]) await db.collection('members').add({ data: doc })

  const expected = ['李建国', '周敏华', '王芳', '孙丽娟', '钱多多', '阿明', '陈晨', '吴刚', '冯巩', '赵磊']
  const whole = await ok(sec('members.list', { branchId }))
  expect(whole.items.map((m) => m.name)).toEqual(expected)
  expect(whole.nextCursor).toBeNull()

  // Pages of three continue the same order, with no row twice and none left out.
  const paged: string[] = []
  let cursor: string | null = null
  do {
    const page: ActionOutput<'members.list'> = await ok(sec('members.list', { branchId, limit: 3, ...(cursor ? { cursor } : {}) }))
    paged.push(...page.items.map((m) => m.name))
    cursor = page.nextCursor
  } while (cursor)
  expect(paged).toEqual(expected)

  expect((await ok(sec('members.list', { branchId, state: 'all' }))).items.map((m) => m.name)).toEqual([...expected, '白雪'])
  // A search keeps the order; a cursor that is not one of the roster's is refused, not misread.
  expect((await ok(sec('members.list', { branchId, q: '周' }))).items.map((m) => m.name)).toEqual(['周敏华'])
  const stale = Buffer.from(JSON.stringify({ key: '王芳', id: 'x' })).toString('base64url')
  expect(await sec('members.list', { branchId, cursor: stale })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})
