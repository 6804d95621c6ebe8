/**
 * A .docx plan parses like its text. The document is built by test/support/docx.ts, each paragraph in several runs
 * the way Word stores edited text, with a page break inside a paragraph — as a Word file made from the PDF would have it.
 */
import { readFileSync } from 'node:fs'
import { parseWorkPlan, parseWorkPlanDocx } from '../../cloud/core/work-plans'
import { makeDocx } from '../support/docx'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const FIXTURE = SAMPLE_PLAN_TXT
const source = readFileSync(FIXTURE, 'utf8')

/** The fixture's paragraphs (its non-blank lines). */
const paragraphs = source.split('\n').filter((l) => l.trim() !== '')

test('a .docx of the fixture parses exactly like its text', async () => {
  const fromDocx = await parseWorkPlanDocx(await makeDocx(paragraphs))
  expect(fromDocx).toEqual(parseWorkPlan(source))
  expect(fromDocx.sections.flatMap((s) => s.points)).toHaveLength(10)
})

test('Word paragraphs with the page-break damage of the PDF still mend (a bracket split across paragraphs)', async () => {
  const plan = await parseWorkPlanDocx(
    await makeDocx(['2022 年工作要点', '一、总体', '1. 甲。正文(责任', '人:张三、各党支部)。', '2. 乙。年底前完成。']),
  )
  expect(plan.sections[0].points.map((p) => [p.seq, p.title, p.responsible, p.forAllBranches])).toEqual([
    [1, '甲', ['张三', '各党支部'], true],
    [2, '乙', [], false],
  ])
  expect(plan.sections[0].points[1].timeHints).toEqual([{ phrase: '年底', dueOn: '2022-12-31', kind: 'year_end' }])
})

test('a buffer that is not a .docx is refused', async () => {
  await expect(parseWorkPlanDocx(Buffer.from('not a zip'))).rejects.toThrow()
})
