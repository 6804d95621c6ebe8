import type { RoleGrant } from '../../../types/domain'
import { defineAction } from '../action'
import { AppError } from '../errors'
import type { BranchDoc, CommitteeDoc, InviteDoc, Membership, UserDoc } from '../model'
import type { Port } from '../port'

async function branchNames(port: Port, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const _ = port.db.command
  const { data } = await port.db
    .collection('branches')
    .where({ _id: _.in(ids) })
    .field({ name: true })
    .limit(100)
    .get()
  return new Map(data.map((b) => [b._id as string, (b as unknown as BranchDoc).name]))
}

export async function describeRoles(port: Port, memberships: Membership[]): Promise<RoleGrant[]> {
  const ids = [...new Set(memberships.map((m) => m.branchId).filter((id): id is string => !!id))]
  const names = await branchNames(port, ids)
  return memberships.map((m) =>
    m.branchId ? { role: m.role, branchId: m.branchId, branchName: names.get(m.branchId) ?? '（已删除的支部）' } : { role: m.role },
  )
}

export const getSession = defineAction({
  name: 'session.get',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    const [users, committees, roles] = await Promise.all([
      port.db.collection('users').where({ _id: caller.openid }).limit(1).get(),
      port.db.collection('committees').limit(1).get(),
      describeRoles(port, caller.memberships),
    ])
    const user = users.data[0] as unknown as UserDoc | undefined
    const committee = committees.data[0] as unknown as CommitteeDoc | undefined
    return { openid: caller.openid, name: user?.name ?? null, committeeName: committee?.name ?? null, roles }
  },
})

export const joinWithInvite = defineAction({
  name: 'session.join',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ code, name }, { port, caller }) {
    const { db } = port
    const _ = db.command
    const now = port.now()
    const found = await db.collection('invites').where({ _id: code }).limit(1).get()
    const invite = found.data[0] as unknown as InviteDoc | undefined
    if (!invite) throw new AppError('NOT_FOUND', '邀请码不正确，请核对后重新输入')
    if (invite.revoked) throw new AppError('CONFLICT', '该邀请码已被撤销，请向支部书记索取新的邀请码')
    if (new Date(invite.expiresAt).getTime() <= now.getTime()) {
      throw new AppError('CONFLICT', '该邀请码已过期，请向支部书记索取新的邀请码')
    }
    const already = caller.memberships.find((m) => m.branchId === invite.branchId && m.role === invite.role)
    if (!already) {
      // Spend one use only while uses remain: the condition and the increment are one write.
      const spent = await db
        .collection('invites')
        .where({ _id: code, uses: _.lt(invite.maxUses) })
        .update({ data: { uses: _.inc(1) } })
      if (spent.stats.updated !== 1) throw new AppError('CONFLICT', '该邀请码的使用次数已用完')
      const membership: Membership = {
        openid: caller.openid,
        branchId: invite.branchId,
        role: invite.role,
        status: 'active',
        since: now,
      }
      await db.collection('memberships').add({ data: { ...membership } })
    }
    await db.collection('users').doc(caller.openid).set({ data: { name, createdAt: now } })
    const memberships = already ? caller.memberships : [...caller.memberships, { openid: caller.openid, branchId: invite.branchId, role: invite.role, status: 'active' as const, since: now }]
    return { roles: await describeRoles(port, memberships) }
  },
})
