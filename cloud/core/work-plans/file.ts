/**
 * A work-plan file, whatever its format: .txt, .docx (running text with typed or Word numbering, task tables),
 * .xlsx (任务分解表) or .pdf (text layer). The content decides, not the name — a renamed file still reads — and
 * every file the importer cannot read is refused with a PlanFileError whose message tells the committee what to do.
 * Used by the workPlans.parse action and by `npm run plan:parse`, so both accept and refuse the same files.
 */
import { parseWorkPlanDocx } from './docx'
import { NotDocxError } from './ooxml'
import { parseWorkPlan } from './parse'
import { NotPdfError, parseWorkPlanPdf, PdfRuntimeError, ScannedPdfError } from './pdf'
import type { ParsedPlan, ParseOptions } from './types'
import { NotXlsxError, parseWorkPlanXlsx } from './xlsx'

export type PlanFileFormat = 'txt' | 'docx' | 'xlsx' | 'pdf'

/** The formats the import page offers, and the largest file it takes (a 60-page plan as a PDF is about 2 MB). */
export const PLAN_FILE_EXTENSIONS: readonly PlanFileFormat[] = ['txt', 'docx', 'pdf', 'xlsx']
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024

export class PlanFileError extends Error {}

/** UTF-8 first (with or without BOM); text saved by older Windows tools is often GB18030, so try that next. */
export function decodeText(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes)
    } catch {
      // the next encoding
    }
  }
  throw new PlanFileError('文件既不是 UTF-8 也不是 GB18030 编码的文本，无法读取。')
}

/** What the bytes are: zip packages are told apart by their main part, the rest by their signature. */
async function sniff(bytes: Buffer): Promise<PlanFileFormat | 'ole' | 'zip' | 'binary'> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { default: JSZip } = await import('jszip')
    try {
      const zip = await JSZip.loadAsync(bytes)
      if (zip.file('word/document.xml')) return 'docx'
      if (zip.file('xl/workbook.xml')) return 'xlsx'
    } catch {
      // a damaged zip: reported below by the name it claims
    }
    return 'zip'
  }
  // Text has no NUL bytes; anything with them in its first kilobytes is some other binary format.
  return bytes.subarray(0, 4096).includes(0) ? 'binary' : 'txt'
}

const FORMAT_NAMES: Record<string, string> = { docx: 'Word 文档', xlsx: 'Excel 表格', pdf: 'PDF 文件' }

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name)
  return m ? m[1].toLowerCase() : ''
}

/** The format a file is, or a PlanFileError saying why it cannot be imported. */
export async function planFileFormat(bytes: Buffer, name: string): Promise<PlanFileFormat> {
  const ext = extensionOf(name)
  if (bytes.length === 0) throw new PlanFileError('文件是空的，请重新选择。')
  if (bytes.length > MAX_PLAN_FILE_BYTES) throw new PlanFileError(`文件超过 ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB，请删去图片后再上传。`)
  const kind = await sniff(bytes)
  if (kind === 'ole' || ext === 'doc' || ext === 'xls' || ext === 'wps' || ext === 'et') {
    throw new PlanFileError('不支持旧版 .doc / .xls / WPS 文件，请在 Word、Excel 或 WPS 中另存为 .docx 或 .xlsx 后再上传。')
  }
  if (kind === 'zip') {
    throw new PlanFileError(ext === 'docx' || ext === 'xlsx' ? `无法读取这个 .${ext} 文件，请确认文件没有损坏。` : '这个压缩文件不是 Word（.docx）或 Excel（.xlsx）文件。')
  }
  if (kind === 'binary') {
    throw new PlanFileError(FORMAT_NAMES[ext] ? `文件扩展名是 .${ext}，但内容不是 ${FORMAT_NAMES[ext]}，请确认文件没有损坏。` : '只支持 .txt、.docx、.pdf、.xlsx 文件。')
  }
  if (kind === 'txt' && FORMAT_NAMES[ext]) throw new PlanFileError(`文件扩展名是 .${ext}，但内容是纯文本，不是 ${FORMAT_NAMES[ext]}。`)
  return kind
}

/** Reads and parses a plan file; throws PlanFileError for every file it cannot import (never another error). */
export async function parseWorkPlanFile(bytes: Buffer, name: string, options: ParseOptions = {}): Promise<ParsedPlan> {
  const format = await planFileFormat(bytes, name)
  try {
    switch (format) {
      case 'txt': {
        const text = decodeText(bytes)
        if (text.trim() === '') throw new PlanFileError('文件没有文字内容。')
        return parseWorkPlan(text, options)
      }
      case 'docx':
        return await parseWorkPlanDocx(bytes, options)
      case 'xlsx': {
        const plan = await parseWorkPlanXlsx(bytes, options)
        if (plan.sections.every((s) => s.points.length === 0)) {
          throw new PlanFileError('表格中没有找到任务分解表：第一行之下应有“序号、工作任务（或工作内容）、责任单位、完成时限”这样的表头。')
        }
        return plan
      }
      case 'pdf':
        return await parseWorkPlanPdf(bytes, options)
    }
  } catch (e) {
    if (e instanceof PlanFileError) throw e
    if (e instanceof ScannedPdfError || e instanceof PdfRuntimeError) throw new PlanFileError(e.message)
    if (e instanceof NotPdfError) throw new PlanFileError('无法读取这个 PDF 文件（文件损坏或设置了打开密码），请另存一份再上传。')
    if (e instanceof NotDocxError) throw new PlanFileError('无法读取这个 .docx 文件，请确认文件没有损坏。')
    if (e instanceof NotXlsxError) throw new PlanFileError('无法读取这个 .xlsx 文件，请确认文件没有损坏。')
    throw new PlanFileError(`无法读取这个 .${format} 文件，请确认文件没有损坏。`)
  }
}
