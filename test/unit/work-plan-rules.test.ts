/**
 * The importer's rules one at a time, on small made-up plans: time hints, 责任人, numbering, and the warnings that
 * keep text from being lost when it cannot be placed.
 */
import { parseWorkPlan, SPRING_FESTIVAL } from '../../cloud/core/work-plans'
import { findResponsible } from '../../cloud/core/work-plans/responsible'
import { findTimeHints } from '../../cloud/core/work-plans/time-hints'
import { chineseNumber } from '../../cloud/core/work-plans/text'

const hints = (text: string, year: number | null = 2022) => findTimeHints(text, year).map((h) => [h.phrase, h.dueOn, h.kind])

describe('time hints', () => {
  test('year end, 七一, 春节 in the plan year', () => {
    expect(hints('年底前完成，年末总结')).toEqual([
      ['年底', '2022-12-31', 'year_end'],
      ['年末', '2022-12-31', 'year_end'],
    ])
    expect(hints('围绕七一开展活动，在“七一”前后')).toEqual([
      ['七一', '2022-07-01', 'july_first'],
      ['“七一”', '2022-07-01', 'july_first'],
    ])
    expect(hints('春节前走访')).toEqual([['春节', '2022-02-01', 'spring_festival']])
    expect(hints('春节前走访', 2040)).toEqual([['春节', null, 'spring_festival']])
  })

  test('quarters: a recurring one is due at all four quarter ends (issue 16 item 15); a named quarter ends on its last day', () => {
    const quarterEnds = ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31']
    expect(hints('每季度召开一次，季度末报送')).toEqual(quarterEnds.map((d) => ['每季度', d, 'quarterly']))
    expect(hints('每季度末报送党建工作情况')).toEqual(quarterEnds.map((d) => ['每季度', d, 'quarterly']))
    expect(hints('按季度报送')).toEqual(quarterEnds.map((d) => ['按季度', d, 'quarterly']))
    expect(hints('每季度报送', null)).toEqual([['每季度', null, 'quarterly']])
    expect(hints('第二季度完成，三季度总结')).toEqual([
      ['第二季度', '2022-06-30', 'quarterly'],
      ['三季度', '2022-09-30', 'quarterly'],
    ])
  })

  test('按期 is on schedule, without a date', () => {
    expect(hints('按期换届')).toEqual([['按期', null, 'on_schedule']])
  })

  test('named months end on their last day; 上旬 / 中旬 on the 10th / 20th', () => {
    expect(hints('3月启动，二月底前报送，十二月总结')).toEqual([
      ['3月', '2022-03-31', 'month'],
      ['二月底', '2022-02-28', 'month'],
      ['十二月', '2022-12-31', 'month'],
    ])
    expect(hints('6月上旬、9月中旬、11月下旬', 2024)).toEqual([
      ['6月上旬', '2024-06-10', 'month'],
      ['9月中旬', '2024-09-20', 'month'],
      ['11月下旬', '2024-11-30', 'month'],
    ])
    expect(hints('上半年完成')).toEqual([['上半年', '2022-06-30', 'month']])
  })

  test('full dates, with or without their own year', () => {
    expect(hints('6月30日前完成，12 月 1 日启动')).toEqual([
      ['6月30日', '2022-06-30', 'date'],
      ['12 月 1 日', '2022-12-01', 'date'],
    ])
    expect(hints('2023 年 1 月 15 日前报送，2023年3月底前')).toEqual([
      ['2023 年 1 月 15 日', '2023-01-15', 'date'],
      ['2023年3月底', '2023-03-31', 'month'],
    ])
    expect(hints('六月三十日')).toEqual([['六月三十日', '2022-06-30', 'date']])
  })

  test('not time words: durations, numbers inside words, impossible dates', () => {
    expect(hints('用3个月时间，十九届五中全会，建党100周年，每月一次')).toEqual([])
    expect(hints('13月，2月30日')).toEqual([])
  })

  test('no year: the kind is still found, the date is not guessed', () => {
    expect(hints('年底前完成，6月30日', null)).toEqual([
      ['年底', null, 'year_end'],
      ['6月30日', null, 'date'],
    ])
  })

  test('the Spring Festival table agrees with the Chinese calendar', () => {
    // ICU's Chinese calendar (when the runtime has full ICU) as a second opinion. It is a day off in 2027 and
    // 2030, where the new moon falls within minutes of Beijing midnight; the published calendars say 02-06, 02-03.
    const fmt = new Intl.DateTimeFormat('en-u-ca-chinese', { month: 'numeric', day: 'numeric', timeZone: 'UTC' })
    if (fmt.resolvedOptions().calendar !== 'chinese') return
    for (let year = 2020; year <= 2035; year++) {
      let found = ''
      for (let t = Date.UTC(year, 0, 15); t < Date.UTC(year, 1, 25); t += 86_400_000) {
        const parts = fmt.formatToParts(new Date(t))
        if (parts.find((p) => p.type === 'month')?.value === '1' && parts.find((p) => p.type === 'day')?.value === '1') {
          found = new Date(t).toISOString().slice(0, 10)
          break
        }
      }
      const expected = year === 2027 ? '2027-02-07' : year === 2030 ? '2030-02-02' : SPRING_FESTIVAL[year]
      expect([year, found]).toEqual([year, expected])
    }
  })
})

