/**
 * The work-plan importer: the text of a 工作要点 document becomes its sections and numbered points.
 *
 * Pure: a string in, a value out. How it reads damaged text:
 * 1. Lines are cleaned (Markdown marks, page numbers, layout spaces) and blank lines dropped — a blank line carries
 *    no meaning in text that went through a PDF.
 * 2. Each remaining line either opens a section (一、), a sub-heading (（一）), a point (1. 1、 1． "1 ."), or
 *    continues whatever came before. A continuation is joined by one rule (text.ts `joinParagraph`): after a
 *    complete sentence it is a new paragraph of the same point, otherwise the sentence (or word) carries on.
 *    That one rule mends sentences cut by a page break, words cut in two (党组 / 织), 责任人 brackets cut in two,
 *    and keeps an orphaned fragment with the point it belongs to.
 * 3. Numbers decide, not looks: a line that reads like "3. …" opens a point only if 3 is the next number (or the
 *    document restarts numbering in a new section). Otherwise it is text of the current point, with a warning.
 * 4. Whatever cannot be placed in a point becomes a warning carrying the text, never a silent loss.
 */
import { parseHeader, parseDateLine } from './header'
import { findResponsible } from './responsible'
import { asciiDigits, chineseNumber, endsSentence, isPageNumber, joinParagraph, normaliseSpaces, stripMarkdown } from './text'
import { findTimeHints } from './time-hints'
import type { ParsedPlan, ParseOptions, PlanPoint, PlanSection, PlanWarning } from './types'

/** 一、 二、 … 十二、 (also with ． . or ， after the numeral, which OCR and editors produce). */
const SECTION = /^([一二三四五六七八九十]{1,3})\s*[、．.，,]\s*(.*)$/u
/** （一） (一) — sub-headings within a section. */
const SUBHEADING = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$/u
/** 1. 1、 1． "1 ." 1，— but not 6.30 (a date) nor 1.5 (a number). */
const POINT = /^((?:\d|[０-９]){1,3})\s*[.．、，,](?![\d０-９])\s*(.*)$/u

interface OpenPoint {
  seq: number
  text: string
  subheading?: string
}

interface OpenSection {
  seq: number
  title: string
  points: OpenPoint[]
  /** Text between the heading and the first point that is not part of the heading. */
  loose: string[]
}

function cleanLines(text: string, warnings: PlanWarning[]): string[] {
  const lines: string[] = []
  const pageNumbers: string[] = []
  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    // Page numbers are recognised before Markdown is stripped: "- 2 -" is a page number, not a list item "2 -".
    const plain = normaliseSpaces(raw)
    if (isPageNumber(plain)) {
      pageNumbers.push(plain)
      continue
    }
    const line = normaliseSpaces(stripMarkdown(raw))
    if (line === '' || isPageNumber(line)) {
      if (line !== '') pageNumbers.push(line)
      continue
    }
    lines.push(line)
  }
  if (pageNumbers.length > 0) {
    warnings.push({ code: 'page_number_removed', message: `去掉了 ${pageNumbers.length} 个单独成行的页码。`, excerpt: pageNumbers.join(' | ') })
  }
  return lines
}

function sectionNumber(line: string): { seq: number; title: string } | null {
  const m = SECTION.exec(line)
  const seq = m ? chineseNumber(m[1]) : null
  return m && seq !== null && m[2] !== '' ? { seq, title: m[2] } : null
}

function pointNumber(line: string): { seq: number; text: string } | null {
  const m = POINT.exec(line)
  return m && m[2] !== '' ? { seq: Number(asciiDigits(m[1])), text: m[2] } : null
}

