/**
 * The year-end assessment workbook (年底考核表, .xlsx) built with exceljs from rows the export job collected.
 * exceljs is loaded on demand so that ordinary actions of the same bundle do not pay for it at cold start.
 */
import { ACTIVITY_TYPE_INFO, ACTIVITY_TYPES } from '../../../types/domain'
import { xmlSafe } from '../../../types/schema-kit'
import { beijingDateTimeText } from '../../../types/time-text'
import type { AssessmentRow } from '../framework/model'
import { LOW_SCORE } from './aggregate'
import { addAppraisalSheet } from '../appraisal/export'
import { AMOUNTS_HIDDEN_NOTE, showsAmounts } from '../dues/totals'

/** Kept in the export job's document: model.ts has its shape. */
export type { AssessmentRow }

export const DUES_SHEET = '党费收缴'
export const DUES_HEADERS = ['序号', '支部', '交纳党员数', '应缴（元）', '实缴（元）', '收缴率', '说明'] as const

export const QUARTERS = ['一季度', '二季度', '三季度', '四季度'] as const
/** Leading columns before the per-type block; the test and readers find columns by these header names. */
export const LEAD_HEADERS = ['序号', '支部', '合规得分', '全年活动'] as const
export const TAIL_HEADERS = ['任务总数', '已完成', '其中逾期完成', '逾期未完成', '最近活动'] as const
export const SUMMARY_SHEET = '年度考核汇总'

function headerStyleOn(c: { value: unknown; font: unknown; alignment: unknown; fill: unknown }, value: string) {
  c.value = value
  c.font = { bold: true }
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE9E7' } }
}

