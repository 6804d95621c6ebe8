/**
 * The heatmap's row labels by width (docs/layout.md): a phone shows the words that set branch names apart in 96 px;
 * a desk-wide chart (`whole`) shows every name in full, with room for it.
 */
import { heatLabels, heatmapOption, type HeatRow } from '../../src/features/dashboard/charts/options'

const row = (name: string, i: number): HeatRow => ({ branchId: `b${i}`, name, months: Array(12).fill(0), total: 0 })
const rows = ['湖南省计算机学会党支部', '湖南省化学化工学会党支部'].map(row)
const yAxis = (whole: boolean) => (heatmapOption(rows, 1, whole) as unknown as { yAxis: { data: string[]; axisLabel: { width: number } } }).yAxis

test('at a desk the heatmap names every branch in full, with room for the name', () => {
  expect(heatLabels(rows, true)).toEqual(['湖南省计算机学会党支部', '湖南省化学化工学会党支部'])
  expect(yAxis(true).data).toEqual(['湖南省计算机学会党支部', '湖南省化学化工学会党支部'])
  expect(yAxis(true).axisLabel.width).toBe(240)
})

test('on a phone it keeps the words that differ (no shared 湖南省 … 党支部), in 96 px', () => {
  expect(yAxis(false).data).toEqual(['计算机学会', '化学化工学会'])
  expect(yAxis(false).axisLabel.width).toBe(96)
})
