/**
 * A .docx work plan. Its paragraphs, each with the list number Word shows in front of it (ooxml.ts, numbering.ts),
 * and its tables (a 任务分解表 is recognised by its header row, tables.ts) go through the one document pipeline
 * (document.ts): numbering typed by hand and numbering made by Word read alike. Word files carry the same
 * page-break damage as PDFs when they were made from one, so nothing .docx-specific happens after extraction.
 * Everything is read in memory; no file system access here.
 */
import { parsePlanDocument } from './document'
import { readDocx } from './ooxml'
import type { ParsedPlan, ParseOptions } from './types'

/** The plain text of a .docx, one paragraph a line, list numbers included. Throws when the buffer is not a .docx. */
export async function docxText(buffer: Buffer): Promise<string> {
  const lines: string[] = []
  for (const b of await readDocx(buffer)) {
    if (b.kind === 'paragraph') lines.push(b.text)
    else for (const row of b.rows) lines.push(...row.filter((c, i) => c !== '' && c !== row[i - 1]))
  }
  return lines.join('\n')
}

export async function parseWorkPlanDocx(buffer: Buffer, options: ParseOptions = {}): Promise<ParsedPlan> {
  return parsePlanDocument(await readDocx(buffer), options)
}
