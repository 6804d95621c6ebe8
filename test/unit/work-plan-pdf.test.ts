/**
 * The PDF of the 红头文件 (issue 18, item 2): text from the text layer, paragraphs rebuilt from printed lines,
 * running headers, footers and page numbers dropped, a scan refused with a clear message.
 */
import { readFileSync } from 'node:fs'
import { parseWorkPlan } from '../../cloud/core/work-plans'
import { parseWorkPlanPdf, pdfParagraphs, ScannedPdfError } from '../../cloud/core/work-plans/pdf'
import { layoutPdf, makePdf } from '../support/pdf'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const source = readFileSync(SAMPLE_PLAN_TXT, 'utf8')
const paragraphs = source.split('\n').map((l) => l.trim()).filter((l) => l !== '')

test('printed lines become paragraphs again; wrapped headings join; headers, footers and page numbers go', async () => {
  const pdf = layoutPdf(['2022年工作要点', '一、加强政治建设，筑牢学会党建工作根基，全面提升组织力', '1. 强化理论武装。持续推动学习贯彻党的创新理论走深走实，重点突出学习贯彻全会精神（责任人：各支部书记）。', '2. 按期换届。'], {
    perLine: 20,
    linesPerPage: 4,
    runningHeader: '某某委员会文件',
  })
  expect(await pdfParagraphs(pdf)).toEqual([
    '2022年工作要点',
    '一、加强政治建设，筑牢学会党建工作根基，全面提升组织力',
    '1. 强化理论武装。持续推动学习贯彻党的创新理论走深走实，重点突出学习贯彻全会精神（责任人：各支部书记）。',
    '2. 按期换届。',
  ])
})

test('the sample plan printed to PDF (wrapped lines, page footers, running header) parses like its text', async () => {
  const pdf = layoutPdf(paragraphs, { runningHeader: '湖南省科协社会组织行业党委', centred: (p) => p.endsWith('文件') || p.endsWith('工作要点') })
  const fromPdf = await parseWorkPlanPdf(pdf)
  const fromText = parseWorkPlan(source)
  const outline = (p: typeof fromText) => p.sections.map((s) => [s.seq, s.title, s.points.map((pt) => [pt.seq, pt.title, pt.responsible, pt.timeHints.map((h) => h.dueOn)])])
  expect(outline(fromPdf)).toEqual(outline(fromText))
  expect([fromPdf.title, fromPdf.docNumber, fromPdf.issuedOn, fromPdf.year]).toEqual([fromText.title, fromText.docNumber, fromText.issuedOn, fromText.year])
  const running = fromPdf.warnings.find((w) => w.code === 'pdf_running_text')
  expect(running?.excerpt).toContain('— 1 —')
  expect(running?.excerpt).toContain('湖南省科协社会组织行业党委')
})

test('a scanned PDF (no text layer) is refused with the message the committee sees', async () => {
  const scan = makePdf([[], []])
  await expect(parseWorkPlanPdf(scan)).rejects.toThrow(new ScannedPdfError().message)
  expect(new ScannedPdfError().message).toBe('这是扫描件，没有可提取的文字，请上传 Word 或文字版 PDF')
})

test('bytes that are not a PDF are refused, not a crash', async () => {
  await expect(parseWorkPlanPdf(Buffer.from('%PDF-1.7 truncated'))).rejects.toThrow()
})

test('on a Node without structuredClone (the Node 16 runtime WeChat still offers) a PDF is refused with what to do, not as damaged', async () => {
  const saved = globalThis.structuredClone
  try {
    ;(globalThis as { structuredClone?: unknown }).structuredClone = undefined
    await expect(parseWorkPlanPdf(layoutPdf(['2022年工作要点', '一、总体', '1. 甲。']))).rejects.toThrow('低于 Node.js 18')
  } finally {
    globalThis.structuredClone = saved
  }
})
