/**
 * Word's list numbering, as Word shows it. Most plans are typed with Word's own numbering: the 一、 of a section and
 * the 1. of a point are not characters in the paragraph but list numbering (word/numbering.xml), so the text alone
 * has no numbers. This module holds the numbering definitions and counts paragraphs the way Word does; ooxml.ts
 * reads the definitions from the package and asks it for each paragraph's number.
 *
 * Source: ECMA-376 Part 1, §17.9 (Numbering): abstractNum/lvl (start, numFmt, lvlText, lvlRestart, suff), num
 * (abstractNumId, lvlOverride/startOverride, lvlOverride/lvl). Word keeps one set of counters per abstractNum: two
 * num instances of one abstractNum continue each other, and a num with a startOverride restarts its level the first
 * time it is used (that is how Word's 「重新开始编号」 is saved).
 */

export interface LevelDef {
  start: number
  /** ST_NumberFormat: decimal, chineseCounting, chineseCountingThousand, upperRoman, bullet, none … */
  numFmt: string
  /** e.g. "%1、", "（%2）", "%2." — %n is level n's current number in that level's format. */
  lvlText: string
  /** w:lvlRestart: restart after a use of a level above this 1-based level; 0 = never. Undefined = after any higher. */
  restart?: number
  /** What follows the number: a tab (Word's default), a space or nothing. */
  suff: 'tab' | 'space' | 'nothing'
}

export interface NumDef {
  abstractNumId: string
  /** lvlOverride per level: a new start value and/or a whole new level definition. */
  overrides: Map<number, { startOverride?: number; lvl?: LevelDef }>
}

export interface NumberingDefs {
  abstracts: Map<string, Map<number, LevelDef>>
  nums: Map<string, NumDef>
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const CN_LEGAL = ['', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
const TIAN_GAN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
function chineseCounting(n: number, digits: string[] = CN, ten = '十', hundred = '百'): string {
  if (n <= 0) return String(n)
  if (n >= 1000) return String(n)
  const h = Math.floor(n / 100)
  const t = Math.floor((n % 100) / 10)
  const u = n % 10
  let s = ''
  if (h > 0) s += digits[h] + hundred
  if (t > 0) s += (t === 1 && h === 0 ? '' : digits[t]) + ten
  else if (h > 0 && u > 0) s += '零'
  if (u > 0) s += digits[u]
  return s
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: a … z, aa … zz.
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26))
  return ch.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let s = ''
  for (const [v, r] of table) while (n >= v) {
    s += r
    n -= v
  }
  return s
}

/** One number in one of Word's formats. Formats a plan does not use fall back to arabic digits. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n)
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, '拾', '佰')
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIAN_GAN[n - 1] : String(n)
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return `(${n})`
    case 'upperLetter':
      return letters(n, true)
    case 'lowerLetter':
      return letters(n, false)
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    default:
      return String(n)
  }
}

/**
 * Counts numbered paragraphs in document order. `next(numId, ilvl)` is called once per numbered paragraph and
 * returns the label Word shows in front of it ("一、", "1.", "（二）"), or null for none (a bullet, numId 0, an
 * unknown list).
 */
export class ListCounter {
  private counters = new Map<string, (number | undefined)[]>()
  private startedOverrides = new Set<string>()

  constructor(private readonly defs: NumberingDefs) {}

  private level(num: NumDef, ilvl: number): LevelDef | undefined {
    return num.overrides.get(ilvl)?.lvl ?? this.defs.abstracts.get(num.abstractNumId)?.get(ilvl)
  }

  next(numId: string, ilvl: number): { label: string; suff: LevelDef['suff'] } | null {
    const num = this.defs.nums.get(numId)
    if (numId === '0' || !num) return null
    const lvl = this.level(num, ilvl)
    if (!lvl) return null
    const counters = this.counters.get(num.abstractNumId) ?? []
    this.counters.set(num.abstractNumId, counters)

    const override = num.overrides.get(ilvl)
    const key = `${numId}:${ilvl}`
    if (override?.startOverride !== undefined && !this.startedOverrides.has(key)) {
      // The first paragraph of a restarted list: Word begins again at the override's value.
      this.startedOverrides.add(key)
      counters[ilvl] = override.startOverride - 1
    }
    counters[ilvl] = (counters[ilvl] ?? lvl.start - 1) + 1

    // Deeper levels start again after this one, unless their lvlRestart says otherwise (0: never).
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = this.level(num, deeper)
      const restartAfter = d?.restart
      if (restartAfter === undefined || (restartAfter !== 0 && ilvl < restartAfter)) counters[deeper] = undefined
    }

    if (lvl.numFmt === 'bullet' || lvl.numFmt === 'none') return null
    const label = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const at = Number(d) - 1
      const def = this.level(num, at)
      const value = counters[at] ?? def?.start ?? 1
      return formatNumber(value, at === ilvl ? lvl.numFmt : (def?.numFmt ?? 'decimal'))
    })
    return { label, suff: lvl.suff }
  }
}