export async function buildWorkbook(rows: AssessmentRow[], meta: { year: number; asOf: string; generatedAt: string; committeeName: string | null }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部工作台'
  wb.created = new Date(meta.generatedAt)
  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] })

  const typeCols = ACTIVITY_TYPES.length * 4
  const lastCol = LEAD_HEADERS.length + typeCols + TAIL_HEADERS.length
  ws.mergeCells(1, 1, 1, lastCol)
  const title = ws.getCell(1, 1)
  // Names come from storage: xmlSafe keeps a legacy control character from making the sheet's XML malformed.
  title.value = xmlSafe(`${meta.committeeName ?? ''}${meta.year}年度党支部组织生活考核汇总（统计截至 ${meta.asOf}）`)
  title.font = { bold: true, size: 14 }
  title.alignment = { horizontal: 'center' }

  // Two header rows: a type's name over its four quarters; single columns span both rows.
  const headerStyle = (row: number, col: number, value: string) => {
    const c = ws.getCell(row, col)
    c.value = value
    c.font = { bold: true }
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE9E7' } }
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
  }
  LEAD_HEADERS.forEach((h, i) => {
    ws.mergeCells(2, i + 1, 3, i + 1)
    headerStyle(2, i + 1, h)
  })
  ACTIVITY_TYPES.forEach((t, i) => {
    const first = LEAD_HEADERS.length + 1 + i * 4
    ws.mergeCells(2, first, 2, first + 3)
    headerStyle(2, first, ACTIVITY_TYPE_INFO[t].name)
    QUARTERS.forEach((q, k) => headerStyle(3, first + k, q))
  })
  TAIL_HEADERS.forEach((h, i) => {
    const col = LEAD_HEADERS.length + typeCols + 1 + i
    ws.mergeCells(2, col, 3, col)
    headerStyle(2, col, h)
  })

  rows.forEach((r, i) => {
    const values: (string | number | null)[] = [
      i + 1,
      r.name,
      r.score,
      r.recorded,
      ...r.byTypeQuarter.flat(),
      r.assignments,
      r.done,
      r.doneLate,
      r.overdue,
      r.lastActivityOn ?? '无',
    ]
    const row = ws.getRow(4 + i)
    values.forEach((v, k) => {
      row.getCell(k + 1).value = typeof v === 'string' ? xmlSafe(v) : v
    })
    // Draw the eye to what needs attention: a low score, work that is late.
    if (r.score !== null && r.score < LOW_SCORE) row.getCell(3).font = { color: { argb: 'FFC8161D' }, bold: true }
    if (r.overdue > 0) row.getCell(lastCol - 1).font = { color: { argb: 'FFC8161D' }, bold: true }
  })
  ws.getColumn(1).width = 6
  ws.getColumn(2).width = 28
  for (let c = 3; c <= lastCol; c += 1) ws.getColumn(c).width = 9
  ws.getColumn(lastCol).width = 12

  // 党费 per branch: amounts kept in 分, written as 元 with two decimals (no float sums).
  const dues = wb.addWorksheet(DUES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  DUES_HEADERS.forEach((h, i) => headerStyleOn(dues.getCell(1, i + 1), h))
  rows.forEach((r, i) => {
    const d = r.dues ?? { members: 0, dueFen: 0, paidFen: 0 }
    const line = dues.getRow(2 + i)
    line.getCell(1).value = i + 1
    line.getCell(2).value = xmlSafe(r.name)
    line.getCell(3).value = d.members
    // Fewer than 3 standards: the amounts would give an income back (dues/totals.ts MIN_MEMBERS_FOR_AMOUNTS).
    const amounts = showsAmounts(d.members) || d.members === 0
    line.getCell(4).value = amounts ? d.dueFen / 100 : null
    line.getCell(5).value = amounts ? d.paidFen / 100 : null
    // Members transferred out during the year stay in the totals up to their transfer, as in the ledger (已转出).
    const gone = (d.transferred ?? []).map((t) => `${xmlSafe(t.name)}（${Number(t.month.slice(5))}月已转出）`)
    const notes = [amounts ? '' : AMOUNTS_HIDDEN_NOTE, gone.length ? `含年内已转出 ${gone.length} 人，计至转出前一月（转出当月在本支部交纳的计入）：${gone.join('、')}` : ''].filter(Boolean)
    line.getCell(7).value = notes.length ? notes.join('；') : null
    line.getCell(6).value = d.dueFen > 0 ? Math.round((d.paidFen / d.dueFen) * 1000) / 1000 : null
    line.getCell(4).numFmt = '0.00'
    line.getCell(5).numFmt = '0.00'
    line.getCell(6).numFmt = '0.0%'
  })
  dues.getColumn(2).width = 28
  for (const c of [3, 4, 5, 6]) dues.getColumn(c).width = 12
  dues.getColumn(7).width = 48
  dues.getColumn(7).alignment = { wrapText: true }

  addAppraisalSheet(wb, rows)
  const notes = wb.addWorksheet('说明')
  notes.getColumn(1).width = 16
  notes.getColumn(2).width = 90
  const lines: [string, string][] = [
    ['党费', '按《关于中国共产党党费收缴、使用和管理的规定》（中组部，2008）核定的标准；应缴计至统计月份（预备党员自支部大会通过之月起），实缴为对应月份已记录的金额'],
    ['年度', `${meta.year}年`],
    ['统计截至', meta.asOf],
    ['生成时间', beijingDateTimeText(meta.generatedAt)],
    ['支部数', String(rows.length)],
    ['活动口径', '已记录（非计划中、未删除）的组织生活，按开始时间的北京时间日期归入季度'],
    ['合规得分', '每类组织生活按其周期（月、季度、年）检查是否开展：已结束的周期和已完成的当前周期计入，得分为已开展周期的占比；各类得分取平均，0–100；尚无可评周期时为空'],
    ['任务', '本年度已发布工作要点下发给支部的任务；逾期完成 = 完成日期晚于截止日期；逾期未完成 = 截止日期已过仍未完成'],
  ]
  lines.forEach(([k, v], i) => {
    notes.getCell(i + 1, 1).value = k
    notes.getCell(i + 1, 1).font = { bold: true }
    notes.getCell(i + 1, 2).value = v
    notes.getCell(i + 1, 2).alignment = { wrapText: true }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
