/**
 * groups.*: a branch's party groups (党小组) — create, rename, list. The contract is types/actions/organisation.ts; the
 * page is docs/organisation.md.
 */
import { collection, recordOf, readAll } from '../framework/data'
import { BRANCH_MANAGERS, BRANCH_READERS } from '../../../types/roles'
import { checkTexts } from '../framework/writes'
import { defineAction } from '../framework/action'
import { recordAudit } from '../organisation/audit'
import { AppError } from '../framework/errors'
import type { GroupDoc } from '../framework/model'
import { groupNames, loadActiveBranch } from '../organisation/store'

const presentGroup = (g: GroupDoc, leaderName: string | null, memberCount: number) => ({
  id: g._id,
  branchId: g.branchId,
  name: g.name,
  leaderName,
  memberCount,
})

export const createGroup = defineAction({
  name: 'groups.create',
  roles: BRANCH_MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, name }, ctx) {
    const { port } = ctx
    await loadActiveBranch(port, branchId)
    const names = await groupNames(port, branchId)
    if ([...names.values()].includes(name)) throw new AppError('CONFLICT', `本支部已有党小组「${name}」`)
    await checkTexts(port, ctx.caller.openid, [['name', '党小组名称', name]])
    const doc = { branchId, name, createdAt: port.now() }
    const { _id } = await collection(port, 'groups').add({ data: doc })
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
  roles: BRANCH_MANAGERS,
  scope: { kind: 'record', collection: 'groups', noun: '党小组', idOf: (input) => input.groupId },
  async handler({ groupId, name }, ctx) {
    const group = recordOf(ctx, 'groups')
    const names = await groupNames(ctx.port, group.branchId)
    if ([...names.entries()].some(([id, n]) => n === name && id !== groupId)) {
      throw new AppError('CONFLICT', `本支部已有党小组「${name}」`)
    }
    await checkTexts(ctx.port, ctx.caller.openid, [['name', '党小组名称', name]])
    await collection(ctx.port, 'groups').doc(groupId).update({ data: { name } })
    await recordAudit(ctx, {
      branchId: group.branchId,
      action: 'group.renamed',
      summary: `党小组「${group.name}」改名为「${name}」`,
      target: { kind: 'group', id: groupId },
      before: { name: group.name },
      after: { name },
    })
    const members = await readAll(ctx.port, 'members', { branchId: group.branchId, groupId, state: 'active' })
    return presentGroup({ ...group, name }, members.find((m) => m.groupLeader)?.name ?? null, members.length)
  },
})

export const listGroups = defineAction({
  name: 'groups.list',
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, { port }) {
    const [groups, members] = await Promise.all([
      readAll(port, 'groups', { branchId }, { sortBy: 'name' }),
      readAll(port, 'members', { branchId, state: 'active' }),
    ])
    return {
      items: groups.map((g) => {
        const inGroup = members.filter((m) => m.groupId === g._id)
        return presentGroup(g, inGroup.find((m) => m.groupLeader)?.name ?? null, inGroup.length)
      }),
    }
  },
})

export const GROUP_ACTIONS = [createGroup, renameGroup, listGroups] as const
