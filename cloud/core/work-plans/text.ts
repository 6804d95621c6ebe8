/**
 * Turning pasted or extracted text into clean paragraphs, and the one rule that mends page-break damage.
 *
 * Text copied from a PDF or Word file arrives with its layout baked in: a line per paragraph (or per page line),
 * blank lines between, page numbers, stray Markdown marks when it passed through an editor, spaces the PDF put
 * between characters. Everything here works line by line and never drops content silently: what it removes is
 * either pure layout (whitespace, Markdown marks) or reported by the caller (page numbers).
 */

/** Han characters and the full-width punctuation that sits between them. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》〔〕【】…—]/u

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch)
}

/**
 * Marks that end a sentence or a clause. A paragraph that ends with one of them is complete; one that does not was
 * cut by a page break (or a line wrap) and the next paragraph carries on the same sentence — or the same word.
 */
const TERMINAL = /[。！？!?；;：:…]$/
const CLOSERS = /[”’」』"')）】\]]+$/

export function endsSentence(text: string): boolean {
  // "……。”" and "（…。）" are complete: look through closing quotes and brackets. A bracket closed after a name,
  // "（责任人：张三）", is not a sentence end — the joining rule is then harmless (same point either way).
  return TERMINAL.test(text.replace(CLOSERS, ''))
}

/**
 * Joins a paragraph to the text before it. A cut sentence (or word: 党组 / 织) is joined directly; a Latin or digit
 * word wrap gets one space back; a paragraph after a complete sentence is a real paragraph and keeps a line break.
 */
export function joinParagraph(before: string, next: string): string {
  if (before === '') return next
  if (endsSentence(before)) return `${before}\n${next}`
  const a = before[before.length - 1]
  const b = next[0]
  return isCjk(a) || isCjk(b) ? before + next : `${before} ${next}`
}

/**
 * Spaces: runs collapse to one; a space between two Chinese characters (or Chinese punctuation) is removed, because
 * in Chinese text it is always a PDF layout artefact ("社会组织 行业委员会"). Spaces next to digits or Latin letters
 * stay as the source has them ("2021 年", "建党 100 周年"), so titles read exactly as printed.
 */
export function normaliseSpaces(line: string): string {
  const collapsed = line
    .replace(/[\u00a0\u3000\u2002-\u200a\u202f\u205f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[ \t\f\v]+/g, ' ')
    .trim()
  let out = ''
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i]
    if (ch === ' ' && isCjk(out[out.length - 1]) && isCjk(collapsed[i + 1])) continue
    out += ch
  }
  return out
}

/** A numbering token at the start of a line: what Markdown list and heading marks may stand in front of. */
const NUMBERING_AHEAD = /^\s*(?:\d|[０-９]|[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)])/

/**
 * Removes Markdown that an editor or a converter left around the text: heading marks (#), emphasis (** __ ~~),
 * block quotes (>), list bullets before a number, escapes ("1\." from pandoc), horizontal rules. These are marks,
 * not words, so they go without a warning.
 */
export function stripMarkdown(line: string): string {
  let s = line
  if (/^\s*(?:[-*_]\s*){3,}$/.test(s)) return '' // a horizontal rule
  s = s.replace(/^\s*(?:>\s*)+/, '')
  s = s.replace(/^\s*#{1,6}(?=\s|[^#]|$)\s*/, '')
  s = s.replace(/\*\*|__|~~/g, '')
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
  const bullet = /^\s*[-*+]\s+/.exec(s)
  if (bullet && NUMBERING_AHEAD.test(s.slice(bullet[0].length))) s = s.slice(bullet[0].length)
  // A heading mark left alone at the end ("## 一、… ##") is closing ATX syntax.
  s = s.replace(/\s+#+\s*$/, '')
  return s
}

/** A line that is nothing but a page number: "3", "- 3 -", "— 3 —", "第 3 页", "第3页 共8页", "3/8". */
const PAGE_NUMBER = /^(?:[-—–－~\s]*\d{1,3}[-—–－~\s]*|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line)
}

/** Full-width digits read as ASCII (only where numbers are parsed; the text itself keeps its characters). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/**
 * A number written in Chinese numerals as documents use them for section numbers, months and days: 一 … 九十九
 * (十, 十二, 二十, 二十五), or digit by digit for years (二〇二一). Returns null for anything else.
 */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s)
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s) && !s.includes('十')) {
    return Number([...s].map((c) => CN_DIGITS[c]).join(''))
  }
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || s === '') return null
  const [, tens, ten, units] = m
  if (!ten) return tens && !units ? CN_DIGITS[tens] : null
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (units ? CN_DIGITS[units] : 0)
}

/** Punctuation and whitespace removed: how tests and checks compare text that may differ only in those. */
export function lettersOnly(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '')
}
