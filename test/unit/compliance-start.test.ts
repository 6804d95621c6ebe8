/**
 * Compliance does not judge a branch for periods before it existed here (issue 16.2): its founding, or the 启用日期
 * the committee sets so history can be backfilled, else the day it was created in the app.
 */
import { complianceAt, complianceYear, evaluationStart, type ComplianceActivity } from '../../cloud/core/compliance/rules'
import { figuresOf, type ActivityRow } from '../../cloud/core/dashboard/aggregate'

const rec = (type: ComplianceActivity['type'], startAt: string): ActivityRow => ({ _id: startAt, branchId: 'b', type, status: 'recorded', deleted: false, startAt })
const none = { hasGroups: false, secretaryNames: [] as string[], activities: [] as ComplianceActivity[] }
const theme = (y: ReturnType<typeof complianceYear>) => y.types.find((t) => t.type === 'theme_day')!

describe('evaluationStart', () => {
  it('is the later of the founding and the start in the app; 启用日期 replaces the creation day', () => {
    // Created 2026-12-02 09:00 Beijing (01:00 UTC).
    const createdAt = new Date('2026-12-02T01:00:00Z')
    expect(evaluationStart({ createdAt })).toBe('2026-12-02')
    expect(evaluationStart({ createdAt, foundedOn: '2010-05-04' })).toBe('2026-12-02')
    expect(evaluationStart({ createdAt, foundedOn: '2010-05-04', startedOn: '2026-01-01' })).toBe('2026-01-01')
    expect(evaluationStart({ createdAt, foundedOn: '2026-03-15', startedOn: '2025-01-01' })).toBe('2026-03-15')
    // 2026-12-01 23:30 Beijing is still 12-01 (UTC 15:30).
    expect(evaluationStart({ createdAt: new Date('2026-12-01T15:30:00Z') })).toBe('2026-12-01')
    expect(evaluationStart({})).toBeNull()
  })
})

describe('complianceYear from the day a branch is judged', () => {
  it('a branch created today lists no month before this one, and scores nothing yet', () => {
    const y = complianceYear({ ...none, evaluatedFrom: '2026-12-02' }, '2026-12-02')
    expect(theme(y).periods.map((p) => p.period.key)).toEqual(['2026-12'])
    expect(theme(y).periods[0].status).toBe('open')
    expect(y.score).toBeNull()
    // Without a start, January–November are missed: the behaviour this replaces.
    expect(complianceYear(none, '2026-12-02').types.find((t) => t.type === 'theme_day')!.periods.filter((p) => p.status === 'missed')).toHaveLength(11)
  })

  it('founded mid-month: that month is not missed when nothing was held, and counts when it was', () => {
    const quiet = complianceYear({ ...none, evaluatedFrom: '2026-05-15' }, '2026-07-10')
    expect(theme(quiet).periods.map((p) => `${p.period.key}:${p.status}`)).toEqual(['2026-06:missed', '2026-07:open'])
    const held = complianceYear({ ...none, activities: [rec('theme_day', '2026-05-20T02:00:00Z')], evaluatedFrom: '2026-05-15' }, '2026-07-10')
    expect(theme(held).periods.map((p) => `${p.period.key}:${p.status}`)).toEqual(['2026-05:done', '2026-06:missed', '2026-07:open'])
    expect(theme(held).score).toBe(50)
    // The first day of a month is a whole month.
    const first = complianceYear({ ...none, evaluatedFrom: '2026-06-01' }, '2026-07-10')
    expect(theme(first).periods.map((p) => `${p.period.key}:${p.status}`)).toEqual(['2026-06:missed', '2026-07:open'])
  })

  it('the year before the branch existed judges nothing: no score, not silent', () => {
    const f = figuresOf({ id: 'b', name: '新支部', hasGroups: false, secretaryNames: [], activities: [], assignments: [], evaluatedFrom: '2026-12-02' }, 2025, '2026-12-02')
    expect(f.score).toBeNull()
    expect(f.silent).toBe(false)
    expect(f.compliance.types.every((t) => t.periods.length === 0)).toBe(true)
    // The same branch without a start would score 0 for 2025 and be silent.
    const old = figuresOf({ id: 'b', name: '老支部', hasGroups: false, secretaryNames: [], activities: [], assignments: [] }, 2025, '2026-12-02')
    expect(old.score).toBe(0)
    expect(old.silent).toBe(true)
  })

  it('a branch created today is not 久未活动; one quiet for 46 days since its start is', () => {
    const facts = { id: 'b', name: '支部', hasGroups: false, secretaryNames: [], activities: [], assignments: [] }
    expect(figuresOf({ ...facts, evaluatedFrom: '2026-12-02' }, 2026, '2026-12-02').silent).toBe(false)
    expect(figuresOf({ ...facts, evaluatedFrom: '2026-10-18' }, 2026, '2026-12-02').silent).toBe(false)
    expect(figuresOf({ ...facts, evaluatedFrom: '2026-10-17' }, 2026, '2026-12-02').silent).toBe(true)
  })

  it('a year closed in January does not turn the partial first month into a miss', () => {
    const f = figuresOf({ id: 'b', name: '支部', hasGroups: false, secretaryNames: [], activities: [], assignments: [], evaluatedFrom: '2026-12-20' }, 2026, '2027-01-05')
    expect(f.compliance.types.find((t) => t.type === 'theme_day')!.periods).toEqual([])
    expect(f.score).toBeNull()
  })
})

describe('complianceAt from the day a branch is judged', () => {
  it('reports no previous-period miss before the start, and none for a type whose period lies wholly before', () => {
    const c = complianceAt({ ...none, evaluatedFrom: '2026-12-02' }, '2026-12-05')
    const theme = c.items.find((i) => i.type === 'theme_day')!
    expect(theme.previous).toBeNull()
    expect(theme.status).toBe('open')
    expect(c.gaps.some((g) => g.startsWith('上月'))).toBe(false)
    // Without a start, November's miss is reported.
    expect(complianceAt(none, '2026-12-05').gaps).toContain('上月（11月）主题党日未开展')
  })
})