describe('责任人', () => {
  test('several brackets, both widths, each name once in order, 等 dropped', () => {
    const r = findResponsible('甲（责任人：张三、李四）；乙(责任人:李四,王五;赵六等)。丙（责任人： 张三 ）')
    expect(r.responsible).toEqual(['张三', '李四', '王五', '赵六'])
    expect(r.forAllBranches).toBe(false)
    expect(r.warnings).toEqual([])
  })

  test('every branch: 各学会党支部书记, 各党支部, 各学会党支部', () => {
    expect(findResponsible('（责任人：各学会党支部书记）').forAllBranches).toBe(true)
    expect(findResponsible('（责任人：张三、各党支部）')).toMatchObject({ responsible: ['张三', '各党支部'], forAllBranches: true })
    expect(findResponsible('（责任人：各学会党支部）').forAllBranches).toBe(true)
    expect(findResponsible('（责任人：各学会党支部组织委员会）').forAllBranches).toBe(false)
  })

  test('every branch in the short forms too: 各支部书记, 各支部 (issue 16 item 15)', () => {
    expect(findResponsible('（责任人：各支部书记）')).toMatchObject({ responsible: ['各支部书记'], forAllBranches: true })
    expect(findResponsible('（责任人：张三、各支部）').forAllBranches).toBe(true)
    expect(findResponsible('（责任人：各支部组织委员）').forAllBranches).toBe(false)
  })

  test('a plan point with 每季度末报送 and 各支部书记 is for every branch and due at each quarter end', () => {
    const plan = parseWorkPlan('2023年工作要点\n一、组织建设\n1. 报送党建工作情况。每季度末报送上季度工作情况（责任人：各支部书记）。')
    const point = plan.sections[0].points[0]
    expect(point.forAllBranches).toBe(true)
    expect(point.timeHints.map((h) => h.dueOn)).toEqual(['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'])
  })

  test('a label broken by spaces, an unbracketed label, 责任单位', () => {
    expect(findResponsible('（责 任 人：张三）').responsible).toEqual(['张三'])
    expect(findResponsible('按时完成。责任人：李四、王五。').responsible).toEqual(['李四', '王五'])
    expect(findResponsible('（责任单位：组织部）').responsible).toEqual(['组织部'])
  })

  test('an unclosed bracket is read to the end of its clause, with a warning', () => {
    const r = findResponsible('甲（责任人：张三、李四；乙继续。')
    expect(r.responsible).toEqual(['张三', '李四'])
    expect(r.warnings.map((w) => w.code)).toEqual(['unclosed_responsible'])
  })
})

