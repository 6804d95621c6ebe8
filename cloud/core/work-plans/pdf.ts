/**
 * A .pdf work plan — the 红头文件 as issued, printed from Word. Its text layer has one item per run of text and no
 * paragraphs: every printed line is separate, long headings wrap, and each page repeats a running header, a footer
 * and its page number. This module reads the text layer with PDF.js (through unpdf's serverless build, which runs
 * in a cloud function without a browser or canvas), rebuilds paragraphs from the line positions, drops the running
 * text, and hands the paragraphs to the one document pipeline (document.ts).
 *
 * unpdf is loaded on first use, like exceljs and the .docx reader: PDF.js is about 1.4 MB of code that no other
 * action needs, and evaluating it on every cold start would slow every action.
 */
import { parsePlanDocument } from './document'
import { isPageNumber, normaliseSpaces } from './text'
import type { ParsedPlan, ParseOptions, PlanWarning } from './types'

/** The bytes are not a PDF, or one PDF.js cannot open (damaged, password-protected). */
export class NotPdfError extends Error {}
/** A PDF without a text layer: a scan. Nothing to read without OCR. */
export class ScannedPdfError extends Error {
  constructor() {
    super('这是扫描件，没有可提取的文字，请上传 Word 或文字版 PDF')
  }
}

/** The function runs on a Node too old for PDF.js. */
export class PdfRuntimeError extends Error {
  constructor() {
    super('云函数的运行环境过旧（低于 Node.js 18），无法读取 PDF，请改用 Word 文件，或请管理员把 api 云函数的运行环境改为 Node.js 18 以上')
  }
}

export interface PdfLine {
  page: number
  /** Left and right ends of the line, and its baseline, in PDF points (y grows upwards). */
  x: number
  right: number
  y: number
  /** The font size (height of the line's text). */
  size: number
  text: string
}

interface PageLines {
  lines: PdfLine[]
  /** The page box: [x0, y0, x1, y1]. */
  box: number[]
}

interface TextItem {
  str: string
  transform: number[]
  width: number
  height: number
}

