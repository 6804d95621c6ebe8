/**
 * The rules of 民主评议党员, as pure functions (docs/appraisal.md; tested in test/unit/appraisal-rules.test.ts).
 *
 * Sources: 《关于党员民主评议的规定》 (中组部, 1988): every 正式 and 预备 member is appraised once a year; the branch
 * grades each 优秀 / 合格 / 基本合格 / 不合格 after 民主测评, and a member found 不合格 is dealt with — 限期改正,
 * 劝其退党 or 除名 (also 党章 第九条). 《中国共产党支部工作条例（试行）》 (2018) 第十五条 keeps the yearly appraisal.
 * The share of 优秀 (at most one third nationally) is the committee's setting, as localities vary.
 */
import type { AppraisalGrade } from '../../../types/appraisal'
import type { PartyStatus } from '../../../types/domain'

export interface Share {
  numerator: number
  denominator: number
}

/** Who is appraised: 正式 and 预备 members on the roster (《关于党员民主评议的规定》: 全体党员，含预备党员). */
export const isAppraised = (m: { partyStatus: PartyStatus; state: string }) => m.state === 'active' && (m.partyStatus === 'full' || m.partyStatus === 'probationary')

/**
 * The most members that may be graded 优秀: ⌊appraised × numerator ÷ denominator⌋, in integers (3 → 1, 5 → 1,
 * 6 → 2, 0 → 0 with one third). A share that is not a proper fraction counts as none allowed above the appraised.
 */
export function excellentCap(appraised: number, share: Share): number {
  if (!Number.isInteger(appraised) || appraised <= 0) return 0
  const { numerator, denominator } = share
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) return 0
  return Math.min(appraised, Math.floor((appraised * numerator) / denominator))
}

/** Members per grade, and those not yet graded. */
export function gradeCounts(grades: (AppraisalGrade | null)[]): Record<AppraisalGrade, number> & { ungraded: number } {
  const out = { excellent: 0, qualified: 0, basic: 0, unqualified: 0, ungraded: 0 }
  for (const g of grades) {
    if (g === null) out.ungraded += 1
    else out[g] += 1
  }
  return out
}

/**
 * What is wrong with one member's 民主测评 votes (null: nothing). Each voter casts one vote per member
 * (《关于党员民主评议的规定》: 民主测评 by the members taking part), so the votes for a member are whole numbers, none
 * negative, and together at most the number who took part (`voters`: the meeting's present attendance, or the
 * appraised count when no attendance was kept). Rule name: `votes_exceed_voters` / `votes_not_counts`.
 */
export function checkVotes(name: string, votes: Record<AppraisalGrade, number> | null, voters: number): { rule: 'votes_not_counts' | 'votes_exceed_voters'; message: string } | null {
  if (!votes) return null
  const values = Object.values(votes)
  if (values.some((v) => !Number.isInteger(v) || v < 0)) return { rule: 'votes_not_counts', message: `${name}的民主测评票数须为不小于 0 的整数` }
  const sum = values.reduce((a, b) => a + b, 0)
  if (sum > voters) return { rule: 'votes_exceed_voters', message: `民主测评每人一票：${name}的票数合计 ${sum} 票，超过参加测评的 ${voters} 人，请核对后再填` }
  return null
}

export interface GradeRow {
  name: string
  grade: AppraisalGrade | null
  disposal: { kind: string; note: string } | null
}

/** A refusal: a Chinese sentence and a stable rule name (the error's details.rule). */
export interface Breach {
  rule: 'excellent_cap' | 'disposal_missing' | 'disposal_not_needed' | 'ungraded'
  message: string
  names?: string[]
}

const list = (names: string[]) => names.slice(0, 5).join('、') + (names.length > 5 ? ` 等 ${names.length} 人` : '')

/**
 * What is wrong with a sheet of grades, first breach first (null: nothing). `complete` asks for every member graded
 * (to 确定 the results); a draft may leave members ungraded.
 */
export function checkSheet(rows: GradeRow[], share: Share, complete: boolean): Breach | null {
  const cap = excellentCap(rows.length, share)
  const excellent = rows.filter((r) => r.grade === 'excellent')
  if (excellent.length > cap) {
    return {
      rule: 'excellent_cap',
      message: `评为优秀的不能超过参加评议党员的 ${share.numerator}/${share.denominator}：本次 ${rows.length} 人参加评议，最多 ${cap} 人评为优秀，现为 ${excellent.length} 人`,
      names: excellent.map((r) => r.name),
    }
  }
  const noDisposal = rows.filter((r) => r.grade === 'unqualified' && (!r.disposal || !r.disposal.note.trim()))
  if (noDisposal.length) return { rule: 'disposal_missing', message: `评为不合格的党员须记录处置方式和说明：${list(noDisposal.map((r) => r.name))}`, names: noDisposal.map((r) => r.name) }
  const extra = rows.filter((r) => r.grade !== 'unqualified' && r.disposal)
  if (extra.length) return { rule: 'disposal_not_needed', message: `只有评为不合格的党员才记录处置：${list(extra.map((r) => r.name))}`, names: extra.map((r) => r.name) }
  if (complete) {
    const open = rows.filter((r) => r.grade === null)
    if (open.length) return { rule: 'ungraded', message: `还有 ${open.length} 名党员未评定等次：${list(open.map((r) => r.name))}`, names: open.map((r) => r.name) }
  }
  return null
}
