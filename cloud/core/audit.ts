/** The change log of rosters and roles (who, when, what, before and after). Every change writes one entry. */
import type { ActionContext } from './action'
import type { AuditDoc, UserDoc } from './model'

export async function actorName(ctx: ActionContext): Promise<string> {
  const { data } = await ctx.port.db.collection('users').where({ _id: ctx.caller.openid }).limit(1).get()
  return (data[0] as unknown as UserDoc | undefined)?.name ?? '未署名'
}

export async function recordAudit(
  ctx: ActionContext,
  entry: Omit<AuditDoc, '_id' | 'at' | 'actor'>,
): Promise<void> {
  await ctx.port.db.collection('audit_log').add({
    data: { ...entry, at: ctx.port.now(), actor: { openid: ctx.caller.openid, name: await actorName(ctx) } },
  })
}
