/**
 * 组织关系转接: what the user walk found missing (docs/transfers.md), through the local cloud:
 * 1. 撤回 — the sending branch withdraws a letter not yet accepted; the member stays; the receiving branch no longer
 *    lists or reads it; history and both audit logs keep it.
 * 2. 对方退回 — a letter to outside sent back: recorded with a reason, the member back on the roster, reminders stop.
 * 3. the printable 介绍信 (.docx): made, opens (document.xml), carries the number, the name, the receiving organisation.
 * 4. the 组织委员 issues, withdraws and prints (the server allows them; transfers.settings says so to the page).
 * 5. a late 回执 on the home 待办 of the sending keepers.
 * 6. the letter's validity running out: reminded before and after, once each.
 * 7. a 预备党员's 发展党员 file handed over with the accepted transfer; the receiving branch records in it.
 */
import JSZip from 'jszip'
import { ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { twoBranches, type TwoBranches } from '../support/two-branches'

let cloud: LocalCloudHandle
let secA: Caller
let secB: Caller
let organiser: Caller
let publicity: Caller
let prob: Caller
let stay: Caller
let branchA: string
let branchB: string
const ids: Record<string, string> = {}
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const month = today.slice(0, 7)
let seq = 0
const rid = () => `tw-${++seq}-${Date.now().toString(36)}`

let join: TwoBranches['join']
const inv = { code: '' }
const audits = async (as: Caller, branchId: string) => (await ok(as('audit.list', { branchId, limit: 50 }))).items.map((i) => `${i.action} ${i.summary}`).join('\n')
const inbox = async (as: Caller, kind?: string) => (await ok(as('inbox.list', { limit: 50 }))).items.filter((i) => !kind || i.kind === kind).map((i) => i.title)
const trigger = async (beijingDay: string) => {
  const res = await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(new Date(`${beijingDay}T08:05:00+08:00`).toISOString())}`, { method: 'POST' })
  return (await res.json()) as { ok: boolean }
}

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  ;({ branchA, branchB, secA, secB, join, memberCode: inv.code } = await twoBranches(cloud.url, 'tw'))
  organiser = await join('tw-org', inv.code, '组织委员甲')
  publicity = await join('tw-pub', inv.code, '宣传委员乙')
  prob = await join('tw-prob', inv.code, '王预备')
  stay = await join('tw-stay', inv.code, '钱撤回')
  await join('tw-out', inv.code, '赵外出')
  await join('tw-print', inv.code, '孙打印')
  await join('tw-late', inv.code, '周过期')
  for (const m of (await ok(secA('members.list', { branchId: branchA }))).items) ids[m.name] = m.id
  await ok(secA('members.update', { memberId: ids['王预备'], partyStatus: 'probationary', joinedPartyOn: '2026-06-01', joinedBranchOn: '2024-01-01' }))
  await ok(secA('members.setPosts', { memberId: ids['组织委员甲'], posts: ['组织委员'], groupLeader: false, since: '2020-01-01' }))
  await ok(secA('members.setPosts', { memberId: ids['宣传委员乙'], posts: ['宣传委员'], groupLeader: false, since: '2020-01-01' }))
}, 120_000)
afterAll(() => cloud?.stop())

describe('1. 撤回 a letter not yet accepted', () => {
  let transferId: string
  test('the 组织委员 withdraws with a reason: the member stays, the receiving branch no longer sees it, history and audit keep it', async () => {
    const t = await ok(organiser('transfers.issue', { memberId: ids['钱撤回'], toBranchId: branchB, letterNo: '甲党转〔2026〕11号', issuedOn: today, duesPaidTo: month, clientRequestId: rid() }))
    transferId = t.id
    expect(t).toMatchObject({ mayWithdraw: true, mayPrint: true, mayRecordSentBack: false })
    expect((await ok(secB('transfers.list', { branchId: branchB, direction: 'in' }))).items.map((i) => i.memberName)).toEqual(['钱撤回'])
    // Only the sending keepers withdraw: the receiver, a 支委 without the post.
    expect(await secB('transfers.withdraw', { transferId, reason: '误开', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await publicity('transfers.withdraw', { transferId, reason: '误开', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await organiser('transfers.withdraw', { transferId, reason: '', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const w = await ok(organiser('transfers.withdraw', { transferId, reason: '本人暂缓调动', clientRequestId: rid() }))
    expect(w).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', withdrawReason: '本人暂缓调动', mayWithdraw: false, mayPrint: false })
    expect(w.history.map((h) => h.what).join('\n')).toMatch(/撤回介绍信：本人暂缓调动/)
    // The member is on 甲's roster and acts there again.
    expect(await ok(secA('members.get', { memberId: ids['钱撤回'] }))).toMatchObject({ state: 'active', transferredOn: null, transferReason: null })
    expect((await ok(stay('session.get'))).roles.map((r) => r.branchId)).toEqual([branchA])
    // 乙: gone from its list, its 待办 and its reading; its secretary is told, the 待接收 message is gone.
    expect((await ok(secB('transfers.list', { branchId: branchB, direction: 'in' }))).items).toEqual([])
    expect(await secB('transfers.get', { transferId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await ok(secB('home.todo', { branchId: branchB }))).items.find((i) => i.kind === 'transfers_incoming')).toBeUndefined()
    const told = await inbox(secB)
    expect(told).toContain('钱撤回 的组织关系转入已撤回')
    expect(told).not.toContain('钱撤回 的组织关系转入待接收')
    // 甲 keeps the letter in its list; both audit logs keep the withdrawal.
    expect((await ok(secA('transfers.list', { branchId: branchA, direction: 'out' }))).items.find((i) => i.id === transferId)).toMatchObject({ state: 'withdrawn' })
    expect(await audits(secA, branchA)).toMatch(/transfer\.withdrawn 「甲学会党支部」撤回 钱撤回 的介绍信（甲党转〔2026〕11号，转往「乙学会党支部」）：本人暂缓调动/)
    expect(await audits(secB, branchB)).toMatch(/transfer\.withdrawn/)
    // Withdrawn once: not again, not accepted.
    expect(await organiser('transfers.withdraw', { transferId, reason: '再次', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('an accepted letter cannot be withdrawn', async () => {
    const t = await ok(secA('transfers.issue', { memberId: ids['钱撤回'], toBranchId: branchB, letterNo: '甲党转〔2026〕12号', issuedOn: today, duesPaidTo: month, clientRequestId: rid() }))
    await ok(secB('transfers.accept', { transferId: t.id, clientRequestId: rid() }))
    expect(await secA('transfers.withdraw', { transferId: t.id, reason: '误开', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '「乙学会党支部」已接收，不能再撤回' } })
  })
})

describe('2 and 5. a letter to outside: the late 回执 on the home 待办; 对方退回', () => {
  let transferId: string
  test('the sending keepers see 「N 份介绍信回执已逾期」 on 首页 待办, opening the letters out', async () => {
    const t = await ok(secA('transfers.issue', { memberId: ids['赵外出'], toOrgName: '北京市某研究院党委', letterNo: '甲党转〔2026〕21号', issuedOn: plusDays(today, -40), duesPaidTo: month, clientRequestId: rid() }))
    transferId = t.id
    expect(t).toMatchObject({ mayRecordSentBack: true, mayWithdraw: true })
    for (const who of [secA, organiser]) {
      const line = (await ok(who('home.todo', { branchId: branchA }))).items.find((i) => i.kind === 'transfer_receipts_overdue')
      expect(line).toMatchObject({ title: '1 份介绍信回执已逾期', tone: 'overdue', page: '/packages/transfers/pages/list/index?direction=out' })
    }
    expect((await ok(publicity('home.todo', { branchId: branchA }))).items.find((i) => i.kind === 'transfer_receipts_overdue')).toBeUndefined()
    await trigger(today)
    expect(await inbox(secA, 'transfer_receipt_due')).toHaveLength(1)
  })

  test('对方退回 is recorded with the reason; the member is back; the reminders and the 待办 line stop', async () => {
    expect(await secB('transfers.return', { transferId, reason: '姓名有误', clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await secA('transfers.return', { transferId, reason: '姓名有误', returnedOn: plusDays(today, 1), clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '退回日期不能晚于今天' } })
    const back = await ok(organiser('transfers.return', { transferId, reason: '介绍信姓名有误', returnedOn: today, clientRequestId: rid() }))
    expect(back).toMatchObject({ state: 'returned', stateLabel: '对方已退回', returnReason: '介绍信姓名有误', mayRecordReceipt: false, mayRecordSentBack: false })
    expect(await ok(secA('members.get', { memberId: ids['赵外出'] }))).toMatchObject({ state: 'active', transferredOn: null })
    expect((await ok(secA('home.todo', { branchId: branchA }))).items.find((i) => i.kind === 'transfer_receipts_overdue')).toBeUndefined()
    await trigger(plusDays(today, 7))
    await trigger(plusDays(today, 14))
    expect(await inbox(secA, 'transfer_receipt_due')).toHaveLength(1)
    expect(await audits(secA, branchA)).toMatch(/transfer\.returned 登记「北京市某研究院党委」退回 赵外出 的介绍信/)
  })
})

describe('3 and 4. the printable 介绍信', () => {
  let transferId: string
  test('the 组织委员 may issue (transfers.settings says so for the page) and prints a .docx with the number, the name and the receiving organisation', async () => {
    expect(await ok(organiser('transfers.settings', { branchId: branchA }))).toMatchObject({ mayIssue: true })
    expect(await ok(publicity('transfers.settings', { branchId: branchA }))).toMatchObject({ mayIssue: false })
    expect(await ok(secA('transfers.settings', { branchId: branchA }))).toMatchObject({ mayIssue: true })
    const t = await ok(organiser('transfers.issue', { memberId: ids['孙打印'], toOrgName: '上海市某学会党委', letterNo: '甲党转〔2026〕31号', issuedOn: today, duesPaidTo: month, validDays: 30, clientRequestId: rid() }))
    transferId = t.id
    expect(await organiser('transfers.letter', { transferId, idNumber: '110105194912310021' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '身份证号码有误（校验位或出生日期不对），请核对' } })
    expect(await organiser('transfers.letter', { transferId, idNumber: '11010519491231002X', gender: '男' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await secB('transfers.letter', { transferId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await publicity('transfers.letter', { transferId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    const job = await ok(organiser('transfers.letter', { transferId, idNumber: '11010519491231002X', ethnicity: '汉' }))
    expect(job).toMatchObject({ kind: 'transferLetter', status: 'done', percent: 100, fileName: '孙打印组织关系介绍信（甲党转〔2026〕31号）.docx' })
    expect(job.fileID).toMatch(/exports\/\d{4}\/[^/]+\/[0-9a-f]{32}\/transfer-letter\.docx$/)
    const res = await fetch(job.url!)
    expect(res.ok).toBe(true)
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    for (const words of ['中国共产党党员组织关系介绍信（存根）', '中国共产党党员组织关系介绍信回执', '甲党转〔2026〕31号', '孙打印', '上海市某学会党委', '甲学会党支部', '11010519491231002X', ' 女 ', ' 汉族 ', '有效期', ' 30 ', '特此回复']) {
      expect(text).toContain(words)
    }
    // A4 portrait.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)

    // Printed again (no ID this time): the same job, a new file; the old one is gone.
    const again = await ok(secA('transfers.letter', { transferId }))
    expect(again.id).toBe(job.id)
    expect(again.fileID).not.toBe(job.fileID)
    expect((await fetch(job.url!)).ok).toBe(false)
    expect(await audits(secA, branchA)).toMatch(/transfer\.printed 打印 孙打印 的组织关系介绍信（甲党转〔2026〕31号），含身份证号码/)
  })
})

describe('6. the letter about to expire, and expired, while not accepted', () => {
  test('both secretaries are told three days ahead and the day after, once each', async () => {
    const t = await ok(secA('transfers.issue', { memberId: ids['周过期'], toBranchId: branchB, letterNo: '甲党转〔2026〕41号', issuedOn: today, duesPaidTo: month, validDays: 5, clientRequestId: rid() }))
    expect(t.validUntil).toBe(plusDays(today, 4))
    await trigger(today)
    expect(await inbox(secB, 'transfer_expiry')).toEqual([])
    await trigger(plusDays(today, 1))
    await trigger(plusDays(today, 2))
    expect(await inbox(secB, 'transfer_expiry')).toEqual(['周过期 的介绍信即将过期（还剩 3 天）'])
    expect(await inbox(secA, 'transfer_expiry')).toEqual(['周过期 的介绍信尚未被接收（还剩 3 天）'])
    await trigger(plusDays(today, 5))
    await trigger(plusDays(today, 6))
    expect(await inbox(secB, 'transfer_expiry')).toEqual(['周过期 的介绍信已过有效期', '周过期 的介绍信即将过期（还剩 3 天）'])
    expect(await inbox(secA, 'transfer_expiry')).toHaveLength(2)
    expect(await inbox(organiser, 'transfer_expiry')).toEqual([])
    // Withdrawn: no longer read by the reminders.
    await ok(secA('transfers.withdraw', { transferId: t.id, reason: '已过有效期，重新开具', clientRequestId: rid() }))
    await trigger(plusDays(today, 7))
    expect(await inbox(secA, 'transfer_expiry')).toHaveLength(2)
  })
})

describe('7. a 预备党员 moves with their 发展党员 file', () => {
  test('accepted: the file is the receiving branch\'s, which records in it; the sending branch no longer reads it', async () => {
    const file = await ok(secA('recruitment.fromRoster', { memberId: ids['王预备'] }))
    const t = await ok(secA('transfers.issue', { memberId: ids['王预备'], toBranchId: branchB, letterNo: '甲党转〔2026〕51号', issuedOn: today, duesPaidTo: month, clientRequestId: rid() }))
    const accepted = await ok(secB('transfers.accept', { transferId: t.id, clientRequestId: rid() }))
    expect(accepted).toMatchObject({ state: 'accepted', recruitId: file.id })
    expect(accepted.history.map((h) => h.what).join('\n')).toContain('发展党员档案（预备期、转正）随转至「乙学会党支部」')
    const there = await ok(secB('recruitment.get', { recruitId: file.id }))
    expect(there).toMatchObject({ branchId: branchB, memberId: accepted.newMemberId, status: 'probationary' })
    expect((await ok(secB('recruitment.list', { branchId: branchB }))).items.map((i) => i.name)).toContain('王预备')
    const step = await ok(secB('recruitment.record', { recruitId: file.id, step: 'probation_inspect', on: today, note: '转入后继续考察' }))
    expect(step.branchId).toBe(branchB)
    expect((await secA('recruitment.get', { recruitId: file.id })).ok).toBe(false)
    expect((await ok(secA('recruitment.list', { branchId: branchA }))).items.map((i) => i.name)).not.toContain('王预备')
    expect(await audits(secA, branchA)).toMatch(/transfer\.accepted 「乙学会党支部」接收 王预备 的组织关系（介绍信 甲党转〔2026〕51号，转入日期 .+）；发展党员档案随转/)
    expect((await ok(prob('session.get'))).roles.map((r) => r.branchId)).toEqual([branchB])
  })
})
