/**
 * The importer on the real plan (samples/hunan-2021-work-plan.txt), which carries real page-break
 * damage: point 1's body is cut after "学" / "习培训", point 4's and point 7's sentences run across paragraphs,
 * point 9's 责任人 bracket is cut "(责任" / "人:…".
 */
import { readFileSync } from 'node:fs'
import { parseWorkPlan } from '../../cloud/core/work-plans'
import { lettersOnly } from '../../cloud/core/work-plans/text'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const FIXTURE = SAMPLE_PLAN_TXT
const source = readFileSync(FIXTURE, 'utf8')
const plan = parseWorkPlan(source)
const points = plan.sections.flatMap((s) => s.points)

const ALL = '各学会党支部书记'
const COMMITTEE = '省科协社会组织行业党委委员'

test('header: title of the plan (not of the covering notice), number, issuer, date, year, intro', () => {
  expect(plan.title).toBe('中共湖南省科学技术协会社会组织行业委员会 2021 年工作要点')
  expect(plan.docNumber).toBe('湘科协社党发〔2021〕1号')
  expect(plan.issuer).toBe('中共湖南省科协社会组织行业委员会')
  expect(plan.issuedOn).toBe('2021-02-25')
  expect(plan.year).toBe(2021)
  expect(plan.intro.startsWith('2021 年省科协社会组织党建工作的总体要求是：')).toBe(true)
  expect(plan.intro.endsWith('以优异成绩庆祝建党 100 周年。')).toBe(true)
  expect(plan.intro).not.toContain('\n')
})

test('three sections with their titles', () => {
  expect(plan.sections.map((s) => [s.seq, s.title])).toEqual([
    [1, '加强政治建设，筑牢学会党建工作根基'],
    [2, '切实履职尽责，提升学会党建工作质量'],
    [3, '营造政治氛围，激发学会党建工作活力'],
  ])
  expect(plan.sections.map((s) => s.points.map((p) => p.seq))).toEqual([[1, 2, 3], [4, 5, 6, 7], [8, 9, 10]])
})

test('every point: number and title', () => {
  expect(points.map((p) => [p.seq, p.title])).toEqual([
    [1, '强化党的科学理论武装'],
    [2, '推进支部标准化建设'],
    [3, '抓好正风肃纪'],
    [4, '压紧压实管党治党责任'],
    [5, '切实加强党建指导服务工作'],
    [6, '深化“两个覆盖”工作实效'],
    [7, '守好管好意识形态阵地'],
    [8, '开展庆祝建党 100 周年系列活动'],
    [9, '围绕中心服务大局彰显作为'],
    [10, '开展关怀帮扶和走访慰问工作'],
  ])
})

test('责任人 per point, each once, in order of first appearance (point 9 across the page break)', () => {
  expect(points.map((p) => p.responsible)).toEqual([
    ['张辉学', '胡胜标', ALL, COMMITTEE, '马文胜', '胡为平'],
    ['胡为平', '肖和元', ALL, '第一书记'],
    ['朱建华', ALL],
    ['张辉学', '傅爱军', '史小溪', '马文胜', ALL],
    ['马文胜', '胡为平', ALL, '胡胜标'],
    [COMMITTEE, ALL],
    ['张辉学', '傅爱军', '史小溪', '马文胜', COMMITTEE, ALL],
    ['胡为平', '马文胜', ALL, '薛灿辉'],
    ['张辉学', COMMITTEE, ALL, '傅爱军'],
    [COMMITTEE, ALL],
  ])
  expect(points.map((p) => p.forAllBranches)).toEqual(Array(10).fill(true))
})

test('page-break damage is mended inside the points', () => {
  expect(points[0].body).toContain('组织报告会、学习培训和研讨交流')
  expect(points[3].body).toContain('对党的建设思想不重视、工作不得力的')
  expect(points[6].body).toContain('提前防范、及时化解')
  expect(points[8].body).toContain('(责任人:傅爱军、省科协社会组织行业党委委员、各学会党支部书记)。')
  // None of them is a real paragraph break: every body is one paragraph.
  expect(points.filter((p) => p.body.includes('\n'))).toEqual([])
})

test('time hints: 按期 in point 2, 春节 and 七一 in point 10, nothing elsewhere', () => {
  expect(points.map((p) => [p.seq, p.timeHints])).toEqual([
    [1, []],
    [2, [{ phrase: '按期', dueOn: null, kind: 'on_schedule' }]],
    [3, []],
    [4, []],
    [5, []],
    [6, []],
    [7, []],
    [8, []],
    [9, []],
    [
      10,
      [
        { phrase: '春节', dueOn: '2021-02-12', kind: 'spring_festival' },
        { phrase: '“七一”', dueOn: '2021-07-01', kind: 'july_first' },
      ],
    ],
  ])
})

test('the only warning is the covering notice, reported with its text', () => {
  expect(plan.warnings.map((w) => w.code)).toEqual(['cover_text'])
  expect(plan.warnings[0].excerpt).toContain('关于印发《')
  expect(plan.warnings[0].excerpt).toContain('抓好落实。')
})

test('nothing is lost: every letter of the sections span is in some point, once, in order', () => {
  const lines = source.split(/\r?\n/)
  const from = lines.findIndex((l) => l.startsWith('一、'))
  const span = lines
    .slice(from)
    .filter((l) => !/^[一二三四五六七八九十]+、/.test(l))
    .join('')
  const parsed = points.map((p) => `${p.seq}${p.title}${p.body}`).join('')
  expect(lettersOnly(parsed)).toBe(lettersOnly(span))
  // And the header: title + intro + notice lines + number + issuer + date = the text before the first section.
  const head = lines.slice(0, from).join('')
  const got = [plan.warnings[0].excerpt, plan.docNumber, plan.issuer, '2021年2月25日', plan.title, plan.intro].join('')
  expect([...lettersOnly(got)].sort().join('')).toBe([...lettersOnly(head)].sort().join(''))
})
