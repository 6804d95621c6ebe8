/**
 * A failed read is an error, not "nothing there" (framework/errors.ts unlessMissing). Reads of collections an older
 * environment may lack answered [] on any failure: a timeout reading the transfers made a transferred member's
 * months paid in her old branch look unpaid (dues/history.ts), and a 预备党员's file stay behind on acceptance.
 */
import { unlessMissing } from '../../cloud/core/framework/errors'
import { earlierDues } from '../../cloud/core/dues/history'
import type { Port } from '../../cloud/core/framework/port'

/** A port whose every read fails with `error`. */
function failingPort(error: unknown): Port {
  const query: any = {
    where: () => query,
    orderBy: () => query,
    limit: () => query,
    skip: () => query,
    field: () => query,
    get: () => Promise.reject(error),
    count: () => Promise.reject(error),
  }
  const command: any = new Proxy({}, { get: () => (...args: unknown[]) => ({ args }) })
  return { db: { command, collection: () => query }, now: () => new Date('2026-12-03T02:00:00Z') } as unknown as Port
}

const member = { _id: 'm1', branchId: 'b1', joinedPartyOn: '2010-07-01' }
const timeout = Object.assign(new Error('errCode: -501001 | errMsg: database request timeout'), { errCode: -501001 })
const missing = Object.assign(new Error('errCode: -502005 | errMsg: DATABASE_COLLECTION_NOT_EXIST'), { errCode: -502005 })

test('unlessMissing: a missing collection gives the fallback, any other failure is thrown', async () => {
  await expect(Promise.reject(missing).catch(unlessMissing([]))).resolves.toEqual([])
  await expect(Promise.reject(timeout).catch(unlessMissing([]))).rejects.toBe(timeout)
  await expect(Promise.reject(new Error('boom')).catch(unlessMissing({ data: [] }))).rejects.toThrow('boom')
})

test('a transferred member\'s earlier dues: a timeout fails the read instead of reading as no transfer', async () => {
  await expect(earlierDues(failingPort(timeout), [member], '2026-01')).rejects.toBe(timeout)
  // An environment without the transfers collection has no transfers: nothing came before.
  await expect(earlierDues(failingPort(missing), [member], '2026-01')).resolves.toEqual(new Map())
})
