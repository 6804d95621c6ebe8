/** The daily pass's 党费 reminders: last month unpaid to the member, 3 and 5 months behind to the secretary, once each. */
import { planDuesReminders } from '../../cloud/core/dues/reminders'

const member = (id: string, extra: Partial<{ openid: string | null; joinedPartyOn: string | null; state: 'active' | 'transferred' }> = {}) => ({
  _id: id,
  openid: `o-${id}`,
  name: `党员${id}`,
  joinedPartyOn: null,
  state: 'active' as const,
  ...extra,
})
const profile = (memberId: string, startMonth = '2026-01') => ({ memberId, branchId: 'b1', startMonth })

test('last month unpaid: the member is told once that month; nothing for someone paid up', () => {
  const items = planDuesReminders({
    today: '2026-12-02',
    profiles: [profile('a'), profile('b')],
    members: [member('a'), member('b')],
    paidMonths: new Map([['a', new Set(['2026-10'])], ['b', new Set(['2026-11'])]]),
  })
  expect(items.map((i) => i._id)).toEqual(['dues_unpaid:a:2026-11'])
  expect(items[0]).toMatchObject({ openid: 'o-a', title: '2026年11月的党费尚未交纳' })
})

test('3 and 5 months behind reach the secretary; the key stays the same while the member stays behind', () => {
  const plan = (today: string) =>
    planDuesReminders({ today, profiles: [profile('a')], members: [member('a')], paidMonths: new Map([['a', new Set(['2026-05'])]]) })
  // Jun–Aug unpaid on 2026-09-10: three months.
  const sep = plan('2026-09-10').filter((i) => i.kind === 'dues_behind')
  expect(sep).toEqual([expect.objectContaining({ _id: 'dues_behind:a:3:2026-09', branchId: 'b1', roles: ['secretary'], title: '党员a 已连续 3 个月未交纳党费' })])
  // Four months on: the flag of three was reached in September, same key (already in the inbox); no new flag.
  expect(plan('2026-10-10').filter((i) => i.kind === 'dues_behind').map((i) => i._id)).toEqual(['dues_behind:a:3:2026-09'])
  const nov = plan('2026-11-10').filter((i) => i.kind === 'dues_behind')
  expect(nov.map((i) => i._id)).toEqual(['dues_behind:a:5:2026-11'])
  expect(nov[0].body).toContain('党章第九条')
})

test('a 预备党员 owes nothing before admission; a transferred member is not reminded', () => {
  const items = planDuesReminders({
    today: '2026-12-02',
    profiles: [profile('p'), profile('t')],
    members: [member('p', { joinedPartyOn: '2026-12-01' }), member('t', { state: 'transferred' })],
    paidMonths: new Map(),
  })
  expect(items).toEqual([])
})
