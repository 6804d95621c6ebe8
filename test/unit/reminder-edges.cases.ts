/**
 * Compliance and reminder-planner checks at period edges (quarter end, year end, 29 February 2028, Beijing midnight
 * against UTC midnight). Plain node:assert so they run both inside jest (reminder-edges.test.ts) and in child
 * processes started with TZ=UTC and TZ=Asia/Shanghai — the process time zone is fixed at start-up, so only a new
 * process can prove the result does not depend on it. Run directly: `node --import tsx test/unit/reminder-edges.cases.ts`.
 */
import assert from 'node:assert/strict'
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { complianceAt, complianceYear, periodOf, type ComplianceActivity } from '../../cloud/core/compliance/rules'
import { beijingDate } from '../../cloud/core/framework/time'
import { fitsKeyword, fitValue, truncate } from '../../cloud/core/reminders/fit'
import { planReminders, type PlannerInput, type PlannerPerson } from '../../cloud/core/reminders/planner'
import { type ReminderKind } from '../../types/subscription-templates'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'

dayjs.extend(utc)
dayjs.extend(timezone)

const rec = (type: ComplianceActivity['type'], startAt: string, extra: Partial<ComplianceActivity> = {}): ComplianceActivity => ({
  type,
  status: 'recorded',
  deleted: false,
  startAt,
  ...extra,
})
const item = (c: ReturnType<typeof complianceAt>, type: string) => {
  const found = c.items.find((i) => i.type === type)
  assert.ok(found, `no item ${type}`)
  return found
}

