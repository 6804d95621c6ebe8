/**
 * branches.*: the committee's branches — create, edit, 撤销 (archive), list and one branch's page. Party groups are
 * groups.ts; the contract is types/actions/organisation.ts; the page is docs/organisation.md.
 */
import { collection, readAll } from '../framework/data'
import { BRANCH_READERS } from '../../../types/roles'
import { checkTexts } from '../framework/writes'
import { defineAction } from '../framework/action'
import { isCommitteeAdmin } from '../framework/access'
import { recordAudit } from '../organisation/audit'
import { AppError } from '../framework/errors'
import type { BranchDoc } from '../framework/model'
import { afterCursor, decodeCursor, escapeRegExp, pageOf } from '../framework/paging'
import type { Port } from '../framework/port'
import { loadActiveBranch, loadBranch } from '../organisation/store'


export const presentBranch = (b: BranchDoc) => ({
  id: b._id,
  name: b.name,
  kind: b.kind,
  societies: b.societies,
  foundedOn: b.foundedOn ?? null,
  startedOn: b.startedOn ?? null,
  status: b.status,
})

async function assertNameFree(port: Port, name: string, exceptId?: string) {
  const { data } = await collection(port, 'branches').where({ name, status: 'active' }).limit(2).get()
  if (data.some((b) => b._id !== exceptId)) throw new AppError('CONFLICT', `已有同名支部「${name}」`)
}

export const createBranch = defineAction({
  name: 'branches.create',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ name, kind, societies, foundedOn, startedOn }, ctx) {
    const { port } = ctx
    await assertNameFree(port, name)
    // Shown to the whole branch (or committee): it passes the platform's text check like any published text.
    await checkTexts(port, ctx.caller.openid, [['name', '支部名称', name], ['societies', '所服务的学会', societies.join('\n')]])
    const doc = { name, kind, societies, foundedOn: foundedOn ?? null, startedOn: startedOn ?? null, status: 'active' as const, createdAt: port.now() }
    const { _id } = await collection(port, 'branches').add({ data: doc })
    const branch = { _id, ...doc }
    await recordAudit(ctx, {
      branchId: _id,
      action: 'branch.created',
      summary: `新建支部「${name}」`,
      target: { kind: 'branch', id: _id },
      before: null,
      after: presentBranch(branch),
    })
    return presentBranch(branch)
  },
})

export const updateBranch = defineAction({
  name: 'branches.update',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ branchId, ...changes }, ctx) {
    const { port } = ctx
    const before = await loadActiveBranch(port, branchId)
    if (changes.name && changes.name !== before.name) await assertNameFree(port, changes.name, branchId)
    await checkTexts(port, ctx.caller.openid, [['name', '支部名称', changes.name], ['societies', '所服务的学会', changes.societies?.join('\n')]])
    const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
    if (Object.keys(patch).length === 0) return presentBranch(before)
    await collection(port, 'branches').doc(branchId).update({ data: patch })
    const after = { ...before, ...patch } as BranchDoc
    await recordAudit(ctx, {
      branchId,
      action: 'branch.updated',
      summary: `修改支部信息「${after.name}」`,
      target: { kind: 'branch', id: branchId },
      before: presentBranch(before),
      after: presentBranch(after),
    })
    return presentBranch(after)
  },
})

export const archiveBranch = defineAction({
  name: 'branches.archive',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ branchId, reason }, ctx) {
    const { port } = ctx
    const before = await loadActiveBranch(port, branchId)
    await checkTexts(port, ctx.caller.openid, [['reason', '撤销原因', reason]])
    await collection(port, 'branches').doc(branchId).update({ data: { status: 'archived', archivedReason: reason } })
    const after: BranchDoc = { ...before, status: 'archived', archivedReason: reason }
    await recordAudit(ctx, {
      branchId,
      action: 'branch.archived',
      summary: `撤销支部「${before.name}」：${reason}`,
      target: { kind: 'branch', id: branchId },
      before: presentBranch(before),
      after: presentBranch(after),
    })
    return presentBranch(after)
  },
})

export const listBranches = defineAction({
  name: 'branches.list',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ q, cursor, limit, includeArchived }, { port, caller }) {
    const _ = port.db.command
    const mine = [...new Set(caller.memberships.map((m) => m.branchId).filter((id): id is string => !!id))]
    const admin = isCommitteeAdmin(caller.memberships)
    if (!admin && mine.length === 0) return { items: [], nextCursor: null }
    const conditions: unknown[] = []
    if (!(admin && includeArchived)) conditions.push({ status: 'active' })
    if (!admin) conditions.push({ _id: _.in(mine) })
    if (q) conditions.push({ name: port.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) })
    if (cursor) {
      const c = decodeCursor(cursor)
      conditions.push(afterCursor(_, 'name', String(c.key), c.id, 'asc'))
    }
    const where = (conditions.length === 1 ? conditions[0] : _.and(...conditions)) as Record<string, unknown>
    const { data } = await collection(port, 'branches')
      .where(where)
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data, limit, (b) => b.name)
    return { items: page.items.map(presentBranch), nextCursor: page.nextCursor }
  },
})

export const getBranch = defineAction({
  name: 'branches.get',
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port }) {
    const [branch, groups, members, grants] = await Promise.all([
      loadBranch(port, branchId),
      readAll(port, 'groups', { branchId }, { sortBy: 'name' }),
      readAll(port, 'members', { branchId }),
      readAll(port, 'memberships', { branchId, status: 'active' }),
    ])
    const active = members.filter((m) => m.state === 'active')
    const secretary = grants.find((g) => g.role === 'secretary')
    const nameOf = (openid: string) => members.find((m) => m.openid === openid && m.state === 'active')?.name
    const guideGrants = grants.filter((g) => g.role === 'guide')
    const guideUsers = guideGrants.length
      ? await readAll(port, 'users', { _id: port.db.command.in(guideGrants.map((g) => g.openid)) })
      : []
    return {
      branch: presentBranch(branch),
      groups: groups.map((g) => {
        const inGroup = active.filter((m) => m.groupId === g._id)
        return {
          id: g._id,
          branchId,
          name: g.name,
          leaderName: inGroup.find((m) => m.groupLeader)?.name ?? null,
          memberCount: inGroup.length,
        }
      }),
      counts: {
        active: active.length,
        full: active.filter((m) => m.partyStatus === 'full').length,
        probationary: active.filter((m) => m.partyStatus === 'probationary').length,
        transferred: members.length - active.length,
      },
      secretaryName: secretary ? (nameOf(secretary.openid) ?? null) : null,
      guides: guideGrants.map((g) => ({
        name: guideUsers.find((u) => u._id === g.openid)?.name ?? '未署名',
        title: g.title ?? '党建指导员',
      })),
    }
  },
})

export const BRANCH_ACTIONS = [createBranch, updateBranch, archiveBranch, listBranches, getBranch] as const
