/**
 * Issue 15 item 10: `endAfterStart` compared ISO strings as text, so an end before the start written with another
 * offset was accepted and a valid one refused; years 0000 and 9999 were accepted (a 9999 session sat in every
 * member's upcoming list). Instants are compared as instants; dates are bounded (schema-kit YEARS).
 */
import { schemas } from '../../types/actions'

const base = { branchId: 'b1', type: 'theme_day', topic: '主题党日', place: '会议室', clientRequestId: 'req-12345678' }
const record = (startAt: string, endAt?: string) => schemas['activities.record'].input.safeParse({ ...base, startAt, ...(endAt ? { endAt } : {}) })
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message

describe('end after start compares instants', () => {
  it('accepts an end written in UTC that is later than a start written in +08:00', () => {
    // 09:00 Beijing, ends 10:30 Beijing (02:30Z): as text '2026-03-01T02:30…' sorts before '2026-03-01T09:00…'.
    expect(record('2026-03-01T09:00:00+08:00', '2026-03-01T02:30:00Z').success).toBe(true)
  })

  it('refuses an end written in +08:00 that is earlier than a start written in UTC', () => {
    // Starts 10:00 Beijing (02:00Z), ends 09:30 Beijing: as text '…T09:30…' sorts after '…T02:00…'.
    const r = record('2026-03-01T02:00:00Z', '2026-03-01T09:30:00+08:00')
    expect(r.success).toBe(false)
    expect(firstMessage(r)).toBe('结束时间必须晚于开始时间')
  })

  it('the same rule holds for activities.update', () => {
    const r = schemas['activities.update'].input.safeParse({ id: 'a1', expectedVersion: 1, startAt: '2026-03-01T02:00:00Z', endAt: '2026-03-01T09:30:00+08:00' })
    expect(r.success).toBe(false)
  })
})

describe('dates are bounded', () => {
  it.each(['9999-12-31T10:00:00+08:00', '0000-01-01T10:00:00+08:00', '1999-12-31T15:59:59Z', '2101-01-01T00:00:00+08:00'])(
    'a session starting %s is refused in Chinese',
    (startAt) => {
      const r = record(startAt)
      expect(r.success).toBe(false)
      expect(firstMessage(r)).toBe('开始时间应在 2000 年至 2100 年之间')
    },
  )

  it('the first and last Beijing moments of the range are accepted', () => {
    expect(record('1999-12-31T16:00:00Z').success).toBe(true) // 2000-01-01 00:00 Beijing
    expect(record('2100-12-31T23:59:59+08:00').success).toBe(true)
  })

  it('a plan cannot be made for year 9999 either', () => {
    const r = schemas['activities.plan'].input.safeParse({ ...base, startAt: '9999-06-01T10:00:00+08:00' })
    expect(r.success).toBe(false)
  })

  it('入党日期 may lie in the past century but not in year 0000 or 9999', () => {
    const update = (joinedPartyOn: string) => schemas['members.update'].input.safeParse({ memberId: 'm1', joinedPartyOn })
    expect(update('1965-07-01').success).toBe(true)
    expect(firstMessage(update('0000-01-01'))).toBe('入党日期应在 1921 年至 2100 年之间')
    expect(firstMessage(update('9999-12-31'))).toBe('入党日期应在 1921 年至 2100 年之间')
  })

  it('a work point cannot be due in year 9999 or on a day that does not exist', () => {
    const assign = (dueOn: string) => schemas['workPlans.assign'].input.safeParse({ planId: 'p1', branchIds: 'all', points: [{ seq: 1, dueOn }] })
    expect(assign('2026-12-31').success).toBe(true)
    expect(firstMessage(assign('9999-12-31'))).toBe('截止日期应在 2000 年至 2100 年之间')
    expect(firstMessage(assign('2026-02-30'))).toBe('截止日期不是有效的日期')
  })
})
