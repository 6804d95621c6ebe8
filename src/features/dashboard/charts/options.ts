/**
 * ECharts options for the committee's charts, built from the dashboard actions' outputs. Pure functions (no
 * echarts import): the options are plain data, so they are unit-tested without a canvas, and this file costs
 * nothing in a package that only builds options.
 *
 * Phone-first choices: category labels are truncated to a fixed width, every value is written on its bar or
 * cell (a tap is not needed to read the chart), and heights grow with the number of rows.
 */
import type { BarSeriesOption, HeatmapSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

export type ChartOption = ComposeOption<BarSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption>

const RED = '#c8161d'
const OK = '#2e7d32'
const MUTED = '#888888'
const TRACK = '#eeeeee'
/** Heatmap shades from "none recorded" to the busiest month. */
export const HEAT_COLORS = ['#f2f2f2', '#f9d3d0', '#f09a94', '#df5a52', RED] as const
const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
const FONT = 11

/**
 * ECharts writes a tooltip formatter's string into the page as HTML (the H5 build's tooltip is a div): text that
 * comes from data (a work point's title) is escaped, or a title like <img src=x onerror=…> runs as markup.
 */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** 0 → no shade, then four steps up to the maximum. */
export const heatLevel = (n: number, max: number) => (n <= 0 || max <= 0 ? 0 : Math.min(4, Math.ceil((4 * n) / max)))

export interface HeatRow {
  branchId: string
  name: string
  months: number[]
  total: number
}

/** Where a shared prefix may end: after a place or an organisation (湖南省 · 长沙市 · …学会), never inside a word. */
const PREFIX_END = /[省市区县州会部委·\s]$/
/** Tails a branch's name ends in: left off when every name has the same one. */
const TAILS = ['党支部', '党总支']

/**
 * The words all branch names share, at whole words: the prefix (「湖南省」 in 湖南省计算机学会党支部 and
 * 湖南省化学化工学会党支部, cut at the end of its last whole word) and a common tail (「党支部」). One name, or
 * names that would be left empty, share nothing.
 */
export function sharedNameParts(names: string[]): { prefix: string; suffix: string } {
  const none = { prefix: '', suffix: '' }
  if (names.length < 2) return none
  const first = names[0]
  let n = 0
  while (n < first.length && names.every((x) => x[n] === first[n])) n++
  while (n > 0 && !PREFIX_END.test(first.slice(0, n))) n--
  const suffix = TAILS.find((t) => names.every((x) => x.endsWith(t))) ?? ''
  // What is left of every name keeps at least two characters (甲支部 is not cut to 甲).
  const fits = (p: number, s: string) => names.every((x) => x.length - p - s.length > 1)
  if (fits(n, suffix)) return { prefix: first.slice(0, n), suffix }
  if (fits(n, '')) return { prefix: first.slice(0, n), suffix: '' }
  return fits(0, suffix) ? { prefix: '', suffix } : none
}

/**
 * The words that set branch names apart, for a 96 px label: 计算机学会 rather than 湖南省计算机… on every row
 * (the tooltip and the branch's page give the full name).
 */
export function distinctNames(names: string[]): string[] {
  const { prefix, suffix } = sharedNameParts(names)
  return names.map((x) => x.slice(prefix.length, x.length - suffix.length))
}

/** The heatmap's row labels: on a phone the words that set the names apart, at a desk (`whole`) the names in full. */
export const heatLabels = (rows: HeatRow[], whole = false) => (whole ? rows.map((r) => r.name) : distinctNames(rows.map((r) => r.name)))

/**
 * Rows top to bottom as given; a cell is [month index, row index, count]. `whole`: a desk-wide chart (docs/layout.md)
 * has room for whole branch names, up to 240 px.
 */
export function heatmapOption(rows: HeatRow[], max: number, whole = false): ChartOption {
  const data = rows.flatMap((r, y) =>
    r.months.map((n, x) => {
      const level = heatLevel(n, max)
      return {
        value: [x, y, n],
        itemStyle: { color: HEAT_COLORS[level] },
        label: { color: level >= 2 ? '#ffffff' : '#7a1a15' },
      }
    }),
  )
  const labels = heatLabels(rows, whole)
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 22, bottom: 4, containLabel: true },
    // A tap on a cell names the branch in full (the axis shows only the words that differ) with the month's count.
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const v = (p as { value?: unknown }).value
        const [x, y, n] = Array.isArray(v) ? v.map(Number) : [-1, -1, 0]
        const row = rows[y]
        return row ? `${escapeHtml(row.name)}<br/>${x + 1}月：${n} 次` : ''
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: MONTH_LABELS.map((m) => m.replace('月', '')),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: MUTED, fontSize: FONT, interval: 0 },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      triggerEvent: true,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#333333', fontSize: FONT, width: whole ? 240 : 96, overflow: 'truncate', interval: 0 },
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 2, borderRadius: 3 },
        label: { show: true, fontSize: FONT, formatter: (p: { value?: unknown }) => labelOfCount(p.value) },
        emphasis: { disabled: true },
      },
    ],
  }
}

