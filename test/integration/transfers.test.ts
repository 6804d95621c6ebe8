/**
 * 组织关系转接 through the local cloud (docs/transfers.md): a transfer between two branches of the deployment keeps
 * 入党日期, 转正日期, status and the sending branch's records; a letter to outside is reminded until its 回执 is
 * recorded; a letter from outside puts the member on the roster and invites them as that entry; who may do what;
 * every step in the audit log; bad input refused with nothing written; a retried write answers the first.
 */
import { ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { twoBranches, type TwoBranches } from '../support/two-branches'

let cloud: LocalCloudHandle
let admin: Caller
let secA: Caller
let secB: Caller
let organiser: Caller
let publicity: Caller
let prob: Caller
let full: Caller
let branchA: string
let branchB: string
const ids: Record<string, string> = {}
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
let seq = 0
const rid = () => `tr-${++seq}-${Date.now().toString(36)}`

let join: TwoBranches['join']
const inv = { code: '' }

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  ;({ admin, branchA, branchB, secA, secB, join, memberCode: inv.code } = await twoBranches(cloud.url, 'tr'))
  organiser = await join('tr-org', inv.code, '组织委员甲')
  publicity = await join('tr-pub', inv.code, '宣传委员乙')
  prob = await join('tr-prob', inv.code, '王预备')
  full = await join('tr-full', inv.code, '李正式')
  await join('tr-out', inv.code, '赵外出')
  for (const m of (await ok(secA('members.list', { branchId: branchA }))).items) ids[m.name] = m.id
  await ok(secA('members.update', { memberId: ids['王预备'], partyStatus: 'probationary', joinedPartyOn: '2026-06-01', joinedBranchOn: '2024-01-01' }))
  await ok(secA('members.update', { memberId: ids['李正式'], joinedPartyOn: '2010-07-01', confirmedOn: '2011-07-01', joinedBranchOn: '2020-01-01' }))
  await ok(secA('members.setPosts', { memberId: ids['组织委员甲'], posts: ['组织委员'], groupLeader: false, since: '2020-01-01' }))
  await ok(secA('members.setPosts', { memberId: ids['宣传委员乙'], posts: ['宣传委员'], groupLeader: false, since: '2020-01-01' }))
}, 90_000)
afterAll(() => cloud?.stop())

const audits = async (as: Caller, branchId: string) => (await ok(as('audit.list', { branchId, limit: 50 }))).items.map((i) => `${i.action} ${i.summary}`)

