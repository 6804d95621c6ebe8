/**
 * A .docx plan parses like its text. The document is built here: the minimal OOXML parts written into a zip with
 * jszip (already installed as mammoth's own dependency), each paragraph split into several runs the way Word
 * stores edited text, with a page break inside a paragraph — as a Word file made from the PDF would have it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { parseWorkPlan, parseWorkPlanDocx } from '../../cloud/core/work-plan'

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/hunan-2021-work-plan.txt')
const source = readFileSync(FIXTURE, 'utf8')

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function run(text: string): string {
  return `<w:r><w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
}

/** A paragraph in runs of at most 17 characters, as Word splits text that was edited or formatted in pieces. */
function paragraph(text: string): string {
  const runs: string[] = []
  for (let i = 0; i < text.length; i += 17) runs.push(run(text.slice(i, i + 17)))
  return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.join('')}</w:p>`
}

async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  )
  const body = paragraphs.map(paragraph).join('')
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

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
