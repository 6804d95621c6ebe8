/**
 * One chart on a committee page: taro-react-echarts draws our ECharts build on a `<canvas type="2d">` in the
 * mini-program and into a `<div>` (SVG) in the browser.
 *
 * `isPage={false}`: our charts mount after their data arrives, i.e. after the page's onReady, so the library's
 * onReady-based start would never fire; the flag makes it start on mount instead.
 */
import { useMemo, useRef } from 'react'
import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import { testId } from '../../../lib/test-id'
import { echarts } from './echarts'
import type { ChartOption } from './options'

/** What a tap on a chart hit: a data item (its index in the series) or an axis label (its text). */
export interface ChartTap {
  componentType?: string
  dataIndex?: number
  value?: unknown
}

export function Chart({ id, option, height, onTap }: { id: string; option: ChartOption; height: number; onTap?: (tap: ChartTap) => void }) {
  // The library re-creates the chart when onEvents changes identity: keep one handler that reads the latest prop.
  const tap = useRef(onTap)
  tap.current = onTap
  const events = useMemo(() => ({ click: (params: ChartTap) => tap.current?.(params) }), [])
  // Height only: in the browser the library reads style.width as the chart's width in px (it defaults to 100%).
  const style = useMemo(() => ({ height: `${height}px` }), [height])
  return (
    <View className='chart' style={{ height: `${height}px` }} {...testId(id)}>
      <Echarts echarts={echarts} option={option as never} isPage={false} style={style} onEvents={events} />
    </View>
  )
}
