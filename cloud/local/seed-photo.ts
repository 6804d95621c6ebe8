/**
 * Demo "on-site photos" for the seed data, drawn as PNGs in code so the repository carries no binary assets:
 * a sky-to-floor gradient with a red banner (会场横幅) and rows of seats, tinted per photo.
 */
import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

export function drawSeedPhoto(variant: number, width = 480, height = 360): Buffer {
  const tint = [
    [40, 90, 160],
    [30, 120, 90],
    [120, 70, 140],
    [150, 100, 40],
  ][variant % 4]
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      const t = y / height
      let r = Math.round(tint[0] + (235 - tint[0]) * t)
      let g = Math.round(tint[1] + (225 - tint[1]) * t)
      let b = Math.round(tint[2] + (210 - tint[2]) * t)
      const banner = y > height * 0.12 && y < height * 0.24 && x > width * 0.1 && x < width * 0.9
      const seat = y > height * 0.55 && (Math.floor(x / 24) + Math.floor(y / 18)) % 2 === 0 && y % 18 < 10
      if (banner) [r, g, b] = [200, 30, 30]
      else if (seat) [r, g, b] = [90, 60, 50]
      const i = row + 1 + x * 3
      raw[i] = r
      raw[i + 1] = g
      raw[i + 2] = b
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
