/**
 * `npm run plan:parse -- <file>` in a child process, as a committee member or a script would run it: JSON on
 * stdout and exit 0 for a plan; exit 2 and a Chinese message on stderr for a missing, empty or pointless file.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { parseWorkPlan } from '../../cloud/core/work-plans'
import { layoutPdf, makePdf } from '../support/pdf'
import { makeTableXlsx } from '../support/plan-tables'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const root = path.resolve(__dirname, '../..')
const FIXTURE = SAMPLE_PLAN_TXT
const dir = mkdtempSync(path.join(tmpdir(), 'plan-parse-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function planParse(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/plan-parse.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

jest.setTimeout(120_000)

test('the fixture: exit 0 and the parsed plan as JSON', () => {
  const r = planParse(FIXTURE)
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  expect(JSON.parse(r.stdout)).toEqual(parseWorkPlan(readFileSync(FIXTURE, 'utf8')))
  expect(r.stdout).toContain('"title": "中共湖南省科学技术协会社会组织行业委员会 2021 年工作要点"')
})

test('a .docx: exit 0, read by its content', async () => {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  const paras = ['2022 年工作要点', '一、总体', '1. 甲。正文（责任人：张三）。']
  zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`)
  const file = path.join(dir, '计划.docx')
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }))
  const r = planParse(file)
  expect(r.code).toBe(0)
  expect(JSON.parse(r.stdout).sections[0].points[0]).toMatchObject({ seq: 1, title: '甲', responsible: ['张三'] })
})

test('an empty file: exit 2 with a message', () => {
  const file = path.join(dir, 'empty.txt')
  writeFileSync(file, '')
  const r = planParse(file)
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toContain('文件是空的')
})

test('a missing file: exit 2 with a message', () => {
  const r = planParse(path.join(dir, 'nope.txt'))
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('找不到文件')
})

test('a text without points, a fake .docx, no argument: exit 2 with a message', () => {
  const text = path.join(dir, 'note.txt')
  writeFileSync(text, '只是一段话。\n')
  expect(planParse(text)).toMatchObject({ code: 2, stderr: expect.stringContaining('没有找到任何编号的工作要点') })
  const fake = path.join(dir, 'fake.docx')
  writeFileSync(fake, '一、总体\n1. 甲。')
  expect(planParse(fake)).toMatchObject({ code: 2, stderr: expect.stringContaining('不是 Word 文档') })
  expect(planParse()).toMatchObject({ code: 2, stderr: expect.stringContaining('用法') })
})

test('a GB18030 text file is read too', () => {
  // "一、总体\n1. 甲。\n" as older Windows tools save Chinese text (GBK, a subset of GB18030): 一 = D2 BB, 、 = A1 A2 …
  const file = path.join(dir, 'gbk.txt')
  writeFileSync(file, Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0x0a, 0x31, 0x2e, 0x20, 0xbc, 0xd7, 0xa1, 0xa3, 0x0a]))
  const r = planParse(file)
  expect(r.code).toBe(0)
  expect(JSON.parse(r.stdout).sections).toMatchObject([{ seq: 1, title: '总体', points: [{ seq: 1, title: '甲' }] }])
})

test('a .pdf and an .xlsx task table: exit 0; a scanned PDF and an old .doc: exit 2 with the reason', async () => {
  const pdf = path.join(dir, '计划.pdf')
  writeFileSync(pdf, layoutPdf(['2022年工作要点', '一、总体', '1. 甲。正文（责任人：张三）。']))
  const r = planParse(pdf)
  expect(r.stderr).toBe('')
  expect(JSON.parse(r.stdout).sections[0].points[0]).toMatchObject({ seq: 1, title: '甲', responsible: ['张三'] })

  const xlsx = path.join(dir, '任务分解表.xlsx')
  writeFileSync(xlsx, await makeTableXlsx('2022年工作要点任务分解表', [['1', '一、总体', '甲。正文', '张三', '年底']]))
  const x = planParse(xlsx)
  expect(x.stderr).toBe('')
  expect(JSON.parse(x.stdout).sections[0].points[0]).toMatchObject({ seq: 1, title: '甲', responsible: ['张三'], timeHints: [{ dueOn: '2022-12-31' }] })

  const scan = path.join(dir, 'scan.pdf')
  writeFileSync(scan, makePdf([[]]))
  expect(planParse(scan)).toMatchObject({ code: 2, stderr: expect.stringContaining('这是扫描件，没有可提取的文字，请上传 Word 或文字版 PDF') })
  const doc = path.join(dir, 'old.doc')
  writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
  expect(planParse(doc)).toMatchObject({ code: 2, stderr: expect.stringContaining('另存为 .docx') })
})
