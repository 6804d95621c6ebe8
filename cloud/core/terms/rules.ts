/**
 * 换届 rules, pure (no port, no clock): a term's end, its state on a day, the reminder milestones, the election's
 * validity, and the 政治生日. Dates are Beijing calendar days (YYYY-MM-DD). docs/terms.md; tests
 * test/unit/terms-rules.test.ts.
 *
 * Sources:
 * - 《中国共产党支部工作条例（试行）》(2018) 第六章（党支部委员会建设）: 党支部委员会（不设委员会的党支部书记、副书记）
 *   每届任期一般为 3 年（村、社区党支部为 5 年）; 任期届满应当按期进行换届选举. TERM_YEARS and the branch's `years`.
 * - 《中国共产党基层组织选举工作条例》(2020): 进行选举时，有选举权的到会人数超过应到会人数的五分之四，会议有效;
 *   被选举人获得的赞成票超过应到会有选举权人数的一半，始得当选. electionRefusal.
 * - 《中国共产党章程》第七条: 预备党员没有表决权、选举权和被选举权 — only 正式党员 vote (the roster's voters) and
 *   only 正式党员 can be elected (organisation/roster.ts postRefusal).
 */
import { TERM_POSTS, type TermPost, type TermState } from '../../../types/terms'

/** 支部工作条例（试行）第六章: a branch committee's term is three years by default. */
export const TERM_YEARS = 3
/** Reminders before the end: six and three months ahead. */
export const TERM_LEAD_MONTHS = [6, 3] as const

const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** The same day `n` months later (or earlier); a day the month lacks is its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + n
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  return `${year}-${pad(month)}-${pad(Math.min(d, daysIn(year, month)))}`
}

export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/**
 * The day a term that started on `startOn` and lasts `years` 届满: the same date `years` later, as the 预备期 is
 * counted (recruitment/rules.ts probationEnd): 2024-02-29 for three years → 2027-02-28; 2023-12-31 → 2026-12-31.
 * The term is overdue for 换届 from the day after.
 */
export function termEnd(startOn: string, years: number): string {
  return addMonths(startOn, years * 12)
}

