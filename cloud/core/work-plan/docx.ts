/**
 * A .docx work plan. Its paragraphs, each with the list number Word shows in front of it (ooxml.ts, numbering.ts),
 * become text for the same parser as pasted text: numbering typed by hand and numbering made by Word read alike.
 * Word files carry the same page-break damage as PDFs when they were made from one, so nothing .docx-specific
 * happens after extraction. Everything is read in memory; no file system access here.
 */
import { readDocx, type DocxBlock } from './ooxml'
import { parseWorkPlan } from './parse'
import type { ParsedPlan, ParseOptions } from './types'

function blocksText(blocks: DocxBlock[]): string {
  const lines: string[] = []
  for (const b of blocks) {
    if (b.kind === 'paragraph') lines.push(b.text)
    else for (const row of b.rows) for (const cell of row.filter((c, i) => c !== row[i - 1])) lines.push(cell)
  }
  return lines.join('\n')
}

/** The plain text of a .docx, one paragraph a line, list numbers included. Throws when the buffer is not a .docx. */
export async function docxText(buffer: Buffer): Promise<string> {
  return blocksText(await readDocx(buffer))
}

export async function parseWorkPlanDocx(buffer: Buffer, options: ParseOptions = {}): Promise<ParsedPlan> {
  return parseWorkPlan(await docxText(buffer), options)
}
