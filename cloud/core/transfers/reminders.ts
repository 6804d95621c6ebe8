/**
 * The missing 回执 of a letter to an outside organisation, reminded in the reminders run's daily pass
 * (cloud/core/reminders/run.ts) to the sending branch's secretaries, in the inbox, until it is recorded: three days
 * before it is due (one month after the letter, rules.ts receiptDueOn), the day after, then weekly. Each milestone
 * is one inbox item with its own dedupe key (`transfer_receipt_due:<transfer>:<milestone>`), so a second run the
 * same day adds nothing and a recorded receipt stops them (the read takes only letters still in transit).
 * planReceiptReminders is pure; runTransferReminders reads one paged query (letters due within three days or late).
 *
 * The letter's validity (a letter inside this deployment, not yet accepted): rules.ts expiryMilestone — three days
 * before its last day the receiving secretary (accept in time) and the sending one (it is still waiting) are told;
 * the day after, both again (the receiver cannot accept it any more and returns it; the sender withdraws it and
 * issues anew). One inbox item per letter, milestone and side (`transfer_expiry:<transfer>:<soon|expired>:<to|from>`),
 * so a run repeated the same day, or every day after, adds nothing; a letter accepted, returned or withdrawn is no
 * longer read.
 */
import { dateText } from '../../../types/time-text'
import { collection, insertNew, readAll } from '../framework/data'
import type { InboxDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate, daysBetween } from '../framework/time'
import { findActiveEntry } from '../organisation/store'
import { addDays } from '../recruitment/rules'
import { EXPIRY_LEAD_DAYS, expiryMilestone, RECEIPT_LEAD_DAYS, receiptMilestone } from './rules'
import type { TransferDoc } from './store'
import { unlessMissing } from '../framework/errors'

export const TRANSFER_DETAIL_PAGE = (id: string) => `/packages/transfers/pages/detail/index?id=${id}`
export const TRANSFER_LIST_PAGE = '/packages/transfers/pages/list/index'

export function planReceiptReminders(today: string, letters: Pick<TransferDoc, '_id' | 'fromBranchId' | 'memberName' | 'letterNo' | 'toName' | 'receiptDueOn'>[]): (InboxDoc & { _id: string })[] {
  const items: (InboxDoc & { _id: string })[] = []
  for (const t of letters) {
    if (!t.receiptDueOn || !t.fromBranchId) continue
    const m = receiptMilestone(t.receiptDueOn, today)
    if (!m) continue
    const left = daysBetween(today, t.receiptDueOn)
    const when = left > 0 ? `还剩 ${left} 天` : left === 0 ? '今天到期' : `已逾期 ${-left} 天`
    const key = `transfer_receipt_due:${t._id}:${m.name}`
    items.push({
      _id: key,
      branchId: t.fromBranchId,
      roles: ['secretary'],
      kind: 'transfer_receipt_due',
      title: `${t.memberName} 的介绍信回执${left >= 0 ? '即将到期' : '尚未收到'}（${when}）`,
      body: `介绍信 ${t.letterNo} 转往「${t.toName}」，回执应在${dateText(t.receiptDueOn)}前寄回。收到后请在组织关系转接中登记回执；逾期未收到，请与接收党组织联系。`,
      page: TRANSFER_DETAIL_PAGE(t._id),
      createdAt: new Date(0),
      dedupeKey: key,
    })
  }
  return items
}

