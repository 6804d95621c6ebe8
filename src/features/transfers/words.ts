/** How a transfer reads on its row: the route, the letter and the date that matters now. */
import { dateText } from '../../../types/time-text'
import { todayInShanghai } from '../../lib/time'
import type { TransferSummary } from './api'

export const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

export function routeText(t: Pick<TransferSummary, 'fromName' | 'toName'>) {
  return `${t.fromName} → ${t.toName}`
}

/** The line under the route: what is awaited, by when. */
export function waitingText(t: TransferSummary): { text: string; warn: boolean } {
  if (t.state === 'in_transit' && t.kind === 'to_outside' && t.receiptDueOn) {
    const late = Math.round((Date.parse(todayInShanghai()) - Date.parse(t.receiptDueOn)) / 86_400_000)
    return late > 0 ? { text: `回执已逾期 ${late} 天（应于${dateText(t.receiptDueOn)}前寄回）`, warn: true } : { text: `回执应于${dateText(t.receiptDueOn)}前寄回`, warn: false }
  }
  if (t.state === 'in_transit' && t.expired) return { text: `介绍信已过有效期（${dateText(t.validUntil)}）`, warn: true }
  if (t.state === 'in_transit') return { text: `有效期至${dateText(t.validUntil)}`, warn: false }
  if (t.receiptOn) return { text: `回执 ${dateText(t.receiptOn)}`, warn: false }
  return { text: `党费交至${monthText(t.duesPaidTo)}`, warn: false }
}
