/**
 * The roster as it stood on a session's day (issue 16.1) and the party rule on 支委 posts (16.3), at their edges.
 */
import type { ActivityDoc, MemberDoc } from '../../cloud/core/framework/model'
import { entryOf } from '../../cloud/core/dashboard/record-book'
import { audienceLabel } from '../../types/activity-rules'
import { validateMemberForm } from '../../src/features/members/validate'
import { grantHeldOn, postRefusal, postsOn, rosterAsOf, withPostChange } from '../../cloud/core/organisation/roster'

const member = (over: Partial<MemberDoc>): MemberDoc => ({
  _id: over.name ?? 'm',
  branchId: 'b',
  openid: null,
  name: 'm',
  partyStatus: 'full',
  joinedPartyOn: null,
  confirmedOn: null,
  groupId: null,
  phone: null,
  posts: [],
  groupLeader: false,
  state: 'active',
  transferredOn: null,
  transferReason: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
})
const names = (ms: MemberDoc[]) => ms.map((m) => m.name).sort()

describe('rosterAsOf', () => {
  const roster = [
    member({ name: '老党员' }),
    member({ name: '新来的', joinedBranchOn: '2026-12-03' }),
    member({ name: '已转出', state: 'transferred', transferredOn: '2026-10-01' }),
    member({ name: '刚转正', confirmedOn: '2026-09-21', joinedPartyOn: '2025-09-21' }),
    member({ name: '还没入党', joinedPartyOn: '2026-11-01', partyStatus: 'probationary' }),
  ]

  it('a member who joined on 12-03 is not expected at a 9-20 meeting, and is from 12-03 on', () => {
    expect(names(rosterAsOf(roster, '2026-09-20'))).toEqual(names([roster[0], roster[2], roster[3]]))
    expect(names(rosterAsOf(roster, '2026-12-02'))).not.toContain('新来的')
    expect(names(rosterAsOf(roster, '2026-12-03'))).toContain('新来的')
  })

  it('a member transferred out on 10-01 was there on 09-30, not on 10-01', () => {
    expect(names(rosterAsOf(roster, '2026-09-30'))).toContain('已转出')
    expect(names(rosterAsOf(roster, '2026-10-01'))).not.toContain('已转出')
    expect(rosterAsOf(roster, '2026-09-30').every((m) => m.state === 'active')).toBe(true)
  })

  it('a 正式党员 confirmed on 09-21 was a 预备党员 (no vote) on 09-20', () => {
    const on = (d: string) => rosterAsOf(roster, d).find((m) => m.name === '刚转正')!.partyStatus
    expect(on('2026-09-20')).toBe('probationary')
    expect(on('2026-09-21')).toBe('full')
  })

  it('someone not yet admitted to the party on the day is not expected', () => {
    expect(names(rosterAsOf(roster, '2026-10-31'))).not.toContain('还没入党')
    expect(names(rosterAsOf(roster, '2026-11-01'))).toContain('还没入党')
  })
})

describe('dated 支委 posts', () => {
  it('holds the posts of the day: none before the appointment, none after 免职; legacy entries keep their posts', () => {
    const legacy = { posts: ['组织委员'] }
    expect(postsOn(legacy, '2020-01-01')).toEqual(['组织委员'])
    const appointed = { posts: ['组织委员'], postHistory: withPostChange({ posts: [] }, '2026-09-01', ['组织委员']) }
    expect(postsOn(appointed, '2026-08-31')).toEqual([])
    expect(postsOn(appointed, '2026-09-01')).toEqual(['组织委员'])
    const removed = { posts: [], postHistory: withPostChange(appointed, '2026-11-15', []) }
    expect(postsOn(removed, '2026-11-14')).toEqual(['组织委员'])
    expect(postsOn(removed, '2026-11-15')).toEqual([])
  })

  it('a backdated appointment lands in date order, and a second change on one day replaces the first', () => {
    const h = withPostChange({ posts: [], postHistory: [{ on: null, posts: [] }, { on: '2026-12-02', posts: ['宣传委员'] }] }, '2026-03-01', ['组织委员'])
    expect(h.map((x) => x.on)).toEqual([null, '2026-03-01', '2026-12-02'])
    expect(withPostChange({ posts: [], postHistory: h }, '2026-12-02', ['纪检委员']).filter((x) => x.on === '2026-12-02')).toEqual([{ on: '2026-12-02', posts: ['纪检委员'] }])
  })

  it('a secretary grant ended on 10-01 (Beijing) still stood on 10-01, not on 10-02', () => {
    const ended = { status: 'revoked', endedAt: new Date('2026-10-01T02:00:00Z') }
    expect(grantHeldOn(ended, '2026-10-01')).toBe(true)
    expect(grantHeldOn(ended, '2026-10-02')).toBe(false)
    expect(grantHeldOn({ status: 'active' }, '2020-01-01')).toBe(true)
  })
})

describe('postRefusal (党章第七条)', () => {
  it('refuses a post to a 预备党员 naming the rule, allows a 正式党员', () => {
    expect(postRefusal({ name: '李预备', partyStatus: 'probationary' })).toBe(
      '李预备 是预备党员。预备党员没有表决权、选举权和被选举权（《中国共产党章程》第七条），不能担任支委职务',
    )
    expect(postRefusal({ name: '王正式', partyStatus: 'full' })).toBeNull()
  })
})

describe('record book 参加范围 (16.1)', () => {
  const doc = (audience: ActivityDoc['audience']) =>
    ({ _id: 'a', branchId: 'b', type: 'committee_meeting', status: 'recorded', topic: 't', place: 'p', startAt: new Date('2026-09-20T02:00:00Z'), audience, photos: [], deleted: false }) as unknown as ActivityDoc
  it('a 支委会 is for 支部委员, a 党小组会 for its group, others for 全体党员 — the words of the detail page', () => {
    expect(entryOf(doc({ kind: 'committee' })).audience).toBe('支部委员')
    expect(entryOf(doc({ kind: 'group', groupId: 'g', groupName: '第一党小组' })).audience).toBe('党小组：第一党小组')
    expect(entryOf(doc({ kind: 'branch' })).audience).toBe('全体党员')
    expect(audienceLabel({ kind: 'committee' })).toBe('支部委员')
  })
})

describe('the member form checks 转入本支部日期', () => {
  const base = { name: '王芳', partyStatus: 'full' as const, joinedPartyOn: '', confirmedOn: '', groupId: '', phone: '' }
  it('accepts a past date, refuses a future one', () => {
    expect(validateMemberForm({ ...base, joinedBranchOn: '2025-03-01' }, '2026-12-02').joinedBranchOn).toBeUndefined()
    expect(validateMemberForm({ ...base, joinedBranchOn: '2026-12-03' }, '2026-12-02').joinedBranchOn).toBe('转入本支部日期不能晚于今天')
  })
})