const people: PlannerPerson[] = [
  { openid: 's1', name: '李建国', branchId: 'b1', roles: ['secretary'], groupId: null },
  { openid: 'c1', name: '王芳', branchId: 'b1', roles: ['branch_committee'], groupId: 'g2' },
  { openid: 'm1', name: '赵磊', branchId: 'b1', roles: ['member'], groupId: 'g1' },
  { openid: 'gd', name: '吴指导', branchId: 'b1', roles: ['guide'], groupId: null },
  { openid: 's2', name: '陈晓燕', branchId: 'b2', roles: ['secretary'], groupId: null },
]
const base = (now: string, patch: Partial<PlannerInput> = {}): PlannerInput => ({
  now: new Date(now),
  branches: [],
  people,
  assignments: [],
  activities: [],
  notices: [],
  ...patch,
})
const assignment = (dueOn: string, state: 'not_started' | 'in_progress' | 'done' = 'not_started') => ({
  id: 'a1',
  branchId: 'b1',
  title: '组织专题学习',
  planTitle: '2026 年党建工作要点',
  dueOn,
  state,
})
const keys = (input: PlannerInput) => planReminders(input).map((r) => r.key).sort()
const emptyBranch = (hasGroups = false) => ({ id: 'b1', name: '计算机学会党支部', hasGroups, secretaryNames: ['李建国'], activities: [] as ComplianceActivity[] })
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const cases: { name: string; run(): void }[] = [
  // --- compliance -------------------------------------------------------------------------------------------
  {
    name: 'a session at 00:00 Beijing on 1 April (16:00 UTC on 31 March) counts for Q2, one at 23:59 on 31 March for Q1',
    run() {
      const april = complianceAt({ hasGroups: false, secretaryNames: [], activities: [rec('party_congress', '2026-03-31T16:00:00Z')] }, '2026-04-10')
      assert.equal(item(april, 'party_congress').status, 'done')
      assert.equal(item(april, 'party_congress').previous?.status, 'missed')
      assert.equal(item(april, 'party_congress').previous?.sentence, '上季度（第一季度）支部党员大会未召开')
      const march = complianceAt({ hasGroups: false, secretaryNames: [], activities: [rec('party_congress', '2026-03-31T15:59:00Z')] }, '2026-04-10')
      assert.equal(item(march, 'party_congress').status, 'open')
      assert.equal(item(march, 'party_congress').previous?.status, 'done')
    },
  },
  {
    name: 'year end: on 31 December a quarter with no 党员大会 has 1 day left; 10 days left is due soon, 11 is open',
    run() {
      const none = { hasGroups: false, secretaryNames: [], activities: [] }
      const last = item(complianceAt(none, '2026-12-31'), 'party_congress')
      assert.deepEqual([last.status, last.daysLeft, last.sentence], ['due_soon', 1, '本季度支部党员大会尚未召开，还剩 1 天'])
      assert.equal(item(complianceAt(none, '2026-12-22'), 'org_life_meeting').status, 'due_soon')
      assert.equal(item(complianceAt(none, '2026-12-22'), 'org_life_meeting').sentence, '今年组织生活会尚未召开，还剩 10 天')
      assert.equal(item(complianceAt(none, '2026-12-21'), 'org_life_meeting').status, 'open')
      assert.equal(item(complianceAt(none, '2026-11-25'), 'theme_day').sentence, '本月主题党日尚未开展，还剩 6 天')
    },
  },
  {
    name: '29 February 2028: February ends on the 29th; a session at 23:59 Beijing that day counts for February',
    run() {
      assert.deepEqual(periodOf('month', '2028-02-10'), { frequency: 'month', key: '2028-02', label: '2月', start: '2028-02-01', end: '2028-02-29' })
      assert.equal(periodOf('month', '2027-02-10').end, '2027-02-28')
      const none = { hasGroups: false, secretaryNames: [], activities: [] }
      assert.equal(item(complianceAt(none, '2028-02-29'), 'theme_day').daysLeft, 1)
      assert.equal(item(complianceAt(none, '2028-02-20'), 'theme_day').status, 'due_soon')
      assert.equal(item(complianceAt(none, '2028-02-19'), 'theme_day').status, 'open')
      const late = { hasGroups: false, secretaryNames: [], activities: [rec('theme_day', '2028-02-29T15:59:00Z')] }
      assert.equal(item(complianceAt(late, '2028-02-29'), 'theme_day').status, 'done')
      const march = { hasGroups: false, secretaryNames: [], activities: [rec('theme_day', '2028-02-29T16:00:00Z')] }
      assert.equal(item(complianceAt(march, '2028-03-01'), 'theme_day').status, 'done')
      assert.equal(item(complianceAt(march, '2028-03-01'), 'theme_day').previous?.status, 'missed')
    },
  },
  {
    name: 'only recorded, not deleted sessions count; 党小组会 only where the branch has groups',
    run() {
      const acts = [rec('theme_day', '2026-11-02T02:00:00Z', { status: 'planned' }), rec('theme_day', '2026-11-03T02:00:00Z', { deleted: true })]
      assert.equal(item(complianceAt({ hasGroups: false, secretaryNames: [], activities: acts }, '2026-11-10'), 'theme_day').status, 'open')
      const without = complianceAt({ hasGroups: false, secretaryNames: [], activities: [] }, '2026-11-10')
      assert.ok(!without.items.some((i) => i.type === 'group_meeting'))
      const withGroups = complianceAt({ hasGroups: true, secretaryNames: [], activities: [] }, '2026-11-10')
      assert.equal(item(withGroups, 'group_meeting').sentence, '本月党小组会尚未召开，还剩 21 天')
    },
  },
  {
    name: "the secretary's own 党课 is a recorded 党课 with the secretary as lecturer",
    run() {
      const byOther = complianceAt({ hasGroups: false, secretaryNames: ['李建国'], activities: [rec('party_lecture', '2026-05-10T02:00:00Z', { lecturer: '王芳' })] }, '2026-05-20')
      assert.equal(item(byOther, 'party_lecture').status, 'done')
      assert.equal(item(byOther, 'secretary_lecture').status, 'open')
      assert.equal(item(byOther, 'secretary_lecture').sentence, '今年支部书记尚未讲党课，还剩 226 天')
      const bySecretary = complianceAt({ hasGroups: false, secretaryNames: ['李建国'], activities: [rec('party_lecture', '2026-05-10T02:00:00Z', { lecturer: ' 李建国 ' })] }, '2026-05-20')
      assert.equal(item(bySecretary, 'secretary_lecture').status, 'done')
    },
  },
  {
    name: 'the year score: periods over or done count, open ones wait; the mean over types',
    run() {
      const acts = ['2026-01-10', '2026-02-10', '2026-03-10', '2026-05-10'].map((d) => rec('committee_meeting', `${d}T02:00:00Z`))
      const y = complianceYear({ hasGroups: false, secretaryNames: [], activities: acts }, '2026-05-15')
      const t = (type: string) => y.types.find((x) => x.type === type)!
      assert.deepEqual(t('committee_meeting').periods.map((p) => p.status), ['done', 'done', 'done', 'missed', 'done'])
      assert.equal(t('committee_meeting').score, 80)
      assert.deepEqual(t('theme_day').periods.map((p) => p.status), ['missed', 'missed', 'missed', 'missed', 'open'])
      assert.equal(t('theme_day').score, 0)
      assert.equal(t('party_congress').score, 0) // Q1 missed, Q2 still open
      assert.equal(t('org_life_meeting').score, null)
      assert.equal(t('secretary_lecture').score, null)
      assert.equal(y.score, 20) // mean of 80, 0, 0, 0
    },
  },
  {
    name: 'the fast Beijing day (UTC+8) agrees with the time-zone library across 2026–2028, every 211 minutes',
    run() {
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2029-01-01T00:00:00Z'); t += 211 * 60000) {
        assert.equal(beijingDate(new Date(t)), dayjs(t).tz('Asia/Shanghai').format('YYYY-MM-DD'))
      }
    },
  },
  // --- planner: work points ---------------------------------------------------------------------------------
  {
    name: 'a work point due 31 December: 7 days before at 08:00 Beijing (00:00 UTC), not a second earlier',
    run() {
      const a = [assignment('2026-12-31')]
      assert.deepEqual(keys(base('2026-12-23T23:59:59Z', { assignments: a })), [])
      const [r] = planReminders(base('2026-12-24T00:00:00Z', { assignments: a }))
      assert.equal(r.key, 'assignment_due:a1:s1:d7')
      assert.deepEqual(r.data, { thing1: { value: '组织专题学习' }, date2: { value: '2026年12月31日' }, thing3: { value: '还剩 7 天，请及时报送进展' } })
      assert.deepEqual(keys(base('2026-12-27T12:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:d7'])
      assert.deepEqual(keys(base('2026-12-28T08:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:d3'])
      assert.deepEqual(keys(base('2026-12-30T08:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:d1'])
    },
  },
  {
    name: 'overdue across the year end: the day after, then weekly; a done point has none',
    run() {
      const a = [assignment('2026-12-31')]
      const [w1] = planReminders(base('2027-01-01T08:00:00+08:00', { assignments: a }))
      assert.equal(w1.key, 'assignment_due:a1:s1:w1')
      assert.equal(w1.inbox?.title, '工作要点已逾期 1 天')
      assert.deepEqual(keys(base('2027-01-07T20:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:w1'])
      assert.deepEqual(keys(base('2027-01-08T08:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:w2'])
      assert.deepEqual(keys(base('2027-01-08T08:00:00+08:00', { assignments: [assignment('2026-12-31', 'done')] })), [])
    },
  },
  {
    name: 'a point due 29 February 2028 is reminded on 22 February (d7) and 1 March (w1)',
    run() {
      const a = [assignment('2028-02-29')]
      assert.deepEqual(keys(base('2028-02-22T08:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:d7'])
      assert.deepEqual(keys(base('2028-02-28T08:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:d1'])
      assert.deepEqual(keys(base('2028-03-01T08:00:00+08:00', { assignments: a })), ['assignment_due:a1:s1:w1'])
    },
  },
  // --- planner: compliance gaps -----------------------------------------------------------------------------
  {
    name: 'compliance gaps: 22 December 08:00 Beijing, one reminder for the month, quarter and year ending on the 31st',
    run() {
      const branches = [emptyBranch()]
      assert.deepEqual(keys(base('2026-12-21T08:00:00+08:00', { branches })), [])
      assert.deepEqual(keys(base('2026-12-21T23:59:00Z', { branches })), []) // 07:59 Beijing on the 22nd
      // To the secretary and the branch committee member (not to members or the guide).
      assert.deepEqual(keys(base('2026-12-22T00:00:00Z', { branches })), ['compliance_gap:b1:c1:end2026-12-31', 'compliance_gap:b1:s1:end2026-12-31'])
      const r = planReminders(base('2026-12-22T00:00:00Z', { branches })).find((x) => x.openid === 's1')!
      assert.match(r.inbox!.body, /本月支委会尚未召开，还剩 10 天/)
      assert.match(r.inbox!.body, /本季度支部党员大会尚未召开，还剩 10 天/)
      assert.match(r.inbox!.body, /今年组织生活会尚未召开，还剩 10 天/)
      assert.match(r.inbox!.body, /今年支部书记尚未讲党课/)
      assert.equal(r.data.date3.value, '2026年12月31日')
      assert.equal(r.data.thing2.value, '12月、第四季度、2026年')
      // Planned every day until the period ends (the same key: sent once).
      assert.deepEqual(keys(base('2026-12-31T20:00:00+08:00', { branches })), ['compliance_gap:b1:c1:end2026-12-31', 'compliance_gap:b1:s1:end2026-12-31'])
      assert.deepEqual(keys(base('2027-01-01T08:00:00+08:00', { branches })), [])
    },
  },
  {
    name: 'compliance gap in February 2028 falls due on the 20th (the 29th is its last day)',
    run() {
      const branches = [emptyBranch()]
      assert.deepEqual(keys(base('2028-02-19T08:00:00+08:00', { branches })), [])
      const r = planReminders(base('2028-02-20T08:00:00+08:00', { branches })).find((x) => x.openid === 's1')!
      assert.equal(r.key, 'compliance_gap:b1:s1:end2028-02-29')
      assert.match(r.inbox!.body, /本月主题党日尚未开展，还剩 10 天/)
      assert.doesNotMatch(r.inbox!.body, /本季度/)
    },
  },
  // --- planner: activities ----------------------------------------------------------------------------------
  {
    name: 'an activity at 09:00: the day before at 08:00 to its audience (not the guide), then two hours before',
    run() {
      const act = { id: 'act1', branchId: 'b1', type: 'theme_day' as const, topic: '重温入党誓词', place: '学会会议室', startAt: new Date('2026-11-24T09:00:00+08:00'), audience: { kind: 'branch' as const } }
      assert.deepEqual(keys(base('2026-11-23T07:59:00+08:00', { activities: [act] })), [])
      assert.deepEqual(keys(base('2026-11-23T08:00:00+08:00', { activities: [act] })), ['activity_upcoming:act1:c1:d1', 'activity_upcoming:act1:m1:d1', 'activity_upcoming:act1:s1:d1'])
      assert.deepEqual(keys(base('2026-11-24T06:59:00+08:00', { activities: [act] })).length, 3)
      assert.deepEqual(keys(base('2026-11-24T07:00:00+08:00', { activities: [act] })), ['activity_upcoming:act1:c1:h2', 'activity_upcoming:act1:m1:h2', 'activity_upcoming:act1:s1:h2'])
      assert.deepEqual(keys(base('2026-11-24T09:00:00+08:00', { activities: [act] })), [])
      const [r] = planReminders(base('2026-11-24T07:00:00+08:00', { activities: [act], people: people.slice(0, 1) }))
      assert.equal(r.data.time2.value, '2026年11月24日 09:00')
    },
  },
  {
    name: 'a group meeting at 14:30 reaches its group only; two hours before rounds down to the 12:00 run',
    run() {
      const act = { id: 'g', branchId: 'b1', type: 'group_meeting' as const, topic: '党小组学习', place: '会议室', startAt: new Date('2026-11-24T14:30:00+08:00'), audience: { kind: 'group' as const, groupId: 'g1' } }
      assert.deepEqual(keys(base('2026-11-24T11:59:00+08:00', { activities: [act] })), ['activity_upcoming:g:m1:d1'])
      assert.deepEqual(keys(base('2026-11-24T12:00:00+08:00', { activities: [act] })), ['activity_upcoming:g:m1:h2'])
      const committee = { ...act, id: 'cm', type: 'committee_meeting' as const, audience: { kind: 'committee' as const } }
      assert.deepEqual(keys(base('2026-11-24T12:00:00+08:00', { activities: [committee] })), ['activity_upcoming:cm:c1:h2', 'activity_upcoming:cm:s1:h2'])
    },
  },
  // --- planner: notices, keys, fitting -------------------------------------------------------------------------
  {
    name: 'a notice goes to holders of its roles in its branches who still have quota',
    run() {
      const notice = { id: 'n1', title: '通知', body: '请按时参加', fromName: '党委 周敏', createdAt: new Date('2026-11-23T10:00:00+08:00'), allBranches: true, branchIds: [], roles: ['secretary' as const] }
      const tpl = SUBSCRIPTION_TEMPLATES.committee_notice.id
      assert.deepEqual(keys(base('2026-11-23T10:00:00+08:00', { notices: [notice], hasQuota: (o, t) => o === 's1' && t === tpl })), ['committee_notice:n1:s1:sent'])
      assert.deepEqual(keys(base('2026-11-23T10:00:00+08:00', { notices: [{ ...notice, allBranches: false, branchIds: ['b2'] }] })), ['committee_notice:n1:s2:sent'])
    },
  },
  {
    name: 'dedupe keys are stable: the same data planned again gives the same keys',
    run() {
      const input = base('2026-12-22T08:00:00+08:00', { branches: [emptyBranch()], assignments: [assignment('2026-12-31')] })
      assert.deepEqual(keys(input), keys({ ...input, now: new Date('2026-12-22T09:00:00+08:00') }))
    },
  },
  {
    name: 'values are fitted on character boundaries: thing ≤ 20, name ≤ 10 Chinese or 20 letters, never half a surrogate pair',
    run() {
      assert.equal(fitValue('thing', '一二三四五六七八九十一二三四五六七八九十一二三'), '一二三四五六七八九十一二三四五六七八九…')
      const emoji = fitValue('thing', '😀'.repeat(25))
      assert.equal(Array.from(emoji).length, 20)
      assert.ok(!loneSurrogate.test(emoji))
      assert.equal(truncate('a😀b', 2), 'a…')
      assert.equal(fitValue('name', '欧阳娜娜娜娜娜娜娜娜娜'), '欧阳娜娜娜娜娜娜娜…')
      assert.equal(fitValue('name', 'Alexander Hamilton Jr.'), 'Alexander Hamilton …')
      assert.equal(fitValue('phrase', '已经逾期很久了'), '已经逾期…')
      assert.equal(fitValue('character_string', 'NO.2026-号-001'), 'NO.2026--001')
      assert.equal(fitValue('time', new Date('2026-11-23T00:00:00Z')), '2026年11月23日 08:00')
      assert.equal(fitValue('date', '2028-02-29'), '2028年02月29日')
      assert.equal(fitValue('date', new Date('2026-12-31T16:00:00Z')), '2027年01月01日')
    },
  },
  {
    name: 'every planned value fits its keyword type, however long the text',
    run() {
      const long = '关于深入学习贯彻党的二十届四中全会精神扎实推进科技社团党建工作高质量发展的专题学习😀😀'
      const input = base('2026-12-22T08:00:00+08:00', {
        branches: [emptyBranch(true)],
        assignments: [{ ...assignment('2026-12-25'), title: long }],
        activities: [{ id: 'x', branchId: 'b1', type: 'party_congress', topic: long, place: long, startAt: new Date('2026-12-23T09:00:00+08:00'), audience: { kind: 'branch' } }],
        notices: [{ id: 'n', title: long, body: long, fromName: '党委 欧阳娜娜娜娜娜娜娜娜', createdAt: new Date('2026-12-22T08:00:00+08:00'), allBranches: true, branchIds: [], roles: ['secretary'] }],
      })
      const planned = planReminders(input)
      const kinds = new Set(planned.map((r) => r.kind))
      assert.deepEqual([...kinds].sort(), ['activity_upcoming', 'assignment_due', 'committee_notice', 'compliance_gap'])
      for (const r of planned) {
        const spec = SUBSCRIPTION_TEMPLATES[r.kind as ReminderKind]
        for (const { key, type } of Object.values(spec.keywords)) {
          assert.ok(r.data[key], `${r.key} lacks ${key}`)
          assert.ok(fitsKeyword(type, r.data[key].value), `${r.key} ${key}=${r.data[key].value} breaks ${type}`)
          assert.ok(!loneSurrogate.test(r.data[key].value))
        }
      }
    },
  },
]

/** Runs every case; used by the child processes. */
export function runAll(): void {
  for (const c of cases) {
    try {
      c.run()
    } catch (error) {
      throw new Error(`${c.name}: ${(error as Error).message}`)
    }
  }
}

if (process.argv[1] && /reminder-edges\.cases\.ts$/.test(process.argv[1])) {
  try {
    runAll()
    process.stdout.write(`ok ${cases.length} cases TZ=${process.env.TZ ?? ''} offset=${new Date('2026-01-01T00:00:00Z').getTimezoneOffset()}\n`)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exit(1)
  }
}
