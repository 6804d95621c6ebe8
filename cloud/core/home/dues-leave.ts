/**
 * What home.todo reads for 请假 and 党费 (the lines are built by the pure rules in ./todo.ts):
 * - for a branch writer, the leave requests waiting for *their* decision — the secretary decides everyone's but their
 *   own, another 支委 the secretary's (cloud/core/actions/leave.ts leave.decide) — of sessions not yet begun;
 * - for the dues keepers (the secretary, the 组织委员), how many members have a past month unpaid (dues.ledger's rule);
 * - for a member, their own months owed and unpaid in the twelve months up to last month (this month is not late).
 * A bounded number of queries each, never one per member.
 */
import { addMonths, owedFrom } from '../dues/ledger'
import { branchLedger } from '../dues/branch-ledger'
import { earlierDues, monthsHere } from '../dues/history'
import { loadDuesSettings } from '../dues/store'
import { collection, loadOne, readAll } from '../framework/data'
import type { MemberDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { rolesByOpenid } from '../organisation/store'
import type { TodoDuesBehind, TodoLeave } from './todo'

export async function leaveToDecide(port: Port, branchId: string, openid: string, isSecretary: boolean): Promise<TodoLeave> {
  const _ = port.db.command
  const pending = await collection(port, 'leave_requests').where({ branchId, status: 'pending' }).limit(200).get()
  let mine = pending.data.filter((l) => l.openid !== openid)
  if (!isSecretary && mine.length) {
    const roles = await rolesByOpenid(port, branchId, [...new Set(mine.map((l) => l.openid))])
    mine = mine.filter((l) => (roles.get(l.openid) ?? []).includes('secretary'))
  }
  if (!mine.length) return { count: 0, activityId: null, sessions: 0 }
  // Only sessions still ahead: once one has begun the request no longer needs a decision before it.
  const ids = [...new Set(mine.map((l) => l.activityId))]
  const ahead = await readAll(port, 'activities', { _id: _.in(ids), status: 'planned', deleted: false, startAt: _.gt(port.now()) }, { fields: ['_id', 'startAt'] })
  const open = new Set(ahead.map((a) => a._id))
  const waiting = mine.filter((l) => open.has(l.activityId))
  const sessions = new Set(waiting.map((l) => l.activityId))
  // The line opens the soonest of them: its requests are the first to need an answer.
  const soonest = ahead.filter((a) => sessions.has(a._id)).sort((a, b) => new Date(a.startAt).getTime() - new Date(b.startAt).getTime())[0]
  return { count: waiting.length, activityId: soonest?._id ?? null, sessions: sessions.size }
}

/**
 * Members of the branch with at least one past month unpaid (the ledger's months-behind ≥ 1, at the committee's
 * warning months), the longest behind first: how many, the first names, the most months behind and whether anyone
 * reached a warning (todo.ts names up to three: 「张三、李四等 5 人欠缴党费」).
 */
export async function membersBehindOnDues(port: Port, branchId: string): Promise<TodoDuesBehind> {
  const year = Number(beijingDate(port.now()).slice(0, 4))
  const settings = await loadDuesSettings(port)
  const ledger = await branchLedger(port, branchId, year, settings.warnMonths)
  const behind = ledger.rows.filter((r) => r.row.behind > 0).sort((a, b) => b.row.behind - a.row.behind || a.row.name.localeCompare(b.row.name, 'zh'))
  return { count: behind.length, names: behind.slice(0, 3).map((r) => r.row.name), most: behind[0]?.row.behind ?? 0, flagged: behind.some((r) => r.row.flag !== null) }
}

/**
 * The member's own months owed and unpaid in the twelve months up to last month (0 without a standard set); months
 * settled in their earlier branch (recorded there, or under the letter's 党费交至) are not unpaid (dues/history.ts).
 */
export async function ownDuesUnpaid(port: Port, member: Pick<MemberDoc, '_id' | 'joinedPartyOn' | 'branchId' | 'joinedBranchOn'>): Promise<number> {
  const _ = port.db.command
  const profile = await loadOne(port, 'dues_profiles', member._id)
  if (!profile) return 0
  const thisMonth = beijingDate(port.now()).slice(0, 7)
  const since = addMonths(thisMonth, -12)
  const [payments, earlier] = await Promise.all([
    readAll(port, 'dues_payments', { memberId: member._id, month: _.gte(since) }, { fields: ['month'] }),
    earlierDues(port, [member], since),
  ])
  // Received by a transfer: owed here from the arrival month on (dues/history.ts monthsHere).
  const here = monthsHere(earlier.get(member._id), member, owedFrom(profile.startMonth, member.joinedPartyOn), thisMonth)
  const from = here.from!
  const paid = new Set([...payments.map((p) => p.month), ...here.elsewhere])
  let unpaid = 0
  for (let m = since; m < thisMonth; m = addMonths(m, 1)) if (m >= from && !paid.has(m)) unpaid += 1
  return unpaid
}
