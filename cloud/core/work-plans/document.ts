/**
 * One pipeline for every format: a document is its running text (paragraphs, in order) and its tables. The text
 * goes through the text parser (parse.ts); a table recognised as a 任务分解表 (tables.ts) adds its rows as points;
 * any other table is read as text, cell by cell. A document with both running text and a task table imports both,
 * with a warning wherever the two say different things about the same point.
 */
import { parseWorkPlan } from './parse'
import { findColumns, readTaskTable } from './tables'
import { lettersOnly } from './text'
import type { ParsedPlan, ParseOptions, PlanSection, PlanWarning } from './types'

export type DocumentBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] }

/** Warnings about the text having no points, which a task table answers. */
const ANSWERED_BY_TABLE = new Set(['no_points', 'no_sections'])

export function parsePlanDocument(blocks: DocumentBlock[], options: ParseOptions = {}): ParsedPlan {
  const lines: string[] = []
  const tables: { rows: string[][]; columns: NonNullable<ReturnType<typeof findColumns>> }[] = []
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      lines.push(b.text)
      continue
    }
    const columns = findColumns(b.rows)
    if (columns) {
      // Rows above the header (a title row merged across the table) belong to the running text.
      for (const row of b.rows.slice(0, columns.headerRow)) lines.push(...row.filter((c, i) => c !== '' && c !== row[i - 1]))
      tables.push({ rows: b.rows, columns })
    } else {
      for (const row of b.rows) lines.push(...row.filter((c, i) => c !== '' && c !== row[i - 1]))
    }
  }
  const plan = parseWorkPlan(lines.join('\n'), options)
  if (tables.length === 0) return plan

  const fromTables: PlanSection[] = []
  const tableWarnings: PlanWarning[] = []
  for (const t of tables) {
    const read = readTaskTable(t.rows, t.columns, plan.year)
    fromTables.push(...read.sections)
    tableWarnings.push(...read.warnings)
  }
  const tablePoints = fromTables.reduce((n, s) => n + s.points.length, 0)
  if (tablePoints === 0) return plan
  const textPoints = plan.sections.reduce((n, s) => n + s.points.length, 0)

  if (textPoints === 0) {
    return {
      ...plan,
      sections: fromTables,
      warnings: [...plan.warnings.filter((w) => !ANSWERED_BY_TABLE.has(w.code)), ...tableWarnings],
    }
  }

  // Both: the running text leads (it is the document as issued); the table adds what the text lacks.
  const sections = plan.sections.map((s) => ({ ...s, points: [...s.points] }))
  const warnings = [...plan.warnings, ...tableWarnings]
  for (const ts of fromTables) {
    for (const tp of ts.points) {
      const match = sections.flatMap((s) => s.points).find((p) => p.seq === tp.seq)
      if (match) {
        if (lettersOnly(match.title) !== lettersOnly(tp.title)) {
          warnings.push({ code: 'table_text_differ', message: `第 ${tp.seq} 条：正文与任务分解表的标题不一致，已按正文导入，请核对。`, excerpt: `正文：${match.title}\n表格：${tp.title}` })
        }
        const missing = tp.responsible.filter((n) => !match.responsible.includes(n))
        if (missing.length > 0) {
          warnings.push({ code: 'table_text_differ', message: `第 ${tp.seq} 条：任务分解表另列了责任人，已一并导入，请核对。`, excerpt: missing.join('、') })
          match.responsible = [...match.responsible, ...missing]
          match.forAllBranches ||= tp.forAllBranches
        }
        for (const h of tp.timeHints) if (!match.timeHints.some((x) => x.kind === h.kind && x.dueOn === h.dueOn)) match.timeHints = [...match.timeHints, h]
        continue
      }
      const home = sections.find((s) => lettersOnly(s.title) === lettersOnly(ts.title))
      if (home) home.points.push(tp)
      else sections.push({ ...ts, seq: sections.length + 1, points: [tp] })
      warnings.push({ code: 'table_text_differ', message: `第 ${tp.seq} 条只在任务分解表中出现，正文没有，已按表格导入，请核对。`, excerpt: tp.title })
    }
  }
  return { ...plan, sections, warnings }
}
