/**
 * Word's own list numbering: the 一、 and 1. a reader sees are in numbering.xml, not in the text. The importer must
 * read the number Word shows (issue 18, item 1). Documents are written with the `docx` library (test/support).
 */
import { readFileSync } from 'node:fs'
import { parseWorkPlan, parseWorkPlanDocx } from '../../cloud/core/work-plans'
import { formatNumber, ListCounter, type NumberingDefs } from '../../cloud/core/work-plans/numbering'
import { asWordNumbering, makeNumberedDocx } from '../support/numbered-docx'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const source = readFileSync(SAMPLE_PLAN_TXT, 'utf8')
const paragraphs = source.split('\n').filter((l) => l.trim() !== '')

const outline = (plan: Awaited<ReturnType<typeof parseWorkPlanDocx>>) =>
  plan.sections.map((s) => [s.seq, s.title, s.points.map((p) => [p.seq, p.title, p.subheading ?? null])])

test('the sample plan with Word numbering (chineseCounting sections, points running on) reads like its text', async () => {
  const numbered = asWordNumbering(paragraphs)
  // The numbers are really gone from the text: only numbering.xml holds them.
  expect(numbered.filter((p) => typeof p !== 'string')).toHaveLength(13)
  const plan = await parseWorkPlanDocx(await makeNumberedDocx(numbered))
  const text = parseWorkPlan(source)
  expect(outline(plan)).toEqual(outline(text))
  expect(plan.sections.flatMap((s) => s.points.map((p) => p.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  expect(plan.sections.flatMap((s) => s.points.map((p) => p.responsible))).toEqual(text.sections.flatMap((s) => s.points.map((p) => p.responsible)))
  expect(plan.warnings.map((w) => w.code)).toEqual(text.warnings.map((w) => w.code))
})

test('sub-levels （一） are sub-headings, and a list restarted in Word (startOverride) restarts its numbers', async () => {
  const plan = await parseWorkPlanDocx(
    await makeNumberedDocx([
      '2022年工作要点',
      { list: 'sections', text: '政治建设' },
      { list: 'sections', level: 1, text: '理论学习' },
      { list: 'points', text: '学习全会精神。年底前完成。' },
      { list: 'points', text: '开展党史教育。' },
      { list: 'sections', level: 1, text: '组织建设' },
      { list: 'points', text: '按期换届。' },
      { list: 'sections', text: '作风建设' },
      // A new instance of the points list: Word's 「重新开始编号」.
      { list: 'points', instance: 1, text: '正风肃纪。' },
    ]),
  )
  expect(outline(plan)).toEqual([
    [1, '政治建设', [[1, '学习全会精神', '理论学习'], [2, '开展党史教育', '理论学习'], [3, '按期换届', '组织建设']]],
    [2, '作风建设', [[1, '正风肃纪', null]]],
  ])
  expect(plan.sections[0].points[0].timeHints).toEqual([{ phrase: '年底', dueOn: '2022-12-31', kind: 'year_end' }])
})

describe('ListCounter counts as Word does (ECMA-376 §17.9)', () => {
  const lvl = (numFmt: string, lvlText: string, extra: object = {}) => ({ start: 1, numFmt, lvlText, suff: 'tab' as const, ...extra })
  const defs = (overrides: NumberingDefs['nums'] extends Map<string, infer N> ? Record<string, N> : never): NumberingDefs => ({
    abstracts: new Map([
      ['0', new Map([[0, lvl('chineseCounting', '%1、')], [1, lvl('decimal', '%2.', { restart: 0 })], [2, lvl('decimal', '%2.%3')]])],
    ]),
    nums: new Map(Object.entries(overrides)),
  })

  test('lvlRestart 0 keeps a level counting across higher levels; deeper levels restart; %n shows parent numbers', () => {
    const c = new ListCounter(defs({ '1': { abstractNumId: '0', overrides: new Map() } }))
    const seq = [[0], [1], [2], [2], [1], [0], [1], [2]].map(([l]) => c.next('1', l)?.label)
    expect(seq).toEqual(['一、', '1.', '1.1', '1.2', '2.', '二、', '3.', '3.1'])
  })

  test('two nums of one abstractNum continue each other; a startOverride restarts once; an lvlOverride lvl replaces the level', () => {
    const c = new ListCounter(
      defs({
        '1': { abstractNumId: '0', overrides: new Map() },
        '2': { abstractNumId: '0', overrides: new Map() },
        '3': { abstractNumId: '0', overrides: new Map([[0, { startOverride: 5 }]]) },
        '4': { abstractNumId: '0', overrides: new Map([[0, { lvl: lvl('decimalFullWidth', '第%1部分', { start: 1 }) }]]) },
      }),
    )
    expect([c.next('1', 0), c.next('2', 0), c.next('3', 0), c.next('3', 0), c.next('4', 0)].map((x) => x?.label)).toEqual(['一、', '二、', '五、', '六、', '第７部分'])
    expect(c.next('0', 0)).toBeNull()
    expect(c.next('99', 0)).toBeNull()
  })

  test('formats: chineseCounting up to the hundreds, legal, circled, roman, letters', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十'])
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰')
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③')
    expect(formatNumber(14, 'upperRoman')).toBe('XIV')
    expect(formatNumber(28, 'lowerLetter')).toBe('bb')
  })
})
