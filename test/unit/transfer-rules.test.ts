/**
 * 组织关系转接's pure rules (cloud/core/transfers/rules.ts, docs/transfers.md) at their edges: the letter's validity,
 * the 回执's due date at month ends and 29 February, the reminder milestones, the 预备期 carried with the member, and
 * Beijing days vs UTC.
 */
import { beijingDate } from '../../cloud/core/framework/time'
import { expiryMilestone, idCardFacts, isExpired, issueRefusal, letterNoLine, nationalityName, NATIONALITIES, probationEndsOn, receiptDueOn, receiptMilestone, receiveRefusal, TRANSFER_DEFAULTS, validDaysOf, validUntil } from '../../cloud/core/transfers/rules'
import { planExpiryReminders, planReceiptReminders } from '../../cloud/core/transfers/reminders'
import { writerTodo } from '../../cloud/core/home/todo'

describe('validity', () => {
  test('90 days by default; the issue day is the first day', () => {
    expect(TRANSFER_DEFAULTS.validDays).toBe(90)
    expect(validUntil('2026-12-03', 90)).toBe('2027-03-02')
    expect(validUntil('2026-12-03', 1)).toBe('2026-12-03')
    expect(validUntil('2028-02-01', 29)).toBe('2028-02-29')
    expect(validUntil('2026-12-31', 2)).toBe('2027-01-01')
  })
  test('expired the Beijing day after its last day', () => {
    expect(isExpired('2027-03-02', '2027-03-02')).toBe(false)
    expect(isExpired('2027-03-02', '2027-03-03')).toBe(true)
    // 2 March 16:30 UTC is already 3 March in Beijing: the letter has expired there.
    expect(isExpired('2027-03-02', beijingDate(new Date('2027-03-02T16:30:00Z')))).toBe(true)
    expect(isExpired('2027-03-02', beijingDate(new Date('2027-03-02T15:59:59Z')))).toBe(false)
  })
})

describe('the 回执 within one month', () => {
  test('one calendar month, clamped at month end; 29 February and year ends', () => {
    expect(receiptDueOn('2026-11-01')).toBe('2026-12-01')
    expect(receiptDueOn('2026-12-15')).toBe('2027-01-15')
    expect(receiptDueOn('2027-01-31')).toBe('2027-02-28')
    expect(receiptDueOn('2028-01-31')).toBe('2028-02-29')
    expect(receiptDueOn('2028-02-29')).toBe('2028-03-29')
    expect(receiptDueOn('2026-12-31')).toBe('2027-01-31')
  })
  test('milestones: three days ahead, then the day after and weekly, each named once', () => {
    const due = '2026-12-01'
    expect(receiptMilestone(due, '2026-11-27')).toBeNull()
    expect(receiptMilestone(due, '2026-11-28')).toEqual({ name: 'd3', day: '2026-11-28' })
    expect(receiptMilestone(due, '2026-12-01')).toEqual({ name: 'd3', day: '2026-11-28' })
    expect(receiptMilestone(due, '2026-12-02')).toEqual({ name: 'w1', day: '2026-12-02' })
    expect(receiptMilestone(due, '2026-12-08')).toEqual({ name: 'w1', day: '2026-12-02' })
    expect(receiptMilestone(due, '2026-12-09')).toEqual({ name: 'w2', day: '2026-12-09' })
    // Until it is recorded: a year late is still reminded, weekly.
    expect(receiptMilestone(due, '2027-12-01')?.name).toBe('w53')
  })
  test('the plan: one inbox item per letter and milestone, to the sending branch\'s secretaries; none without a due date', () => {
    const letter = { _id: 't1', fromBranchId: 'b1', memberName: '赵外出', letterNo: '甲1号', toName: '外单位党委', receiptDueOn: '2027-01-31' }
    const [item] = planReceiptReminders('2027-02-01', [letter, { ...letter, _id: 't2', receiptDueOn: null }])
    expect(item).toMatchObject({ _id: 'transfer_receipt_due:t1:w1', branchId: 'b1', roles: ['secretary'], kind: 'transfer_receipt_due', title: '赵外出 的介绍信回执尚未收到（已逾期 1 天）' })
    expect(planReceiptReminders('2027-01-28', [letter])[0].title).toBe('赵外出 的介绍信回执即将到期（还剩 3 天）')
    expect(planReceiptReminders('2027-01-27', [letter])).toEqual([])
  })
})

