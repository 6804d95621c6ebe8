/**
 * The write protocol's request fingerprint (cloud/core/framework/writes.ts runOnce, payloadFingerprint) without a
 * cloud: a request key answers only the payload it was first sent with. The attacker review found a transfers.issue
 * key re-sent with another memberId answering ok with the first member's letter; the same key with another payload
 * is now CONFLICT, a true retry still answers the first answer, and a request stored before the fingerprint was kept
 * answers as before.
 */
import { payloadFingerprint, requestKey, runOnce } from '../../cloud/core/framework/writes'
import type { Port } from '../../cloud/core/framework/port'

/** write_requests in memory: where with equality, limit, get, add (duplicate _id refused), update, remove. */
function fakePort() {
  const rows: Record<string, unknown>[] = []
  const matches = (doc: Record<string, unknown>, where: Record<string, unknown>) =>
    Object.entries(where).every(([k, v]) => (v instanceof Date ? (doc[k] as Date)?.getTime() === v.getTime() : doc[k] === v))
  const query = (where: Record<string, unknown> = {}): any => ({
    where: (w: Record<string, unknown>) => query(w),
    limit: () => query(where),
    async get() {
      return { data: rows.filter((d) => matches(d, where)).map((d) => ({ ...d })) }
    },
    async add({ data }: { data: Record<string, unknown> }) {
      if (rows.some((d) => d._id === data._id)) throw { errCode: -502001, errMsg: 'E11000 duplicate key error' }
      rows.push({ ...data })
      return { _id: data._id }
    },
    async update({ data }: { data: Record<string, unknown> }) {
      const hit = rows.filter((d) => matches(d, where))
      hit.forEach((d) => Object.assign(d, data))
      return { stats: { updated: hit.length } }
    },
    async remove() {
      const keep = rows.filter((d) => !matches(d, where))
      const removed = rows.length - keep.length
      rows.splice(0, rows.length, ...keep)
      return { stats: { removed } }
    },
  })
  const port = { db: { collection: () => query(), createCollection: async () => undefined }, now: () => new Date() } as unknown as Port
  return { port, rows }
}

const issue = (memberId: string, extra: Record<string, unknown> = {}) => ({
  action: 'transfers.issue',
  openid: 'committee',
  clientRequestId: 'same-key-0001',
  payload: { memberId, toBranchId: 'b2', letterNo: '1号', clientRequestId: 'same-key-0001', ...extra },
})

describe('payloadFingerprint', () => {
  test('the same input in another key order, or with another clientRequestId, is the same payload', () => {
    const a = payloadFingerprint({ memberId: 'm1', letterNo: '1号', nested: { b: 1, a: [1, { y: 2, x: 1 }] }, clientRequestId: 'k1' })
    const b = payloadFingerprint({ nested: { a: [1, { x: 1, y: 2 }], b: 1 }, letterNo: '1号', clientRequestId: 'k2', memberId: 'm1' })
    expect(a).toBe(b)
    // A field left out and a field given as undefined are the same input (JSON drops undefined).
    expect(payloadFingerprint({ memberId: 'm1', reason: undefined })).toBe(payloadFingerprint({ memberId: 'm1' }))
  })
  test('another value anywhere is another payload', () => {
    expect(payloadFingerprint({ memberId: 'm1' })).not.toBe(payloadFingerprint({ memberId: 'm2' }))
    expect(payloadFingerprint({ rows: [1, 2] })).not.toBe(payloadFingerprint({ rows: [2, 1] }))
    expect(payloadFingerprint({ note: '1' })).not.toBe(payloadFingerprint({ note: 1 }))
  })
})

describe('runOnce with a payload', () => {
  test('a retry with the same payload answers the first answer and runs nothing again', async () => {
    const { port } = fakePort()
    let runs = 0
    const run = async () => ({ id: `letter-${++runs}` })
    expect(await runOnce(port, issue('m1'), run)).toEqual({ id: 'letter-1' })
    // Same input, keys in another order.
    const again = issue('m1')
    again.payload = { letterNo: '1号', clientRequestId: 'same-key-0001', toBranchId: 'b2', memberId: 'm1' }
    expect(await runOnce(port, again, run)).toEqual({ id: 'letter-1' })
    expect(runs).toBe(1)
  })

  test('the same key with another payload is CONFLICT with a Chinese message, and runs nothing', async () => {
    const { port } = fakePort()
    let runs = 0
    const run = async () => ({ id: `letter-${++runs}` })
    await runOnce(port, issue('m1'), run)
    await expect(runOnce(port, issue('m2'), run)).rejects.toMatchObject({ code: 'CONFLICT', message: '同一请求编号已用于另一项操作，请刷新后重试', details: { requestReused: true } })
    await expect(runOnce(port, issue('m1', { reason: '工作调动' }), run)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(runs).toBe(1)
    // The first request still answers its own retry.
    expect(await runOnce(port, issue('m1'), run)).toEqual({ id: 'letter-1' })
  })

  test('while the first call is still running, another payload under its key is refused at once', async () => {
    const { port, rows } = fakePort()
    rows.push({ _id: requestKey('transfers.issue', 'committee', 'same-key-0001'), action: 'transfers.issue', openid: 'committee', state: 'running', startedAt: new Date(), fingerprint: payloadFingerprint(issue('m1').payload) })
    const started = Date.now()
    await expect(runOnce(port, issue('m2'), async () => ({ id: 'x' }))).rejects.toMatchObject({ code: 'CONFLICT', details: { requestReused: true } })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  test('a request stored before the fingerprint was kept answers as before, whatever the payload', async () => {
    const { port, rows } = fakePort()
    rows.push({ _id: requestKey('transfers.issue', 'committee', 'same-key-0001'), action: 'transfers.issue', openid: 'committee', state: 'done', startedAt: new Date(), result: JSON.stringify({ id: 'old-letter' }) })
    let runs = 0
    expect(await runOnce(port, issue('m2'), async () => ({ id: `new-${++runs}` }))).toEqual({ id: 'old-letter' })
    expect(runs).toBe(0)
  })

  test('the fingerprint is stored with the request; a failed request keeps nothing, so another payload may follow', async () => {
    const { port, rows } = fakePort()
    await expect(runOnce(port, issue('m1'), async () => { throw new Error('refused') })).rejects.toThrow('refused')
    expect(rows).toHaveLength(0)
    expect(await runOnce(port, issue('m2'), async () => ({ id: 'letter-m2' }))).toEqual({ id: 'letter-m2' })
    expect(rows[0]).toMatchObject({ state: 'done', fingerprint: payloadFingerprint(issue('m2').payload) })
  })
})
