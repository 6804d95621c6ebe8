/**
 * The 发展党员 pipeline's rules (cloud/core/recruitment/rules.ts) at their edges: month arithmetic over 29 February
 * and year ends, the one-year 培养考察, 考察 every half year, 公示 before the 支部大会, the approval's three / six
 * months, the 预备期 and its extension; and the step table (cloud/core/recruitment/steps.ts) itself.
 */
import {
  addMonths,
  confirmationRefusal,
  congressRefusal,
  correctionRefusal,
  dueItems,
  inspectionGaps,
  NATIONAL_DEFAULTS as S,
  probationEnd,
  statusOf,
  stepRefusal,
  type StepEntry,
  type StepLog,
} from '../../cloud/core/recruitment/rules'
import { STAGES, STEPS } from '../../cloud/core/recruitment/steps'

const e = (on: string, more: Partial<StepEntry> = {}): StepEntry[] => [{ on, ...more }]
const TODAY = '2026-12-02'

describe('the step table', () => {
  test('25 steps in five stages, numbered in order, each prerequisite earlier in the table', () => {
    expect(STEPS).toHaveLength(25)
    expect(STEPS.map((s) => s.n)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    expect(new Set(STEPS.map((s) => s.stage))).toEqual(new Set(STAGES))
    for (const s of STEPS) for (const a of s.after) expect(STEPS.find((x) => x.code === a)!.n).toBeLessThan(s.n)
    for (const s of STEPS) expect(s.source).toMatch(/细则|党章/)
  })
})

describe('addMonths', () => {
  test.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-12-15', 6, '2027-06-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, months, to) => expect(addMonths(from, months)).toBe(to))
})

describe('order', () => {
  test('a step before its prerequisite is refused, naming the step and the rule; the committee may except it', () => {
    const r = stepRefusal('activist', { on: '2026-05-01' }, { apply: e('2026-03-01') }, S, TODAY)
    expect(r).toMatchObject({ exceptionAllowed: true })
    expect(r!.message).toBe('请先完成第2步「党组织派人谈话」，再记录第3步「推荐和确定入党积极分子」（细则第九条、第十条）')
  })
  test('a date earlier than its prerequisite is refused; the same day is accepted', () => {
    const log: StepLog = { apply: e('2026-03-01') }
    expect(stepRefusal('talk', { on: '2026-02-28' }, log, S, TODAY)!.message).toContain('不能早于「递交入党申请书」（2026年3月1日）')
    expect(stepRefusal('talk', { on: '2026-03-01' }, log, S, TODAY)).toBeNull()
  })
  test('no date after today (Beijing): today is accepted, tomorrow never, not even as an exception', () => {
    const log: StepLog = { apply: e('2026-03-01') }
    expect(stepRefusal('talk', { on: TODAY }, log, S, TODAY)).toBeNull()
    expect(stepRefusal('talk', { on: '2026-12-03' }, log, S, TODAY)).toMatchObject({ exceptionAllowed: false })
  })
  test('a step is recorded once; 考察 any number of times', () => {
    const log: StepLog = { apply: e('2026-03-01'), talk: e('2026-03-10'), activist: e('2026-04-01'), contacts: e('2026-04-01'), inspect: e('2026-05-01') }
    expect(stepRefusal('talk', { on: '2026-03-20' }, log, S, TODAY)!.message).toBe('「党组织派人谈话」已经记录过了')
    expect(stepRefusal('inspect', { on: '2026-06-01' }, log, S, TODAY)).toBeNull()
  })
  test('培养联系人 one or two; 入党介绍人 exactly two', () => {
    const log: StepLog = { apply: e('2025-01-01'), talk: e('2025-01-10'), activist: e('2025-02-01') }
    expect(stepRefusal('contacts', { on: '2025-02-01', contacts: 0 }, log, S, TODAY)!.message).toBe('请指定一至二名正式党员作为培养联系人')
    expect(stepRefusal('contacts', { on: '2025-02-01', contacts: 2 }, log, S, TODAY)).toBeNull()
  })
})

