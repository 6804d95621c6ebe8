/**
 * Our ECharts build: only the two chart types and the components the committee's charts use, and one renderer
 * per platform (./renderer). Imported only by the committee sub-package, so none of it reaches the main package.
 */
import { BarChart, HeatmapChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { ChartRenderer } from './renderer'

echarts.use([BarChart, HeatmapChart, GridComponent, TooltipComponent, ChartRenderer])

export { echarts }