/** The lines that close the document rather than belong to its last point: signature, date, 抄送, 附件 … */
function splitTrailer(lines: string[]): { body: string[]; trailer: string[] } {
  let end = lines.length
  const isClosing = (l: string) => parseDateLine(l) !== null || /^(?:抄送|附件|印发|主送|联系人|联系电话|[（(]此件)/u.test(l)
  while (end > 0) {
    const line = lines[end - 1]
    if (isClosing(line)) {
      end--
      continue
    }
    // A signature: a short plain line directly above a closing date line.
    const below = lines[end]
    if (below !== undefined && parseDateLine(below) !== null && line.length <= 40 && !/[。，,；;：:]/u.test(line)) {
      end--
      continue
    }
    break
  }
  return { body: lines.slice(0, end), trailer: lines.slice(end) }
}

function firstBodyLine(lines: string[]): number {
  const section = lines.findIndex((l) => sectionNumber(l)?.seq === 1)
  const point = lines.findIndex((l) => pointNumber(l)?.seq === 1)
  if (section < 0) return point
  if (point < 0) return section
  return Math.min(section, point)
}

function splitTitle(text: string): { title: string; body: string } {
  const stop = text.indexOf('。')
  if (stop < 0) return { title: text.replace(/\n/g, ''), body: '' }
  return { title: text.slice(0, stop).replace(/\n/g, '').trim(), body: text.slice(stop + 1).trim() }
}

export function parseWorkPlan(text: string, options: ParseOptions = {}): ParsedPlan {
  const warnings: PlanWarning[] = []
  const all = cleanLines(text, warnings)
  const start = firstBodyLine(all)
  const headLines = start < 0 ? all : all.slice(0, start)
  const { body: bodyLines, trailer } = splitTrailer(start < 0 ? [] : all.slice(start))
  const header = parseHeader(headLines)
  warnings.push(...header.warnings.filter((w) => w.code !== 'no_issued_on'))

  let issuedOn = header.issuedOn
  const trailerDate = trailer.map(parseDateLine).find((d) => d !== null) ?? null
  if (issuedOn === null) issuedOn = trailerDate
  if (issuedOn === null) warnings.push(header.warnings.find((w) => w.code === 'no_issued_on')!)
  if (trailer.length > 0) {
    warnings.push({ code: 'trailer_text', message: '文末的落款、日期或抄送等文字未作为工作要点导入。', excerpt: trailer.join('\n') })
  }

  const year = options.year ?? header.titleYear ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null)
  if (year === null) warnings.push({ code: 'no_year', message: '没有找到工作要点所属年度，时间提示无法换算成日期。', excerpt: header.title })

  // Walk the body. The state lives in one object so the helpers below can move it on.
  const st = {
    sections: [] as OpenSection[],
    section: null as OpenSection | null,
    point: null as OpenPoint | null,
    lastPointSeq: 0,
    subheading: undefined as string | undefined,
  }
  const hasArabicPoints = bodyLines.some((l) => pointNumber(l) !== null)

  const openSection = (seq: number, title: string) => {
    st.section = { seq, title, points: [], loose: [] }
    st.sections.push(st.section)
    st.point = null
    st.subheading = undefined
  }
  const openPoint = (seq: number, text: string) => {
    if (st.section === null) {
      warnings.push({ code: 'no_sections', message: '要点前没有“一、”这样的部分标题，已放入一个未命名部分。', excerpt: '' })
      openSection(1, '')
    }
    st.point = { seq, text, subheading: st.subheading }
    st.section!.points.push(st.point)
    st.lastPointSeq = seq
  }
  /** After a complete sentence a numbered line is surely a new item; mid-sentence it may be a wrapped number. */
  const atBoundary = () => st.point === null || endsSentence(st.point.text)

  for (const line of bodyLines) {
    const sec = sectionNumber(line)
    const expectedSection = (st.sections.at(-1)?.seq ?? 0) + 1
    // A section heading is short and has no sentence in it; anything else starting "一、" is body text.
    if (sec && !sec.title.includes('。') && sec.title.length <= 60 && (sec.seq === expectedSection || atBoundary())) {
      if (sec.seq !== expectedSection) {
        warnings.push({ code: 'section_number_gap', message: `部分编号不连续：应为第 ${expectedSection} 部分，文中为“${line.slice(0, 3)}”。`, excerpt: line })
      }
      openSection(sec.seq, sec.title)
      continue
    }

    const pt = pointNumber(line)
    if (pt) {
      const restart = pt.seq === 1 && st.section !== null && st.section.points.length === 0
      const inSequence = pt.seq === st.lastPointSeq + 1 || restart
      const plausible = pt.seq > st.lastPointSeq && pt.seq <= st.lastPointSeq + 5 && atBoundary()
      if (inSequence || plausible) {
        if (!inSequence) {
          warnings.push({ code: 'point_number_gap', message: `要点编号不连续：${st.lastPointSeq} 之后是 ${pt.seq}，请核对是否漏了要点。`, excerpt: line.slice(0, 40) })
        }
        openPoint(pt.seq, pt.text)
        continue
      }
      if (st.point !== null) {
        warnings.push({ code: 'point_number_gap', message: `“${line.slice(0, 6)}”看似要点编号但不连续，已作为上一要点（第 ${st.lastPointSeq} 条）的正文。`, excerpt: line.slice(0, 40) })
      }
    }

    const sub = SUBHEADING.exec(line)
    if (sub && sub[2] !== '' && atBoundary()) {
      if (hasArabicPoints) {
        // Sub-headings group the numbered points under them; they are not points themselves.
        st.subheading = sub[2]
        st.point = null
        continue
      }
      // A plan numbered only （一）（二）… has those as its points.
      openPoint(st.lastPointSeq + 1, sub[2])
      continue
    }

    if (st.point !== null) {
      st.point.text = joinParagraph(st.point.text, line)
    } else if (st.section !== null) {
      const s = st.section
      // Directly after a heading that a page break cut: a short unpunctuated line finishes the heading.
      if (s.points.length === 0 && s.loose.length === 0 && st.subheading === undefined && line.length <= 30 && !/[。；;：:，,]/u.test(line) && s.title.length + line.length <= 60) {
        warnings.push({ code: 'section_title_joined', message: '部分标题跨行，已合并为一行，请核对。', excerpt: `${s.title} / ${line}` })
        s.title = joinParagraph(s.title, line)
      } else {
        s.loose.push(line)
      }
    } else {
      // Cannot happen (the body starts at a section or point 1), but never drop text on a wrong assumption.
      warnings.push({ code: 'unplaced_text', message: '有文字不属于任何部分或要点，未导入。', excerpt: line })
    }
  }

  const out: PlanSection[] = st.sections.map((s) => {
    if (s.loose.length > 0) {
      warnings.push({ code: 'unplaced_text', message: `第 ${s.seq} 部分“${s.title}”中有文字不属于任何编号要点，未导入。`, excerpt: s.loose.join('\n') })
    }
    return { seq: s.seq, title: s.title, points: s.points.map((p) => finishPoint(p, year, warnings)) }
  })

  if (out.every((s) => s.points.length === 0)) {
    warnings.push({ code: 'no_points', message: '没有找到任何编号的工作要点（如“1.”“2、”）。', excerpt: '' })
  }

  return {
    title: header.title,
    docNumber: header.docNumber,
    issuer: header.issuer,
    issuedOn,
    year,
    intro: header.intro,
    sections: out,
    warnings,
  }
}

function finishPoint(p: OpenPoint, year: number | null, warnings: PlanWarning[]): PlanPoint {
  const { title, body } = splitTitle(p.text)
  if (!p.text.includes('。') && p.text.length > 60) {
    warnings.push({ code: 'no_title_sentence', message: `第 ${p.seq} 条没有句号，整段作为标题，请拆分标题与正文。`, excerpt: p.text.slice(0, 60) })
  }
  const who = findResponsible(p.text)
  warnings.push(...who.warnings.map((w) => ({ ...w, message: `第 ${p.seq} 条：${w.message}` })))
  const point: PlanPoint = {
    seq: p.seq,
    title,
    body,
    responsible: who.responsible,
    forAllBranches: who.forAllBranches,
    timeHints: findTimeHints(p.text, year),
  }
  if (p.subheading !== undefined) point.subheading = p.subheading
  return point
}