describe('积极分子 → 发展对象: a year of training, 考察 every half year (细则第十三条、第十二条)', () => {
  const base: StepLog = {
    apply: e('2024-12-01'),
    talk: e('2024-12-20'),
    activist: e('2025-02-28'),
    contacts: e('2025-02-28'),
    inspect: [{ on: '2025-08-20' }, { on: '2026-02-10' }],
  }
  test('one day short of a year is refused with the earliest date; the anniversary is accepted', () => {
    const r = stepRefusal('candidate', { on: '2026-02-27' }, base, S, TODAY)
    expect(r!.message).toContain('最早 2026年2月28日')
    expect(r!.rule).toContain('细则第十三条')
    expect(stepRefusal('candidate', { on: '2026-02-28' }, base, S, TODAY)).toBeNull()
  })
  test('a half-year without 考察 is refused, naming the date it was due', () => {
    const log = { ...base, inspect: [{ on: '2025-08-20' }] }
    expect(stepRefusal('candidate', { on: '2026-03-01' }, log, S, TODAY)!.message).toContain('2026年2月20日前应有一次考察记录')
  })
  test('inspectionGaps: exactly six months apart is in time; a day later is a gap', () => {
    expect(inspectionGaps('2025-01-31', ['2025-07-31'], '2026-01-31', 6)).toEqual([])
    expect(inspectionGaps('2025-01-31', ['2025-08-01'], '2026-01-31', 6)).toEqual(['2025-07-31'])
  })
  test('a locality that asks for 18 months: the committee setting moves the date', () => {
    const r = stepRefusal('candidate', { on: '2026-03-01' }, base, { ...S, activistMinMonths: 18 }, TODAY)
    expect(r!.message).toContain('最早 2026年8月28日')
  })
})

const toCongress: StepLog = {
  apply: e('2024-01-05'),
  talk: e('2024-01-20'),
  activist: e('2024-03-01'),
  activist_filed: e('2024-03-05'),
  contacts: e('2024-03-01'),
  inspect: [{ on: '2024-08-30' }, { on: '2025-02-20' }],
  candidate: e('2025-03-01'),
  candidate_filed: e('2025-03-05'),
  introducers: e('2025-03-10'),
  vetting: e('2025-04-01'),
  training: e('2025-04-10', { from: '2025-04-08', to: '2025-04-10' }),
  committee_review: e('2025-05-06', { from: '2025-05-06', to: '2025-05-12' }),
  pre_review: e('2025-05-20'),
  volunteer_form: e('2025-05-25'),
}

describe('发展对象 → 预备党员', () => {
  test('the 支部大会 only after 政审, 集中培训 and the 公示 have ended', () => {
    const { vetting: _v, ...noVetting } = toCongress
    expect(stepRefusal('committee_review', { on: '2025-05-06', from: '2025-05-06', to: '2025-05-12' }, { ...noVetting, committee_review: undefined }, S, TODAY)!.message).toContain('第10步「进行政治审查」')
    const longPublicity = { ...toCongress, committee_review: e('2025-05-06', { from: '2025-05-20', to: '2025-05-28' }) }
    expect(stepRefusal('congress', { on: '2025-05-28' }, longPublicity, S, TODAY)!.message).toBe('公示期（至2025年5月28日）结束后才能召开支部大会讨论')
    expect(stepRefusal('congress', { on: '2025-05-29' }, longPublicity, S, TODAY)).toBeNull()
  })
  test('a 公示 shorter than the setting is refused', () => {
    const { committee_review: _c, ...log } = toCongress
    expect(stepRefusal('committee_review', { on: '2025-05-06', from: '2025-05-06', to: '2025-05-09' }, log, S, TODAY)!.message).toBe('公示期应不少于 5 天')
    expect(stepRefusal('committee_review', { on: '2025-05-06', from: '2025-05-06', to: '2025-05-10' }, log, S, TODAY)).toBeNull()
  })
  test('votes: more than half of the voting members must vote for; a quorum is needed (细则第二十三条)', () => {
    const c = { on: '2025-05-26', recorded: true, voting: true, voters: 10, presentVoters: 8, quorumReached: true }
    expect(congressRefusal('congress', '2025-05-26', c, { for: 5, against: 2, abstain: 1 })!.message).toContain('未超过应到会有表决权正式党员（10 人）的半数')
    expect(congressRefusal('congress', '2025-05-26', c, { for: 6, against: 2, abstain: 0 })).toBeNull()
    expect(congressRefusal('congress', '2025-05-26', c, { for: 7, against: 2, abstain: 0 })!.message).toContain('超过到会')
    expect(congressRefusal('congress', '2025-05-26', { ...c, presentVoters: 5, quorumReached: false }, { for: 5, against: 0, abstain: 0 })!.message).toContain('未超过半数')
    expect(congressRefusal('congress', '2025-05-27', c, { for: 6, against: 0, abstain: 0 })!.message).toContain('应与本步骤日期一致')
    expect(congressRefusal('congress', '2025-05-26', { ...c, voting: false }, { for: 6, against: 0, abstain: 0 })).toMatchObject({ exceptionAllowed: false })
  })
  const admitted: StepLog = { ...toCongress, congress: e('2025-11-30'), superior_talk: e('2025-12-10') }
  test('the approval within six months at most: the last day is accepted, the next refused', () => {
    expect(stepRefusal('approval', { on: '2026-05-30', approved: true }, admitted, S, TODAY)).toBeNull()
    expect(stepRefusal('approval', { on: '2026-05-31', approved: true }, admitted, S, TODAY)!.message).toContain('不超过6个月（至2026年5月30日）')
  })
  test('status follows the approval; a refusal stops the pipeline', () => {
    expect(statusOf(admitted)).toBe('candidate')
    expect(statusOf({ ...admitted, approval: e('2026-01-10', { approved: true }) })).toBe('probationary')
    expect(statusOf({ ...admitted, approval: e('2026-01-10', { approved: false }) })).toBe('stopped')
  })
})

