/**
 * One plan, five files (issue 18, "done when"): the sample plan as text, as a Word file with Word's own list
 * numbering, printed to PDF (wrapped lines, running header, page footers), and as a 任务分解表 in Word and in Excel.
 * Every file goes through the importer's one entry (file.ts, as the parse action and plan:parse do) and must give
 * the same sections, point titles, 责任人 and due dates.
 */
import { readFileSync } from 'node:fs'
import type { ParsedPlan } from '../../cloud/core/work-plans'
import { parseWorkPlanFile } from '../../cloud/core/work-plans/file'
import { asWordNumbering, makeNumberedDocx } from '../support/numbered-docx'
import { layoutPdf } from '../support/pdf'
import { makeTableDocx, makeTableXlsx, planRows } from '../support/plan-tables'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const source = readFileSync(SAMPLE_PLAN_TXT)
const paragraphs = source.toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '')

const outline = (plan: ParsedPlan) => ({
  year: plan.year,
  sections: plan.sections.map((s) => ({
    seq: s.seq,
    title: s.title,
    points: s.points.map((p) => ({ seq: p.seq, title: p.title, responsible: p.responsible, forAllBranches: p.forAllBranches, due: p.timeHints.map((h) => h.dueOn) })),
  })),
})

test('the same plan in .txt, numbered .docx, .pdf, table .docx and table .xlsx gives the same sections, points, 责任人 and due dates', async () => {
  const fromText = await parseWorkPlanFile(source, 'plan.txt')
  const title = fromText.title
  const files: [string, Buffer][] = [
    ['numbered.docx', await makeNumberedDocx(asWordNumbering(paragraphs))],
    ['printed.pdf', layoutPdf(paragraphs, { runningHeader: '湖南省科协社会组织行业党委', centred: (p) => p.endsWith('文件') || p.endsWith('工作要点') })],
    ['table.docx', await makeTableDocx([title], planRows(fromText))],
    ['table.xlsx', await makeTableXlsx(`${title}任务分解表`, planRows(fromText))],
  ]
  const expected = outline(fromText)
  expect(expected.sections.flatMap((s) => s.points)).toHaveLength(10)
  // The sample has due dates to carry (春节, 七一, 按期), not only titles.
  expect(expected.sections.flatMap((s) => s.points.flatMap((p) => p.due))).toEqual(expect.arrayContaining(['2021-02-12', '2021-07-01', null]))
  for (const [name, bytes] of files) {
    const plan = await parseWorkPlanFile(bytes, name)
    expect({ name, ...outline(plan) }).toEqual({ name, ...expected })
  }
})
