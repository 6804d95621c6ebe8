/**
 * The missing 回执 of a letter to an outside organisation, reminded in the reminders run's daily pass
 * (cloud/core/reminders/run.ts) to the sending branch's secretaries, in the inbox, until it is recorded: three days
 * before it is due (one month after the letter, rules.ts receiptDueOn), the day after, then weekly. Each milestone
 * is one inbox item with its own dedupe key (`transfer_receipt_due:<transfer>:<milestone>`), so a second run the
 * same day adds nothing and a recorded receipt stops them (the read takes only letters still in transit).
 * planReceiptReminders is pure; runTransferReminders reads one paged query (letters due within three days or late).
 */
import { dateText } from '../../../types/time-text'
import { collection, insertNew, readAll } from '../framework/data'
import type { InboxDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate, daysBetween } from '../framework/time'
import { findActiveEntry } from '../organisation/store'
import { addDays } from '../recruitment/rules'
import { RECEIPT_LEAD_DAYS, receiptMilestone } from './rules'
import type { TransferDoc } from './store'

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

/** Reads the letters in transit whose 回执 is due within three days or late, writes the new inbox items; how many. */
export async function runTransferReminders(port: Port, now: Date): Promise<number> {
  const today = beijingDate(now)
  const letters = await readAll(port, 'transfers', { kind: 'to_outside', state: 'in_transit', receiptDueOn: port.db.command.lte(addDays(today, RECEIPT_LEAD_DAYS)) }, { fields: ['fromBranchId', 'memberName', 'letterNo', 'toName', 'receiptDueOn'] }).catch(() => [])
  const items = planReceiptReminders(today, letters).map((i) => ({ ...i, createdAt: now }))
  if (!items.length) return 0
  return (await insertNew(port, 'inbox', items)).size
}

/** The home 待办's count of transfers waiting for this branch to accept, for its secretary and 组织委员. */
export async function incomingTransfers(port: Port, branchId: string, openid: string, isSecretary: boolean): Promise<number> {
  if (!isSecretary && !((await findActiveEntry(port, branchId, openid))?.posts ?? []).includes('组织委员')) return 0
  const { total } = await collection(port, 'transfers').where({ toBranchId: branchId, state: 'in_transit', kind: 'inside' }).count().catch(() => ({ total: 0 }))
  return total
}
