/**
 * A .xlsx 任务分解表. Each worksheet becomes a table (merged cells filled in from their master cell, as the reader
 * sees them) and goes through the one document pipeline (document.ts). exceljs is loaded on first use, so the api
 * function's cold start does not pay for it.
 */
import { parsePlanDocument, type DocumentBlock } from './document'
import type { ParsedPlan, ParseOptions } from './types'

/** Thrown when the bytes are not an Excel workbook. */
export class NotXlsxError extends Error {}

/** A cell as text: rich text and formulas by their shown text; a date as the date a reader sees (Excel has no zone). */
function cellText(value: unknown, text: string): string {
  if (value instanceof Date) return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`
  if (value !== null && typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result
    return result instanceof Date ? cellText(result, '') : String(result ?? '')
  }
  return text ?? ''
}

export async function xlsxTables(buffer: Buffer): Promise<string[][][]> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer) that a Node Buffer does not match; at runtime it reads a
    // Node Buffer (JSZip underneath), and a copy into an ArrayBuffer would double a large workbook's memory.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    throw new NotXlsxError('not an xlsx workbook')
  }
  const tables: string[][][] = []
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return
    const rows: string[][] = []
    const width = sheet.columnCount
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r)
      const cells: string[] = []
      for (let c = 1; c <= width; c++) {
        const master = row.getCell(c).master
        cells.push(cellText(master.value, master.text).trim())
      }
      rows.push(cells)
    }
    tables.push(rows)
  })
  return tables
}

export async function parseWorkPlanXlsx(buffer: Buffer, options: ParseOptions = {}): Promise<ParsedPlan> {
  const blocks: DocumentBlock[] = (await xlsxTables(buffer)).map((rows) => ({ kind: 'table', rows }))
  return parsePlanDocument(blocks, options)
}
