/**
 * 民主评议党员 and the committee's review (docs/appraisal.md 「退回后重新评定」, docs/reviews.md): the secretary 确定 the
 * grades, the committee returns the record (退回修改); while it is returned the secretary reopens the results
 * (appraisal.reopen), corrects a grade, 确定 again and resubmits; the committee approves. The history keeps the first
 * results and the reopening; a member sees no grade while the results are reopened. A reopen when the record is not
 * returned is CONFLICT; a member cannot reopen.
 */
import { apiAs, identities, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { sessionRecord } from '../support/activity-fixtures'

let cloud: LocalCloudHandle
let branch1: string
let seq = 0
const rid = () => `appr-ret-${Date.now()}-${++seq}`
const as = (openid: string): Caller => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const zhao = () => as('dev-member-1b') // 赵磊, a member of branch 1
const admin = () => as('dev-committee-admin')
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch1 = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

test('finalize → committee returns → secretary reopens, changes a grade, 确定 again → resubmits → committee approves', async () => {
  const startAt = new Date(Date.now() - 86_400_000).toISOString()
  const id = (await ok(secretary()('activities.record', sessionRecord({ branchId: branch1, clientRequestId: rid(), type: 'democratic_review', topic: `${YEAR}年度民主评议党员（退回）`, place: '会议室', startAt })))).id
  const blank = await ok(secretary()('appraisal.get', { activityId: id }))
  const zhaoId = blank.rows.find((r) => r.name === '赵磊')!.memberId
  const rows = blank.rows.map((r, i) => ({ memberId: r.memberId, grade: i === 0 ? ('excellent' as const) : ('qualified' as const), votes: null, disposal: null }))
  const saved = await ok(secretary()('appraisal.save', { activityId: id, version: 0, clientRequestId: rid(), rows }))
  const first = await ok(secretary()('appraisal.finalize', { activityId: id, version: saved.version, clientRequestId: rid() }))
  expect(first).toMatchObject({ state: 'final', canReopen: false, finalizedBy: '李建国' })

  // Not returned: no reopening (the results stay locked).
  const early = await secretary()('appraisal.reopen', { activityId: id, version: first.version, clientRequestId: rid() })
  expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'not_returned' } } })

  // The committee returns the record.
  const rec = await ok(secretary()('activities.get', { id }))
  await ok(admin()('reviews.decide', { activityId: id, decision: 'return', comment: '赵磊的等次与测评票数不符', expectedVersion: rec.version }))
  const returned = await ok(secretary()('appraisal.get', { activityId: id }))
  expect(returned).toMatchObject({ state: 'final', canWrite: false, canReopen: true, review: { state: 'returned', comment: '赵磊的等次与测评票数不符' } })
  // Resubmitting without a correction is still refused.
  expect(await secretary()('reviews.resubmit', { activityId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

  // A member cannot reopen; the secretary can.
  expect(await zhao()('appraisal.reopen', { activityId: id, version: returned.version, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const reopened = await ok(secretary()('appraisal.reopen', { activityId: id, version: returned.version, clientRequestId: rid() }))
  expect(reopened).toMatchObject({ state: 'draft', canWrite: true, canReopen: false, finalizedBy: null })
  expect(reopened.history).toEqual([
    expect.objectContaining({ kind: 'finalized', by: '李建国', at: first.finalizedAt, note: expect.stringContaining('优秀 1 人') }),
    expect.objectContaining({ kind: 'reopened', by: '李建国', note: expect.stringContaining('赵磊的等次与测评票数不符') }),
  ])
  // While reopened a member sees no grade, and the reopened results cannot be resubmitted yet.
  expect(await ok(zhao()('appraisal.get', { activityId: id }))).toMatchObject({ view: 'own', rows: [], history: [] })
  expect((await ok(zhao()('appraisal.list', { branchId: branch1 }))).items.find((i) => i.activityId === id)).toMatchObject({ state: 'draft', mine: null })
  expect(await secretary()('reviews.resubmit', { activityId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'appraisal_reopened' } } })
  // Reopened results still hold the record's type (they were 确定 and members were told).
  const recNow = await ok(secretary()('activities.get', { id }))
  expect(await secretary()('activities.update', { id, expectedVersion: recNow.version, type: 'theme_day' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'appraisal_finalized' } } })

  // Correct 赵磊's grade and 确定 again.
  const fixed = await ok(secretary()('appraisal.save', { activityId: id, version: reopened.version, clientRequestId: rid(), rows: [{ memberId: zhaoId, grade: 'basic', votes: null, disposal: null }] }))
  const again = await ok(secretary()('appraisal.finalize', { activityId: id, version: fixed.version, clientRequestId: rid() }))
  // Still returned until resubmitted: another reopening stays possible.
  expect(again).toMatchObject({ state: 'final', canReopen: true, counts: { basic: 1 } })
  expect(again.rows.find((r) => r.memberId === zhaoId)!.grade).toBe('basic')
  expect(again.history.map((h) => h.kind)).toEqual(['finalized', 'reopened'])
  expect(await ok(zhao()('appraisal.get', { activityId: id }))).toMatchObject({ rows: [expect.objectContaining({ name: '赵磊', grade: 'basic' })] })
  const inbox = await ok(zhao()('inbox.list', {}))
  expect(inbox.items.map((i) => i.title)).toContain(`${YEAR}年民主评议党员结果（重新评定）：基本合格`)

  // The record's 修改历史 has the correction; resubmit, then the committee approves.
  const history = await ok(secretary()('activities.history', { id }))
  expect(history.items.map((h) => JSON.stringify(h))).toEqual(expect.arrayContaining([expect.stringContaining('民主评议结果')]))
  expect(await ok(secretary()('reviews.resubmit', { activityId: id, note: '已按意见重新评定' }))).toMatchObject({ state: 'resubmitted' })
  const now = await ok(admin()('reviews.get', { activityId: id }))
  expect(await ok(admin()('reviews.decide', { activityId: id, decision: 'approve', expectedVersion: now.version }))).toMatchObject({ state: 'approved' })
  // Approved: no reopening any more.
  const last = await ok(secretary()('appraisal.get', { activityId: id }))
  expect(last).toMatchObject({ state: 'final', canReopen: false, review: { state: 'approved' } })
  expect(await secretary()('appraisal.reopen', { activityId: id, version: last.version, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'not_returned' } } })
  const audit = await ok(secretary()('audit.list', { branchId: branch1 }))
  expect(audit.items.map((e) => e.summary)).toEqual(expect.arrayContaining([expect.stringContaining('重新评定'), expect.stringContaining('重新确定')]))
})
