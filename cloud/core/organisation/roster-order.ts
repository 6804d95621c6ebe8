/**
 * The order of a branch's roster (members.list; docs/organisation.md 「名册的顺序」): the secretary and the 支委 first, by
 * post (书记, 副书记, 组织委员, 宣传委员, 纪检委员, then the other posts), then 正式党员, then 预备党员, then — when the
 * roster shows them — those transferred out; within each, names in pinyin order.
 *
 * The pinyin order is ICU's `zh-Hans-CN` collation, so it is sorted here on the server: Node's official builds carry
 * full ICU since Node 13 (the cloud functions run on Node 16 or later: scripts/build-cloud.ts), whereas the
 * mini-program's JS engines (JavaScriptCore on iOS, V8 in WeChat's Android and PC clients) do not promise Chinese
 * collation data, and a page of a paged list cannot be sorted on the client anyway. Pure; test/unit/roster-order.test.ts.
 */
import type { MemberDoc } from '../framework/model'

/** Post order on the roster; 书记 is a role (secretary), the rest are the member's 支委职务. */
export const ROSTER_POST_ORDER = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'] as const

const collator = new Intl.Collator('zh-Hans-CN')

/** Whether this runtime orders Chinese names by pinyin (false on a build without Chinese ICU data: code-point order). */
export const pinyinCollation = () => Intl.Collator.supportedLocalesOf(['zh-Hans-CN']).length > 0

/**
 * A member's band: 0 书记, 1–4 the posts in ROSTER_POST_ORDER, 5 any other 支委 post, 10 正式, 11 预备, 20 transferred.
 * `secretary`: the member holds the branch's secretary role.
 */
export function rosterRank(m: Pick<MemberDoc, 'posts' | 'partyStatus' | 'state'>, secretary: boolean): number {
  if (m.state !== 'active') return 20
  if (secretary) return 0
  const posts = m.posts ?? []
  const ranked = posts.map((p) => ROSTER_POST_ORDER.indexOf(p as (typeof ROSTER_POST_ORDER)[number])).filter((i) => i >= 0)
  if (ranked.length) return Math.min(...ranked)
  if (posts.length) return 5
  return m.partyStatus === 'probationary' ? 11 : 10
}

/** Where a row sits: its band, its name, its id (the last makes the order total, so a cursor can continue it). */
export interface RosterKey {
  rank: number
  name: string
  id: string
}

export function compareRoster(a: RosterKey, b: RosterKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank
  const byName = collator.compare(a.name, b.name)
  if (byName !== 0) return byName
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A cursor's key for the row: band and name in one string (`members.list` cursors carry a text key). */
export const rosterCursorKey = (k: RosterKey) => `${k.rank}:${k.name}`

/** The band and name back from a cursor key, or null when the key is not one of ours (an older cursor). */
export function parseRosterCursorKey(key: string): { rank: number; name: string } | null {
  const m = /^(\d{1,2}):(.*)$/s.exec(key)
  return m ? { rank: Number(m[1]), name: m[2] } : null
}
