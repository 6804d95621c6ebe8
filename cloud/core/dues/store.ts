/**
 * 党费 documents. One profile per roster entry (`_id` = the member's id); one payment per member and month
 * (`_id` = `${memberId}:${month}`), so a month recorded twice is refused by the database itself (a duplicate _id),
 * whatever two phones do at once.
 */
import type { DuesCategory, DuesWay } from '../../../types/dues'

export interface DuesProfileDoc {
  _id: string
  branchId: string
  memberId: string
  category: DuesCategory
  /** 在职 / 离退休: the monthly base in 分 (税后月工资收入 / 离退休费); null for fixed categories. */
  baseFen: number | null
  /** 农民: the branch's monthly amount in 分 (20–100); null otherwise. */
  farmerFen: number | null
  /** The first month this ledger counts (YYYY-MM). */
  startMonth: string
  /** When the secretary or 组织委员 last set or confirmed the base (YYYY-MM-DD, Beijing). */
  checkedOn: string
  setBy: { openid: string; name: string }
  updatedAt: Date
}

export interface DuesPaymentDoc {
  _id: string
  branchId: string
  memberId: string
  month: string
  /** What was due for the month when it was recorded, in 分. */
  dueFen: number
  paidFen: number
  paidOn: string
  way: DuesWay
  /** Why less than due was accepted (required then). */
  reason: string | null
  recordedBy: { openid: string; name: string }
  recordedAt: Date
}

/** The branch's yearly 党费收缴情况公布, one per branch and year. */
export interface DuesPublicationDoc {
  _id: string // `${branchId}:${year}`
  branchId: string
  year: number
  title: string
  body: string
  by: { openid: string; name: string }
  at: Date
}

export const paymentId = (memberId: string, month: string) => `${memberId}:${month}`
