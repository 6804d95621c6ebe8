/**
 * Developer text never reaches a user's screen (issue 16.4): the change log in Chinese with Beijing times written
 * one way (2026年12月3日 14:30), the same formatter in the history, the record book and the workbook.
 */
import { displayValue } from '../../cloud/core/activities/rules'
import { describeChanges, readableSummary } from '../../src/features/audit/describe'
import { beijingDateTimeText, dateText, timeLikeText } from '../../types/time-text'

describe('beijingDateTimeText', () => {
  it('writes Beijing time in one style, across the UTC day edge', () => {
    expect(beijingDateTimeText('2026-12-02T16:49:34.916Z')).toBe('2026年12月3日 00:49')
    expect(beijingDateTimeText(new Date('2026-12-03T06:30:00Z'))).toBe('2026年12月3日 14:30')
    expect(beijingDateTimeText('2026-12-31T16:00:00Z')).toBe('2027年1月1日 00:00')
    expect(dateText('2026-03-05')).toBe('2026年3月5日')
    expect(timeLikeText('调往外省')).toBe('调往外省')
  })
})

describe('the change log (audit)', () => {
  it('shows an invitation in Chinese: no ISO instant, no key, no raw role', () => {
    const changes = describeChanges(null, { role: 'member', title: null, maxUses: 5, expiresAt: '2026-12-09T16:49:34.916Z', requiresApproval: false })
    expect(changes).toEqual([
      { field: 'role', label: '角色', before: '—', after: '党员' },
      { field: 'title', label: '称谓', before: '—', after: '空' },
      { field: 'maxUses', label: '可用次数', before: '—', after: '5' },
      { field: 'expiresAt', label: '有效期至', before: '—', after: '2026年12月10日 00:49' },
      { field: 'requiresApproval', label: '需要审核', before: '—', after: '否' },
    ])
  })

  it('never shows a field by its key, nor an object as JSON', () => {
    const changes = describeChanges({ secretaries: ['o1'], somethingNew: 1 }, { secretaries: ['o2'], somethingNew: 2, transferredOn: '2026-12-01' })
    expect(changes).toEqual([{ field: 'transferredOn', label: '转出日期', before: '—', after: '2026年12月1日' }])
  })

  it('reads summaries written with keys', () => {
    expect(readableSummary('修改 王芳 的信息（partyStatus、joinedPartyOn）')).toBe('修改 王芳 的信息（党员状态、入党日期）')
    expect(readableSummary('王芳 加入支部（member）')).toBe('王芳 加入支部（党员）')
    expect(readableSummary('新建支部「IEEE学会党支部」')).toBe('新建支部「IEEE学会党支部」')
  })
})

describe('the activity history', () => {
  it('writes times in the same style', () => {
    expect(displayValue('startAt', new Date('2026-09-20T02:00:00Z'))).toBe('2026年9月20日 10:00')
    expect(displayValue('audience', { kind: 'committee' })).toBe('支部委员')
  })
})