describe('the member\'s facts carried', () => {
  test('a 预备党员\'s 预备期 ends a year after 入党日期 (29 February → 28 February); none for 正式', () => {
    expect(probationEndsOn('probationary', '2026-06-01')).toBe('2027-06-01')
    expect(probationEndsOn('probationary', '2028-02-29')).toBe('2029-02-28')
    expect(probationEndsOn('full', '2010-07-01')).toBeNull()
    expect(probationEndsOn('probationary', null)).toBeNull()
  })
})

describe('refusals', () => {
  const today = '2026-12-03'
  test('issuing: not in the future, not over a year back, dues not paid more than a year ahead', () => {
    expect(issueRefusal({ issuedOn: today, duesPaidTo: '2026-12', validDays: 90 }, today)).toBeNull()
    expect(issueRefusal({ issuedOn: '2026-12-04', duesPaidTo: '2026-12', validDays: 90 }, today)).toMatchObject({ field: 'issuedOn' })
    expect(issueRefusal({ issuedOn: '2025-12-02', duesPaidTo: '2026-12', validDays: 90 }, today)).toMatchObject({ field: 'issuedOn' })
    expect(issueRefusal({ issuedOn: today, duesPaidTo: '2027-12', validDays: 90 }, today)).toBeNull()
    expect(issueRefusal({ issuedOn: today, duesPaidTo: '2028-01', validDays: 90 }, today)).toMatchObject({ field: 'duesPaidTo' })
  })
  test('receiving from outside: the letter valid on arrival; 转正日期 not inside the 预备期, none for a 预备党员', () => {
    const base = { issuedOn: '2026-11-20', validUntil: '2026-12-19', joinedPartyOn: '2000-07-01', partyStatus: 'full' as const, arrivedOn: today }
    expect(receiveRefusal(base, today)).toBeNull()
    expect(receiveRefusal({ ...base, validUntil: '2026-12-02' }, today)).toMatchObject({ field: 'arrivedOn', message: '介绍信已过有效期，请转出党组织重新开具' })
    expect(receiveRefusal({ ...base, validUntil: '2026-11-19' }, today)).toMatchObject({ field: 'validUntil' })
    expect(receiveRefusal({ ...base, confirmedOn: '2001-06-30' }, today)).toMatchObject({ field: 'confirmedOn' })
    expect(receiveRefusal({ ...base, confirmedOn: '2001-07-01' }, today)).toBeNull()
    expect(receiveRefusal({ ...base, partyStatus: 'probationary', confirmedOn: '2001-07-01' }, today)).toMatchObject({ field: 'confirmedOn', message: '预备党员没有转正日期' })
    expect(receiveRefusal({ ...base, joinedPartyOn: '2026-11-21' }, today)).toMatchObject({ field: 'joinedPartyOn' })
    expect(receiveRefusal({ ...base, arrivedOn: '2026-12-04' }, today)).toMatchObject({ field: 'arrivedOn', message: '转入日期不能晚于今天' })
  })
})

describe('home 待办', () => {
  test('the receiving secretary is told how many letters wait; none, no line', () => {
    const base = { today: '2026-12-03', now: new Date('2026-12-03T02:00:00Z'), points: [], sessions: [], joinRequests: 0, branchId: 'b1' }
    expect(writerTodo({ ...base, incomingTransfers: 2 }).items).toEqual([
      { key: 'transfers-incoming', kind: 'transfers_incoming', title: '2 份组织关系转入待接收', due: '去接收', tone: 'soon', page: '/packages/transfers/pages/list/index?direction=in' },
    ])
    expect(writerTodo({ ...base, incomingTransfers: 0 }).items).toEqual([])
  })
  test('the sending keepers are told how many 回执 are late, opening the letters out', () => {
    const base = { today: '2026-12-03', now: new Date('2026-12-03T02:00:00Z'), points: [], sessions: [], joinRequests: 0, branchId: 'b1' }
    expect(writerTodo({ ...base, overdueReceipts: 3 }).items).toEqual([
      { key: 'transfers-receipts-overdue', kind: 'transfer_receipts_overdue', title: '3 份介绍信回执已逾期', due: '去查看', tone: 'overdue', page: '/packages/transfers/pages/list/index?direction=out' },
    ])
    expect(writerTodo({ ...base, overdueReceipts: 0 }).items).toEqual([])
  })
})