describe('预备期 and 转正 (党章第七条)', () => {
  const probation: StepLog = { ...toCongress, congress: e('2024-02-29'), superior_talk: e('2024-03-05'), approval: e('2024-03-20', { approved: true }), oath: e('2024-04-01') }
  test('one year from the 支部大会: 29 February 2024 → 28 February 2025', () => {
    expect(probationEnd(probation)).toBe('2025-02-28')
  })
  test('the 转正 支部大会 not before the end; the application not earlier than a month before', () => {
    const applied = { ...probation, confirm_apply: e('2025-02-01') }
    expect(stepRefusal('confirm_apply', { on: '2025-01-28' }, probation, S, TODAY)!.message).toContain('最早 2025年1月29日')
    expect(stepRefusal('confirm_apply', { on: '2025-01-29' }, probation, S, TODAY)).toBeNull()
    expect(stepRefusal('confirm_congress', { on: '2025-02-27', outcome: 'confirm' }, applied, S, TODAY)!.message).toContain('预备期至2025年2月28日满')
    expect(stepRefusal('confirm_congress', { on: '2025-02-28', outcome: 'confirm' }, applied, S, TODAY)).toBeNull()
  })
  test('an extension is six months to a year; the end moves, the 转正 steps come again', () => {
    const applied = { ...probation, confirm_apply: e('2025-02-01') }
    expect(stepRefusal('confirm_congress', { on: '2025-03-01', outcome: 'extend', extensionMonths: 5 }, applied, S, TODAY)!.message).toBe('延长预备期应为六个月至一年')
    expect(stepRefusal('confirm_congress', { on: '2025-03-01', outcome: 'extend', extensionMonths: 13 }, applied, S, TODAY)).not.toBeNull()
    const extended = { ...applied, confirm_congress: e('2025-03-01', { outcome: 'extend', extensionMonths: 6 }) }
    expect(probationEnd(extended)).toBe('2025-08-28')
    expect(statusOf(extended)).toBe('probationary')
    expect(stepRefusal('confirm_approval', { on: '2025-03-05', approved: true }, extended, S, TODAY)!.message).toContain('按期转正')
    expect(stepRefusal('confirm_congress', { on: '2025-09-01', outcome: 'confirm' }, extended, S, TODAY)!.message).toContain('新的转正申请')
    const again = { ...extended, confirm_apply: [...extended.confirm_apply!, { on: '2025-08-01' }] }
    expect(stepRefusal('confirm_congress', { on: '2025-08-27', outcome: 'confirm' }, again, S, TODAY)!.message).toContain('2025年8月28日')
    expect(stepRefusal('confirm_congress', { on: '2025-08-28', outcome: 'confirm' }, again, S, TODAY)).toBeNull()
  })
  test('approved 转正 makes a 正式党员 with nothing more due', () => {
    const done = { ...probation, confirm_apply: e('2025-02-01'), confirm_congress: e('2025-03-01', { outcome: 'confirm' }), confirm_approval: e('2025-03-20', { approved: true }) }
    expect(statusOf(done)).toBe('full')
    expect(dueItems(done, S)).toEqual([])
  })
})