const labelOfCount = (value: unknown) => {
  const n = Array.isArray(value) ? Number(value[2]) : 0
  return n > 0 ? String(n) : ''
}

/** Height in px for a heatmap of `rows` branches: one 26 px row each plus the month header. */
export const heatmapHeight = (rows: number) => 30 + 26 * Math.max(1, rows)

interface PointRow {
  seq: number
  title: string
  total: number
  done: number
  overdue: number
  rate: number
}

/**
 * One stacked bar per work point, as shares of its assignments: done (green), overdue (red), the rest still
 * open (grey). The label at the end is the completion rate; the tooltip gives the counts.
 */
export function pointsOption(points: PointRow[]): ChartOption {
  const share = (n: number, total: number) => (total > 0 ? Math.round((1000 * n) / total) / 10 : 0)
  const labels = points.map((p) => `${p.seq}. ${p.title}`)
  const bar = (name: string, color: string, values: number[]): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'point',
    data: values,
    barWidth: 14,
    itemStyle: { color },
    emphasis: { disabled: true },
  })
  const done = points.map((p) => share(p.done, p.total))
  const overdue = points.map((p) => share(p.overdue, p.total))
  const open = points.map((_, i) => Math.max(0, Math.round((100 - done[i] - overdue[i]) * 10) / 10))
  return {
    animation: false,
    grid: { left: 4, right: 44, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'none' },
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number }) : (params as { dataIndex?: number })
        const p = points[first?.dataIndex ?? -1]
        if (!p) return ''
        return `${p.seq}. ${escapeHtml(p.title)}<br/>完成 ${p.done}/${p.total}（${p.rate}%）${p.overdue ? `<br/>逾期 ${p.overdue}` : ''}`
      },
    },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#333333', fontSize: FONT, width: 130, overflow: 'truncate', interval: 0 },
    },
    series: [
      bar('已完成', OK, done),
      bar('逾期', RED, overdue),
      {
        ...bar('未完成', TRACK, open),
        label: {
          show: true,
          position: 'right',
          color: '#333333',
          fontSize: FONT,
          formatter: (p: { dataIndex: number }) => `${points[p.dataIndex]?.rate ?? 0}%`,
        },
      },
    ],
  }
}

export const pointsHeight = (points: number) => 12 + 30 * Math.max(1, points)

/** Twelve columns, one per month, each labelled with its count. */
export function monthsOption(months: number[]): ChartOption {
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 20, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: MONTH_LABELS,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#dddddd' } },
      axisLabel: { color: MUTED, fontSize: 10, interval: 0 },
    },
    yAxis: { type: 'value', show: false, minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: months,
        barWidth: '55%',
        itemStyle: { color: RED, borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: '#333333', fontSize: 10, formatter: (p: { value?: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
        emphasis: { disabled: true },
      },
    ],
  }
}