describe('structure', () => {
  test('Chinese numerals up to 九十九', () => {
    expect(['一', '十', '十二', '二十', '二十五', '九十九', '二〇二一', '十十', ''].map(chineseNumber)).toEqual([1, 10, 12, 20, 25, 99, 2021, null, null])
  })

  test('twelve sections, numbering that restarts per section, a heading cut by a page break', () => {
    const sections = Array.from({ length: 12 }, (_, i) => {
      const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]
      return `${cn}、第${i + 1}部分\n\n1. 要点甲${i}。正文。\n\n2、要点乙${i}。正文（责任人：张三）。`
    })
    sections[2] = '三、加强思想\n\n政治建设\n\n1. 要点甲2。正文。\n\n2、要点乙2。正文（责任人：张三）。'
    const plan = parseWorkPlan(`某某委员会 2024 年工作要点\n\n引言。\n\n${sections.join('\n\n')}`)
    expect(plan.year).toBe(2024)
    expect(plan.sections.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(plan.sections[2].title).toBe('加强思想政治建设')
    expect(plan.sections[11].points.map((p) => [p.seq, p.title])).toEqual([
      [1, '要点甲11'],
      [2, '要点乙11'],
    ])
    expect(plan.warnings.map((w) => w.code)).toEqual(['no_doc_number', 'no_issued_on', 'section_title_joined'])
  })

  test('sub-headings （一） group the numbered points under them', () => {
    const plan = parseWorkPlan('2023 年工作要点\n\n一、总体\n\n（一）思想建设\n\n1. 甲。正文。\n\n2. 乙。\n\n（二）组织建设\n\n3. 丙。正文。')
    expect(plan.sections[0].points.map((p) => [p.seq, p.title, p.subheading])).toEqual([
      [1, '甲', '思想建设'],
      [2, '乙', '思想建设'],
      [3, '丙', '组织建设'],
    ])
  })

  test('a plan numbered only （一）（二） has those as its points', () => {
    const plan = parseWorkPlan('2023 年工作要点\n\n一、总体\n\n（一）甲。正文。\n\n（二）乙。正文。\n\n二、其他\n\n（一）丙。')
    expect(plan.sections.map((s) => s.points.map((p) => [p.seq, p.title]))).toEqual([[[1, '甲'], [2, '乙']], [[3, '丙']]])
  })

  test('a number out of sequence mid-sentence stays text; after a sentence it is a point, with a warning', () => {
    const plan = parseWorkPlan('2023 年工作要点\n\n一、总体\n\n1. 甲。共有\n\n3、项内容。\n\n4. 乙。正文。')
    expect(plan.sections[0].points.map((p) => [p.seq, p.title, p.body])).toEqual([
      [1, '甲', '共有3、项内容。'],
      [4, '乙', '正文。'],
    ])
    expect(plan.warnings.filter((w) => w.code === 'point_number_gap')).toHaveLength(2)
  })

  test('text outside any point, the closing signature and a point without a sentence become warnings', () => {
    const long = '没有句号的很长一段文字'.repeat(7)
    const plan = parseWorkPlan(
      `2023 年工作要点\n\n一、总体\n\n本部分说明：以下各条须落实。\n\n1. ${long}\n\n2. 乙。正文。\n\n中共某某委员会\n\n2023 年 3 月 1 日\n\n抄送：省委组织部`,
    )
    expect(plan.issuedOn).toBe('2023-03-01')
    expect(plan.sections[0].points.map((p) => p.seq)).toEqual([1, 2])
    expect(plan.sections[0].points[1].body).toBe('正文。')
    const byCode = Object.fromEntries(plan.warnings.map((w) => [w.code, w.excerpt]))
    expect(byCode.unplaced_text).toBe('本部分说明：以下各条须落实。')
    expect(byCode.trailer_text).toBe('中共某某委员会\n2023 年 3 月 1 日\n抄送：省委组织部')
    expect(byCode.no_title_sentence).toBeDefined()
  })

  test('points without any section go into one unnamed section, with a warning', () => {
    const plan = parseWorkPlan('2023 年工作要点\n\n1. 甲。\n\n2. 乙。')
    expect(plan.sections).toMatchObject([{ seq: 1, title: '', points: [{ seq: 1 }, { seq: 2 }] }])
    expect(plan.warnings.map((w) => w.code)).toContain('no_sections')
  })

  test('no points at all: a warning, and an explicit year wins', () => {
    const plan = parseWorkPlan('随便一段文字。', { year: 2030 })
    expect(plan.sections).toEqual([])
    expect(plan.year).toBe(2030)
    expect(plan.warnings.map((w) => w.code)).toContain('no_points')
  })
})
