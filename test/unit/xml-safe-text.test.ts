/**
 * Issue 15 item 4: a join name with U+0007 made the record book's word/document.xml malformed (Word refuses the
 * whole file). Text from callers drops the characters XML 1.0 cannot carry, and the .docx/.xlsx writers drop them
 * from values stored before that (legacy data), so no stored value can break a file.
 */
import JSZip from 'jszip'
import { SaxesParser } from 'saxes'
import { schemas } from '../../types/actions'
import { text, xmlSafe } from '../../types/schema-kit'
import { buildRecordBook, type BookEntry } from '../../cloud/core/dashboard/record-book'
import { buildWorkbook, type AssessmentRow } from '../../cloud/core/dashboard/workbook'
import { ACTIVITY_TYPES } from '../../types/domain'

// Loading docx / exceljs cold and writing a file takes seconds on a busy 2-core machine (unit default is 5 s).
const WRITER_MS = 60_000
const BAD = '\u0000\u0007\u000B\u000C\u001B\uFFFE\uFFFF\uDFFF\uD800'

/** Parts a strict XML 1.0 parser (saxes, the one exceljs itself uses) rejects, with its message. */
function malformed(parts: Record<string, string>): string[] {
  const bad: string[] = []
  for (const [name, xml] of Object.entries(parts)) {
    const p = new SaxesParser()
    const errors: string[] = []
    p.on('error', (e) => errors.push(e.message))
    p.write(xml).close()
    if (errors.length) bad.push(`${name}: ${errors[0]}`)
  }
  return bad
}

async function partsOf(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes)
  const out: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = await zip.file(name)!.async('string')
  return out
}

describe('text from callers drops XML-invalid characters', () => {
  it('strips C0 controls, U+FFFE/U+FFFF and lone surrogates but keeps tab, newline and real surrogate pairs', () => {
    expect(xmlSafe(`张${BAD}三`)).toBe('张三')
    expect(xmlSafe('第一行\n\t第二行\r')).toBe('第一行\n\t第二行\r')
    expect(xmlSafe('党旗🚩')).toBe('党旗🚩')
    expect(text('姓名', 20).parse(` 李${BAD}四 `)).toBe('李四')
  })

  it('a name made only of control characters is refused as empty, in Chinese', () => {
    const r = text('姓名', 20).safeParse('\u0007\u0007')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('请填写姓名')
  })

  it('action inputs with free text come out clean (join name, report note)', () => {
    expect(schemas['session.join'].input.parse({ code: 'ABCD2345', name: '王\u0007五' }).name).toBe('王五')
    const rec = schemas['assignments.report'].input.parse({ assignmentId: 'a1', note: '完成\u0007了', clientRequestId: 'req-12345678' })
    expect(rec.note).toBe('完成了')
  })
})

describe('the writers guard stored values', () => {
  const legacy = `张\u0007三${'\uFFFF'}`
  const entry: BookEntry = {
    id: 'a1',
    type: ACTIVITY_TYPES[0],
    topic: `学习\u0001主题`,
    place: '会议室\u001F',
    startAt: '2026-03-01T02:00:00.000Z',
    endAt: null,
    audience: '全体党员',
    host: legacy,
    recorder: null,
    lecturer: null,
    expected: 2,
    present: 1,
    attendees: [
      { name: legacy, present: true, absentReason: null },
      { name: '李四', present: false, absentReason: '出差\u0008' },
    ],
    agenda: '一、\u000B学习',
    minutes: '记录\uD800内容',
    resolutions: null,
    photos: [],
    photoTotal: 0,
    thumbs: [],
  }

  it('the record book (.docx) is well-formed XML with the text kept', async () => {
    const parts = await partsOf(await buildRecordBook([entry], new Map(), { branchName: `第一支部\u0007`, year: 2026, generatedAt: '2026-12-01T00:00:00.000Z' }))
    expect(malformed(parts)).toEqual([])
    expect(parts['word/document.xml']).toContain('张三')
    expect(parts['word/document.xml']).toContain('学习主题')
  }, WRITER_MS)

  it('the assessment workbook (.xlsx) is well-formed XML with the name kept', async () => {
    const row: AssessmentRow = {
      branchId: 'b1',
      name: `第二\u0007支部`,
      score: 80,
      recorded: 3,
      byTypeQuarter: ACTIVITY_TYPES.map(() => [0, 0, 0, 0]),
      assignments: 0,
      done: 0,
      doneLate: 0,
      overdue: 0,
      lastActivityOn: null,
    }
    const bytes = await buildWorkbook([row], { year: 2026, asOf: '2026-12-01', generatedAt: '2026-12-01T00:00:00.000Z', committeeName: '党委\uFFFE' })
    const parts = await partsOf(bytes)
    expect(malformed(parts)).toEqual([])
    expect(Object.values(parts).join('')).toContain('第二支部')
  }, WRITER_MS)
})
