import { findForbiddenKey } from '../../cloud/core/framework/payload'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, newInviteCode } from '../../cloud/core/organisation/invite-code'

describe('payload hygiene', () => {
  test('finds prototype-pollution keys at any depth, in objects parsed from JSON', () => {
    expect(findForbiddenKey(JSON.parse('{"a":{"b":[{"__proto__":{"x":1}}]}}'))).toBe('__proto__')
    expect(findForbiddenKey(JSON.parse('{"constructor":{"prototype":{}}}'))).toBe('constructor')
    expect(findForbiddenKey({ topic: '主题党日', photos: ['cloud://a/b.png'] })).toBeUndefined()
  })

  test('refuses absurd nesting instead of recursing without end', () => {
    let deep: unknown = {}
    for (let i = 0; i < 50; i++) deep = { n: deep }
    expect(findForbiddenKey(deep)).toBe('(嵌套过深)')
  })
})

describe('invite codes', () => {
  test('are 10 characters from an alphabet without look-alikes, and differ', () => {
    const codes = Array.from({ length: 2000 }, newInviteCode)
    for (const code of codes) {
      expect(code).toHaveLength(INVITE_CODE_LENGTH)
      for (const ch of code) expect(INVITE_ALPHABET).toContain(ch)
    }
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/)
    expect(new Set(codes).size).toBe(codes.length)
  })
})