describe('what is due', () => {
  test('the talk is due one month after the application (31 January → 28 February)', () => {
    expect(dueItems({ apply: e('2026-01-31') }, S)).toEqual([{ step: 'talk', dueOn: '2026-02-28', title: '入党谈话' }])
  })
  test('考察 half a year after the last; the approval three months after the 支部大会; 转正 at the 预备期 end', () => {
    const activist: StepLog = { apply: e('2025-01-01'), talk: e('2025-01-10'), activist: e('2025-03-01'), contacts: e('2025-03-01'), inspect: e('2025-08-15') }
    expect(dueItems(activist, S)).toEqual([{ step: 'inspect', dueOn: '2026-02-15', title: '半年考察' }])
    expect(dueItems({ ...toCongress, congress: e('2025-11-30') }, S)).toEqual([{ step: 'approval', dueOn: '2026-02-28', title: '上级党委审批' }])
    const prob = { ...toCongress, congress: e('2025-11-30'), superior_talk: e('2025-12-01'), approval: e('2025-12-20', { approved: true }) }
    expect(dueItems(prob, S)).toEqual([{ step: 'confirm_congress', dueOn: '2026-11-30', title: '预备期满讨论转正' }])
  })
})

describe('入党 / 转正 dates on the roster (confirmationRefusal; the reviewer finding)', () => {
  const m = (partyStatus: 'full' | 'probationary', joinedPartyOn: string | null, confirmedOn: string | null) => confirmationRefusal({ partyStatus, joinedPartyOn, confirmedOn })
  test('a 转正 before 入党 is refused whatever the status', () => {
    expect(m('probationary', '2026-06-01', '2020-01-01')).toBe('转正日期不能早于入党日期')
    expect(m('full', '2026-06-01', '2026-05-31')).toBe('转正日期不能早于入党日期')
  })
  test('the 预备期 is a year: 29 February 2024 → not before 28 February 2025', () => {
    expect(m('full', '2024-02-29', '2025-02-27')).toContain('预备期满（2025年2月28日）')
    expect(m('full', '2024-02-29', '2025-02-28')).toBeNull()
  })
  test('a 预备党员 has no 转正日期; unknown dates are not judged', () => {
    expect(m('probationary', '2026-06-01', '2027-06-01')).toContain('预备党员还没有转正日期')
    expect(m('full', null, '2026-11-01')).toBeNull()
    expect(m('probationary', '2026-06-01', null)).toBeNull()
  })
})

describe('correcting an earlier step (correctionRefusal): every later step\'s rule must still hold', () => {
  // 积极分子 on 1 March 2024, 考察 every half year, 发展对象 on 1 March 2025: exactly a year (细则第十三条).
  const file: StepLog = {
    apply: e('2024-01-05'),
    talk: e('2024-01-20'),
    activist: e('2024-03-01'),
    contacts: [{ on: '2024-03-02', people: ['a'] } as StepEntry],
    inspect: [{ on: '2024-08-20' }, { on: '2025-02-20' }],
    candidate: e('2025-03-01'),
  }
  const moved = (code: keyof StepLog, on: string, index = 0): StepLog => ({ ...file, [code]: file[code]!.map((x, i) => (i === index ? { ...x, on } : x)) })
  test('moving 确定为积极分子 one day later leaves 发展对象 short of a year: refused, the rule named', () => {
    const r = correctionRefusal(file, moved('activist', '2024-03-02'), S, TODAY)
    expect(r?.step).toBe('candidate')
    expect(r?.refusal.rule).toBe('细则第十三条（培养考察一年以上）')
    expect(r?.refusal.message).toContain('最早 2025年3月2日')
  })
  test('moving it one day earlier keeps every rule: accepted', () => {
    expect(correctionRefusal(file, moved('activist', '2024-02-29'), S, TODAY)).toBeNull()
  })
  test('moving a 考察 so half a year passes without one: refused by 细则第十二条', () => {
    expect(correctionRefusal(file, moved('inspect', '2024-09-02', 0), S, TODAY)?.refusal.rule).toBe('细则第十二条（每半年考察一次）')
  })
  test('moving the talk after the 积极分子 date: refused by the order rule of step 3', () => {
    const r = correctionRefusal(file, moved('talk', '2024-03-05'), S, TODAY)
    expect(r?.step).toBe('activist')
    expect(r?.refusal.rule).toBe('细则第九条、第十条（程序顺序）')
  })
  test('a rule the file already broke (a committee exception) does not block a correction elsewhere', () => {
    const excepted: StepLog = { ...file, candidate: [{ on: '2025-02-01', exception: { rule: '细则第十三条（培养考察一年以上）', reason: '特殊情况' } }] }
    expect(correctionRefusal(excepted, { ...excepted, talk: e('2024-01-21') }, S, TODAY)).toBeNull()
  })
  test('a date after today is refused', () => {
    expect(correctionRefusal(file, moved('candidate', '2026-12-03'), S, TODAY)?.refusal.rule).toBe('记录已发生的事')
  })
})