export function planExpiryReminders(today: string, letters: Pick<TransferDoc, '_id' | 'fromBranchId' | 'toBranchId' | 'fromName' | 'toName' | 'memberName' | 'letterNo' | 'validUntil'>[]): (InboxDoc & { _id: string })[] {
  const items: (InboxDoc & { _id: string })[] = []
  for (const t of letters) {
    if (!t.fromBranchId || !t.toBranchId) continue
    const m = expiryMilestone(t.validUntil, today)
    if (!m) continue
    const left = daysBetween(today, t.validUntil)
    const until = dateText(t.validUntil)
    const sides = m === 'soon'
      ? {
          to: [`${t.memberName} 的介绍信即将过期（${left === 0 ? '今天到期' : `还剩 ${left} 天`}）`, `「${t.fromName}」开具的介绍信 ${t.letterNo} 有效期至${until}，过期后不能接收，请及时核对接收。`],
          from: [`${t.memberName} 的介绍信尚未被接收（${left === 0 ? '今天到期' : `还剩 ${left} 天`}）`, `介绍信 ${t.letterNo} 转往「${t.toName}」，有效期至${until}。如对方不再接收，请撤回后重新开具。`],
        }
      : {
          to: [`${t.memberName} 的介绍信已过有效期`, `「${t.fromName}」开具的介绍信 ${t.letterNo} 有效期至${until}，已不能接收，请退回，由原支部重新开具。`],
          from: [`${t.memberName} 的介绍信已过有效期，未被接收`, `介绍信 ${t.letterNo} 转往「${t.toName}」，有效期至${until}。请撤回并重新开具，或请对方退回。`],
        }
    for (const side of ['to', 'from'] as const) {
      const key = `transfer_expiry:${t._id}:${m}:${side}`
      items.push({ _id: key, branchId: side === 'to' ? t.toBranchId : t.fromBranchId, roles: ['secretary'], kind: 'transfer_expiry', title: sides[side][0], body: sides[side][1], page: TRANSFER_DETAIL_PAGE(t._id), createdAt: new Date(0), dedupeKey: key })
    }
  }
  return items
}

/**
 * Reads the letters to outside whose 回执 is due within three days or late, and the letters inside this deployment
 * within EXPIRY_LEAD_DAYS of their last day or past it, still in transit; writes the new inbox items; how many.
 */
export async function runTransferReminders(port: Port, now: Date): Promise<number> {
  const today = beijingDate(now)
  const _ = port.db.command
  const [letters, expiring] = await Promise.all([
    readAll(port, 'transfers', { kind: 'to_outside', state: 'in_transit', receiptDueOn: _.lte(addDays(today, RECEIPT_LEAD_DAYS)) }, { fields: ['fromBranchId', 'memberName', 'letterNo', 'toName', 'receiptDueOn'] }).catch(unlessMissing([])),
    readAll(port, 'transfers', { kind: 'inside', state: 'in_transit', validUntil: _.lte(addDays(today, EXPIRY_LEAD_DAYS)) }, { fields: ['fromBranchId', 'toBranchId', 'fromName', 'toName', 'memberName', 'letterNo', 'validUntil'] }).catch(unlessMissing([])),
  ])
  const items = [...planReceiptReminders(today, letters), ...planExpiryReminders(today, expiring)].map((i) => ({ ...i, createdAt: now }))
  if (!items.length) return 0
  return (await insertNew(port, 'inbox', items)).size
}

/**
 * The home 待办's count of letters to outside whose 回执 is late (past receiptDueOn, Beijing day), for the sending
 * branch's secretary and 组织委员: the same letters the inbox reminds weekly (planReceiptReminders).
 */
export async function overdueReceipts(port: Port, branchId: string, openid: string, isSecretary: boolean, today: string): Promise<number> {
  if (!isSecretary && !((await findActiveEntry(port, branchId, openid))?.posts ?? []).includes('组织委员')) return 0
  const { total } = await collection(port, 'transfers').where({ fromBranchId: branchId, kind: 'to_outside', state: 'in_transit', receiptDueOn: port.db.command.lt(today) }).count().catch(() => ({ total: 0 }))
  return total
}

/** The home 待办's count of transfers waiting for this branch to accept, for its secretary and 组织委员. */
export async function incomingTransfers(port: Port, branchId: string, openid: string, isSecretary: boolean): Promise<number> {
  if (!isSecretary && !((await findActiveEntry(port, branchId, openid))?.posts ?? []).includes('组织委员')) return 0
  const { total } = await collection(port, 'transfers').where({ toBranchId: branchId, state: 'in_transit', kind: 'inside' }).count().catch(() => ({ total: 0 }))
  return total
}
