/**
 * inbox.list / inbox.unread / inbox.markRead: the caller's in-app inbox (items to them personally and to a branch + role
 * they hold). The contract is types/actions/reminders.ts; the area's page is docs/reminders.md.
 */
import type { Role } from '../../../types/domain'
import { defineAction, type ActionContext } from '../framework/action'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import type { Port } from '../framework/port'
import { collection, insertNew } from '../framework/data'

/** The caller's items: personal ones, and those addressed to a branch (or all branches) and a role they hold. */
function inboxFilter(port: Port, ctx: ActionContext['caller']): Record<string, unknown> {
  const _ = port.db.command
  const rolesByBranch = new Map<string, Role[]>()
  for (const m of ctx.memberships) if (m.branchId) rolesByBranch.set(m.branchId, [...(rolesByBranch.get(m.branchId) ?? []), m.role])
  const clauses: Record<string, unknown>[] = [{ openid: ctx.openid }]
  const all = new Set<Role>()
  for (const [branchId, roles] of rolesByBranch) {
    clauses.push({ branchId, roles: _.in(roles) }, { branchIds: branchId, roles: _.in(roles) })
    roles.forEach((r) => all.add(r))
  }
  if (all.size) clauses.push({ allBranches: true, roles: _.in([...all]) })
  return _.or(...clauses) as Record<string, unknown>
}

const readId = (openid: string, itemId: string) => `${openid}__${itemId}`
const watermarkId = (openid: string) => `${openid}__all`

async function watermark(port: Port, openid: string): Promise<Date> {
  const { data } = await collection(port, 'inbox_reads').where({ _id: watermarkId(openid) }).limit(1).get()
  return data[0] ? new Date(data[0].at as Date) : new Date(0)
}

export const inboxList = defineAction({
  name: 'inbox.list',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ cursor, limit, unreadOnly }, { port, caller }) {
    const _ = port.db.command
    const mark = await watermark(port, caller.openid)
    const conditions: Record<string, unknown>[] = [inboxFilter(port, caller)]
    if (unreadOnly) conditions.push({ createdAt: _.gt(mark) })
    if (cursor) {
      const c = decodeCursor(cursor, 'time')
      conditions.push(afterCursor(_, 'createdAt', c.key, c.id, 'desc') as Record<string, unknown>)
    }
    const { data } = await collection(port, 'inbox')
      .where(_.and(...conditions) as Record<string, unknown>)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get()
    const rows = data
    const page = pageOf(rows, limit, (r) => new Date(r.createdAt).getTime())
    const ids = page.items.map((r) => readId(caller.openid, r._id))
    const reads = ids.length ? (await collection(port, 'inbox_reads').where({ _id: _.in(ids) }).limit(ids.length).get()).data : []
    const readSet = new Set(reads.map((r) => String(r.itemId)))
    const items = page.items
      .map((r) => ({
        id: r._id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        page: r.page,
        createdAt: new Date(r.createdAt).toISOString(),
        read: new Date(r.createdAt).getTime() <= mark.getTime() || readSet.has(r._id),
      }))
      // Items read one by one drop out of an unread-only page (it may then hold fewer than `limit`).
      .filter((r) => !unreadOnly || !r.read)
    return { items, nextCursor: page.nextCursor }
  },
})

async function unreadCount(port: Port, caller: ActionContext['caller']): Promise<number> {
  const _ = port.db.command
  const mark = await watermark(port, caller.openid)
  const { total } = await collection(port, 'inbox').where(_.and(inboxFilter(port, caller), { createdAt: _.gt(mark) }) as Record<string, unknown>).count()
  if (!total) return 0
  const { total: read } = await collection(port, 'inbox_reads').where({ openid: caller.openid, itemCreatedAt: _.gt(mark) }).count()
  return Math.max(0, total - read)
}

export const inboxUnread = defineAction({
  name: 'inbox.unread',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    return { count: await unreadCount(port, caller) }
  },
})

export const inboxMarkRead = defineAction({
  name: 'inbox.markRead',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(input, { port, caller }) {
    const _ = port.db.command
    const now = port.now()
    if (input.all || !input.ids) {
      const marked = await unreadCount(port, caller)
      await collection(port, 'inbox_reads').doc(watermarkId(caller.openid)).set({ data: { openid: caller.openid, at: now } })
      return { marked }
    }
    const ids = [...new Set(input.ids)]
    // Only items the caller can see may be marked: another person's ids are silently ignored.
    const { data } = await collection(port, 'inbox')
      .where(_.and({ _id: _.in(ids) }, inboxFilter(port, caller)) as Record<string, unknown>)
      .field({ createdAt: true })
      .limit(ids.length)
      .get()
    const mark = await watermark(port, caller.openid)
    const docs = data
      .filter((d) => new Date(d.createdAt as Date).getTime() > mark.getTime())
      .map((d) => ({ _id: readId(caller.openid, String(d._id)), openid: caller.openid, itemId: String(d._id), itemCreatedAt: new Date(d.createdAt as Date), at: now }))
    const inserted = await insertNew(port, 'inbox_reads', docs)
    return { marked: inserted.size }
  },
})

export const INBOX_ACTIONS = [inboxList, inboxUnread, inboxMarkRead] as const
