/** The change log of rosters and roles (who, when, what, before and after). Every change writes one entry. */
import { collection } from '../framework/data'
import type { ActionContext } from '../framework/action'
import type { AuditDoc } from '../framework/model'
import { maskPhone } from './roster'

export async function actorName(ctx: ActionContext): Promise<string> {
  const { data } = await collection(ctx.port, 'users').where({ _id: ctx.caller.openid }).limit(1).get()
  return data[0]?.name ?? '未署名'
}

/** Fields of personal data an audit entry's before/after may carry, and how each is shown (as the roster shows it). */
const PERSONAL: Record<string, (value: string) => string | null> = { phone: maskPhone }

/**
 * An audit entry's before/after with personal data masked: the change log is read by every secretary and the
 * committee, who see a phone number in the roster only masked (138****5678). Used when writing an entry and when
 * listing old ones written before masking.
 */
export function maskPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonal)
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, PERSONAL[k] && typeof v === 'string' ? PERSONAL[k](v) : maskPersonal(v)]),
  )
}

export async function recordAudit(
  ctx: ActionContext,
  entry: Omit<AuditDoc, '_id' | 'at' | 'actor'>,
): Promise<void> {
  await collection(ctx.port, 'audit_log').add({
    data: {
      ...entry,
      before: maskPersonal(entry.before),
      after: maskPersonal(entry.after),
      at: ctx.port.now(),
      actor: { openid: ctx.caller.openid, name: await actorName(ctx) },
    },
  })
}
