/**
 * Two branches of one fresh committee, for the transfer tests (integration transfers, transfers-walk,
 * transfers-review each built this by hand): the committee bootstrapped, 甲学会党支部 and 乙学会党支部 with a secretary
 * each, and an invitation code of branch A for ten members. `prefix` keeps each file's openids apart.
 */
import { apiAs, ok, type Caller } from './api'

export interface TwoBranches {
  admin: Caller
  branchA: string
  branchB: string
  secA: Caller
  secB: Caller
  /** An invitation of branch A for up to 10 members. */
  memberCode: string
  /** Signs `openid` into the app with `code` under `name`; answers its caller. */
  join(openid: string, code: string, name: string): Promise<Caller>
}

export async function twoBranches(url: string, prefix: string): Promise<TwoBranches> {
  const join = async (openid: string, code: string, name: string) => {
    const as = apiAs(url, openid)
    await ok(as('session.join', { code, name }))
    return as
  }
  const admin = apiAs(url, `${prefix}-admin`)
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  const branchA = (await ok(admin('branches.create', { name: '甲学会党支部', startedOn: '2023-01-01' }))).id
  const branchB = (await ok(admin('branches.create', { name: '乙学会党支部', startedOn: '2023-01-01' }))).id
  const secA = await join(`${prefix}-sec-a`, (await ok(admin('invites.create', { branchId: branchA, role: 'secretary' }))).code, '甲书记')
  const secB = await join(`${prefix}-sec-b`, (await ok(admin('invites.create', { branchId: branchB, role: 'secretary' }))).code, '乙书记')
  const memberCode = (await ok(secA('invites.create', { branchId: branchA, role: 'member', maxUses: 10 }))).code
  return { admin, branchA, branchB, secA, secB, memberCode, join }
}