/** The text layer of every page, as lines: items on one baseline, left to right. */
async function readPages(bytes: Uint8Array): Promise<PageLines[]> {
  // PDF.js 5 needs Node 17+ (structuredClone carries its in-process worker's messages); WeChat's cloud still offers
  // Node 16 runtimes, where a PDF cannot be read — say so rather than call the file damaged.
  if (typeof structuredClone !== 'function') throw new PdfRuntimeError()
  // unpdf's serverless build of PDF.js: the worker runs in-process, no canvas, no DOM.
  const { getDocument } = await import('unpdf/pdfjs')
  let doc
  try {
    doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  } catch {
    throw new NotPdfError('PDF.js could not open the file')
  }
  try {
    const pages: PageLines[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      const items = (content.items as TextItem[]).filter((it) => typeof it.str === 'string' && it.str !== '')
      const lines: PdfLine[] = []
      // Items sorted top to bottom, then left to right; an item within half a line's height of a line's baseline
      // belongs to it (superscripts and mixed fonts sit a little off the baseline).
      const sorted = items
        .map((it) => ({ x: it.transform[4], y: it.transform[5], size: Math.abs(it.transform[3]) || it.height || 10, width: it.width, str: it.str }))
        .sort((a, b) => b.y - a.y || a.x - b.x)
      let current: (PdfLine & { parts: { x: number; str: string }[] }) | null = null
      for (const it of sorted) {
        if (current && Math.abs(current.y - it.y) <= Math.max(current.size, it.size) * 0.5) {
          current.parts.push({ x: it.x, str: it.str })
          current.x = Math.min(current.x, it.x)
          current.right = Math.max(current.right, it.x + it.width)
          current.size = Math.max(current.size, it.size)
          continue
        }
        current = { page: n, x: it.x, right: it.x + it.width, y: it.y, size: it.size, text: '', parts: [{ x: it.x, str: it.str }] }
        lines.push(current)
      }
      for (const l of lines as (PdfLine & { parts?: { x: number; str: string }[] })[]) {
        l.text = normaliseSpaces(l.parts!.sort((a, b) => a.x - b.x).map((p) => p.str).join(''))
        delete l.parts
      }
      pages.push({ lines: lines.filter((l) => l.text !== ''), box: page.view })
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

/** A running header or footer line: its text with the digits masked, so "— 3 —" and "— 4 —" are one line. */
const mask = (text: string) => text.replace(/[0-9０-９]+/g, '#')

/**
 * Drops what the printer put on every page rather than what the author wrote: page numbers anywhere in the top or
 * bottom margin band, and lines in those bands that repeat (digits aside) on at least two pages.
 */
export function dropRunningText(pages: PageLines[], warnings: PlanWarning[]): PdfLine[][] {
  const band = (p: PageLines, l: PdfLine) => {
    const height = p.box[3] - p.box[1] || 842
    return l.y > p.box[1] + height * 0.9 || l.y < p.box[1] + height * 0.1
  }
  const seen = new Map<string, Set<number>>()
  pages.forEach((p, i) => {
    for (const l of p.lines) if (band(p, l)) seen.set(mask(l.text), (seen.get(mask(l.text)) ?? new Set()).add(i))
  })
  const dropped: string[] = []
  const out = pages.map((p) =>
    p.lines.filter((l) => {
      const running = band(p, l) && (isPageNumber(l.text) || (pages.length > 1 && (seen.get(mask(l.text))?.size ?? 0) >= 2))
      if (running) dropped.push(l.text)
      return !running
    }),
  )
  if (dropped.length > 0) {
    warnings.push({ code: 'pdf_running_text', message: `去掉了 PDF 每页重复的页眉、页脚和页码 ${dropped.length} 行。`, excerpt: [...new Set(dropped)].slice(0, 10).join(' | ') })
  }
  return out
}

const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|(?:\d|[０-９]){1,3}\s*[.．、](?![\d０-９]))/u

/**
 * Paragraphs from printed lines. A line continues the paragraph above when that line ran to the right margin and
 * this one starts at the left margin without a number; a first-line indent, a short line above (the end of a
 * paragraph), a number (一、 1. （一）), or a gap of more than a line and a half starts a new one. Across a page
 * break the same rule holds, so a paragraph cut by the page joins up again.
 */
export function rebuildParagraphs(pages: PdfLine[][]): string[] {
  const all = pages.flat()
  if (all.length === 0) return []
  // The text block's edges: the most common left end and the farthest right end of ordinary lines.
  const lefts = new Map<number, number>()
  for (const l of all) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1)
  const left = [...lefts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0]
  const rights = all.map((l) => l.right).sort((a, b) => a - b)
  const right = rights[Math.floor(rights.length * 0.9)]

  const paragraphs: string[] = []
  let prev: PdfLine | null = null
  for (const line of all) {
    const char = line.size || 10
    const indented = line.x > left + char * 0.8
    const prevFull = prev !== null && prev.right >= right - char * 1.5
    const gap = prev !== null && prev.page === line.page && prev.y - line.y > Math.max(prev.size, line.size) * 2.2
    const startsNew = prev === null || indented || !prevFull || gap || NUMBERED.test(line.text) || prev.x > left + char * 4
    if (startsNew) paragraphs.push(line.text)
    else {
      const before = paragraphs[paragraphs.length - 1]
      // A Latin or digit word wrapped at the margin gets its space back; Chinese text joins directly.
      const latin = /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(line.text)
      paragraphs[paragraphs.length - 1] = before + (latin ? ' ' : '') + line.text
    }
    prev = line
  }
  return paragraphs
}

/** The paragraphs of a PDF's text layer, running headers and footers dropped. Throws NotPdfError / ScannedPdfError. */
export async function pdfParagraphs(bytes: Uint8Array, warnings: PlanWarning[] = []): Promise<string[]> {
  // A copy as a plain Uint8Array: PDF.js refuses a Buffer and takes ownership of (detaches) what it is given.
  const pages = await readPages(new Uint8Array(bytes))
  const letters = pages.reduce((n, p) => n + p.lines.reduce((k, l) => k + l.text.replace(/\s/g, '').length, 0), 0)
  // A scan has no text layer, or only a few stray characters per page (a stamp's OCR, a page number).
  if (letters < Math.max(20, pages.length * 5)) throw new ScannedPdfError()
  return rebuildParagraphs(dropRunningText(pages, warnings))
}

export async function parseWorkPlanPdf(buffer: Buffer | Uint8Array, options: ParseOptions = {}): Promise<ParsedPlan> {
  const warnings: PlanWarning[] = []
  const paragraphs = await pdfParagraphs(buffer, warnings)
  const plan = parsePlanDocument(paragraphs.map((text) => ({ kind: 'paragraph', text })), options)
  return { ...plan, warnings: [...warnings, ...plan.warnings] }
}
