import { collection, isDuplicateKey } from '../framework/data'
import { checkTexts } from '../framework/writes'
import { defineAction } from '../framework/action'
import { AppError } from '../framework/errors'
import { COLLECTIONS } from '../framework/model'
import type { Database } from '../framework/port'

/** The committee's id: there is one per environment. */
export const COMMITTEE_ID = 'committee'

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
    // The committee's and its first administrator's names are shown to every branch.
    await checkTexts(port, caller.openid, [['committeeName', '党委名称', committeeName], ['adminName', '管理员姓名', adminName]])
    await ensureCollections(port.db)
    const existing = await collection(port, 'committees').limit(1).get()
    if (existing.data.length > 0) throw new AppError('CONFLICT', '已经初始化过了，党委已存在')
    const now = port.now()
    // The one committee has a fixed id: two bootstraps at once both passed the check above and made two committees;
    // now the database refuses the second insert, and only the winner becomes the first administrator.
    try {
      await collection(port, 'committees').add({ data: { _id: COMMITTEE_ID, name: committeeName, createdAt: now } })
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('CONFLICT', '已经初始化过了，党委已存在')
      throw error
    }
    const _id = COMMITTEE_ID
    await collection(port, 'users').doc(caller.openid).set({ data: { name: adminName, createdAt: now } })
    await collection(port, 'memberships')
      .add({ data: { openid: caller.openid, branchId: null, role: 'committee_admin', status: 'active', since: now } })
    return { committeeId: _id }
  },
})

export const ORG_ACTIONS = [bootstrap] as const
