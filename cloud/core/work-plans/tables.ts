/**
 * A 任务分解表 (task breakdown table): many committees circulate the plan as a table, in Word or Excel —
 * 序号 | 重点任务 (merged down its rows) | 工作内容 | 具体措施 | 责任单位 / 责任人 | 完成时限. This module recognises such
 * a table by its header row and turns its rows into the same sections and points the text parser makes. The cells
 * come in with merged cells already filled in (ooxml.ts for Word, xlsx.ts for Excel).
 *
 * Pure: rows of strings in, sections and warnings out.
 */
import { findResponsible } from './responsible'
import { asciiDigits, chineseNumber, lettersOnly, normaliseSpaces } from './text'
import { findTimeHints } from './time-hints'
import type { IsoDate, PlanPoint, PlanSection, PlanWarning, TimeHint } from './types'

export type ColumnRole = 'seq' | 'section' | 'title' | 'body' | 'responsible' | 'due'

/** Header words per role, most specific first. A header cell takes the first role it matches. */
const HEADER_WORDS: [ColumnRole, RegExp][] = [
  ['seq', /^(?:序号|编号|序|No\.?)$/iu],
  ['responsible', /责任|牵头|负责|配合|协同|承办|主体/u],
  ['due', /时限|时间|时序|进度|节点|期限|截止/u],
  ['body', /措施|举措|要求|方法|路径|标准|成果|目标/u],
  ['title', /任务|内容|事项|工作|项目|类别|板块|重点|要点/u],
]

export interface TableColumns {
  /** Index of the header row in the table. */
  headerRow: number
  roles: (ColumnRole | null)[]
}

function roleOf(cell: string): ColumnRole | null {
  const c = normaliseSpaces(cell).replace(/\s+/g, '')
  if (c === '' || c.length > 16) return null
  for (const [role, re] of HEADER_WORDS) if (re.test(c)) return role
  return null
}

/**
 * The header row: within the first rows, a row naming at least a task column and one more of responsible / due /
 * body (two columns alone could be any table). Of several task-like columns, one is the section (重点任务, the broad
 * task merged down its rows), one the point (工作内容, 具体工作); any further ones join the body.
 */
export function findColumns(rows: string[][]): TableColumns | null {
  for (let r = 0; r < Math.min(rows.length, 8); r++) {
    const raw = rows[r].map((cell, i) => (cell === rows[r][i - 1] && cell !== '' ? null : roleOf(cell)))
    const titles = raw.flatMap((role, i) => (role === 'title' ? [i] : []))
    const others = new Set(raw.filter((role) => role === 'responsible' || role === 'due' || role === 'body'))
    if (titles.length === 0 || others.size === 0 || (others.size === 1 && !raw.includes('seq') && titles.length < 2)) continue
    const roles = raw.slice()
    if (titles.length >= 2) {
      // 工作内容 / 具体工作 / 工作事项 name the point; 重点任务 / 主要任务 / 类别 the group. Else the leftmost groups.
      const pointish = (i: number) => /内容|具体|事项|细化|分解/u.test(rows[r][i])
      const section = titles.find((i) => !pointish(i)) ?? titles[0]
      const point = titles.find((i) => i !== section && pointish(i)) ?? titles.find((i) => i !== section)!
      for (const i of titles) roles[i] = i === section ? 'section' : i === point ? 'title' : 'body'
    }
    return { headerRow: r, roles }
  }
  return null
}

/** Section numbers written into the section cell: "一、加强政治建设", "（一）…", "一 加强…". */
const SECTION_PREFIX = /^[（(]?\s*([一二三四五六七八九十]{1,3})\s*[)）、．.，,\s]\s*/u
const POINT_PREFIX = /^((?:\d|[０-９]){1,3})\s*[.．、，,](?![\d０-９])\s*/u

function seqOf(cell: string): number | null {
  const c = asciiDigits(cell.trim()).replace(/[.．、]$/u, '')
  if (/^\d{1,3}$/.test(c)) return Number(c)
  return null
}

/** 完成时限 as written in a table: a Date from Excel, or words. */
function dueWords(cell: string): string {
  return cell.replace(/\s+/g, '')
}

/**
 * The due dates of a 完成时限 cell. The cell holds nothing but time words, so a few phrases that are too loose for
 * running text count here: 全年 / 全年度 / 长期 / 持续 mean the work runs all year — due at the year's end, like 年底.
 * Everything else (2022年6月底前, 七一前, 每季度, 9月30日前, 年底) is the text parser's own reading (time-hints.ts).
 */
export function dueHints(cell: string, year: number | null): TimeHint[] {
  const words = dueWords(cell)
  const hints = findTimeHints(words, year)
  if (hints.length === 0) {
    const allYear = /全年度?|长期|持续|常态|经常性/u.exec(words)
    if (allYear) hints.push({ phrase: allYear[0], dueOn: year === null ? null : (`${year}-12-31` as IsoDate), kind: 'year_end' })
  }
  return hints
}

