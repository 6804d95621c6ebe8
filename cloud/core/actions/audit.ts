import { collection } from '../framework/data'
import { defineAction } from '../framework/action'
import { maskPersonal } from '../organisation/audit'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'

/** The change log: a branch's secretary sees their branch's; the committee sees any branch's, or everything. */
export const listAudit = defineAction({
  name: 'audit.list',
  roles: ['committee_admin', 'secretary'],
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, cursor, limit }, { port }) {
    const _ = port.db.command
    const conditions: unknown[] = branchId ? [{ branchId }] : []
    if (cursor) {
      const c = decodeCursor(cursor, 'time')
      conditions.push(afterCursor(_, 'at', c.key, c.id, 'desc'))
    }
    const where = (conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0] : _.and(...conditions)) as Record<string, unknown>
    const { data } = await collection(port, 'audit_log')
      .where(where)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data, limit, (e) => new Date(e.at).toISOString())
    return {
      items: page.items.map((e) => ({
        id: e._id,
        branchId: e.branchId ?? null,
        at: new Date(e.at).toISOString(),
        actor: e.actor,
        action: e.action,
        summary: e.summary,
        // Entries written before audit.ts masked personal data are masked here too.
        before: maskPersonal(e.before ?? null),
        after: maskPersonal(e.after ?? null),
      })),
      nextCursor: page.nextCursor,
    }
  },
})

export const AUDIT_ACTIONS = [listAudit] as const
