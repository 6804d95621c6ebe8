/**
 * Which subscription-message templates the app asks a person to accept. The template ids and keywords live in one
 * place shared with the cloud (types/subscription-templates.ts: plain data, safe for the main package); this file
 * only decides, per role, which reminder kinds matter, since WeChat takes at most three templates per request.
 */
import { type ReminderKind } from '../../../types/subscription-templates'
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'
import type { Role } from '../../../types/domain'

export type { ReminderKind }

/** The kinds that matter to someone holding `roles`, most important first. */
export function relevantKinds(roles: readonly Role[]): ReminderKind[] {
  const kinds: ReminderKind[] = []
  const add = (...k: ReminderKind[]) => k.forEach((x) => kinds.includes(x) || kinds.push(x))
  // Secretaries answer for work points and the branch's organisation life; the 支委 share the latter.
  if (roles.includes('secretary')) add('assignment_due', 'compliance_gap')
  if (roles.includes('branch_committee')) add('compliance_gap')
  if (roles.some((r) => r !== 'committee_admin')) add('activity_upcoming', 'committee_notice')
  // 发展党员 deadlines go to the secretary and the 组织委员 (a 支委 post): asked after the rest, as quota runs out.
  if (roles.includes('secretary') || roles.includes('branch_committee')) add('recruitment_due')
  // 换届 (the committee's term) is the secretary's.
  if (roles.includes('secretary')) add('term_due')
  return kinds
}

/**
 * Up to three kinds to ask for now: the relevant ones with the least quota left first, so a second tap tops up
 * what ran out. `quota` maps kind → remaining messages (missing = 0).
 */
export function kindsToAsk(roles: readonly Role[], quota: Partial<Record<ReminderKind, number>> = {}, max = 3): ReminderKind[] {
  const kinds = relevantKinds(roles)
  return kinds
    .map((k, i) => ({ k, i, left: quota[k] ?? 0 }))
    .sort((a, b) => a.left - b.left || a.i - b.i)
    .slice(0, max)
    .map((x) => x.k)
}

export const templateOf = (kind: ReminderKind) => ({ id: SUBSCRIPTION_TEMPLATES[kind].id, title: SUBSCRIPTION_TEMPLATES[kind].purpose })

export const purposeOf = (kind: ReminderKind) => SUBSCRIPTION_TEMPLATES[kind].purpose
