// Minimal multipart/form-data parser over a whole body (binary-safe; the local cloud's bodies are small).
export interface Part { name: string; filename?: string; contentType?: string; data: Buffer }

export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!m) throw new Error('multipart boundary missing')
  const boundary = Buffer.from('--' + (m[1] ?? m[2]).trim())
  const parts: Part[] = []
  let pos = body.indexOf(boundary)
  while (pos !== -1) {
    pos += boundary.length
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break // closing --
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2
    const headEnd = body.indexOf('\r\n\r\n', pos)
    if (headEnd === -1) break
    const head = body.subarray(pos, headEnd).toString('utf8')
    const next = body.indexOf(boundary, headEnd + 4)
    if (next === -1) break
    let end = next
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2
    const data = body.subarray(headEnd + 4, end)
    const disp = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? ''
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? ''
    const fnStar = /filename\*=(?:UTF-8'')?([^;\r\n]+)/i.exec(disp)?.[1]
    const fn = fnStar ? decodeURIComponent(fnStar) : /\bfilename="([^"]*)"/i.exec(disp)?.[1]
    const ct = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim()
    parts.push({ name, filename: fn, contentType: ct, data: Buffer.from(data) })
    pos = next
  }
  return parts
}
