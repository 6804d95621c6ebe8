/**
 * A `<canvas type="2d">` node as `SelectorQuery.fields({ node: true })` answers it: width/height, getContext('2d')
 * and the few node methods. The context records what is drawn (calls and the text of fillText) instead of
 * painting pixels. Its methods are CanvasRenderingContext2D's: calling one it lacks throws a TypeError, as on the
 * client; a `getContext` other than '2d' fails by name.
 */
const METHODS = [
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'createConicGradient', 'createImageData',
  'createLinearGradient', 'createPattern', 'createRadialGradient', 'drawImage', 'ellipse', 'fill', 'fillRect', 'fillText',
  'getImageData', 'getLineDash', 'getTransform', 'isPointInPath', 'isPointInStroke', 'lineTo', 'measureText', 'moveTo',
  'putImageData', 'quadraticCurveTo', 'rect', 'reset', 'resetTransform', 'restore', 'rotate', 'roundRect', 'save', 'scale',
  'setLineDash', 'setTransform', 'stroke', 'strokeRect', 'strokeText', 'transform', 'translate',
] as const

export interface CanvasRecord {
  id: string
  calls: Record<string, number>
  texts: string[]
  contexts: number
}

export function createCanvasNode(
  id: string,
  width: number,
  height: number,
  missing: (name: string) => void,
  setTimer: (fn: () => void, ms: number) => number,
  clearTimer: (id: number) => void,
): { node: object; record: CanvasRecord } {
  const record: CanvasRecord = { id, calls: {}, texts: [], contexts: 0 }
  const state: Record<string, unknown> = { font: '10px sans-serif', fillStyle: '#000000', strokeStyle: '#000000', globalAlpha: 1, lineWidth: 1, textAlign: 'start', textBaseline: 'alphabetic' }
  const gradient = () => ({ addColorStop() {} })
  const impl: Record<string, (...args: any[]) => unknown> = {
    measureText(text: unknown) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(String(state.font))?.[1] ?? 10)
      // CJK glyphs are about one em wide, Latin about half: enough for ECharts' label layout.
      const width = [...String(text ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0)
      return { width, actualBoundingBoxAscent: size * 0.8, actualBoundingBoxDescent: size * 0.2 }
    },
    fillText(text: unknown) {
      record.texts.push(String(text))
    },
    strokeText(text: unknown) {
      record.texts.push(String(text))
    },
    createLinearGradient: gradient,
    createRadialGradient: gradient,
    createConicGradient: gradient,
    createPattern: () => ({}),
    getLineDash: () => [],
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
    isPointInPath: () => false,
    isPointInStroke: () => false,
    getImageData: (_x: number, _y: number, w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(Math.max(0, w * h * 4)) }),
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(Math.max(0, w * h * 4)) }),
  }
  const node: Record<string, unknown> = { width, height, _width: width, _height: height }
  const context = new Proxy(state, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (key === 'canvas') return node
      if ((METHODS as readonly string[]).includes(key)) {
        return (...args: unknown[]) => {
          record.calls[key] = (record.calls[key] ?? 0) + 1
          return impl[key]?.(...args)
        }
      }
      // Anything else reads as on a real context: an expando the caller set, or undefined (feature detection such
      // as zrender's `ctx.draw`); calling a method the real context lacks then throws a TypeError, as on the client.
      return target[key]
    },
    set(target, key, value) {
      if (typeof key === 'string') target[key] = value
      return true
    },
  })
  Object.assign(node, {
    getContext(type: string) {
      if (type !== '2d') {
        missing(`Canvas.getContext('${type}')`)
        return null
      }
      record.contexts += 1
      return context
    },
    requestAnimationFrame: (cb: (t: number) => void) => setTimer(() => cb(Date.now()), 16),
    cancelAnimationFrame: (t: number) => clearTimer(t),
    createImage: () => ({ width: 0, height: 0, src: '', onload: null, onerror: null }),
    toDataURL: () => 'data:image/png;base64,',
  })
  return { node, record }
}
