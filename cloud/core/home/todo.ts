/**
 * The home tab's to-do lines (home.todo), as pure functions of what the action loaded: no database here, so the
 * wording and the order are unit-tested without a cloud. The contract is types/actions/home.ts.
 *
 * Order = urgency: late work first (the longest late first), then points the committee returned, sign-ins open
 * now, held sessions still unrecorded (oldest first), points due within SOON_DAYS (nearest first), join requests,
 * today's later sessions, drafts. The reminders push the same facts (d7/d3/d1 and weekly when late:
 * reminders/planner.ts), so the home says what the message said.
 */
import type { TODO_KINDS } from '../../../types/actions/home'
import { ACTIVITY_TYPE_INFO, type ActivityType } from '../../../types/domain'
import { signInWindow, windowState } from '../activities/rules'
import { beijingDate, daysBetween } from '../framework/time'

export type TodoKind = (typeof TODO_KINDS)[number]
export interface TodoItem {
  key: string
  kind: TodoKind
  title: string
  due: string
  tone: 'overdue' | 'soon' | 'now' | 'info'
  page: string
}

/** Work points due within this many days are listed (the first reminder goes out 7 days before: planner d7). */
export const SOON_DAYS = 7
export const TODO_LIMIT = 20

const POINT_PAGE = '/packages/plans/pages/point/index?id='
const PROGRESS_PAGE = '/packages/plans/pages/progress/index?id='
const PLANS_PAGE = '/packages/plans/pages/plans/index'
const DETAIL_PAGE = '/packages/activities/pages/detail/index?id='
const RECORD_PAGE = '/packages/activities/pages/edit/index?id='
const SIGN_IN_PAGE = '/packages/activities/pages/sign-in/index?id='
const BRANCH_PAGE = '/packages/org/pages/branch/index?id='
const RECRUIT_PAGE = '/packages/recruitment/pages/person/index?id='
const POINTS_TAB = '/pages/work-points/index'
const ACTIVITIES_TAB = '/pages/activities/index'
const REVIEW_QUEUE = '/packages/reviews/pages/queue/index'
const FEEDBACK_PAGE = '/packages/feedback/pages/list/index'
const DUES_LEDGER = '/packages/dues/pages/ledger/index?branchId='
const MY_DUES = '/packages/dues/pages/member/index?memberId='

/** 请假 waiting for the caller's decision (home/dues-leave.ts): how many, of how many sessions, and the soonest one. */
export interface TodoLeave {
  count: number
  /** The soonest session with a request waiting (the line opens it, where the requests are decided). */
  activityId: string | null
  /** How many sessions the waiting requests are of (more than one: the line says so; the next opens after). */
  sessions?: number
}

/** 党费 behind in the branch, for its keepers (home/dues-leave.ts membersBehindOnDues): how many, who first, how long. */
export interface TodoDuesBehind {
  count: number
  /** Up to three names, the longest behind first. */
  names: string[]
  /** The most consecutive months behind. */
  most: number
  /** Someone reached the committee's warning months (the ledger's flag). */
  flagged: boolean
}

