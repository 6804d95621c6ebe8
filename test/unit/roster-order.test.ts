/** The roster's order (cloud/core/organisation/roster-order.ts): bands by post and status, pinyin within; Node's ICU does pinyin. */
import { compareRoster, parseRosterCursorKey, pinyinCollation, rosterCursorKey, rosterRank } from '../../cloud/core/organisation/roster-order'

const m = (posts: string[], partyStatus: 'full' | 'probationary' = 'full', state: 'active' | 'transferred' = 'active') => ({ posts, partyStatus, state })

test('bands: 书记 (the secretary role), 副书记, 组织委员, 宣传委员, 纪检委员, other posts, 正式, 预备, transferred', () => {
  expect(rosterRank(m([]), true)).toBe(0)
  expect(rosterRank(m(['副书记']), false)).toBe(1)
  expect(rosterRank(m(['组织委员']), false)).toBe(2)
  expect(rosterRank(m(['宣传委员']), false)).toBe(3)
  expect(rosterRank(m(['纪检委员', '组织委员']), false)).toBe(2) // the higher of two posts
  expect(rosterRank(m(['青年委员']), false)).toBe(5)
  expect(rosterRank(m([]), false)).toBe(10)
  expect(rosterRank(m([], 'probationary'), false)).toBe(11)
  expect(rosterRank(m(['副书记'], 'full', 'transferred'), false)).toBe(20)
})

test('names in pinyin order on Node (full ICU), not by code point', () => {
  expect(pinyinCollation()).toBe(true)
  const names = ['周敏', '赵磊', '阿明', '王芳', '陈晓燕', '李建国', '孙丽', '吴刚', '张三', '郑爽', '冯巩', '钱多多']
  const sorted = names.map((name, i) => ({ rank: 10, name, id: String(i) })).sort(compareRoster).map((k) => k.name)
  expect(sorted).toEqual(['阿明', '陈晓燕', '冯巩', '李建国', '钱多多', '孙丽', '王芳', '吴刚', '张三', '赵磊', '郑爽', '周敏'])
  // The band first, then the name, then the id (two 张伟 keep one order).
  expect(compareRoster({ rank: 11, name: '阿明', id: 'a' }, { rank: 10, name: '周敏', id: 'b' })).toBeGreaterThan(0)
  expect(compareRoster({ rank: 10, name: '张伟', id: 'a' }, { rank: 10, name: '张伟', id: 'b' })).toBeLessThan(0)
})

test('a cursor key carries band and name; an older key (a bare name) is not read as one', () => {
  const key = rosterCursorKey({ rank: 11, name: '赵:磊', id: 'x' })
  expect(parseRosterCursorKey(key)).toEqual({ rank: 11, name: '赵:磊' })
  expect(parseRosterCursorKey('赵磊')).toBeNull()
})
