/**
 * Photo thumbnails for the record book, in pure JS (jpeg-js, pngjs): a cloud function has no image tools, and a
 * record book with full-size photos would weigh tens of MB. A photo is decoded, box-averaged down to fit
 * MAX_SIDE and encoded as JPEG — about 10–20 KB each. Each export step makes the thumbnails of its own slice, so the
 * cost is spread over the steps.
 */
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { imageInfo } from './record-book'

export const MAX_SIDE = 320
/** Photos larger than this (pixels) are not decoded: memory of a cloud function is limited. */
const MAX_PIXELS = 30_000_000

export interface Thumbnail {
  bytes: Buffer
  width: number
  height: number
}

export function makeThumbnail(source: Buffer, maxSide = MAX_SIDE): Thumbnail | null {
  const info = imageInfo(source)
  if (!info || info.type === 'gif' || info.width * info.height > MAX_PIXELS) return null
  let width: number
  let height: number
  let rgba: Uint8Array
  try {
    if (info.type === 'jpg') {
      const img = jpeg.decode(source, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 })
      ;({ width, height } = img)
      rgba = img.data
    } else {
      const img = PNG.sync.read(source)
      ;({ width, height } = img)
      rgba = img.data
    }
  } catch {
    return null
  }
  const scale = Math.min(1, maxSide / width, maxSide / height)
  const tw = Math.max(1, Math.round(width * scale))
  const th = Math.max(1, Math.round(height * scale))
  const out = new Uint8Array(tw * th * 4)
  // Box filter: each target pixel is the mean of the source block it covers (transparent parts on white).
  for (let y = 0; y < th; y += 1) {
    const y0 = Math.floor((y * height) / th)
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / th))
    for (let x = 0; x < tw; x += 1) {
      const x0 = Math.floor((x * width) / tw)
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / tw))
      let r = 0
      let g = 0
      let b = 0
      let n = 0
      for (let sy = y0; sy < y1; sy += 1) {
        let i = (sy * width + x0) * 4
        for (let sx = x0; sx < x1; sx += 1, i += 4) {
          const a = rgba[i + 3] / 255
          r += rgba[i] * a + 255 * (1 - a)
          g += rgba[i + 1] * a + 255 * (1 - a)
          b += rgba[i + 2] * a + 255 * (1 - a)
          n += 1
        }
      }
      const o = (y * tw + x) * 4
      out[o] = r / n
      out[o + 1] = g / n
      out[o + 2] = b / n
      out[o + 3] = 255
    }
  }
  const encoded = jpeg.encode({ data: out, width: tw, height: th }, 72)
  return { bytes: Buffer.from(encoded.data), width: tw, height: th }
}
