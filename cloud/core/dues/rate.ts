/**
 * How much a member owes each month, in 分 (integer arithmetic: no floating-point error reaches an amount).
 *
 * Source: 《关于中国共产党党费收缴、使用和管理的规定》 (中共中央组织部, 2008), 一、党费收缴:
 * - 在职党员 pay on their 税后月工资收入: ≤ 3,000 元 0.5%; 3,000–5,000 元 1%; 5,000–10,000 元 1.5%; > 10,000 元 2%.
 *   The rate of the bracket applies to the WHOLE base (not progressively), and each upper bound belongs to its
 *   bracket: 3,000 元 → 0.5%, 5,000 元 → 1%, 5,400 元 → 1.5% = 81.00 元.
 * - 离退休党员 pay on their 离退休费: ≤ 5,000 元 0.5%, above it 1%.
 * - 学生党员, 下岗失业的党员, 依靠抚恤或救济生活的党员 (低保): 0.2 元 a month.
 * - 农民党员: 0.2 元 to 1 元 a month (the branch sets it per member; 0.2 元 unless set).
 * A member may always pay more (规定 一(六) 自愿多交); paying less is the secretary's recorded decision (dues.record).
 */

import type { DuesCategory } from '../../../types/dues'

/** Categories whose amount depends on an income (the base is asked for); the others pay a fixed amount. */
export const hasBase = (category: DuesCategory): boolean => category === 'employed' || category === 'retired'

export const FIXED_FEN = 20
export const FARMER_MIN_FEN = 20
export const FARMER_MAX_FEN = 100

/** Brackets as [upper bound in 分 (inclusive), rate in basis points (1 bp = 0.01%)]; the last has no upper bound. */
const EMPLOYED: readonly [number, number][] = [
  [300_000, 50],
  [500_000, 100],
  [1_000_000, 150],
  [Infinity, 200],
]
const RETIRED: readonly [number, number][] = [
  [500_000, 50],
  [Infinity, 100],
]

export interface DuesQuote {
  /** The rate as basis points of the base (0 for a fixed amount). */
  rateBp: number
  /** The monthly amount in 分. */
  amountFen: number
}

/** The bracket rate (basis points) for a base in 分. */
function bracket(table: readonly [number, number][], baseFen: number): number {
  for (const [upTo, bp] of table) if (baseFen <= upTo) return bp
  return table[table.length - 1][1]
}

/**
 * The monthly dues of one member. `baseFen` is the monthly income in 分 (ignored for fixed categories);
 * `farmerFen` is the branch's amount for a 农民党员 (20–100 分, default 20). Rounds half up to the 分.
 */
export function monthlyDues(category: DuesCategory, baseFen: number, farmerFen: number = FIXED_FEN): DuesQuote {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0) throw new RangeError(`base must be a whole number of 分 ≥ 0, got ${baseFen}`)
  switch (category) {
    case 'employed':
    case 'retired': {
      const rateBp = bracket(category === 'employed' ? EMPLOYED : RETIRED, baseFen)
      // baseFen × rateBp / 10,000, rounded half up: integers all the way (≤ 2^53 for any base under 4.5e11 元).
      return { rateBp, amountFen: Math.floor((baseFen * rateBp + 5_000) / 10_000) }
    }
    case 'farmer': {
      if (!Number.isInteger(farmerFen) || farmerFen < FARMER_MIN_FEN || farmerFen > FARMER_MAX_FEN) {
        throw new RangeError(`a farmer's amount is 20–100 分, got ${farmerFen}`)
      }
      return { rateBp: 0, amountFen: farmerFen }
    }
    default:
      return { rateBp: 0, amountFen: FIXED_FEN }
  }
}

/**
 * 元 given as a number (as a person types it) to 分, or null when it is not a whole number of 分 (12.345) or not a
 * finite amount ≥ 0. 0.1 + 0.2 style binary error is absorbed: 81.1 × 100 = 8109.999… is 8110 分.
 */
export function yuanToFen(yuan: number): number | null {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan) || yuan < 0) return null
  const fen = Math.round(yuan * 100)
  if (Math.abs(yuan * 100 - fen) > 1e-6) return null
  return Number.isSafeInteger(fen) ? fen : null
}

/** 分 to 元 as a number with at most two decimals (81.00 元 → 81, 15.01 元 → 15.01). */
export const fenToYuan = (fen: number): number => Number((fen / 100).toFixed(2))

/** 分 as the text people read: 81.00 元. */
export const fenText = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** The rate as a fraction (150 bp → 0.015), exact to the representation of a short decimal. */
export const bpToFraction = (bp: number): number => Number((bp / 10_000).toFixed(4))
