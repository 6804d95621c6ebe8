/**
 * Subscribing: ask the platform (WeChat's sheet, or H5's emulation) for up to three templates, then record each
 * answer with the cloud, which keeps the remaining quota per template (one message per acceptance).
 */
import { useEffect, useState } from 'react'
import type { ActionOutput } from '../../../types/actions'
import type { Role } from '../../../types/domain'
import { kindsToAsk, relevantKinds } from './subscription-kinds'
import { askSubscriptions, type GrantResult, type TemplateAsk } from '../../services/subscribe'
import { errorMessage } from '../../services/api'
import { getSubscriptions, recordSubscriptions } from './api'

export type Quota = ActionOutput<'subscriptions.get'>['items'][number]

/** The person's quota per template, read once when shown (null until it is in); `onError` hears why it failed. */
export function useQuota(onError?: (message: string) => void): [Quota[] | null, (quota: Quota[]) => void] {
  const [quota, setQuota] = useState<Quota[] | null>(null)
  useEffect(() => {
    getSubscriptions().then((r) => setQuota(r.items), (e) => onError?.(errorMessage(e)))
  }, [])
  return [quota, setQuota]
}

/** The person's templates to ask for now (ids as the cloud reports them), relevant ones with the least quota first. */
export function templatesToAsk(roles: readonly Role[], quota: Quota[]): TemplateAsk[] {
  const left = Object.fromEntries(quota.map((q) => [q.kind, q.remaining]))
  return kindsToAsk(roles, left).flatMap((k) => {
    const q = quota.find((x) => x.kind === k)
    return q ? [{ id: q.templateId, title: q.purpose }] : []
  })
}

/** The quota rows that matter to this person, in order of importance. */
export const relevantQuota = (roles: readonly Role[], quota: Quota[]) =>
  relevantKinds(roles).flatMap((k) => quota.filter((q) => q.kind === k))

/** True when a relevant template has run out (and WeChat has not banned it): the moment to ask again. */
export const needsTopUp = (roles: readonly Role[], quota: Quota[]) =>
  relevantQuota(roles, quota).some((q) => q.remaining < 1 && q.lastResult !== 'ban')

/**
 * Call synchronously from the tap (or a modal's confirm): the platform request starts before any await.
 * Resolves with the answers and the quota as the cloud now holds it.
 */
export function subscribe(templates: TemplateAsk[]): Promise<{ results: Record<string, GrantResult>; items: Quota[] | null }> {
  return askSubscriptions(templates).then(async (results) => {
    if (!Object.keys(results).length) return { results, items: null }
    const { items } = await recordSubscriptions(results)
    return { results, items }
  })
}

export function resultText(results: Record<string, GrantResult>): string {
  const n = Object.values(results).filter((r) => r === 'accept').length
  return n ? `已订阅 ${n} 类提醒，每类可提醒一次` : '没有订阅提醒；需要时可以再点“订阅提醒”'
}

/** How one template stands: 还可提醒 2 次 / 未订阅 / 已拒绝 / 已被微信限制. */
export function quotaText(q: Quota): string {
  if (q.remaining > 0) return `还可提醒 ${q.remaining} 次`
  if (q.lastResult === 'ban') return '已被微信限制'
  if (q.lastResult === 'reject' || q.lastResult === 'filter') return '已拒绝'
  return q.lastResult ? '次数已用完' : '未订阅'
}
