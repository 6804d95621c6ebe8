/**
 * A .docx work plan: its raw text (one paragraph per line, as Word holds them) goes through the same parser as
 * pasted text. Word files carry the same page-break damage as PDFs when they were made from one, so nothing
 * .docx-specific happens after extraction. mammoth reads the OOXML in memory; no file system access here.
 * mammoth is loaded on first use: evaluating it costs about 60 ms, which every cold start of the api function
 * would otherwise pay, whatever the action.
 */
import { parseWorkPlan } from './parse'
import type { ParsedPlan, ParseOptions } from './types'

/** The plain text of a .docx (paragraphs separated by blank lines). Throws when the buffer is not a .docx. */
export async function docxText(buffer: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth')
  const { value } = await mammoth.extractRawText({ buffer })
  return value
}

export async function parseWorkPlanDocx(buffer: Buffer, options: ParseOptions = {}): Promise<ParsedPlan> {
  return parseWorkPlan(await docxText(buffer), options)
}
