/**
 * The mini-program draws charts on a `<canvas type="2d">`: it has no SVG. (renderer.h5.ts gives the browser SVG,
 * which stays sharp at any zoom and keeps the chart's text in the page.)
 */
export { CanvasRenderer as ChartRenderer } from 'echarts/renderers'
