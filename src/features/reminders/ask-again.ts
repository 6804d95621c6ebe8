/**
 * Asking again at natural moments (after saving a record, on opening the inbox). One-time templates run out with
 * each message, so the app offers a top-up when a relevant template is empty — at most once a day per moment,
 * never when WeChat has banned it. WeChat's sheet needs a tap: a modal comes first, and its 订阅 button is that tap.
 *
 *   askAgainAfter('record-saved', roles)   // e.g. in the activity editor, after a successful save
 *
 * A page that navigates away right after the moment (the record editor opens the saved record) hands it on with
 * offerOnNextPage; the page it opens calls offerPending when shown. (H5's router closes a modal opened on a page
 * that is being left, so the offer has to come from the page that stays.)
 */
import Taro from '@tarojs/taro'
import type { Role } from '../../../types/domain'
import { todayInShanghai } from '../../lib/time'
import { getSubscriptions } from './api'
import { needsTopUp, resultText, subscribe, templatesToAsk } from './subscribe-flow'

export type AskMoment = 'record-saved' | 'inbox-opened'

const KEY = 'branch-desk:subscribe-asked'

const PROMPTS: Record<AskMoment, string> = {
  'record-saved': '记录已保存。订阅提醒后，下次活动和到期事项会通过微信通知你。',
  'inbox-opened': '订阅提醒后，新的提醒和通知会通过微信通知你。',
}

function askedToday(moment: AskMoment): boolean {
  const seen = (Taro.getStorageSync(KEY) || {}) as Partial<Record<AskMoment, string>>
  if (seen[moment] === todayInShanghai()) return true
  Taro.setStorageSync(KEY, { ...seen, [moment]: todayInShanghai() })
  return false
}

let pending: { moment: AskMoment; roles: readonly Role[] } | null = null

/** Keeps the moment for the next page shown (see offerPending). */
export function offerOnNextPage(moment: AskMoment, roles: readonly Role[]): void {
  pending = { moment, roles }
}

/** On a page's show: makes the offer handed on by the previous page, once; false when there is none. */
export function offerPending(): Promise<boolean> {
  const p = pending
  pending = null
  return p ? askAgainAfter(p.moment, p.roles) : Promise.resolve(false)
}

/** Resolves true when it offered; never throws (a failed offer must not spoil the save it follows). */
export async function askAgainAfter(moment: AskMoment, roles: readonly Role[]): Promise<boolean> {
  try {
    const { items } = await getSubscriptions()
    if (!needsTopUp(roles, items) || askedToday(moment)) return false
    const templates = templatesToAsk(roles, items)
    if (!templates.length) return false
    Taro.showModal({
      title: '订阅提醒',
      content: PROMPTS[moment],
      confirmText: '订阅',
      cancelText: '暂不',
      success: (res) => {
        if (!res.confirm) return
        // Synchronously inside the modal's confirm tap.
        subscribe(templates).then(
          ({ results }) => void Taro.showToast({ title: resultText(results).split('，')[0], icon: 'none' }),
          (e: Error) => void Taro.showToast({ title: e.message, icon: 'none' }),
        )
      },
    })
    return true
  } catch {
    return false
  }
}
