/**
 * The document's head: everything before the first section. A plan often arrives inside its covering notice
 * (红头: "…委员会文件", the document number, "关于印发《…工作要点》的通知", the salutation, the notice text, the
 * issuer and the date) followed by the plan's own title and its introduction. The plan's title is what we want,
 * not the notice's.
 */
import { asciiDigits, chineseNumber, joinParagraph } from './text'
import { isoDate } from './time-hints'
import type { IsoDate, PlanWarning } from './types'

export interface Header {
  title: string
  docNumber: string | null
  issuer: string | null
  issuedOn: IsoDate | null
  /** The year the title names, if any (the caller decides between it, the date and an explicit option). */
  titleYear: number | null
  intro: string
  warnings: PlanWarning[]
}

/** 湘科协社党发〔2021〕1号, 赣科社党字〔2022〕2号 — with any of the brackets editors substitute for 〔〕. */
const DOC_NUMBER = /[\p{Script=Han}]{2,}\s*[〔［[【(（]\s*\d{4}\s*[〕］\]】)）]\s*(?:第\s*)?\d+\s*号/u

/** A line that is only a date: "2021 年 2 月 25 日", "2021年2月25日", "二〇二一年二月二十五日". */
const DATE_LINE = /^((?:\d|[０-９]){4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u

export function parseDateLine(line: string): IsoDate | null {
  const m = DATE_LINE.exec(line.trim())
  if (!m) return null
  const [y, mo, d] = [m[1], m[2], m[3]].map((s) => chineseNumber(asciiDigits(s)))
  return y === null || mo === null || d === null ? null : isoDate(y, mo, d)
}

const PLAN_TITLE = /工作要点|工作计划|工作安排|要点$/u
const NOTICE = /^关于|通知$|印发/u

function isPlainLabel(line: string): boolean {
  // Titles, issuers and letterheads carry no sentence punctuation.
  return !/[。，,；;：:！？!?]/u.test(line) && line.length <= 80
}

export function parseHeader(lines: string[]): Header {
  const warnings: PlanWarning[] = []
  let docNumber: string | null = null
  let issuer: string | null = null
  let issuedOn: IsoDate | null = null

  const docLine = lines.findIndex((l) => DOC_NUMBER.test(l))
  if (docLine >= 0) docNumber = DOC_NUMBER.exec(lines[docLine])![0].replace(/\s+/g, '')

  const dateLine = lines.findIndex((l) => parseDateLine(l) !== null)
  if (dateLine >= 0) {
    issuedOn = parseDateLine(lines[dateLine])
    // The issuer signs just above the date.
    const above = lines[dateLine - 1]
    if (above !== undefined && isPlainLabel(above) && above.length <= 40 && !DOC_NUMBER.test(above) && !PLAN_TITLE.test(above)) {
      issuer = above
    }
  }

  // The plan's own title: the last plain line naming a plan that is not the covering notice's title.
  let titleLine = -1
  for (let i = lines.length - 1; i >= 0; i--) {
    if (PLAN_TITLE.test(lines[i]) && !NOTICE.test(lines[i]) && isPlainLabel(lines[i])) {
      titleLine = i
      break
    }
  }
  let title = ''
  let introFrom = 0
  if (titleLine >= 0) {
    title = lines[titleLine]
    introFrom = titleLine + 1
    // A title wrapped onto two lines: its first half is a plain line right above that is nothing else.
    const above = lines[titleLine - 1]
    if (above !== undefined && titleLine - 1 !== dateLine && titleLine - 1 !== docLine && isPlainLabel(above) && !/文件$/u.test(above) && !NOTICE.test(above) && above !== issuer) {
      title = joinParagraph(above, title)
    }
  } else {
    const candidate = lines.findIndex((l, i) => i !== docLine && i !== dateLine && isPlainLabel(l) && !/文件$/u.test(l))
    if (candidate >= 0) {
      title = lines[candidate]
      introFrom = candidate + 1
    }
    warnings.push({ code: 'no_title', message: '没有找到“××年工作要点”这样的标题，请核对标题。', excerpt: title })
  }

  const introLines = lines.slice(introFrom).filter((_, k) => introFrom + k !== dateLine && introFrom + k !== docLine && lines[introFrom + k] !== issuer)
  const intro = introLines.reduce((acc, l) => joinParagraph(acc, l), '')

  // The covering notice (letterhead, the notice's title, salutation and text) is not part of the plan; it is
  // reported rather than dropped, so the committee sees everything the importer set aside.
  const used = new Set([docLine, dateLine, titleLine, titleLine >= 0 && title !== lines[titleLine] ? titleLine - 1 : -1])
  const cover = lines.filter((l, i) => i < introFrom && !used.has(i) && l !== issuer && !(titleLine < 0 && l === title))
  if (cover.length > 0) {
    warnings.push({ code: 'cover_text', message: '以下文字属于印发通知（红头、通知标题、正文等），未作为工作要点导入。', excerpt: cover.join('\n') })
  }

  if (issuer === null) {
    // Fallbacks: the letterhead "…委员会文件", else the title's part before its year ("中共…委员会 2021 年工作要点").
    const letterhead = lines.find((l) => /文件$/u.test(l) && isPlainLabel(l))
    const fromTitle = /^(.+?)\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年/u.exec(title)
    issuer = letterhead ? letterhead.replace(/\s*文件$/u, '') : fromTitle ? fromTitle[1] : null
  }

  const yearMatch = /((?:\d|[０-９]){4})\s*年/u.exec(title)
  const titleYear = yearMatch ? Number(asciiDigits(yearMatch[1])) : null

  if (docNumber === null) warnings.push({ code: 'no_doc_number', message: '没有找到发文字号（如 湘科协社党发〔2021〕1号）。', excerpt: '' })
  if (issuer === null) warnings.push({ code: 'no_issuer', message: '没有找到发文单位。', excerpt: '' })
  if (issuedOn === null) warnings.push({ code: 'no_issued_on', message: '没有找到成文日期（如 2021 年 2 月 25 日）。', excerpt: '' })

  return { title, docNumber, issuer, issuedOn, titleYear, intro, warnings }
}
