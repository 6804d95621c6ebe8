/**
 * subscriptions.record / subscriptions.get: what requestSubscribeMessage answered, and the caller's remaining quota per
 * reminder kind. The contract is types/actions/reminders.ts; the area's page is docs/reminders.md.
 */
import { REMINDER_KINDS } from '../../../types/subscription-templates'
import { SUBSCRIPTION_TEMPLATES, kindOfTemplate } from '../../../config/deployment'
import { defineAction } from '../framework/action'
import { invalid } from '../framework/errors'
import type { Port } from '../framework/port'
import { subscriptionId } from '../reminders/store'
import { collection, isDuplicateKey } from '../framework/data'

async function quotaOf(port: Port, openid: string) {
  const { data } = await collection(port, 'subscriptions').where({ openid }).limit(100).get()
  const byTemplate = new Map(data.map((s) => [s.templateId, s]))
  return {
    items: REMINDER_KINDS.map((kind) => {
      const spec = SUBSCRIPTION_TEMPLATES[kind]
      const s = byTemplate.get(spec.id)
      return {
        kind,
        templateId: spec.id,
        title: spec.title,
        purpose: spec.purpose,
        remaining: s?.remaining ?? 0,
        lastResult: s?.lastResult ?? null,
        updatedAt: s ? new Date(s.updatedAt).toISOString() : null,
      }
    }),
  }
}

export const subscriptionsGet = defineAction({
  name: 'subscriptions.get',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    return quotaOf(port, caller.openid)
  },
})

export const subscriptionsRecord = defineAction({
  name: 'subscriptions.record',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ results }, { port, caller }) {
    const _ = port.db.command
    const unknown = Object.keys(results).filter((t) => !kindOfTemplate(t))
    if (unknown.length) throw invalid(`未知的提醒模板：${unknown.join('、')}`, { templateIds: unknown })
    const now = port.now()
    const subs = collection(port, 'subscriptions')
    for (const [templateId, result] of Object.entries(results)) {
      const _id = subscriptionId(caller.openid, templateId)
      // One acceptance allows one message: an accept adds one; a refusal leaves earlier acceptances standing.
      const change = result === 'accept' ? { remaining: _.inc(1), lastResult: result, updatedAt: now } : { lastResult: result, updatedAt: now }
      const { stats } = await subs.where({ _id }).update({ data: change })
      if (stats.updated) continue
      try {
        await subs.add({ data: { _id, openid: caller.openid, templateId, remaining: result === 'accept' ? 1 : 0, lastResult: result, updatedAt: now } })
      } catch (error) {
        // Two taps at once: the other call created it; count this one on top.
        if (!isDuplicateKey(error)) throw error
        await subs.where({ _id }).update({ data: change })
      }
    }
    return quotaOf(port, caller.openid)
  },
})

export const SUBSCRIPTION_ACTIONS = [subscriptionsRecord, subscriptionsGet] as const
