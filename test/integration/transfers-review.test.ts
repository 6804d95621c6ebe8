/**
 * 组织关系转接: what the attacker review found (docs/transfers.md), through the local cloud. Each case failed before.
 * 1. A transfers.issue request key re-sent after the letter was withdrawn answered 待接收; re-sent with another
 *    member it answered the first member's letter. Now: the letter as it is now (已撤回), and CONFLICT for another
 *    payload (framework/writes.ts fingerprint), with nothing written.
 * 2. The committee transferred out a branch's only secretary. Now refused whoever issues: 「书记转出请先移交书记职务」.
 * 3. The .docx printed 「汉族 族」 for 汉族: now 汉族 once, whether 汉 or 汉族 was typed.
 * 4. After acceptance the receiving secretary's 「…转入待接收」 stayed in the inbox, unread. Now it goes; when someone
 *    else accepted, the secretary reads 「…已转入本支部」 instead.
 * 5. What these steps query is served by declared indexes (the first fix of 4 removed read marks by an unindexed
 *    itemId).
 */
import JSZip from 'jszip'
import { ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { twoBranches, type TwoBranches } from '../support/two-branches'

let cloud: LocalCloudHandle
let admin: Caller
let secA: Caller
let secB: Caller
let organiser: Caller
let branchA: string
let branchB: string
const ids: Record<string, string> = {}
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const month = today.slice(0, 7)
let seq = 0
const rid = () => `tr-${++seq}-${Date.now().toString(36)}`

let join: TwoBranches['join']
const inv = { code: '' }
const roster = async () => Object.fromEntries((await ok(secA('members.list', { branchId: branchA }))).items.map((m) => [m.name, m]))
const inboxTitles = async (as: Caller) => (await ok(as('inbox.list', { limit: 50 }))).items.map((i) => i.title)

beforeAll(async () => {
  // Every query unserved by a declared index is reported (cloud/indexes.ts), however small the collection.
  cloud = await startLocalCloud({ seed: false, env: { LOCALCLOUD_UNINDEXED_FROM: '0' } })
  ;({ admin, branchA, branchB, secA, secB, join, memberCode: inv.code } = await twoBranches(cloud.url, 'tr'))
  organiser = await join('tr-org', inv.code, '组织委员甲')
  for (const [i, name] of ['李重发', '张别人', '王民族', '陈接收', '刘代收'].entries()) await join(`tr-m${i}`, inv.code, name)
  for (const m of Object.values(await roster())) ids[m.name] = m.id
  await ok(secA('members.setPosts', { memberId: ids['组织委员甲'], posts: ['组织委员'], groupLeader: false, since: '2020-01-01' }))
}, 120_000)
afterAll(() => cloud?.stop())

describe('1. a request key answers only its own letter, as it is now', () => {
  test('the same key for another member is CONFLICT and writes nothing; re-sent after 撤回 it answers 已撤回', async () => {
    const key = rid()
    const input = { memberId: ids['李重发'], toBranchId: branchB, letterNo: '甲党转〔2026〕41号', issuedOn: today, duesPaidTo: month, clientRequestId: key }
    const first = await ok(secA('transfers.issue', input))
    expect(first).toMatchObject({ state: 'in_transit', stateLabel: '待接收', memberName: '李重发' })

    // Another member under the same key: refused, and 张别人 is neither transferred nor given a letter.
    expect(await secA('transfers.issue', { ...input, memberId: ids['张别人'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '同一请求编号已用于另一项操作，请刷新后重试' } })
    expect((await roster())['张别人']).toMatchObject({ state: 'active' })
    expect((await ok(secA('transfers.list', { branchId: branchA, direction: 'out' }))).items.map((i) => i.memberName)).toEqual(['李重发'])

    // A true retry (same payload) still answers the same letter.
    expect(await ok(secA('transfers.issue', input))).toMatchObject({ id: first.id, state: 'in_transit' })

    await ok(secA('transfers.withdraw', { transferId: first.id, reason: '本人暂缓调动', clientRequestId: rid() }))
    const replayed = await ok(secA('transfers.issue', input))
    expect(replayed).toMatchObject({ id: first.id, state: 'withdrawn', stateLabel: '已撤回', mayWithdraw: false, mayPrint: false })
    expect((await roster())['李重发']).toMatchObject({ state: 'active' })
  })
})

describe("2. a branch's secretary is not transferred out until the role is handed over", () => {
  test('the committee is refused like the secretary; the secretary stays on the roster and in office', async () => {
    const input = { memberId: ids['甲书记'], toBranchId: branchB, letterNo: '甲党转〔2026〕42号', issuedOn: today, duesPaidTo: month }
    const byCommittee = await admin('transfers.issue', { ...input, clientRequestId: rid() })
    expect(byCommittee).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(!byCommittee.ok && byCommittee.error.message).toContain('书记转出请先移交书记职务')
    const byOrganiser = await organiser('transfers.issue', { ...input, clientRequestId: rid() })
    expect(!byOrganiser.ok && byOrganiser.error.message).toContain('书记转出请先移交书记职务')
    const bySelf = await secA('transfers.issue', { ...input, clientRequestId: rid() })
    expect(!bySelf.ok && bySelf.error.message).toContain('书记转出请先移交书记职务')
    expect((await roster())['甲书记']).toMatchObject({ state: 'active' })
    // Still the secretary: she reads her branch's letters.
    expect(await ok(secA('transfers.list', { branchId: branchA, direction: 'out' }))).toBeTruthy()
  })
})

// 3 and 4 act as the committee, so that each case stands alone (a secretary transferred out by 2 on the old code
// could no longer act).
describe('3. the printed 民族', () => {
  test.each([['汉族'], ['汉']])('typed 「%s」: the letter says 汉族 once, never 「汉族 族」', async (typed) => {
    const t = await ok(admin('transfers.issue', { memberId: ids['王民族'], toOrgName: '上海市某学会党委', letterNo: `甲党转〔2026〕4${typed.length + 2}号`, issuedOn: today, duesPaidTo: month, clientRequestId: rid() }))
    const job = await ok(admin('transfers.letter', { transferId: t.id, ethnicity: typed }))
    const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(job.url!)).arrayBuffer()))
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
    // Twice: the 存根 and the letter itself; each time 「汉族，系中共正式党员」.
    expect(text.match(/汉族/g)).toHaveLength(2)
    expect(text).toContain(' 汉族 ，系中共正式党员')
    expect(text).not.toMatch(/汉族\s*族/)
    // Back for the next case.
    await ok(admin('transfers.withdraw', { transferId: t.id, reason: '重新打印测试', clientRequestId: rid() }))
  })
})