/** Lines of 请假 to decide and 党费 behind, for a branch's secretary / 组织委员 (ranked with the other asks). */
function duesLeaveItems(branchId: string, leave: TodoLeave | undefined, duesBehind: number | TodoDuesBehind | undefined): Ranked[] {
  const out: Ranked[] = []
  if (leave && leave.count > 0) {
    out.push({ key: 'leave-to-decide', kind: 'leave_to_decide', title: `${leave.count} 条请假待审批${(leave.sessions ?? 1) > 1 ? `（${leave.sessions} 次活动）` : ''}`, due: (leave.sessions ?? 1) > 1 ? '先看最近的一次活动' : '活动开始前审批', tone: 'soon', page: leave.activityId ? DETAIL_PAGE + leave.activityId : ACTIVITIES_TAB, rank: 2 * BAND + BAND / 2 })
  }
  const dues = typeof duesBehind === 'number' ? { count: duesBehind, names: [], most: 0, flagged: false } : duesBehind
  if (dues && dues.count > 0) {
    // Who, by name (up to three, the longest behind first): 「张三、李四等 5 人欠缴党费」. Someone at the committee's
    // warning months (3 / 5 by default, toward 党章 第九条's six) ranks with the overdue work, others after the
    // sign-ins and 请假, so the line is not folded under 展开全部 (walk: sixth of six, below the fold).
    const names = dues.names.join('、')
    const who = !names ? `${dues.count} 名党员欠缴党费` : dues.count > dues.names.length ? `${names}等 ${dues.count} 人欠缴党费` : `${names}欠缴党费`
    const due = dues.most > 0 ? `最长 ${dues.most} 个月，去党费台账` : '去党费台账'
    out.push({ key: 'dues-behind', kind: 'dues_behind', title: who, due, tone: dues.flagged ? 'overdue' : 'soon', page: DUES_LEDGER + branchId, rank: dues.flagged ? BAND - 2 : 2 * BAND + BAND / 2 + 1 })
  }
  return out
}
const TERMS_PAGE = '/packages/terms/pages/term/index'

