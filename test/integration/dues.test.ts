/**
 * 党费 through the local cloud and the real SDK: the preview contract, a member's category and base set by the
 * secretary, months recorded by the 组织委员 (twice refused, less only with a reason), the member seeing their own
 * dues, the base masked and the read audited for the committee, the ledger's flags, and the yearly publication.
 */
import { rawApiAs, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
let zhaoId: string // 赵磊, 预备党员 admitted 2025-10-15 (seed)
let wangId: string // 王芳, 组织委员
const as = (openid: string) => rawApiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const organiser = () => as('dev-member-1a')
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
  const people = (await (await fetch(`${cloud.url}/dev/identities`)).json()) as { openid: string; roles: { branchId?: string }[] }[]
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const memberIdOf = async (openid: string) => (await ok(as(openid)('session.get', {})) as { roles: { branchId?: string; memberId?: string }[] }).roles.find((r) => r.memberId)!.memberId!
  zhaoId = await memberIdOf('dev-member-1b')
  wangId = await memberIdOf('dev-member-1a')
})
afterAll(() => cloud?.stop())

describe('dues.preview (the contract others rely on)', () => {
  test.each([
    ['employed', 5400, { rate: 0.015, amount: 81 }],
    ['employed', 3000, { rate: 0.005, amount: 15 }],
    ['employed', 10000.01, { rate: 0.02, amount: 200 }],
    ['retired', 5000, { rate: 0.005, amount: 25 }],
    ['retired', 6000, { rate: 0.01, amount: 60 }],
    ['student', 0, { rate: 0, amount: 0.2 }],
    ['low_income', 800, { rate: 0, amount: 0.2 }],
    ['farmer', 0, { rate: 0, amount: 0.2 }],
  ] as const)('%s with %s 元 → %j', async (category, monthlyIncome, expected) => {
    expect(await ok(zhao()('dues.preview', { category, monthlyIncome }))).toEqual(expected)
  })

  test.each([
    [{ category: 'teacher', monthlyIncome: 5000 }],
    [{ category: 'employed', monthlyIncome: -1 }],
    [{ category: 'employed', monthlyIncome: '5400' }],
    [{ category: 'employed', monthlyIncome: 5400.001 }],
    [{ category: 'employed' }],
  ])('bad input %j is refused with a Chinese message', async (payload) => {
    const answer = await as('dev-member-1b')('dues.preview', payload)
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  })

  test('someone of no branch is refused', async () => {
    expect(await as(`stranger-${Date.now()}`)('dues.preview', { category: 'employed', monthlyIncome: 5400 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('a member\'s dues kept by the secretary and the 组织委员', () => {
  test('only the secretary or the 组织委员 set a base; a 宣传委员 or a member cannot, nor another branch', async () => {
    const payload = { memberId: zhaoId, category: 'employed' as const, monthlyIncome: 5400, startMonth: '2025-01' }
    expect(await zhao()('dues.setProfile', payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as('dev-secretary-2')('dues.setProfile', payload)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await secretary()('dues.setProfile', { ...payload, monthlyIncome: undefined })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写税后月工资收入' } })
    const set = await ok(secretary()('dues.setProfile', payload))
    // 预备党员 owe from the month the 支部大会 admitted them (入党日期 2025-10-15), not from the ledger's start.
    expect(set.profile).toMatchObject({ category: 'employed', base: 5400, rate: 0.015, monthlyDue: 81, owedFrom: '2025-10', needsRecheck: false })
    expect(set.canManage).toBe(true)
  })

  test('a 宣传委员 is no dues keeper in their own branch', async () => {
    const people = await ok(as('dev-secretary-2')('session.get', {})) as { roles: { branchId?: string }[] }
    const branch2 = people.roles.find((r) => r.branchId)!.branchId!
    const liu = (await ok(as('dev-member-2a')('session.get', {})) as { roles: { memberId?: string }[] }).roles.find((r) => r.memberId)!.memberId!
    expect(await as('dev-member-2a')('dues.setProfile', { memberId: liu, category: 'student' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有支部书记或组织委员可以管理党费' } })
    expect(branch2).not.toBe(branch1)
  })

  test('months behind are flagged, then the 组织委员 records this month and last; the member sees them paid', async () => {
    const before = await ok(secretary()('dues.ledger', { branchId: branch1 }))
    const row = before.rows.find((r: { memberId: string }) => r.memberId === zhaoId)!
    expect(row.behind).toBeGreaterThanOrEqual(5) // nothing paid since 2025-10
    expect(row.flag).toBe(5)
    expect(before.seesBase).toBe(true)
    expect(row.base).toBe(5400)

    const months = [monthBefore(thisMonth(), 1), thisMonth()]
    const recorded = await ok(organiser()('dues.record', { memberId: zhaoId, months, amount: 81, paidOn: today(), way: 'transfer' }))
    expect(recorded.behind).toBe(0)
    const mine = await ok(zhao()('dues.member', { memberId: zhaoId }))
    const current = mine.months.find((m: { month: string }) => m.month === thisMonth())
    expect(current).toMatchObject({ state: 'paid', due: 81, paid: 81, paidOn: today(), way: 'transfer', recordedBy: '王芳' })
    // The member sees their own base; they may not manage it.
    expect(mine.profile!.base).toBe(5400)
    expect(mine.canManage).toBe(false)
  })

  test('a month recorded twice is refused and nothing changes', async () => {
    const before = await ok(zhao()('dues.member', { memberId: zhaoId }))
    const again = await secretary()('dues.record', { memberId: zhaoId, months: [thisMonth(), monthBefore(thisMonth(), 2)], amount: 100, paidOn: today(), way: 'cash' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已经记录过了') } })
    expect(await ok(zhao()('dues.member', { memberId: zhaoId }))).toEqual(before)
  })

  test('less than due needs a reason; with one it is kept as 少缴; more is welcome', async () => {
    const m = monthBefore(thisMonth(), 2)
    const short = await secretary()('dues.record', { memberId: zhaoId, months: [m], amount: 40, paidOn: today(), way: 'cash' })
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '每月应缴 81.00 元，少缴须填写原因' } })
    const kept = await ok(secretary()('dues.record', { memberId: zhaoId, months: [m], amount: 40, paidOn: today(), way: 'cash', reason: '当月病休，收入减少，经支委会同意' }))
    expect(kept.months.find((x: { month: string }) => x.month === m)).toMatchObject({ state: 'short', paid: 40, reason: '当月病休，收入减少，经支委会同意' })
    const ahead = await ok(secretary()('dues.record', { memberId: zhaoId, months: [monthBefore(thisMonth(), -1)], amount: 100, paidOn: today(), way: 'proxy' }))
    expect(ahead.profile!.monthlyDue).toBe(81)
  })

  test('an absurd amount for one month, or a short payment with a reason of nothing visible, is refused', async () => {
    const m = monthBefore(thisMonth(), 3)
    const before = await ok(zhao()('dues.member', { memberId: zhaoId }))
    expect(await secretary()('dues.record', { memberId: zhaoId, months: [m], amount: 100000, paidOn: today(), way: 'cash' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '每月实缴不能超过应缴的 12 倍（972.00 元）；预交请选择多个月份' } })
    for (const reason of ['   ', '\u200b\u200b', '\u3164']) {
      expect(await secretary()('dues.record', { memberId: zhaoId, months: [m], amount: 0, paidOn: today(), way: 'cash', reason })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请填写少缴原因') } })
    }
    expect(await ok(zhao()('dues.member', { memberId: zhaoId }))).toEqual(before)
  })

  test('a month before the member owed dues, or a member recording, is refused', async () => {
    expect(await secretary()('dues.record', { memberId: zhaoId, months: ['2025-09'], amount: 81, paidOn: today(), way: 'cash' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不需交纳') } })
    expect(await zhao()('dues.record', { memberId: zhaoId, months: ['2025-10'], amount: 81, paidOn: today(), way: 'cash' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await zhao()('dues.ledger', { branchId: branch1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('the committee sees paid or not but nothing the income follows from, and its read is in the audit log', async () => {
    const seen = await ok(admin()('dues.member', { memberId: zhaoId }))
    // Rate, category and the amounts give the income back (81 ÷ 0.015 = 5400): masked with the base.
    expect(seen.profile).toMatchObject({ base: null, baseMasked: true, category: null, categoryLabel: null, rate: null, monthlyDue: null })
    expect(seen.months.every((m: { due: number | null; paid: number | null }) => m.due === null && m.paid === null)).toBe(true)
    expect(seen.months.find((m: { month: string }) => m.month === thisMonth())).toMatchObject({ state: 'paid' })
    expect(seen.behind).toBe(0)
    const ledger = await ok(admin()('dues.ledger', { branchId: branch1 }))
    expect(ledger.seesBase).toBe(false)
    expect(ledger.rows.every((r: { base: number | null }) => r.base === null)).toBe(true)
    const row = ledger.rows.find((r: { memberId: string }) => r.memberId === zhaoId)
    expect(row).toMatchObject({ category: null, monthlyDue: null, due: null, paid: null, masked: true, behind: 0 })
    expect(row.months).toContain('paid')
    const audit = await ok(secretary()('audit.list', { branchId: branch1 }))
    const reads = audit.items.filter((e: { action: string }) => e.action === 'dues.read')
    expect(reads.map((e: { actor: { name: string } }) => e.actor.name)).toContain('周敏')
    expect(JSON.stringify(audit.items)).not.toContain('5400')
    expect(JSON.stringify(audit.items)).not.toMatch(/每月 [\d.]+ 元|81\.00/)
    // The member and the keepers still see it all.
    expect((await ok(zhao()('dues.member', { memberId: zhaoId }))).profile).toMatchObject({ category: 'employed', rate: 0.015, monthlyDue: 81, baseMasked: false })
    expect((await ok(organiser()('dues.ledger', { branchId: branch1 }))).rows.find((r: { memberId: string }) => r.memberId === zhaoId)).toMatchObject({ category: 'employed', monthlyDue: 81, masked: false })
  })

  test('the 组织委员 is a keeper: sees bases; the yearly publication reaches the branch inbox', async () => {
    expect((await ok(organiser()('dues.ledger', { branchId: branch1 }))).seesBase).toBe(true)
    expect(wangId).toBeTruthy()
    const year = Number(thisMonth().slice(0, 4))
    expect(await organiser()('dues.publish', { branchId: branch1, year })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Everyone needs a standard before a publication (test/integration/dues-publish-facts.test.ts): 李建国 and 王芳 get one.
    const liId = (await ok(secretary()('session.get', {})) as { roles: { memberId?: string }[] }).roles.find((r) => r.memberId)!.memberId!
    for (const memberId of [liId, wangId]) await ok(secretary()('dues.setProfile', { memberId, category: 'student' }))
    const published = await ok(secretary()('dues.publish', { branchId: branch1, year }))
    expect(published.body).toContain('收缴率')
    const inbox = await ok(zhao()('inbox.list', {}))
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain(published.title)
    expect((await ok(secretary()('dues.ledger', { branchId: branch1 }))).publishedAt).toBe(published.publishedAt)
  })
})

describe('reminders and the workbook', () => {
  test('the daily run tells a member of an unpaid month and the secretary at three months behind, once', async () => {
    // Tomorrow 09:00 Beijing: the day's first run past 08:00 does the daily pass.
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
    const at = `${tomorrow}T09:00:00+08:00`
    const runMonth = tomorrow.slice(0, 7)
    await ok(secretary()('dues.setProfile', { memberId: wangId, category: 'student', startMonth: monthBefore(runMonth, 3) }))
    const trigger = async () => (await (await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(new Date(at).toISOString())}`, { method: 'POST' })).json()) as { ok: boolean; daily: boolean }
    expect(await trigger()).toMatchObject({ ok: true, daily: true })
    const last = monthBefore(runMonth, 1)
    const wangInbox = await ok(organiser()('inbox.list', {}))
    expect(wangInbox.items.map((i: { title: string }) => i.title)).toContain(`${last.slice(0, 4)}年${Number(last.slice(5))}月的党费尚未交纳`)
    const secInbox = await ok(secretary()('inbox.list', {}))
    const flags = secInbox.items.filter((i: { title: string }) => i.title === '王芳 已连续 3 个月未交纳党费')
    expect(flags).toHaveLength(1)
    expect(flags[0].body).toContain('党章第九条')
    // 赵磊 paid last month: nothing for him.
    const zhaoInbox = await ok(zhao()('inbox.list', {}))
    expect(zhaoInbox.items.filter((i: { title: string }) => i.title.includes('党费尚未交纳'))).toEqual([])
  })

  test('the year-end workbook has dues per branch', async () => {
    const ExcelJS = (await import('exceljs')).default
    const year = Number(thisMonth().slice(0, 4))
    let job = await ok(admin()('exports.start', { kind: 'assessment', year }))
    for (let i = 0; i < 50 && job.status === 'running'; i += 1) job = await ok(admin()('exports.step', { jobId: job.id }))
    expect(job.status).toBe('done')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await (await fetch(job.url)).arrayBuffer()) as any)
    const ws = wb.getWorksheet('党费收缴')!
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '支部', '交纳党员数', '应缴（元）', '实缴（元）', '收缴率', '说明'])
    const ledger = await ok(secretary()('dues.ledger', { branchId: branch1, year }))
    const branchName = (await ok(secretary()('branches.get', { branchId: branch1 }))).branch.name
    let found = false
    ws.eachRow((row, n) => {
      if (n === 1 || row.getCell(2).value !== branchName) return
      found = true
      expect(row.getCell(3).value).toBe(ledger.totals.members)
      expect(row.getCell(4).value).toBeCloseTo(ledger.totals.due, 2)
      expect(row.getCell(5).value).toBeCloseTo(ledger.totals.collected, 2)
    })
    expect(found).toBe(true)
  })
})