function splitTitle(text: string): { title: string; body: string } {
  const stop = text.indexOf('。')
  if (stop < 0) return { title: text.replace(/\n/g, ''), body: '' }
  return { title: text.slice(0, stop).replace(/\n/g, '').trim(), body: text.slice(stop + 1).trim() }
}

function mergeHints(a: TimeHint[], b: TimeHint[]): TimeHint[] {
  const out = [...a]
  for (const h of b) if (!out.some((x) => x.kind === h.kind && x.dueOn === h.dueOn)) out.push(h)
  return out
}

/** A row that is a section heading spanning the table: one distinct non-empty value ("一、加强政治建设"). */
function spanningText(row: string[]): string | null {
  const values = [...new Set(row.map((c) => c.trim()).filter((c) => c !== ''))]
  return values.length === 1 && row.filter((c) => c.trim() !== '').length > 1 ? values[0] : null
}

export interface TablePlan {
  sections: PlanSection[]
  warnings: PlanWarning[]
}

/** The sections and points of a task table whose header `findColumns` found. */
export function readTaskTable(rows: string[][], columns: TableColumns, year: number | null): TablePlan {
  const warnings: PlanWarning[] = []
  const sections: PlanSection[] = []
  const col = (role: ColumnRole) => columns.roles.flatMap((r, i) => (r === role ? [i] : []))
  const [seqCol] = col('seq')
  const [sectionCol] = col('section')
  const [titleCol] = col('title')
  const bodyCols = col('body')
  const whoCols = col('responsible')
  const dueCols = col('due')
  let lastSeq = 0
  let current: PlanSection | null = null

  const openSection = (raw: string): PlanSection => {
    const text = normaliseSpaces(raw.replace(/\n/g, ''))
    const m = SECTION_PREFIX.exec(text)
    const seq = m ? (chineseNumber(m[1]) ?? sections.length + 1) : sections.length + 1
    const opened: PlanSection = { seq, title: m ? text.slice(m[0].length) : text, points: [] }
    sections.push(opened)
    return opened
  }

  for (const row of rows.slice(columns.headerRow + 1)) {
    const cell = (i: number | undefined) => (i === undefined ? '' : normaliseSpaces((row[i] ?? '').replace(/\r/g, '')).trim())
    if (row.every((c) => c.trim() === '')) continue
    // A header row repeated on every page of a Word table, or a second header: skip it.
    if (findColumns([row])?.headerRow === 0 && row.some((c, i) => columns.roles[i] !== null && roleOf(c) === columns.roles[i])) continue
    const spanning = spanningText(row)
    if (spanning !== null && seqOf(spanning) === null) {
      current = openSection(spanning)
      continue
    }
    const section = cell(sectionCol)
    // The section cell is merged down its rows: a new value opens a new section ("一、政治建设" ends in the title).
    if (sectionCol !== undefined && section !== '' && (current === null || !lettersOnly(section).endsWith(lettersOnly(current.title)) || current.title === '')) {
      current = openSection(section)
    }
    let content = cell(titleCol)
    if (content === '') {
      if (bodyCols.some((i) => cell(i) !== '')) warnings.push({ code: 'unplaced_text', message: '表格中有一行没有工作内容，未导入。', excerpt: row.join(' | ') })
      continue
    }
    let seq = seqOf(cell(seqCol))
    const typed = POINT_PREFIX.exec(content)
    if (typed) {
      seq ??= Number(asciiDigits(typed[1]))
      content = content.slice(typed[0].length)
    }
    seq ??= lastSeq + 1
    lastSeq = seq
    if (current === null) {
      warnings.push({ code: 'no_sections', message: '表格没有“重点任务”这样的分组列，已放入一个未命名部分。', excerpt: '' })
      current = openSection('')
    }
    const { title, body: rest } = splitTitle(content)
    const measures = bodyCols.map(cell).filter((c) => c !== '')
    const body = [rest, ...measures].filter((c) => c !== '').join('\n')
    const whoText = [content, ...measures].join('\n')
    const names = findResponsible(whoText).responsible
    for (const i of whoCols) {
      const listed = cell(i).replace(/[（）()]/gu, ' ')
      if (listed !== '') for (const n of findResponsible(`（责任人：${listed}）`).responsible) if (!names.includes(n)) names.push(n)
    }
    const all = findResponsible(`（责任人：${names.join('、')}）`)
    let hints = findTimeHints(whoText, year)
    for (const i of dueCols) hints = mergeHints(dueHints(cell(i), year), hints)
    const point: PlanPoint = { seq, title, body, responsible: names, forAllBranches: names.length > 0 && all.forAllBranches, timeHints: hints }
    current.points.push(point)
  }
  return { sections: sections.filter((s) => s.points.length > 0 || s.title !== ''), warnings }
}