describe('4. the receiving secretary\'s 「待接收」 goes once the letter is accepted', () => {
  test('accepted by the secretary: the item is gone and her unread count drops', async () => {
    const t = await ok(admin('transfers.issue', { memberId: ids['陈接收'], toBranchId: branchB, letterNo: '甲党转〔2026〕51号', issuedOn: today, duesPaidTo: month, clientRequestId: rid() }))
    expect(await inboxTitles(secB)).toContain('陈接收 的组织关系转入待接收')
    const before = (await ok(secB('inbox.unread', {}))).count
    await ok(secB('transfers.accept', { transferId: t.id, clientRequestId: rid() }))
    expect(await inboxTitles(secB)).not.toContain('陈接收 的组织关系转入待接收')
    expect((await ok(secB('inbox.unread', {}))).count).toBe(before - 1)
  })

  test('read before acceptance: no mark is left behind to hide her next unread item', async () => {
    const t = await ok(admin('transfers.issue', { memberId: ids['刘代收'], toBranchId: branchB, letterNo: '甲党转〔2026〕52号', issuedOn: today, duesPaidTo: month, clientRequestId: rid() }))
    const item = (await ok(secB('inbox.list', { limit: 50 }))).items.find((i) => i.title === '刘代收 的组织关系转入待接收')!
    await ok(secB('inbox.markRead', { ids: [item.id] }))
    const before = (await ok(secB('inbox.unread', {}))).count
    // The committee accepts for 乙: the secretary is told in place of the item that asked her to.
    const accepted = await ok(admin('transfers.accept', { transferId: t.id, clientRequestId: rid() }))
    expect(accepted).toMatchObject({ state: 'accepted', stateLabel: '已接收' })
    const titles = await inboxTitles(secB)
    expect(titles).not.toContain('刘代收 的组织关系转入待接收')
    expect(titles).toContain('刘代收 的组织关系已转入本支部')
    expect((await ok(secB('inbox.unread', {}))).count).toBe(before + 1)
  })
})

test('5. every query of these steps is served by a declared index (bootstrap aside)', async () => {
  const rows = (await (await fetch(`${cloud.url}/dev/unindexed`)).json()) as { collection: string; query: string }[]
  expect(rows.filter((r) => r.collection !== 'committees')).toEqual([])
})
