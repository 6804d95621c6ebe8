/**
 * 民主评议党员 in the committee's exports (docs/appraisal.md): the results written under the 民主评议 record in the
 * branch's record book (dashboard/record-book.ts), and a sheet of counts per grade per branch in the year-end
 * workbook (dashboard/workbook.ts). Only results the branch has 确定 are exported.
 */
import type { Workbook } from 'exceljs'
import { APPRAISAL_DISPOSAL_LABELS, APPRAISAL_GRADE_LABELS, APPRAISAL_GRADES } from '../../../types/appraisal'
import { xmlSafe } from '../../../types/schema-kit'
import { loadOne, readAll } from '../framework/data'
import type { AssessmentRow, BookEntry } from '../framework/model'
import type { Port } from '../framework/port'
import { gradeCounts } from './rules'
import { standing, type AppraisalDoc } from './store'
import { unlessMissing } from '../framework/errors'

export const APPRAISAL_SHEET = '民主评议党员'
export const APPRAISAL_HEADERS = ['序号', '支部', '参加评议', '优秀', '合格', '基本合格', '不合格'] as const

export type BranchAppraisal = NonNullable<AssessmentRow['appraisal']>

/** The year's 确定 results as text for the record book: counts per grade, then each member's grade, votes and 处置. */
export function appraisalText(doc: AppraisalDoc): string {
  const c = gradeCounts(doc.rows.map((r) => r.grade))
  const lines = [`参加评议 ${doc.rows.length} 人：${APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_LABELS[g]} ${c[g]} 人`).join('，')}`]
  for (const r of doc.rows) {
    if (!r.grade) continue
    const votes = r.votes ? `（民主测评：${APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_LABELS[g]} ${r.votes![g]} 票`).join('，')}）` : ''
    const disposal = r.disposal ? `；处置：${APPRAISAL_DISPOSAL_LABELS[r.disposal.kind]}，${r.disposal.note}` : ''
    lines.push(`${r.name}：${APPRAISAL_GRADE_LABELS[r.grade]}${votes}${disposal}`)
  }
  return lines.join('\n')
}

/** A record-book entry with its appraisal results, when it is a 民主评议党员 record whose results are 确定. */
export async function withAppraisal(port: Port, entry: BookEntry): Promise<BookEntry> {
  if (entry.type !== 'democratic_review') return entry
  const doc = await loadOne(port, 'appraisals', entry.id).catch(() => undefined)
  const counted = doc?.state === 'final' ? (await standing(port, [doc])).length > 0 : false
  return doc && counted ? { ...entry, appraisal: appraisalText(doc) } : entry
}

/** Per branch, the year's 确定 results counted per grade (every 民主评议 record of the year together). */
export async function appraisalByBranch(port: Port, branchIds: string[], year: number): Promise<Map<string, BranchAppraisal>> {
  const _ = port.db.command
  const out = new Map<string, BranchAppraisal>()
  if (!branchIds.length) return out
  const found = await readAll(port, 'appraisals', { year, branchId: _.in(branchIds), state: 'final' }, { fields: ['branchId', 'rows', 'year'] }).catch(unlessMissing([]))
  // Only appraisals whose record still stands (the same as appraisal.list and appraisal.member count).
  const docs = await standing(port, found)
  for (const d of docs) {
    const c = gradeCounts(d.rows.map((r) => r.grade))
    const b = out.get(d.branchId) ?? { appraised: 0, excellent: 0, qualified: 0, basic: 0, unqualified: 0 }
    out.set(d.branchId, { appraised: b.appraised + d.rows.length, excellent: b.excellent + c.excellent, qualified: b.qualified + c.qualified, basic: b.basic + c.basic, unqualified: b.unqualified + c.unqualified })
  }
  return out
}

/** The workbook's 民主评议党员 sheet: one line per branch, counts per grade (blank where nothing was 确定). */
export function addAppraisalSheet(wb: Workbook, rows: AssessmentRow[]): void {
  const ws = wb.addWorksheet(APPRAISAL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  APPRAISAL_HEADERS.forEach((h, i) => {
    const c = ws.getCell(1, i + 1)
    c.value = h
    c.font = { bold: true }
    c.alignment = { horizontal: 'center', vertical: 'middle' }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE9E7' } }
  })
  rows.forEach((r, i) => {
    const line = ws.getRow(2 + i)
    const a = r.appraisal
    const values = [i + 1, xmlSafe(r.name), a?.appraised ?? null, a?.excellent ?? null, a?.qualified ?? null, a?.basic ?? null, a?.unqualified ?? null]
    values.forEach((v, k) => {
      line.getCell(k + 1).value = v
    })
  })
  ws.getColumn(2).width = 28
  for (const c of [3, 4, 5, 6, 7]) ws.getColumn(c).width = 10
}
