/**
 * 任务分解表 in Word and Excel (issue 18, item 3): the header row found in its variants, merged cells read as the
 * reader sees them, columns mapped to section, point, body, 责任人 and due dates, and 完成时限 phrases read.
 */
import { parseWorkPlanDocx } from '../../cloud/core/work-plans'
import { dueHints, findColumns } from '../../cloud/core/work-plans/tables'
import { parseWorkPlanXlsx } from '../../cloud/core/work-plans/xlsx'
import { makeNumberedDocx } from '../support/numbered-docx'
import { makeTableDocx, makeTableXlsx } from '../support/plan-tables'

const ROWS = [
  ['1', '一、加强政治建设', '强化理论武装。组织专题学习', '各支部书记', '2022年6月底前'],
  ['2', '一、加强政治建设', '开展庆祝建党活动', '宣传委员、各学会党支部', '七一前'],
  ['3', '二、夯实组织基础', '报送党建工作情况', '组织委员', '每季度'],
  ['4', '二、夯实组织基础', '落实“三会一课”。按月开展', '各党支部书记', '全年'],
  ['5', '二、夯实组织基础', '完成党员信息核对', '张三；李四', '9月30日前'],
  ['6', '二、夯实组织基础', '报送年度总结', '办公室', '年底'],
]

const summary = (plan: Awaited<ReturnType<typeof parseWorkPlanDocx>>) =>
  plan.sections.map((s) => [s.seq, s.title, s.points.map((p) => [p.seq, p.title, p.responsible, p.forAllBranches, p.timeHints.map((h) => h.dueOn)])])

const EXPECTED = [
  [1, '加强政治建设', [
    [1, '强化理论武装', ['各支部书记'], true, ['2022-06-30']],
    [2, '开展庆祝建党活动', ['宣传委员', '各学会党支部'], true, ['2022-07-01']],
  ]],
  [2, '夯实组织基础', [
    [3, '报送党建工作情况', ['组织委员'], false, ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31']],
    [4, '落实“三会一课”', ['各党支部书记'], true, ['2022-12-31']],
    [5, '完成党员信息核对', ['张三', '李四'], false, ['2022-09-30']],
    [6, '报送年度总结', ['办公室'], false, ['2022-12-31']],
  ]],
]

test('a task table in Word: vertically merged 重点任务 cells are sections, columns map to point, 责任人 and due dates', async () => {
  const plan = await parseWorkPlanDocx(await makeTableDocx(['中共某委员会2022年工作要点任务分解表'], ROWS))
  expect(plan.year).toBe(2022)
  expect(summary(plan)).toEqual(EXPECTED)
  expect(plan.sections[0].points[0].body).toBe('组织专题学习')
  expect(plan.warnings.map((w) => w.code)).not.toContain('no_points')
})

test('the same table in Excel: merged ranges and a title row merged across', async () => {
  const plan = await parseWorkPlanXlsx(await makeTableXlsx('中共某委员会2022年工作要点任务分解表', ROWS))
  expect(plan.year).toBe(2022)
  expect(summary(plan)).toEqual(EXPECTED)
})

test('Excel dates in 完成时限 and header variants (主要任务 / 具体工作 / 牵头单位 / 配合单位 / 完成时间, any order)', async () => {
  const header = ['完成时间', '牵头单位', '具体工作', '主要任务', '配合单位']
  const rows = [
    [new Date(Date.UTC(2023, 5, 30)), '组织部', '完成换届选举', '组织建设', '各支部'],
    ['2023年12月31日', '宣传部', '开展主题党日', '组织建设', ''],
  ]
  const plan = await parseWorkPlanXlsx(await makeTableXlsx('2023年工作要点', rows, header, 3))
  expect(summary(plan)).toEqual([
    [1, '组织建设', [
      [1, '完成换届选举', ['组织部', '各支部'], true, ['2023-06-30']],
      [2, '开展主题党日', ['宣传部'], false, ['2023-12-31']],
    ]],
  ])
})

test('header rows: variants are found, an ordinary table is not a task table', () => {
  expect(findColumns([['标题'], ['序号', '工作任务', '具体措施', '责任领导', '时间节点']])?.roles).toEqual(['seq', 'title', 'body', 'responsible', 'due'])
  expect(findColumns([['序号', '重点任务', '工作内容', '责任人', '完成时限']])?.roles).toEqual(['seq', 'section', 'title', 'responsible', 'due'])
  expect(findColumns([['姓名', '性别', '出生年月'], ['张三', '男', '1980-01']])).toBeNull()
})

test('完成时限 phrases: dates in the plan year, or the right recurring hint', () => {
  const due = (cell: string) => dueHints(cell, 2022).map((h) => [h.dueOn, h.kind])
  expect(due('2022年6月底前')).toEqual([['2022-06-30', 'month']])
  expect(due('年底')).toEqual([['2022-12-31', 'year_end']])
  expect(due('七一前')).toEqual([['2022-07-01', 'july_first']])
  expect(due('9月30日前')).toEqual([['2022-09-30', 'date']])
  expect(due('全年')).toEqual([['2022-12-31', 'year_end']])
  expect(due('长期坚持')).toEqual([['2022-12-31', 'year_end']])
  expect(due('每季度')).toEqual(['03-31', '06-30', '09-30', '12-31'].map((d) => [`2022-${d}`, 'quarterly']))
})

test('running text and a task table in one Word file: both imported, a warning where they disagree', async () => {
  // The text (Word-numbered) says point 1 and 2; the table repeats 1 with another title and adds a 责任人 and point 3.
  const text = await makeNumberedDocx(['2022年工作要点', { list: 'sections', text: '政治建设' }, { list: 'points', text: '理论学习。（责任人：张三）' }, { list: 'points', text: '党史教育。' }])
  const JSZip = (await import('jszip')).default
  const table = await makeTableDocx([], [['1', '一、政治建设', '理论武装', '李四', '年底'], ['3', '一、政治建设', '主题党日', '王五', '七一']])
  // Splice the table's body after the text's paragraphs: one document holding both.
  const [a, b] = await Promise.all([JSZip.loadAsync(text), JSZip.loadAsync(table)])
  const body = (xml: string) => /<w:body>([\s\S]*)<w:sectPr/.exec(xml)![1]
  const docA = await a.file('word/document.xml')!.async('string')
  const docB = await b.file('word/document.xml')!.async('string')
  a.file('word/document.xml', docA.replace('<w:sectPr', `${body(docB)}<w:sectPr`))
  const plan = await parseWorkPlanDocx(await a.generateAsync({ type: 'nodebuffer' }))
  expect(summary(plan)).toEqual([
    [1, '政治建设', [
      [1, '理论学习', ['张三', '李四'], false, ['2022-12-31']],
      [2, '党史教育', [], false, []],
      [3, '主题党日', ['王五'], false, ['2022-07-01']],
    ]],
  ])
  expect(plan.warnings.filter((w) => w.code === 'table_text_differ').map((w) => w.message)).toEqual([
    '第 1 条：正文与任务分解表的标题不一致，已按正文导入，请核对。',
    '第 1 条：任务分解表另列了责任人，已一并导入，请核对。',
    '第 3 条只在任务分解表中出现，正文没有，已按表格导入，请核对。',
  ])
})
