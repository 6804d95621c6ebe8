/**
 * Reading a .docx package: its body as paragraphs (with the list numbers Word shows in front of them) and tables
 * (with merged cells filled in). The zip is read with jszip and the XML with @xmldom/xmldom — the same libraries
 * mammoth uses — never with regular expressions over XML. jszip and xmldom are loaded on first use, like mammoth
 * before them, so the api function's cold start does not pay for them.
 *
 * Source for element names and meanings: ECMA-376 Part 1 — §17.3.1 paragraphs (w:p, w:pPr, w:numPr, w:pStyle),
 * §17.3.3 runs (w:t, w:tab, w:br, w:cr), §17.4 tables (w:tbl, w:tr, w:tc, w:gridSpan, w:vMerge), §17.7 styles,
 * §17.9 numbering.
 */
import type { Document as XmlDocument, Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom'
import { ListCounter, type LevelDef, type NumberingDefs } from './numbering'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

export type DocxBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] }

/** Thrown when the bytes are not a Word document (not a zip, or a zip without word/document.xml). */
export class NotDocxError extends Error {}

function children(el: XmlNode | null | undefined, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  if (!el) return out
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === W && (name === undefined || (n as XmlElement).localName === name)) out.push(n as XmlElement)
  }
  return out
}

function child(el: XmlNode | null | undefined, name: string): XmlElement | undefined {
  return children(el, name)[0]
}

function val(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined
  return el.getAttributeNS(W, 'val') || undefined
}

function intVal(el: XmlElement | undefined): number | undefined {
  const v = val(el)
  return v === undefined || !/^-?\d+$/.test(v) ? undefined : Number(v)
}

function levelDef(lvl: XmlElement): LevelDef {
  const suff = val(child(lvl, 'suff'))
  return {
    start: intVal(child(lvl, 'start')) ?? 0,
    numFmt: val(child(lvl, 'numFmt')) ?? 'decimal',
    lvlText: val(child(lvl, 'lvlText')) ?? '',
    restart: intVal(child(lvl, 'lvlRestart')),
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  }
}

export function readNumbering(doc: XmlDocument | null): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map() }
  const root = doc?.documentElement
  if (!root) return defs
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, LevelDef>()
    for (const lvl of children(a, 'lvl')) levels.set(Number(lvl.getAttributeNS(W, 'ilvl') || 0), levelDef(lvl))
    defs.abstracts.set(a.getAttributeNS(W, 'abstractNumId') ?? '', levels)
  }
  for (const n of children(root, 'num')) {
    const overrides = new Map<number, { startOverride?: number; lvl?: LevelDef }>()
    for (const o of children(n, 'lvlOverride')) {
      const lvl = child(o, 'lvl')
      overrides.set(Number(o.getAttributeNS(W, 'ilvl') || 0), { startOverride: intVal(child(o, 'startOverride')), lvl: lvl ? levelDef(lvl) : undefined })
    }
    defs.nums.set(n.getAttributeNS(W, 'numId') ?? '', { abstractNumId: val(child(n, 'abstractNumId')) ?? '', overrides })
  }
  return defs
}

interface StyleNumbering {
  numId?: string
  ilvl?: number
}

/** Paragraph styles that carry numbering (Word's 标题 1 with 一、 is numbered by its style), following basedOn. */
function readStyles(doc: XmlDocument | null): (styleId: string) => StyleNumbering {
  const own = new Map<string, { basedOn?: string; numPr: StyleNumbering }>()
  const root = doc?.documentElement
  for (const s of children(root, 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr')
    own.set(s.getAttributeNS(W, 'styleId') ?? '', {
      basedOn: val(child(s, 'basedOn')),
      numPr: { numId: val(child(numPr, 'numId')), ilvl: intVal(child(numPr, 'ilvl')) },
    })
  }
  return (styleId) => {
    const out: StyleNumbering = {}
    const seen = new Set<string>()
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); id = own.get(id)?.basedOn) {
      seen.add(id)
      const s = own.get(id)
      if (!s) break
      out.numId ??= s.numPr.numId
      out.ilvl ??= s.numPr.ilvl
    }
    return out
  }
}