/** 已逾期 3 天 · 今天到期 · 还剩 2 天 — `daysLeft` from today (Beijing) to the due date. */
export function dueWords(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`
  return daysLeft === 0 ? '今天到期' : `还剩 ${daysLeft} 天`
}

/** 14:30 in Beijing. */
const clock = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16)
/** 12月3日 (Beijing calendar). */
const monthDay = (at: Date) => {
  const d = beijingDate(at)
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
}
const sessionName = (s: TodoSession) => `${ACTIVITY_TYPE_INFO[s.type]?.short ?? '活动'}「${s.topic}」`

export interface TodoPoint {
  id: string
  planId: string
  title: string
  dueOn: string
  state: 'not_started' | 'in_progress' | 'done'
  /** Returned by the committee (a reopen after the last report), with its reason. */
  returnedFor?: string | null
}
export interface TodoSession {
  id: string
  type: ActivityType
  topic: string
  startAt: Date
  endAt?: Date | null
  /** For a member: expected at it (in its audience); writers see every session of the branch. */
  eligible: boolean
  signedIn: boolean
}

interface Ranked extends TodoItem {
  rank: number
}
const finish = (items: Ranked[]) => {
  const sorted = items.sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key))
  return { items: sorted.slice(0, TODO_LIMIT).map(({ rank: _rank, ...i }) => i), total: sorted.length }
}
// Tiers: each kind's rank lies in its own band; inside a band the number orders by urgency.
const BAND = 1_000_000

function pointItems(points: TodoPoint[], today: string): Ranked[] {
  const out: Ranked[] = []
  for (const p of points) {
    if (p.state === 'done') continue
    const left = daysBetween(today, p.dueOn)
    if (p.returnedFor !== undefined && p.returnedFor !== null) {
      out.push({ key: `returned:${p.id}`, kind: 'point_returned', title: p.title, due: `被退回：${p.returnedFor}`, tone: 'overdue', page: POINT_PAGE + p.id, rank: BAND + left })
    } else if (left < 0) {
      out.push({ key: `overdue:${p.id}`, kind: 'point_overdue', title: p.title, due: dueWords(left), tone: 'overdue', page: POINT_PAGE + p.id, rank: left })
    } else if (left <= SOON_DAYS) {
      out.push({ key: `due:${p.id}`, kind: 'point_due', title: p.title, due: dueWords(left), tone: 'soon', page: POINT_PAGE + p.id, rank: 4 * BAND + left })
    }
  }
  return out
}

/**
 * The caller's own dues: months owed in the past year still unpaid (this month is not late yet). Anyone on the
 * roster owes them, whatever their posts — the same line for a member and for a secretary or 支委委员.
 */
function ownDuesItem(d: { memberId: string; months: number } | null | undefined): Ranked[] {
  if (!d || d.months <= 0) return []
  return [{ key: 'dues-unpaid', kind: 'dues_unpaid', title: `${d.months} 个月党费未交纳`, due: '查看我的党费', tone: d.months >= 3 ? 'overdue' : 'soon', page: MY_DUES + d.memberId, rank: 5 * BAND }]
}

/** What the branch's secretary and 支委 should do: points, sign-ins to run, sessions to record, join requests. */
export function writerTodo(input: {
  today: string
  now: Date
  points: TodoPoint[]
  sessions: TodoSession[]
  joinRequests: number
  branchId: string
  /** Records the committee returned (reviews.decide), until corrected and resubmitted. */
  returnedRecords?: { id: string; topic: string; comment: string | null }[]
  /** 组织关系转接 waiting for this branch to accept (transfers/reminders.ts incomingTransfers). */
  incomingTransfers?: number
  /** Letters to outside whose 回执 is late (transfers/reminders.ts overdueReceipts), for the sending keepers. */
  overdueReceipts?: number
  /** 发展党员 deadlines of the branch (recruitment/rules.ts dueItems), for its secretary and 组织委员. */
  recruitDue?: { recruitId: string; name: string; title: string; dueOn: string }[]
  /** 请假 waiting for this caller's decision (the secretary's, or another 支委's for the secretary's own). */
  leaveToDecide?: TodoLeave
  /** Members with a past month unpaid, for the dues keepers (the secretary and 组织委员): a count, or who and how long. */
  duesBehind?: number | TodoDuesBehind
  /** The caller's own dues unpaid when they are on the roster: a 支委 owes like any member (ownDuesItem). */
  duesUnpaid?: { memberId: string; months: number } | null
  /**
   * 换届, for the secretary: the term's state (terms/rules.ts termStatus). A line when it ends within six months or
   * has ended; a branch without a recorded term is asked monthly by the reminders instead (docs/terms.md).
   */
  term?: { state: 'none' | 'ok' | 'due_soon' | 'overdue'; endOn: string | null; daysLeft: number | null; postponed?: boolean } | null
}) {
  const { now } = input
  const items = pointItems(input.points, input.today)
  items.push(...duesLeaveItems(input.branchId, input.leaveToDecide, input.duesBehind))
  items.push(...ownDuesItem(input.duesUnpaid))
  const t = input.term
  if (t && (t.state === 'due_soon' || t.state === 'overdue')) {
    const title = '筹备支委会换届选举'
    // A 延期换届 approved: the date is the new due date, not the term's end (docs/terms.md).
    const due = t.postponed
      ? t.state === 'overdue'
        ? `延期换届日期已过 ${-(t.daysLeft ?? 0)} 天`
        : `距延期换届日期还剩 ${t.daysLeft} 天`
      : t.state === 'overdue'
        ? `任期已届满 ${-(t.daysLeft ?? 0)} 天`
        : `任期还剩 ${t.daysLeft} 天届满`
    items.push({ key: `term:${input.branchId}`, kind: 'term_due', title, due, tone: t.state === 'overdue' ? 'overdue' : 'soon', page: TERMS_PAGE, rank: t.state === 'overdue' ? BAND - 1 : 5 * BAND })
  }
  for (const d of input.recruitDue ?? []) {
    const left = daysBetween(input.today, d.dueOn)
    if (left > SOON_DAYS) continue
    // Late ones rank with late points (by how late), the coming ones with points due soon (by how soon).
    items.push({ key: `recruit:${d.recruitId}:${d.title}`, kind: 'recruitment_due', title: `${d.name}：${d.title}`, due: dueWords(left), tone: left < 0 ? 'overdue' : 'soon', page: RECRUIT_PAGE + d.recruitId, rank: left < 0 ? left : 4 * BAND + left })
  }
  if (input.incomingTransfers) {
    items.push({ key: 'transfers-incoming', kind: 'transfers_incoming', title: `${input.incomingTransfers} 份组织关系转入待接收`, due: '去接收', tone: 'soon', page: '/packages/transfers/pages/list/index?direction=in', rank: BAND })
  }
  if (input.overdueReceipts) {
    items.push({ key: 'transfers-receipts-overdue', kind: 'transfer_receipts_overdue', title: `${input.overdueReceipts} 份介绍信回执已逾期`, due: '去查看', tone: 'overdue', page: '/packages/transfers/pages/list/index?direction=out', rank: BAND })
  }
  for (const r of input.returnedRecords ?? []) {
    items.push({ key: `record-returned:${r.id}`, kind: 'record_returned', title: `「${r.topic}」被退回修改`, due: `党委意见：${r.comment ?? '请修改'}`, tone: 'overdue', page: DETAIL_PAGE + r.id, rank: BAND })
  }
  for (const s of input.sessions) {
    const state = windowState(now, signInWindow(s.startAt, s.endAt))
    if (state === 'OPEN') {
      items.push({ key: `signin:${s.id}`, kind: 'sign_in_open', title: sessionName(s), due: '正在签到', tone: 'now', page: DETAIL_PAGE + s.id, rank: 2 * BAND + s.startAt.getTime() / 60_000 - now.getTime() / 60_000 })
    } else if (s.startAt <= now) {
      const late = daysBetween(beijingDate(s.startAt), input.today)
      items.push({
        key: `record:${s.id}`,
        kind: 'to_record',
        title: sessionName(s),
        due: late > 0 ? `${monthDay(s.startAt)}召开，待记录` : '今天召开，待记录',
        tone: late > 3 ? 'overdue' : 'soon',
        page: RECORD_PAGE + s.id,
        rank: 3 * BAND - late,
      })
    }
  }
  if (input.joinRequests > 0) {
    items.push({ key: 'join-requests', kind: 'join_requests', title: `${input.joinRequests} 人申请加入支部`, due: '待审核', tone: 'soon', page: BRANCH_PAGE + input.branchId, rank: 5 * BAND })
  }
  return finish(items)
}

/**
 * What a member can act on: a session they are expected at whose sign-in is open (not yet signed in), or that
 * starts later today. Not the branch's points or meetings they cannot hold.
 */
export function memberTodo(input: { today: string; now: Date; sessions: TodoSession[]; duesUnpaid?: { memberId: string; months: number } | null }) {
  const { now, today } = input
  const items: Ranked[] = [...ownDuesItem(input.duesUnpaid)]
  for (const s of input.sessions) {
    if (!s.eligible || s.signedIn) continue
    const state = windowState(now, signInWindow(s.startAt, s.endAt))
    if (state === 'OPEN') {
      items.push({ key: `signin:${s.id}`, kind: 'sign_in_open', title: sessionName(s), due: '正在签到，去签到', tone: 'now', page: SIGN_IN_PAGE + s.id, rank: 2 * BAND + s.startAt.getTime() / 60_000 - now.getTime() / 60_000 })
    } else if (state === 'NOT_OPEN' && beijingDate(s.startAt) === today) {
      items.push({ key: `today:${s.id}`, kind: 'session_today', title: sessionName(s), due: `今天 ${clock(s.startAt)}`, tone: 'soon', page: DETAIL_PAGE + s.id, rank: 6 * BAND + s.startAt.getTime() / 60_000 - now.getTime() / 60_000 })
    }
  }
  return finish(items)
}

/** A guide's view: the branch's state in counts, each leading to the tab that lists it. */
export function guideTodo(input: { today: string; now: Date; points: TodoPoint[]; sessions: TodoSession[] }) {
  const { today, now } = input
  const open = input.points.filter((p) => p.state !== 'done')
  const late = open.filter((p) => daysBetween(today, p.dueOn) < 0).length
  const soon = open.filter((p) => {
    const d = daysBetween(today, p.dueOn)
    return d >= 0 && d <= SOON_DAYS
  }).length
  const unrecorded = input.sessions.filter((s) => windowState(now, signInWindow(s.startAt, s.endAt)) === 'CLOSED').length
  const items: Ranked[] = []
  if (late) items.push({ key: 'state:late', kind: 'branch_state', title: `${late} 项工作要点已逾期`, due: '支部情况', tone: 'overdue', page: POINTS_TAB, rank: 0 })
  if (soon) items.push({ key: 'state:soon', kind: 'branch_state', title: `${soon} 项工作要点 ${SOON_DAYS} 天内到期`, due: '支部情况', tone: 'soon', page: POINTS_TAB, rank: 1 })
  if (unrecorded) items.push({ key: 'state:unrecorded', kind: 'branch_state', title: `${unrecorded} 次活动已召开未记录`, due: '支部情况', tone: 'soon', page: ACTIVITIES_TAB, rank: 2 })
  return finish(items)
}

export interface CommitteePoint extends TodoPoint {
  pointSeq: number
  branchId: string
}

/**
 * The committee's view: per work point, how many branches are late (and the longest delay) or due soon, most late
 * first; records waiting for its review (one line, to the queue); plans still in draft. Each leads to the point's progress across branches.
 */
export function committeeTodo(input: {
  today: string
  points: CommitteePoint[]
  drafts: { id: string; title: string }[]
  /** Records waiting for the committee's review (reviews.queue 待审核: never reviewed, resubmitted, edited after approval). */
  toReview?: number
  /** 意见反馈 still 待处理 (feedback.list's open items): the senders wait on the committee too. */
  feedbackOpen?: number
}) {
  const { today } = input
  const byPoint = new Map<string, { planId: string; title: string; late: number; maxLate: number; soon: number; minLeft: number }>()
  for (const p of input.points) {
    if (p.state === 'done') continue
    const left = daysBetween(today, p.dueOn)
    if (left > SOON_DAYS) continue
    const k = `${p.planId}:${p.pointSeq}`
    const g = byPoint.get(k) ?? { planId: p.planId, title: p.title, late: 0, maxLate: 0, soon: 0, minLeft: Infinity }
    if (left < 0) {
      g.late += 1
      g.maxLate = Math.max(g.maxLate, -left)
    } else {
      g.soon += 1
      g.minLeft = Math.min(g.minLeft, left)
    }
    byPoint.set(k, g)
  }
  const items: Ranked[] = []
  for (const [k, g] of byPoint) {
    if (g.late) {
      items.push({ key: `late:${k}`, kind: 'point_overdue', title: g.title, due: `${g.late} 个支部逾期，最长 ${g.maxLate} 天`, tone: 'overdue', page: PROGRESS_PAGE + g.planId, rank: -g.maxLate })
    }
    if (g.soon) {
      items.push({ key: `soon:${k}`, kind: 'point_due', title: g.title, due: `${g.soon} 个支部未完成，${dueWords(g.minLeft)}`, tone: 'soon', page: PROGRESS_PAGE + g.planId, rank: 4 * BAND + g.minLeft })
    }
  }
  if (input.toReview) {
    // After late points, with the other returned/asked-back work: the branches wait on the committee here.
    items.push({ key: 'records-to-review', kind: 'records_to_review', title: `${input.toReview} 条组织生活记录待审核`, due: '去审核', tone: 'soon', page: REVIEW_QUEUE, rank: BAND })
  }
  if (input.feedbackOpen) {
    items.push({ key: 'feedback-open', kind: 'feedback_open', title: `${input.feedbackOpen} 条意见建议待答复`, due: '去处理', tone: 'soon', page: FEEDBACK_PAGE, rank: 5 * BAND })
  }
  for (const d of input.drafts) {
    items.push({ key: `draft:${d.id}`, kind: 'plan_draft', title: d.title, due: '草稿，尚未发布', tone: 'info', page: PLANS_PAGE, rank: 7 * BAND })
  }
  return finish(items)
}
