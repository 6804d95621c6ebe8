/**
 * The daily pass's 党费 reminders, written straight to the inbox (one item per dedupe key, so a second run the same
 * day adds nothing):
 * - a member with last month unpaid is told once per month (「你 2026年11月 的党费尚未交纳」);
 * - the branch's secretary is told when a member reaches the committee's warning months (national default 3 and 5,
 *   dues.setSettings) of consecutive months unpaid — 党章 第九条
 *   treats six months without paying and without a proper reason as 自行脱党, so the secretary hears in time to talk.
 * planDuesReminders is pure; runDuesReminders reads what it needs with paged queries (never one per branch).
 */
import { lapseCountdownText } from '../../../types/dues'
import { readAll } from '../framework/data'
import type { MemberDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { levelReached, secretaryFlag, writeFlags, type InboxItem } from '../reminders/secretary-flags'
import { earlierDues, monthsHere } from './history'
import { addMonths, monthsBehind, owedFrom } from './ledger'
import { DUES_DEFAULTS, loadDuesSettings, type DuesProfileDoc } from './store'

export const DUES_PAGE = '/packages/dues/pages/member/index'
export const DUES_LEDGER_PAGE = '/packages/dues/pages/ledger/index'

const monthWords = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

export function planDuesReminders(input: {
  today: string
  profiles: Pick<DuesProfileDoc, 'memberId' | 'branchId' | 'startMonth'>[]
  members: Pick<MemberDoc, '_id' | 'openid' | 'name' | 'joinedPartyOn' | 'state'>[]
  paidMonths: Map<string, Set<string>>
  /** The committee's warning months (dues.setSettings); the national default 3 and 5. */
  warnMonths?: readonly number[]
}): InboxItem[] {
  const thisMonth = input.today.slice(0, 7)
  const lastMonth = addMonths(thisMonth, -1)
  const byId = new Map(input.members.map((m) => [m._id, m]))
  const warnMonths = input.warnMonths ?? DUES_DEFAULTS.warnMonths
  const last = Math.max(...warnMonths)
  const items: InboxItem[] = []
  for (const p of input.profiles) {
    const m = byId.get(p.memberId)
    if (!m || m.state !== 'active') continue
    const from = owedFrom(p.startMonth, m.joinedPartyOn)
    const behind = monthsBehind(from, thisMonth, input.paidMonths.get(p.memberId) ?? new Set())
    if (behind === 0) continue
    if (m.openid) {
      const key = `dues_unpaid:${p.memberId}:${lastMonth}`
      items.push({
        _id: key,
        openid: m.openid,
        kind: 'dues_unpaid',
        title: `${monthWords(lastMonth)}的党费尚未交纳`,
        body: behind > 1 ? `已连续 ${behind} 个月未交纳党费，请尽快向支部交纳。` : '请向支部书记或组织委员交纳。',
        page: `${DUES_PAGE}?memberId=${p.memberId}`,
        createdAt: new Date(0),
        dedupeKey: key,
      })
    }
    const flag = levelReached(behind, warnMonths)
    if (flag !== null) {
      items.push(
        secretaryFlag({
          key: `dues_behind:${p.memberId}:${flag}:${addMonths(thisMonth, flag - behind)}`,
          branchId: p.branchId,
          kind: 'dues_behind',
          title: `${m.name} 已连续 ${behind} 个月未交纳党费`,
          body:
            flag === last
              ? `${lapseCountdownText(behind)}。请尽快与其谈话，了解原因；确有困难的，可经支部同意少交或免交。`
              : '请及时提醒并了解原因（党章第九条：连续六个月不交纳党费又无正当理由的，视为自行脱党）。',
          page: `${DUES_LEDGER_PAGE}?branchId=${p.branchId}`,
        }),
      )
    }
  }
  return items
}

/** Reads profiles, the last seven months' payments and the roster; writes the new inbox items. Returns how many. */
export async function runDuesReminders(port: Port, now: Date): Promise<number> {
  const _ = port.db.command
  const today = beijingDate(now)
  const profiles = await readAll(port, 'dues_profiles', {}, { fields: ['memberId', 'branchId', 'startMonth'] })
  if (!profiles.length) return 0
  const since = addMonths(today.slice(0, 7), -7)
  const [payments, members, settings] = await Promise.all([
    readAll(port, 'dues_payments', { month: _.gte(since) }, { fields: ['memberId', 'month'] }),
    readAll(port, 'members', { state: 'active' }, { fields: ['openid', 'name', 'joinedPartyOn', 'state', 'branchId', 'joinedBranchOn'] }),
    loadDuesSettings(port),
  ])
  const paidMonths = new Map<string, Set<string>>()
  for (const p of payments) paidMonths.set(p.memberId, (paidMonths.get(p.memberId) ?? new Set()).add(p.month))
  // Members who arrived by a transfer: months settled in their earlier branch (recorded there, or under the letter's
  // 党费交至) are not unpaid here (history.ts) — no reminder, no flag for them.
  const standard = new Map(profiles.map((p) => [p.memberId, p]))
  const kept = members.filter((m) => standard.has(m._id))
  const earlier = await earlierDues(port, kept, since)
  for (const [memberId, e] of earlier) {
    const m = kept.find((x) => x._id === memberId)!
    const here = monthsHere(e, m, owedFrom(standard.get(memberId)!.startMonth, m.joinedPartyOn), today.slice(0, 7))
    const settled = paidMonths.get(memberId) ?? new Set<string>()
    for (const month of here.elsewhere) settled.add(month)
    // Months before the transfer brought them here were the earlier branch's: not unpaid here (history.ts monthsHere).
    for (let month = since; here.arrived && month < here.arrived; month = addMonths(month, 1)) settled.add(month)
    paidMonths.set(memberId, settled)
  }
  // A payment older than seven months ends any run of unpaid months the flags care about (they stop at 5).
  return writeFlags(port, planDuesReminders({ today, profiles, members, paidMonths, warnMonths: settings.warnMonths }), now)
}
