import { defineAction } from '../action'
import { isCommitteeAdmin } from '../access'
import { recordAudit } from '../audit'
import { checkTexts } from '../activities/store'
import { AppError } from '../errors'
import type { BranchDoc, GroupDoc, MemberDoc, Membership } from '../model'
import { afterCursor, decodeCursor, escapeRegExp, pageOf } from '../paging'
import type { Port } from '../port'
import { groupNames, loadActiveBranch, loadBranch, readAll } from '../roster-store'

const READERS = ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'] as const
const MANAGERS = ['committee_admin', 'secretary'] as const

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
  const { data } = await port.db.collection('branches').where({ name, status: 'active' }).limit(2).get()
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
    const { _id } = await port.db.collection('branches').add({ data: doc })
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
    await port.db.collection('branches').doc(branchId).update({ data: patch })
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
    await port.db.collection('branches').doc(branchId).update({ data: { status: 'archived', archivedReason: reason } })
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
    const { data } = await port.db
      .collection('branches')
      .where(where)
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(data as unknown as BranchDoc[], limit, (b) => b.name)
    return { items: page.items.map(presentBranch), nextCursor: page.nextCursor }
  },
})

export const getBranch = defineAction({
  name: 'branches.get',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port }) {
    const [branch, groups, members, grants] = await Promise.all([
      loadBranch(port, branchId),
      readAll<GroupDoc>(port, 'groups', { branchId }, 'name'),
      readAll<MemberDoc>(port, 'members', { branchId }),
      readAll<Membership>(port, 'memberships', { branchId, status: 'active' }),
    ])
    const active = members.filter((m) => m.state === 'active')
    const secretary = grants.find((g) => g.role === 'secretary')
    const nameOf = (openid: string) => members.find((m) => m.openid === openid && m.state === 'active')?.name
    const guideGrants = grants.filter((g) => g.role === 'guide')
    const guideUsers = guideGrants.length
      ? await readAll<{ _id: string; name: string }>(port, 'users', { _id: port.db.command.in(guideGrants.map((g) => g.openid)) })
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

const presentGroup = (g: GroupDoc, leaderName: string | null, memberCount: number) => ({
  id: g._id,
  branchId: g.branchId,
  name: g.name,
  leaderName,
  memberCount,
})

export const createGroup = defineAction({
  name: 'groups.create',
  roles: MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, name }, ctx) {
    const { port } = ctx
    await loadActiveBranch(port, branchId)
    const names = await groupNames(port, branchId)
    if ([...names.values()].includes(name)) throw new AppError('CONFLICT', `本支部已有党小组「${name}」`)
    await checkTexts(port, ctx.caller.openid, [['name', '党小组名称', name]])
    const doc = { branchId, name, createdAt: port.now() }
    const { _id } = await port.db.collection('groups').add({ data: doc })
    await recordAudit(ctx, {
      branchId,
      action: 'group.created',
      summary: `新建党小组「${name}」`,
      target: { kind: 'group', id: _id },
      before: null,
      after: { name },
    })
    return presentGroup({ _id, ...doc }, null, 0)
  },
})

export const renameGroup = defineAction({
  name: 'groups.rename',
  roles: MANAGERS,
  scope: { kind: 'record', collection: 'groups', noun: '党小组', idOf: (input) => input.groupId },
  async handler({ groupId, name }, ctx) {
    const group = ctx.record as unknown as GroupDoc
    const names = await groupNames(ctx.port, group.branchId)
    if ([...names.entries()].some(([id, n]) => n === name && id !== groupId)) {
      throw new AppError('CONFLICT', `本支部已有党小组「${name}」`)
    }
    await checkTexts(ctx.port, ctx.caller.openid, [['name', '党小组名称', name]])
    await ctx.port.db.collection('groups').doc(groupId).update({ data: { name } })
    await recordAudit(ctx, {
      branchId: group.branchId,
      action: 'group.renamed',
      summary: `党小组「${group.name}」改名为「${name}」`,
      target: { kind: 'group', id: groupId },
      before: { name: group.name },
      after: { name },
    })
    const members = await readAll<MemberDoc>(ctx.port, 'members', { branchId: group.branchId, groupId, state: 'active' })
    return presentGroup({ ...group, name }, members.find((m) => m.groupLeader)?.name ?? null, members.length)
  },
})

export const listGroups = defineAction({
  name: 'groups.list',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port }) {
    const [groups, members] = await Promise.all([
      readAll<GroupDoc>(port, 'groups', { branchId }, 'name'),
      readAll<MemberDoc>(port, 'members', { branchId, state: 'active' }),
    ])
    return {
      items: groups.map((g) => {
        const inGroup = members.filter((m) => m.groupId === g._id)
        return presentGroup(g, inGroup.find((m) => m.groupLeader)?.name ?? null, inGroup.length)
      }),
    }
  },
})