export interface TermStatus {
  state: TermState
  endOn: string | null
  /** Days from today to the end (0 on the last day; negative once ended); null without a term. */
  daysLeft: number | null
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** The state of the current term (or of none) on `today`. due_soon from six months before the end. */
export function termStatus(term: { endOn: string } | null, today: string): TermStatus {
  if (!term) return { state: 'none', endOn: null, daysLeft: null }
  const daysLeft = daysBetween(today, term.endOn)
  if (daysLeft < 0) return { state: 'overdue', endOn: term.endOn, daysLeft }
  if (today >= addMonths(term.endOn, -TERM_LEAD_MONTHS[0])) return { state: 'due_soon', endOn: term.endOn, daysLeft }
  return { state: 'ok', endOn: term.endOn, daysLeft }
}

/**
 * The reminder milestone due on `today` for a branch's term, or null: `m6` / `m3` from six / three months before
 * the end, `o1`, `o2` … from the day after the end and then monthly while overdue, and, without a term, one per
 * calendar month (`noneYYYY-MM`). The newest due one only (a missed run is caught up, a stale one never follows a
 * newer one); its dedupe key makes each go out once.
 */
export function termMilestone(term: { endOn: string } | null, today: string): { name: string; day: string } | null {
  if (!term) return { name: `none${today.slice(0, 7)}`, day: `${today.slice(0, 7)}-01` }
  const after = addDays(term.endOn, 1)
  if (today >= after) {
    let n = 1
    while (addMonths(after, n) <= today) n++
    return { name: `o${n}`, day: addMonths(after, n - 1) }
  }
  const m3 = addMonths(term.endOn, -3)
  if (today >= m3) return { name: 'm3', day: m3 }
  const m6 = addMonths(term.endOn, -6)
  if (today >= m6) return { name: 'm6', day: m6 }
  return null
}

export interface ElectionMeeting {
  branchMatches: boolean
  type: string
  recorded: boolean
  deleted: boolean
  on: string
  /** 正式党员 expected at the meeting (应到会有选举权的人数) and how many of them were present. */
  voters: number
  presentVoters: number
}

export interface ElectionInput {
  startOn: string
  candidates: { memberId: string; votes: number }[]
  members: { memberId: string; post: TermPost }[]
  /** 应选人数 (default: as many as elected). */
  seats?: number
}

export interface Refusal {
  code: 'INVALID_INPUT' | 'CONFLICT'
  field: string
  message: string
}

/** Why the 换届选举 cannot be recorded as given, or null (`names` words the 差额 messages: electedRefusal). */
export function electionRefusal(meeting: ElectionMeeting, input: ElectionInput, names: ReadonlyMap<string, string> = new Map()): Refusal | null {
  if (!meeting.branchMatches || meeting.deleted) return { code: 'INVALID_INPUT', field: 'activityId', message: '关联的支部党员大会不存在' }
  if (meeting.type !== 'party_congress') return { code: 'INVALID_INPUT', field: 'activityId', message: '换届选举应在支部党员大会上进行，请关联一次支部党员大会' }
  if (!meeting.recorded) return { code: 'CONFLICT', field: 'activityId', message: '请先记录这次支部党员大会（出席情况），再登记选举结果' }
  if (meeting.on !== input.startOn) return { code: 'INVALID_INPUT', field: 'startOn', message: `新一届任期从选举之日（${meeting.on}）起算，请将任期开始日期设为这一天` }
  if (meeting.voters === 0) return { code: 'CONFLICT', field: 'activityId', message: '这次大会没有应到会的正式党员，无法进行选举' }
  if (meeting.presentVoters * 5 <= meeting.voters * 4) {
    return { code: 'CONFLICT', field: 'activityId', message: `有选举权的到会党员 ${meeting.presentVoters} 人，未超过应到会 ${meeting.voters} 人的五分之四，选举无效（《中国共产党基层组织选举工作条例》）` }
  }
  const ids = input.candidates.map((c) => c.memberId)
  if (new Set(ids).size !== ids.length) return { code: 'INVALID_INPUT', field: 'candidates', message: '候选人不能重复' }
  const over = input.candidates.find((c) => c.votes > meeting.presentVoters)
  if (over) return { code: 'INVALID_INPUT', field: 'candidates', message: `得票数不能多于到会的有选举权党员人数（${meeting.presentVoters} 人）` }
  const votes = new Map(input.candidates.map((c) => [c.memberId, c.votes]))
  for (const m of input.members) {
    const v = votes.get(m.memberId)
    if (v === undefined) return { code: 'INVALID_INPUT', field: 'members', message: '当选的支委应是候选人之一' }
    if (v * 2 <= meeting.voters) {
      return { code: 'CONFLICT', field: 'members', message: `得 ${v} 票，未超过应到会有选举权党员 ${meeting.voters} 人的一半，不能当选（《中国共产党基层组织选举工作条例》）` }
    }
  }
  return electedRefusal(input, meeting.voters, names)
}

/** The committee's posts as given: one 书记, each person once, each post but none twice. */
export function postsRefusal(members: { memberId: string; post: TermPost }[]): Refusal | null {
  if (!members.length) return { code: 'INVALID_INPUT', field: 'members', message: '请填写新一届支委会成员及职务' }
  const ids = members.map((m) => m.memberId)
  if (new Set(ids).size !== ids.length) return { code: 'INVALID_INPUT', field: 'members', message: '同一人只能担任一个职务' }
  const secretaries = members.filter((m) => m.post === '书记').length
  if (secretaries !== 1) return { code: 'INVALID_INPUT', field: 'members', message: '新一届支委会应有且只有一名书记' }
  const posts = members.map((m) => m.post)
  if (new Set(posts).size !== posts.length) return { code: 'INVALID_INPUT', field: 'members', message: '每个职务只能由一人担任' }
  return null
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * 政治生日: whether `today` is the anniversary of `joinedOn` (入党日期), and which one (1, 2 …); null otherwise and on
 * the day itself. Someone who joined on 29 February is greeted on 28 February in a year without one.
 */
export function politicalBirthday(joinedOn: string | null, today: string): number | null {
  if (!joinedOn || !/^\d{4}-\d{2}-\d{2}$/.test(joinedOn)) return null
  const years = Number(today.slice(0, 4)) - Number(joinedOn.slice(0, 4))
  if (years < 1) return null
  let md = joinedOn.slice(5)
  if (md === '02-29' && !isLeap(Number(today.slice(0, 4)))) md = '02-28'
  return today.slice(5) === md ? years : null
}

/** The order posts are listed in (书记, 副书记, 组织委员, 宣传委员, 纪检委员, then the others): types/terms.ts TERM_POSTS. */
export function byPost<T extends { post: string }>(members: readonly T[]): T[] {
  const rank = (p: string) => {
    const i = (TERM_POSTS as readonly string[]).indexOf(p)
    return i < 0 ? TERM_POSTS.length : i
  }
  return [...members].sort((a, b) => rank(a.post) - rank(b.post))
}

export interface ElectionResult {
  /** Elected, most votes first. */
  elected: string[]
  /** Tied at the last seat(s): they must vote again (重新投票) before anyone of them is elected. */
  tied: string[]
  /** Seats neither filled nor tied: 另行选举. */
  open: number
}

/**
 * Who is elected (差额选举 or 等额选举) from the votes per candidate, `seats` to fill (应选人数) and `voters` (应到会有
 * 选举权的人数). 《中国共产党基层组织选举工作条例》(2020): 被选举人获得的赞成票超过应到会有选举权的人数的一半，始得当选;
 * 获得赞成票超过半数的被选举人多于应选名额时，以得票多少为序，至取足应选名额为止; 如遇票数相等不能确定当选人时，应当就
 * 票数相等的被选举人重新投票，得票多的当选; 当选人少于应选名额时，对不足的名额另行选举. (The project's domain notes name
 * the 换届 only; the rule is the 条例's.) Exactly half is not more than half: not elected.
 */
export function electionResult(candidates: readonly { memberId: string; votes: number }[], seats: number, voters: number): ElectionResult {
  const over = candidates.filter((c) => c.votes * 2 > voters).sort((a, b) => b.votes - a.votes)
  if (over.length <= seats) return { elected: over.map((c) => c.memberId), tied: [], open: seats - over.length }
  const cut = over[seats - 1].votes
  const above = over.filter((c) => c.votes > cut)
  const atCut = over.filter((c) => c.votes === cut)
  if (above.length + atCut.length === seats) return { elected: [...above, ...atCut].map((c) => c.memberId), tied: [], open: 0 }
  return { elected: above.map((c) => c.memberId), tied: atCut.map((c) => c.memberId), open: 0 }
}

/**
 * Why the elected committee as given does not follow from the votes, or null: each one elected by more than half of
 * the voters, the most votes first up to the seats, no tie left at the last seat, no seat left open (另行选举 first).
 * `names` words the messages.
 */
export function electedRefusal(
  input: { candidates: readonly { memberId: string; votes: number }[]; members: readonly { memberId: string }[]; seats?: number },
  voters: number,
  names: ReadonlyMap<string, string>,
): Refusal | null {
  const seats = input.seats ?? input.members.length
  const name = (id: string) => names.get(id) ?? '候选人'
  if (seats < input.members.length) return { code: 'INVALID_INPUT', field: 'seats', message: `当选 ${input.members.length} 人，多于应选人数 ${seats} 人` }
  if (input.candidates.length < seats) return { code: 'INVALID_INPUT', field: 'candidates', message: `候选人（${input.candidates.length} 人）不能少于应选人数（${seats} 人）` }
  const r = electionResult(input.candidates, seats, voters)
  if (r.tied.length) {
    return { code: 'CONFLICT', field: 'candidates', message: `${r.tied.map(name).join('、')} 票数相等，不能确定当选人，应就票数相等的被选举人重新投票，得票多的当选；请登记重新投票的得票（《中国共产党基层组织选举工作条例》）` }
  }
  const elected = new Set(r.elected)
  const wrong = input.members.find((m) => !elected.has(m.memberId))
  if (wrong) return { code: 'CONFLICT', field: 'members', message: `${name(wrong.memberId)} 得票未进入前 ${seats} 名，不能当选：超过半数的被选举人多于应选名额时，以得票多少为序（《中国共产党基层组织选举工作条例》）` }
  const given = new Set(input.members.map((m) => m.memberId))
  const missing = r.elected.find((id) => !given.has(id))
  if (missing) return { code: 'INVALID_INPUT', field: 'members', message: `${name(missing)} 当选，请为其选择职务` }
  if (r.open) return { code: 'CONFLICT', field: 'seats', message: `当选 ${r.elected.length} 人，少于应选 ${seats} 人，不足的名额应另行选举；请登记另行选举后的结果（《中国共产党基层组织选举工作条例》）` }
  return null
}

/** 延期换届 may put the 换届 off by at most this many months (一般不超过 1 年). */
export const POSTPONE_MAX_MONTHS = 12

/**
 * Why a 延期换届 cannot be recorded as given, or null. 《中国共产党支部工作条例（试行）》第六章: 任期届满应当按期进行换届
 * 选举，如需延期，应报上级党组织批准; 《中国共产党基层组织选举工作条例》(2020): 延长或者提前期限一般不超过 1 年. The
 * approval is dated (not ahead of today, not before the term began); the new due date is after the term's end, after
 * today, and within a year of the end (a second postponement extends the first, within the same year).
 *
 * When: only a term that 届满 within six months (the 换届 reminders start then, TERM_LEAD_MONTHS) or is overdue may be
 * postponed — a 延期 is asked for as the 换届 comes due, not years ahead. A second approval extends the first: its date
 * is after the approved one (decided: the approved date is the latest day for the 换届, which may be held before it
 * without a new approval, so an earlier date is refused, not recorded as a change).
 */
export function postponeRefusal(term: { startOn: string; endOn: string; dueOn: string }, input: { approvedOn: string; dueOn: string }, today: string): Refusal | null {
  const opens = addMonths(term.endOn, -TERM_LEAD_MONTHS[0])
  if (today < opens) {
    return { code: 'CONFLICT', field: 'dueOn', message: `本届任期 ${term.endOn} 届满，延期换届从届满前 6 个月（${opens}）起才能登记；任期届满应当按期进行换届选举（《中国共产党支部工作条例（试行）》）` }
  }
  if (input.approvedOn > today) return { code: 'INVALID_INPUT', field: 'approvedOn', message: '批准日期不能晚于今天' }
  if (input.approvedOn < term.startOn) return { code: 'INVALID_INPUT', field: 'approvedOn', message: '批准日期不能早于本届任期开始' }
  if (term.dueOn > term.endOn && input.dueOn <= term.dueOn) {
    return { code: 'CONFLICT', field: 'dueOn', message: `已批准延期换届至 ${term.dueOn}，换届选举可在此日期前举行，无需再登记；再次延期的日期应晚于 ${term.dueOn}` }
  }
  if (input.dueOn <= term.endOn) return { code: 'INVALID_INPUT', field: 'dueOn', message: `延期后的换届日期应晚于任期届满日（${term.endOn}）` }
  if (input.dueOn <= today) return { code: 'INVALID_INPUT', field: 'dueOn', message: '延期后的换届日期应晚于今天' }
  if (input.dueOn > addMonths(term.endOn, POSTPONE_MAX_MONTHS)) {
    return { code: 'CONFLICT', field: 'dueOn', message: `延期一般不超过 1 年（至 ${addMonths(term.endOn, POSTPONE_MAX_MONTHS)}，《中国共产党基层组织选举工作条例》）` }
  }
  return null
}