describe('inside the deployment: 甲 → 乙', () => {
  let transferId: string
  const letter = { letterNo: '甲党转〔2026〕1号', issuedOn: today, duesPaidTo: '2026-12' }

  test('the receiving branch is picked from the other active branches, by name (keepers only)', async () => {
    expect(await ok(organiser('transfers.branches', { branchId: branchA }))).toEqual({ items: [{ id: branchB, name: '乙学会党支部' }] })
    expect(await publicity('transfers.branches', { branchId: branchA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await secB('transfers.branches', { branchId: branchA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('the 组织委员 issues the letter; the member is marked transferred, keeps their record, and sees their own letter', async () => {
    const clientRequestId = rid()
    const t = await ok(organiser('transfers.issue', { memberId: ids['王预备'], toBranchId: branchB, ...letter, clientRequestId }))
    transferId = t.id
    expect(t).toMatchObject({ kind: 'inside', state: 'in_transit', stateLabel: '待接收', fromName: '甲学会党支部', toName: '乙学会党支部', validUntil: plusDays(today, 89), partyStatus: 'probationary', joinedPartyOn: '2026-06-01', probationEndsOn: '2027-06-01', receiptDueOn: null })
    // A retry of the same request answers the same letter, and writes nothing more.
    const again = await ok(organiser('transfers.issue', { memberId: ids['王预备'], toBranchId: branchB, ...letter, clientRequestId }))
    expect(again.id).toBe(t.id)
    expect((await ok(secA('transfers.list', { branchId: branchA, direction: 'out' }))).items).toHaveLength(1)
    const entry = await ok(secA('members.get', { memberId: ids['王预备'] }))
    expect(entry).toMatchObject({ state: 'transferred', transferredOn: today, joinedPartyOn: '2026-06-01' })
    expect(entry.transferReason).toContain('乙学会党支部')
    // The member no longer acts in 甲, and reads their own letter.
    expect((await ok(prob('session.get'))).roles.filter((r) => r.branchId === branchA)).toEqual([])
    expect((await ok(prob('transfers.mine'))).items.map((i) => i.letterNo)).toEqual([letter.letterNo])
    expect(await ok(prob('transfers.get', { transferId }))).toMatchObject({ letterNo: letter.letterNo, mayAccept: false })
  })

  test("乙's secretary sees it in the list and on the home 待办; a second letter for the same member is refused", async () => {
    const list = await ok(secB('transfers.list', { branchId: branchB, direction: 'in' }))
    expect(list.items.map((i) => i.memberName)).toEqual(['王预备'])
    const todo = await ok(secB('home.todo', { branchId: branchB }))
    expect(todo.items.find((i) => i.kind === 'transfers_incoming')).toMatchObject({ title: '1 份组织关系转入待接收' })
    const second = await secA('transfers.issue', { memberId: ids['王预备'], toOrgName: '某外单位党委', letterNo: '甲党转〔2026〕9号', issuedOn: today, duesPaidTo: '2026-12', clientRequestId: rid() })
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '王预备 已转出，不能再开具介绍信' } })
  })

  test('only the receiving keepers accept: 甲 is FORBIDDEN, a 支委 without the 组织委员 post sees nothing', async () => {
    expect(await secA('transfers.accept', { transferId, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有接收支部的书记、组织委员或党委可以接收' } })
    expect(await publicity('transfers.get', { transferId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await publicity('transfers.issue', { memberId: ids['李正式'], toBranchId: branchB, letterNo: 'X-1', issuedOn: today, duesPaidTo: '2026-12', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('乙 accepts: the member joins 乙 with 入党日期, status and 预备期 intact; 甲 keeps the old entry; both audit logs say so', async () => {
    expect(await ok(secB('transfers.get', { transferId }))).toMatchObject({ mayAccept: true, mayRecordReceipt: false })
    const t = await ok(secB('transfers.accept', { transferId, clientRequestId: rid() }))
    expect(t).toMatchObject({ state: 'accepted', stateLabel: '已接收' })
    const roster = (await ok(secB('members.list', { branchId: branchB }))).items
    const joined = roster.find((m) => m.name === '王预备')
    expect(joined).toMatchObject({ id: t.newMemberId, partyStatus: 'probationary', joinedPartyOn: '2026-06-01', joinedBranchOn: today, probationEndsOn: '2027-06-01', bound: true })
    expect((await ok(secA('members.get', { memberId: ids['王预备'] }))).state).toBe('transferred')
    // One person, one branch: active only in 乙 now.
    const roles = (await ok(prob('session.get'))).roles
    expect(roles.map((r) => r.branchId)).toEqual([branchB])
    expect(await secB('transfers.accept', { transferId, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await audits(secA, branchA)).join('\n')).toMatch(/transfer\.issued 王预备 转出至「乙学会党支部」/)
    const b = (await audits(secB, branchB)).join('\n')
    expect(b).toMatch(/transfer\.issued/)
    expect(b).toMatch(/transfer\.accepted 「乙学会党支部」接收 王预备 的组织关系/)
    expect(b).toMatch(/transfer\.read 查看 王预备 的组织关系介绍信/)
  })

  test('a full member keeps 转正日期; 乙 returns a letter with a reason and the member is back in 甲', async () => {
    const t = await ok(secA('transfers.issue', { memberId: ids['李正式'], toBranchId: branchB, letterNo: '甲党转〔2026〕2号', issuedOn: today, duesPaidTo: '2026-11', clientRequestId: rid() }))
    expect(t).toMatchObject({ partyStatus: 'full', joinedPartyOn: '2010-07-01', confirmedOn: '2011-07-01', probationEndsOn: null })
    expect(await secB('transfers.return', { transferId: t.id, reason: '', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const back = await ok(secB('transfers.return', { transferId: t.id, reason: '本人工作单位未变动，暂不转入', clientRequestId: rid() }))
    expect(back).toMatchObject({ state: 'returned', stateLabel: '已退回', returnReason: '本人工作单位未变动，暂不转入' })
    expect(await ok(secA('members.get', { memberId: ids['李正式'] }))).toMatchObject({ state: 'active', transferredOn: null })
    expect((await ok(full('session.get'))).roles.map((r) => r.branchId)).toEqual([branchA])
    expect((await ok(secA('inbox.list', { limit: 50 }))).items.map((i) => i.title)).toContain('李正式 的介绍信被「乙学会党支部」退回')
    expect((await audits(secA, branchA)).join('\n')).toMatch(/transfer\.returned 「乙学会党支部」退回 李正式 的介绍信/)
  })
})

describe('bad input, another branch: a clear message, a stable code, nothing written', () => {
  test('refused letters leave the member active and no transfer behind', async () => {
    const base = { memberId: ids['李正式'], letterNo: '甲党转〔2026〕3号', issuedOn: today, duesPaidTo: '2026-12' }
    const cases: [Record<string, unknown>, string, string][] = [
      [{ toBranchId: branchB, toOrgName: '外单位' }, 'INVALID_INPUT', '请选择接收的支部，或填写本系统以外的接收党组织名称（二选一）'],
      [{}, 'INVALID_INPUT', '请选择接收的支部，或填写本系统以外的接收党组织名称（二选一）'],
      [{ toBranchId: branchA }, 'INVALID_INPUT', '不能转往本支部'],
      [{ toBranchId: branchB, issuedOn: plusDays(today, 1) }, 'INVALID_INPUT', '开具日期不能晚于今天'],
      [{ toBranchId: branchB, duesPaidTo: '2026-13' }, 'INVALID_INPUT', '党费交至月份格式应为 2026-12'],
      [{ toBranchId: branchB, letterNo: '甲党转〔2026〕2号' }, 'CONFLICT', '介绍信编号「甲党转〔2026〕2号」已用于 李正式 的转出，请核对编号'],
      [{ toBranchId: branchB, validDays: 0 }, 'INVALID_INPUT', '有效期至少 1 天'],
    ]
    const before = (await ok(secA('transfers.list', { branchId: branchA, direction: 'out' }))).items.length
    for (const [change, code, message] of cases) {
      expect(await secA('transfers.issue', { ...base, ...change, clientRequestId: rid() } as never)).toMatchObject({ ok: false, error: { code, message: expect.stringContaining(message) } })
    }
    expect((await ok(secA('transfers.list', { branchId: branchA, direction: 'out' }))).items).toHaveLength(before)
    expect((await ok(secA('members.get', { memberId: ids['李正式'] }))).state).toBe('active')
    // Another branch's member: 乙's secretary cannot see them.
    expect(await secB('transfers.issue', { ...base, toBranchId: branchB, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('the validity is the committee setting (90 days by default): only the committee changes it', async () => {
    expect(await ok(secA('transfers.settings'))).toMatchObject({ validDays: 90, defaults: { validDays: 90 } })
    expect(await secA('transfers.setSettings', { validDays: 30 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ok(admin('transfers.setSettings', { validDays: 30 }))).toMatchObject({ validDays: 30 })
  })
})

describe('to outside: the 回执 expected within a month, reminded until recorded', () => {
  const trigger = async (beijing: string) => {
    const res = await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(new Date(`${beijing}+08:00`).toISOString())}`, { method: 'POST' })
    return (await res.json()) as { ok: boolean; daily: boolean }
  }
  const receipts = async (as: Caller) => (await ok(as('inbox.list', { limit: 50 }))).items.filter((i) => i.kind === 'transfer_receipt_due').map((i) => i.title)
  let transferId: string

  test('the letter records the receiving organisation by name; the default validity follows the setting', async () => {
    const t = await ok(secA('transfers.issue', { memberId: ids['赵外出'], toOrgName: '北京市某研究院党委', letterNo: '甲党转〔2026〕5号', issuedOn: '2026-11-01', duesPaidTo: '2026-10', clientRequestId: rid() }))
    transferId = t.id
    expect(t).toMatchObject({ kind: 'to_outside', state: 'in_transit', stateLabel: '待回执', toBranchId: null, toName: '北京市某研究院党委', receiptDueOn: '2026-12-01', validUntil: '2026-11-30', mayRecordReceipt: true })
    const flight = await ok(admin('transfers.list', {}))
    expect(flight.items.map((i) => i.letterNo)).toContain('甲党转〔2026〕5号')
  })

  test('three days ahead, the day after, weekly after; never twice; to the secretary only', async () => {
    await trigger('2026-11-27T08:05:00')
    expect(await receipts(secA)).toEqual([])
    await trigger('2026-11-28T08:05:00')
    expect(await receipts(secA)).toEqual(['赵外出 的介绍信回执即将到期（还剩 3 天）'])
    await trigger('2026-11-29T08:05:00')
    expect(await receipts(secA)).toHaveLength(1)
    await trigger('2026-12-02T08:05:00')
    expect(await receipts(secA)).toContain('赵外出 的介绍信回执尚未收到（已逾期 1 天）')
    await trigger('2026-12-08T08:05:00')
    expect(await receipts(secA)).toHaveLength(2)
    await trigger('2026-12-09T08:05:00')
    expect(await receipts(secA)).toHaveLength(3)
    expect(await receipts(organiser)).toEqual([])
    expect(await receipts(secB)).toEqual([])
  })

  test('the 回执 is recorded by the sending branch only; then the reminders stop', async () => {
    expect(await secB('transfers.receipt', { transferId, receivedOn: today, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await secA('transfers.receipt', { transferId, receivedOn: '2026-10-31', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '回执日期不能早于介绍信开具日期' } })
    const t = await ok(secA('transfers.receipt', { transferId, receivedOn: today, note: '回执已寄回', clientRequestId: rid() }))
    expect(t).toMatchObject({ state: 'completed', stateLabel: '已收到回执', receiptOn: today })
    await trigger('2026-12-16T08:05:00')
    expect(await receipts(secA)).toHaveLength(3)
    expect((await audits(secA, branchA)).join('\n')).toMatch(/transfer\.receipt 登记 赵外出 的介绍信回执/)
  })
})

describe('from outside: the letter recorded, the member invited as that entry', () => {
  test('乙 records the letter; the member joins by the code and is the same roster entry with its dates', async () => {
    const input = { branchId: branchB, letterNo: '沪党转〔2026〕88号', fromOrgName: '上海市某学会党委', issuedOn: plusDays(today, -5), validUntil: plusDays(today, 25), duesPaidTo: '2026-11', name: '孙转入', partyStatus: 'full' as const, joinedPartyOn: '2000-07-01', confirmedOn: '2001-07-01', clientRequestId: rid() }
    expect(await secB('transfers.receive', { ...input, confirmedOn: '2001-01-01', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '转正日期不能早于预备期满（入党日期后一年，党章第七条）' } })
    expect(await secB('transfers.receive', { ...input, validUntil: plusDays(today, -1), clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '介绍信已过有效期，请转出党组织重新开具' } })
    expect(await secA('transfers.receive', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const t = await ok(secB('transfers.receive', input))
    expect(t).toMatchObject({ kind: 'from_outside', state: 'completed', stateLabel: '已转入', fromName: '上海市某学会党委', toName: '乙学会党支部' })
    expect(t.inviteCode).toMatch(/^[A-Z0-9]{8,16}$/)
    const sun = await join('tr-sun', t.inviteCode!, '孙转入')
    const entries = (await ok(secB('members.list', { branchId: branchB }))).items.filter((m) => m.name === '孙转入')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ id: t.newMemberId, bound: true, partyStatus: 'full', joinedPartyOn: '2000-07-01', confirmedOn: '2001-07-01' })
    expect((await ok(sun('session.get'))).roles.map((r) => r.branchId)).toEqual([branchB])
    expect((await audits(secB, branchB)).join('\n')).toMatch(/transfer\.received 登记转入：孙转入/)
  })
})