/** The visible text of a paragraph's runs: w:t, tabs and breaks; deleted text (w:del) and field codes are not text. */
function runText(el: XmlElement, boxes: XmlElement[]): string {
  let s = ''
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue
    const e = n as XmlElement
    if (e.namespaceURI !== W) {
      // Text boxes (wps/v:textbox) hold their own paragraphs: collected separately, in order.
      collectBoxes(e, boxes)
      continue
    }
    switch (e.localName) {
      case 't':
        s += e.textContent ?? ''
        break
      case 'tab':
        s += '\t'
        break
      case 'br':
      case 'cr':
        s += '\n'
        break
      case 'del':
      case 'instrText':
      case 'delText':
      case 'pPr':
      case 'rPr':
        break
      case 'txbxContent':
        boxes.push(e)
        break
      default:
        s += runText(e, boxes)
    }
  }
  return s
}

function collectBoxes(el: XmlElement, boxes: XmlElement[]) {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue
    const e = n as XmlElement
    if (e.namespaceURI === W && e.localName === 'txbxContent') boxes.push(e)
    else collectBoxes(e, boxes)
  }
}

class BodyReader {
  readonly blocks: DocxBlock[] = []
  private readonly counter: ListCounter

  constructor(
    defs: NumberingDefs,
    private readonly styleNumbering: (styleId: string) => StyleNumbering,
  ) {
    this.counter = new ListCounter(defs)
  }

  /** One paragraph's text with its list label in front, as Word shows it. */
  paragraph(p: XmlElement): string {
    const pPr = child(p, 'pPr')
    const numPr = child(pPr, 'numPr')
    const style = val(child(pPr, 'pStyle'))
    const fromStyle = style ? this.styleNumbering(style) : {}
    const numId = val(child(numPr, 'numId')) ?? fromStyle.numId
    const ilvl = intVal(child(numPr, 'ilvl')) ?? fromStyle.ilvl ?? 0
    const boxes: XmlElement[] = []
    const text = runText(p, boxes)
    for (const box of boxes) this.blockList(box)
    if (numId === undefined) return text
    const label = this.counter.next(numId, ilvl)
    if (!label) return text
    return label.label + (label.suff === 'nothing' ? '' : ' ') + text
  }

  table(tbl: XmlElement): string[][] {
    const rows: string[][] = []
    // A vertically merged cell (w:vMerge without "restart") shows the text of the cell above it in the same column.
    const above: string[] = []
    for (const tr of children(tbl, 'tr')) {
      const row: string[] = []
      for (const tc of children(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr')
        const span = intVal(child(tcPr, 'gridSpan')) ?? 1
        const vMerge = child(tcPr, 'vMerge')
        const continued = vMerge !== undefined && val(vMerge) !== 'restart'
        const col = row.length
        const text = continued ? (above[col] ?? '') : children(tc, 'p').map((p) => this.paragraph(p)).join('\n').trim()
        for (let k = 0; k < span; k++) {
          row.push(text)
          above[col + k] = text
        }
      }
      rows.push(row)
    }
    return rows
  }

  blockList(container: XmlElement) {
    for (const el of children(container)) {
      if (el.localName === 'p') this.blocks.push({ kind: 'paragraph', text: this.paragraph(el) })
      else if (el.localName === 'tbl') this.blocks.push({ kind: 'table', rows: this.table(el) })
      else if (el.localName === 'sdt') this.blockList(child(el, 'sdtContent') ?? el)
      else if (el.localName === 'customXml' || el.localName === 'ins') this.blockList(el)
    }
  }
}

/** The body of a .docx as paragraphs and tables, in order. Throws NotDocxError when it is not a Word document. */
export async function readDocx(buffer: Buffer | Uint8Array): Promise<DocxBlock[]> {
  const [{ default: JSZip }, { DOMParser }] = await Promise.all([import('jszip'), import('@xmldom/xmldom')])
  let zip
  try {
    zip = await JSZip.loadAsync(buffer)
  } catch {
    throw new NotDocxError('not a zip')
  }
  const part = async (name: string): Promise<XmlDocument | null> => {
    const file = zip.file(name)
    if (!file) return null
    return new DOMParser({ onError: () => undefined }).parseFromString(await file.async('string'), 'text/xml')
  }
  const document = await part('word/document.xml')
  const body = child(document?.documentElement, 'body')
  if (!document || !body) throw new NotDocxError('no word/document.xml')
  const reader = new BodyReader(readNumbering(await part('word/numbering.xml')), readStyles(await part('word/styles.xml')))
  reader.blockList(body)
  return reader.blocks
}
