import { defineAction } from '../action'
import { AppError } from '../errors'
import { newInviteCode } from '../invite-code'
import { COLLECTIONS, type BranchDoc } from '../model'
import type { Database } from '../port'

/** Creates every collection the actions use; a collection that already exists is fine. */
export async function ensureCollections(db: Database): Promise<void> {
  for (const name of COLLECTIONS) {
    try {
      await db.createCollection(name)
    } catch (error) {
      const text = `${(error as { errCode?: unknown }).errCode ?? ''} ${(error as Error).message ?? error}`
      if (!/exist/i.test(text)) throw error
    }
  }
}

const branchOut = (b: BranchDoc) => ({ id: b._id, name: b.name, kind: b.kind, societies: b.societies })

/**
 * First step on a new environment: creates the collections and makes the caller the committee's first admin.
 * Guarded by a token set in the function's environment (BOOTSTRAP_TOKEN), and refused once a committee exists.
 */
export const bootstrap = defineAction({
  name: 'org.bootstrap',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ token, committeeName, adminName }, { port, caller }) {
    const expected = port.settings.bootstrapToken
    if (!expected) throw new AppError('FORBIDDEN', '云函数未配置初始化口令（BOOTSTRAP_TOKEN），无法初始化')
    if (token !== expected) throw new AppError('FORBIDDEN', '初始化口令不正确')
    await ensureCollections(port.db)
    const existing = await port.db.collection('committees').limit(1).get()
    if (existing.data.length > 0) throw new AppError('CONFLICT', '已经初始化过了，党委已存在')
    const now = port.now()
    const { _id } = await port.db.collection('committees').add({ data: { name: committeeName, createdAt: now } })
    await port.db.collection('users').doc(caller.openid).set({ data: { name: adminName, createdAt: now } })
    await port.db
      .collection('memberships')
      .add({ data: { openid: caller.openid, branchId: null, role: 'committee_admin', status: 'active', since: now } })
    return { committeeId: _id }
  },
})

export const createBranch = defineAction({
  name: 'branches.create',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ name, kind, societies }, { port }) {
    const dup = await port.db.collection('branches').where({ name, status: 'active' }).count()
    if (dup.total > 0) throw new AppError('CONFLICT', `已有同名支部「${name}」`)
    const doc = { name, kind, societies, status: 'active' as const, createdAt: port.now() }
    const { _id } = await port.db.collection('branches').add({ data: doc })
    return branchOut({ _id, ...doc })
  },
})

export const listBranches = defineAction({
  name: 'branches.list',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    const _ = port.db.command
    const isAdmin = caller.memberships.some((m) => m.role === 'committee_admin')
    const mine = [...new Set(caller.memberships.map((m) => m.branchId).filter((id): id is string => !!id))]
    if (!isAdmin && mine.length === 0) return { items: [] }
    const where = isAdmin ? { status: 'active' } : { status: 'active', _id: _.in(mine) }
    const items: BranchDoc[] = []
    // Page through: one get() returns a bounded page, never everything.
    for (let skip = 0; ; skip += 100) {
      const { data } = await port.db.collection('branches').where(where).orderBy('name', 'asc').skip(skip).limit(100).get()
      items.push(...(data as unknown as BranchDoc[]))
      if (data.length < 100) break
    }
    return { items: items.map(branchOut) }
  },
})

export const createInvite = defineAction({
  name: 'invites.create',
  roles: ['committee_admin', 'secretary'],
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, role, maxUses, expiresInDays }, { port, caller }) {
    const isAdmin = caller.memberships.some((m) => m.role === 'committee_admin')
    if (!isAdmin && role !== 'member' && role !== 'branch_committee') {
      throw new AppError('FORBIDDEN', '支部书记只能邀请党员或支委委员')
    }
    const branch = await port.db.collection('branches').where({ _id: branchId, status: 'active' }).count()
    if (branch.total === 0) throw new AppError('NOT_FOUND', '支部不存在或已撤销')
    const now = port.now()
    const expiresAt = new Date(now.getTime() + expiresInDays * 24 * 3600 * 1000)
    const code = newInviteCode()
    await port.db.collection('invites').add({
      data: { _id: code, branchId, role, maxUses, uses: 0, expiresAt, createdBy: caller.openid, createdAt: now, revoked: false },
    })
    return { code, expiresAt: expiresAt.toISOString(), maxUses }
  },
})
