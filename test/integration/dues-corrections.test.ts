/**
 * 党费 found by users (issue #20): a recorded month can be corrected (amended or voided with a reason, kept in the
 * month's history, audited, only by the secretary or 组织委员); the yearly publication posts once per tap however often
 * it is sent (clientRequestId); a payment date years before the months paid is refused with a clear message; the
 * warning months are the committee's setting (national default 3 and 5, always before the 党章's six); home 待办 shows
 * a member their own unpaid dues and the keepers how many members are behind.
 */
import { apiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let zhaoId: string
const as = (openid: string) => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const organiser = () => as('dev-member-1a') // 王芳, 组织委员
const zhao = () => as('dev-member-1b')
const admin = () => as('dev-committee-admin')
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthBefore = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

beforeAll(async () => {
  cloud = await startLocalCloud()
  const me = await ok(secretary()('session.get', {}))
  branch1 = me.roles.find((r) => r.role === 'secretary')!.branchId!
  zhaoId = (await ok(zhao()('session.get', {}))).roles.find((r) => r.memberId)!.memberId!
  // Everyone of the branch gets a standard from eight months back (publication needs them all).
  const ledger = await ok(secretary()('dues.ledger', { branchId: branch1 }))
  for (const r of ledger.rows) {
    await ok(secretary()('dues.setProfile', { memberId: r.memberId, category: 'employed', monthlyIncome: 5400, startMonth: monthBefore(thisMonth(), 8) }))
  }
})
afterAll(() => cloud?.stop())

describe('correcting a recorded month', () => {
  const month = () => monthBefore(thisMonth(), 1)

  test('amend with a reason: the month shows what stands now and the history keeps what it was; audited', async () => {
    await ok(organiser()('dues.record', { memberId: zhaoId, months: [month()], amount: 81, paidOn: today(), way: 'cash' }))
    expect(await zhao()('dues.correct', { memberId: zhaoId, month: month(), kind: 'amend', reason: '记错了', amount: 90 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await secretary()('dues.correct', { memberId: zhaoId, month: month(), kind: 'amend', reason: '  ', amount: 90 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await secretary()('dues.correct', { memberId: zhaoId, month: month(), kind: 'amend', reason: '原记录无误' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '金额、日期和方式都与原记录相同，无需更正' } })
    const fixed = await ok(secretary()('dues.correct', { memberId: zhaoId, month: month(), kind: 'amend', reason: '实收 90 元，记录时输错', amount: 90, way: 'transfer' }))
    const m = fixed.months.find((x) => x.month === month())
    if (m) {
      expect(m).toMatchObject({ state: 'paid', paid: 90, way: 'transfer' })
      expect(m.corrections).toEqual([expect.objectContaining({ kind: 'amend', paidBefore: 81, paidAfter: 90, reason: '实收 90 元，记录时输错', by: '李建国' })])
    }
    const audit = await ok(admin()('audit.list', { branchId: branch1 }))
    expect(audit.items.map((i) => i.summary)).toContain(`更正 赵磊 ${month().slice(0, 4)}年${Number(month().slice(5))}月的党费记录，原因：实收 90 元，记录时输错`)
  })

  test('void: the month is unpaid again, its history stays, and it can be recorded anew', async () => {
    const voided = await ok(organiser()('dues.correct', { memberId: zhaoId, month: month(), kind: 'void', reason: '误记，该月并未交纳' }))
    const year = await ok(zhao()('dues.member', { memberId: zhaoId, year: Number(month().slice(0, 4)) }))
    const m = year.months.find((x) => x.month === month())!
    expect(m.state).toBe('unpaid')
    expect(m.corrections.map((c) => c.kind)).toEqual(['amend', 'void'])
    expect(voided.behind).toBeGreaterThanOrEqual(1)
    expect(await secretary()('dues.correct', { memberId: zhaoId, month: month(), kind: 'void', reason: '再作废' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await ok(organiser()('dues.record', { memberId: zhaoId, months: [month()], amount: 81, paidOn: today(), way: 'cash' }))
  })
})

test('a payment date years before the months paid is refused with a clear message, nothing written', async () => {
  const m = monthBefore(thisMonth(), 2)
  const answer = await secretary()('dues.record', { memberId: zhaoId, months: [m], amount: 81, paidOn: `${Number(m.slice(0, 4)) - 3}-03-05`, way: 'cash' })
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('早一年以上，请检查日期') } })
  const year = await ok(zhao()('dues.member', { memberId: zhaoId, year: Number(m.slice(0, 4)) }))
  expect(year.months.find((x) => x.month === m)?.state).toBe('unpaid')
})

test('dues.publish with one clientRequestId posts once however many times it is sent', async () => {
  const year = Number(thisMonth().slice(0, 4))
  const count = async () => (await ok(zhao()('inbox.list', {}))).items.filter((i) => i.title.includes(`${year}年度党费收缴情况公布`)).length
  const before = await count()
  const clientRequestId = `publish-${Date.now()}`
  const answers = await Promise.all(Array.from({ length: 5 }, () => secretary()('dues.publish', { branchId: branch1, year, clientRequestId })))
  const done = answers.filter((a) => a.ok)
  expect(done.length).toBeGreaterThanOrEqual(1)
  for (const a of answers) if (!a.ok) expect(a.error.code).toBe('CONFLICT') // 仍在处理中: the first call's answer comes on a retry
  expect(await count()).toBe(before + 1)
  // The same id sent again (a retry) answers the first publication; a new tap (new id) publishes again.
  const again = await ok(secretary()('dues.publish', { branchId: branch1, year, clientRequestId }))
  expect(again.publishedAt).toBe((done[0] as { data: { publishedAt: string } }).data.publishedAt)
  expect(await count()).toBe(before + 1)
  await ok(secretary()('dues.publish', { branchId: branch1, year, clientRequestId: `publish-${Date.now()}-2` }))
  expect(await count()).toBe(before + 2)
})

describe('the warning months are the committee\'s setting', () => {
  afterAll(async () => {
    await ok(admin()('dues.setSettings', { warnMonths: [3, 5] }))
  })

  test('national defaults 3 and 5; only the committee changes them, always before six', async () => {
    expect(await ok(zhao()('dues.settings', {}))).toEqual({ warnMonths: [3, 5], defaults: { warnMonths: [3, 5] }, lapseMonths: 6 })
    expect(await secretary()('dues.setSettings', { warnMonths: [2, 4] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await admin()('dues.setSettings', { warnMonths: [3, 6] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('早于党章第九条规定的 6 个月') } })
    expect(await admin()('dues.setSettings', { warnMonths: [4, 2] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '第二次提醒的月数应大于第一次' } })
    expect(await ok(admin()('dues.setSettings', { warnMonths: [2, 4] }))).toMatchObject({ warnMonths: [2, 4] })
  })

  test('the ledger flags at the committee\'s months', async () => {
    // 王芳 has paid nothing since her ledger started eight months ago: behind ≥ 4 → flagged at 4 (not 5).
    const ledger = await ok(secretary()('dues.ledger', { branchId: branch1 }))
    expect(ledger.warnMonths).toEqual([2, 4])
    const wang = ledger.rows.find((r) => r.name === '王芳')!
    expect(wang.behind).toBeGreaterThanOrEqual(4)
    expect(wang.flag).toBe(4)
  })
})

test('home 待办: the member sees their own unpaid dues; the keepers see who is behind (up to three names) and how many', async () => {
  const wangHome = await ok(as('dev-member-1a')('home.todo', { branchId: branch1 }))
  const behind = wangHome.items.find((i) => i.kind === 'dues_behind')
  expect(behind).toMatchObject({ page: `/packages/dues/pages/ledger/index?branchId=${branch1}` })
  // Named, the longest behind first (walk: the line did not say who): 「王芳、赵磊等 N 人欠缴党费」 or 「王芳、赵磊欠缴党费」.
  expect(behind!.title).toMatch(/^[^\d]+(等 \d+ 人)?欠缴党费$/)
  expect(behind!.title).toContain('王芳')
  expect(behind!.due).toMatch(/^最长 \d+ 个月，去党费台账$/)
  const zhaoHome = await ok(zhao()('home.todo', { branchId: branch1 }))
  const own = zhaoHome.items.find((i) => i.kind === 'dues_unpaid')
  expect(own).toMatchObject({ page: `/packages/dues/pages/member/index?memberId=${zhaoId}` })
  // Last month is paid (recorded above), the months before it since the ledger started are not.
  expect(own!.title).toMatch(/^\d+ 个月党费未交纳$/)
})
