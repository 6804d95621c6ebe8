/**
 * A 任务分解表 built in the test, in Word (docx: vertically merged 重点任务 cells) and in Excel (exceljs: merged
 * ranges and a title row merged across), from rows the test gives or from a parsed plan.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import ExcelJS from 'exceljs'
import type { ParsedPlan } from '../../cloud/core/work-plans'

export const HEADER = ['序号', '重点任务', '工作内容', '责任单位/责任人', '完成时限']

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** A plan as a task table: one row per point, its section's title in 重点任务, 责任人 and time words in their columns. */
export function planRows(plan: ParsedPlan): string[][] {
  return plan.sections.flatMap((s) =>
    s.points.map((p) => [
      String(p.seq),
      `${CN[s.seq]}、${s.title}`,
      `${p.title}。${p.body.replace(/[（(]\s*责\s*任[^）)]*[）)]/gu, '')}`,
      p.responsible.join('、'),
      [...new Set(p.timeHints.map((h) => h.phrase.replace(/[“”"]/g, '')))].join('、'),
    ]),
  )
}

/** Runs of equal values in a column (merged cells): [first row, last row] pairs. */
function runs(rows: string[][], col: number): [number, number][] {
  const out: [number, number][] = []
  rows.forEach((r, i) => {
    const last = out.at(-1)
    if (last && rows[last[1]][col] === r[col]) last[1] = i
    else out.push([i, i])
  })
  return out
}

export async function makeTableDocx(titleLines: string[], rows: string[][], header = HEADER, mergeCol = 1): Promise<Buffer> {
  const merged = runs(rows, mergeCol)
  const cell = (text: string, rowSpan?: number) =>
    new TableCell({ children: text.split('\n').map((t) => new Paragraph({ children: [new TextRun(t)] })), rowSpan })
  const tableRows = [
    new TableRow({ tableHeader: true, children: header.map((h) => cell(h)) }),
    ...rows.map(
      (r, i) =>
        new TableRow({
          children: r.flatMap((text, c) => {
            if (c !== mergeCol) return [cell(text)]
            const run = merged.find(([a]) => a === i)
            return run ? [cell(text, run[1] - run[0] + 1)] : []
          }),
        }),
    ),
  ]
  const doc = new Document({
    sections: [
      {
        children: [
          ...titleLines.map((t) => new Paragraph({ children: [new TextRun(t)] })),
          new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

export async function makeTableXlsx(title: string, rows: (string | Date)[][], header = HEADER, mergeCol = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务分解表')
  ws.addRow([title])
  ws.mergeCells(1, 1, 1, header.length)
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  // Merge the 重点任务 column down its runs, as an office does: only the first cell of a run keeps its value.
  for (const [a, b] of runs(rows as string[][], mergeCol)) if (b > a) ws.mergeCells(a + 3, mergeCol + 1, b + 3, mergeCol + 1)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