describe('the validity running out', () => {
  test('three days ahead (Beijing day), then the day after the last day; nothing before', () => {
    expect(expiryMilestone('2026-12-10', '2026-12-06')).toBeNull()
    expect(expiryMilestone('2026-12-10', '2026-12-07')).toBe('soon')
    expect(expiryMilestone('2026-12-10', '2026-12-10')).toBe('soon')
    expect(expiryMilestone('2026-12-10', '2026-12-11')).toBe('expired')
    // 16:30 UTC on the last day is already the next Beijing day.
    expect(expiryMilestone('2026-12-10', beijingDate(new Date('2026-12-10T16:30:00Z')))).toBe('expired')
    expect(expiryMilestone('2027-03-01', '2027-02-26')).toBe('soon')
  })
  test('one item per letter, milestone and side, to each branch\'s secretary', () => {
    const t = { _id: 't1', fromBranchId: 'a', toBranchId: 'b', fromName: '甲', toName: '乙', memberName: '王', letterNo: 'X1', validUntil: '2026-12-10' }
    const soon = planExpiryReminders('2026-12-08', [t])
    expect(soon.map((i) => [i._id, i.branchId, i.title])).toEqual([
      ['transfer_expiry:t1:soon:to', 'b', '王 的介绍信即将过期（还剩 2 天）'],
      ['transfer_expiry:t1:soon:from', 'a', '王 的介绍信尚未被接收（还剩 2 天）'],
    ])
    expect(planExpiryReminders('2026-12-20', [t]).map((i) => i._id)).toEqual(['transfer_expiry:t1:expired:to', 'transfer_expiry:t1:expired:from'])
    expect(planExpiryReminders('2026-12-01', [t])).toEqual([])
  })
})

describe('the printed letter', () => {
  test('有效期 N 天 is the inverse of validUntil', () => {
    expect(validDaysOf('2026-12-03', validUntil('2026-12-03', 90))).toBe(90)
    expect(validDaysOf('2028-02-01', '2028-02-29')).toBe(29)
    expect(validDaysOf('2026-12-03', '2026-12-03')).toBe(1)
  })
  test('the number line: as written when it ends in 号, else 字第 … 号', () => {
    expect(letterNoLine('赣科社党转〔2026〕1号')).toBe('赣科社党转〔2026〕1号')
    expect(letterNoLine('2026-07')).toBe('字第 2026-07 号')
  })
  test('身份证号码 (GB 11643): check digit, birth date, sex, age on the Beijing day', () => {
    expect(idCardFacts('11010519491231002X', '2026-12-03')).toEqual({ birthOn: '1949-12-31', gender: '女', age: 76 })
    expect(idCardFacts('11010519491231002x', '2026-12-30')).toMatchObject({ age: 76 })
    expect(idCardFacts('11010519491231002X', '2026-12-31')).toMatchObject({ age: 77 })
    expect(idCardFacts('110105194912310021', '2026-12-03')).toBeNull()
    // Check digits right, dates wrong: 31 February, and a birth after today.
    expect(idCardFacts('110105194902310026', '2026-12-03')).toBeNull()
    expect(idCardFacts('110105203012010023', '2026-12-03')).toBeNull()
    expect(idCardFacts('11010519491231002', '2026-12-03')).toBeNull()
  })
})

describe('the 民族 on the printed letter (nationalityName, GB/T 3304-1991)', () => {
  test('汉 and 汉族 both print 汉族 once (the review found 「汉族 族」)', () => {
    expect(nationalityName('汉')).toBe('汉族')
    expect(nationalityName('汉族')).toBe('汉族')
    expect(nationalityName(' 汉 ')).toBe('汉族')
  })
  test('names that already end in 族, or whose short form ends in 族-like characters, are not doubled', () => {
    expect(nationalityName('维吾尔族')).toBe('维吾尔族')
    expect(nationalityName('维吾尔')).toBe('维吾尔族')
    expect(nationalityName('高山族')).toBe('高山族')
    expect(nationalityName('高山')).toBe('高山族')
    expect(nationalityName('水')).toBe('水族')
    expect(nationalityName('土家')).toBe('土家族')
    expect(nationalityName('土')).toBe('土族')
  })
  test('anything not one of the 56 is printed as typed; nothing typed is a blank', () => {
    expect(NATIONALITIES).toHaveLength(56)
    expect(nationalityName('穿青人')).toBe('穿青人')
    expect(nationalityName('其他')).toBe('其他')
    expect(nationalityName('')).toBeUndefined()
    expect(nationalityName('  ')).toBeUndefined()
    expect(nationalityName(undefined)).toBeUndefined()
  })
})
