/**
 * A PDF built in the test, with a real text layer: each line is drawn in a Type0 font (Identity-H) whose ToUnicode
 * CMap maps every code to its character — the structure Word's "save as PDF" writes for Chinese text. No font
 * program is embedded (none is needed to read the text; the machine has no CJK font to embed), so a viewer would
 * draw boxes, but PDF.js extracts the text exactly as from an issued 红头文件.
 *
 * `layoutPdf` sets paragraphs as Word prints a 公文: 2-character first-line indent, lines wrapped at the right
 * margin, a running header and a centred page footer "— n —" on every page.
 */

export interface PdfText {
  x: number
  y: number
  size?: number
  text: string
}

const hex = (n: number) => n.toString(16).padStart(4, '0').toUpperCase()

export function makePdf(pages: PdfText[][]): Buffer {
  const objects: string[] = []
  const add = (body: string) => objects.push(body)
  const codes = [...new Set(pages.flat().flatMap((l) => [...l.text].map((c) => c.charCodeAt(0))))].sort((a, b) => a - b)
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n'
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100)
    cmap += `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex(c)}> <${hex(c)}>`).join('\n')}\nendbfchar\n`
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
  const utf8Length = (s: string) => Buffer.byteLength(s, 'latin1')

  // 1 catalog, 2 pages, 3 ToUnicode, 4 descriptor, 5 CID font, 6 Type0 font, then content + page per page.
  add('') // catalog, filled in below
  add('') // pages
  add(`<< /Length ${utf8Length(cmap)} >>\nstream\n${cmap}\nendstream`)
  add('<< /Type /FontDescriptor /FontName /FangSong /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>')
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FangSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 4 0 R /DW 1000 /CIDToGIDMap /Identity >>')
  add('<< /Type /Font /Subtype /Type0 /BaseFont /FangSong /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 3 0 R >>')
  const kids: number[] = []
  for (const page of pages) {
    const content = page
      .map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x} ${l.y} Td <${[...l.text].map((c) => hex(c.charCodeAt(0))).join('')}> Tj ET`)
      .join('\n')
    add(`<< /Length ${utf8Length(content)} >>\nstream\n${content}\nendstream`)
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents ${objects.length} 0 R >>`)
    kids.push(objects.length)
  }
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>'
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`

  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = parts[0].length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(length)
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1')
    parts.push(b)
    length += b.length
  })
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`
  parts.push(Buffer.from(xref, 'latin1'))
  return Buffer.concat(parts)
}

export interface LayoutOptions {
  /** Characters per printed line (each character is one em wide in this font). */
  perLine?: number
  linesPerPage?: number
  runningHeader?: string
  /** Paragraphs to centre (titles), by index. */
  centred?: (paragraph: string, index: number) => boolean
}

/** Paragraphs set as printed pages: indent, wrap, page breaks, running header and page-number footer. */
export function layoutPdf(paragraphs: string[], options: LayoutOptions = {}): Buffer {
  const { perLine = 28, linesPerPage = 28, runningHeader, centred = () => false } = options
  const size = 15
  const left = 90
  const top = 760
  const lines: { x: number; text: string }[] = []
  paragraphs.forEach((p, i) => {
    if (centred(p, i)) {
      for (let k = 0; k < p.length; k += perLine) {
        const text = p.slice(k, k + perLine)
        lines.push({ x: left + ((perLine - text.length) * size) / 2, text })
      }
      return
    }
    // First line indented two characters, the rest at the margin: how a 公文 paragraph is printed.
    lines.push({ x: left + 2 * size, text: p.slice(0, perLine - 2) })
    for (let k = perLine - 2; k < p.length; k += perLine) lines.push({ x: left, text: p.slice(k, k + perLine) })
  })
  const pages: PdfText[][] = []
  for (let i = 0; i < lines.length; i += linesPerPage) {
    const n = pages.length + 1
    const page: PdfText[] = lines.slice(i, i + linesPerPage).map((l, k) => ({ x: l.x, y: top - k * size * 1.5, size, text: l.text }))
    if (runningHeader) page.push({ x: left, y: 800, size: 10, text: runningHeader })
    page.push({ x: 280, y: 40, size: 12, text: `— ${n} —` })
    pages.push(page)
  }
  return makePdf(pages)
}
