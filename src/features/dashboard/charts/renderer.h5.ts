/** In the browser charts are SVG: sharp at any zoom, and their labels are real text (readable, selectable, testable). */
export { SVGRenderer as ChartRenderer } from 'echarts/renderers'
