/**
 * 民主评议党员 integrity (red-team review): a 确定 appraisal keeps its record (type, year, existence locked); one 确定
 * appraisal a branch a year; every report counts the same appraisals; the sheet is the roster of the meeting's date;
 * 民主测评 votes are counts of at most the voters. docs/appraisal.md.
 */
import { apiAs, identities, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { sessionRecord } from '../support/activity-fixtures'

let cloud: LocalCloudHandle
let branch1: string
let seq = 0
const rid = () => `appr-int-${Date.now()}-${++seq}`
const as = (openid: string): Caller => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
const votes = (excellent: number, qualified: number) => ({ excellent, qualified, basic: 0, unqualified: 0 })

async function review(topic: string, daysAgo: number, attendance?: { memberId: string; present: boolean }[]) {
  const startAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString()
  return (await ok(secretary()('activities.record', sessionRecord({ branchId: branch1, clientRequestId: rid(), type: 'democratic_review', topic, place: '会议室', startAt, ...(attendance ? { attendance } : {}) })))).id
}

async function gradeAll(activityId: string) {
  const s = await ok(secretary()('appraisal.get', { activityId }))
  const rows = s.rows.map((r, i) => ({ memberId: r.memberId, grade: i === 0 ? ('excellent' as const) : ('qualified' as const), votes: null, disposal: null }))
  return ok(secretary()('appraisal.save', { activityId, version: s.version, clientRequestId: rid(), rows }))
}

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch1 = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

test('the sheet is the roster of the meeting day: someone who arrived after it is not appraised nor raises the 优秀 cap', async () => {
  const id = await review(`${YEAR}年度民主评议（名单）`, 2)
  const before = await ok(secretary()('appraisal.get', { activityId: id }))
  expect(before.appraised).toBe(3)
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await ok(secretary()('transfers.receive', { branchId: branch1, letterNo: `T${Date.now()}`.slice(0, 12), fromOrgName: '外单位党支部', issuedOn: today, validUntil: today, duesPaidTo: today.slice(0, 7), name: '新来的', partyStatus: 'full', joinedPartyOn: '2010-07-01', arrivedOn: today, clientRequestId: rid() }))
  const after = await ok(secretary()('appraisal.get', { activityId: id }))
  expect(after.appraised).toBe(3)
  expect(after.rows.map((r) => r.name)).not.toContain('新来的')
  expect(after.maxExcellent).toBe(1)
  await ok(secretary()('activities.remove', { id, expectedVersion: 1, reason: '测试用记录，删除' }))
})

test('民主测评 votes: a member\'s votes together are at most those who took part (present attendance)', async () => {
  const first = await ok(secretary()('appraisal.get', { activityId: await review(`${YEAR}年度民主评议（票数）`, 3) }))
  const ids = first.rows.map((r) => r.memberId)
  // Record a meeting where 2 of the 3 were present.
  const id = await review(`${YEAR}年度民主评议（出席）`, 3, [
    { memberId: ids[0], present: true },
    { memberId: ids[1], present: true },
    { memberId: ids[2], present: false },
  ])
  const bad = await secretary()('appraisal.save', { activityId: id, version: 0, clientRequestId: rid(), rows: [{ memberId: ids[0], grade: 'qualified', votes: votes(9999, 0) }] })
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { rule: 'votes_exceed_voters', voters: 2 } } })
  if (!bad.ok) expect(bad.error.message).toContain('民主测评每人一票')
  const three = await secretary()('appraisal.save', { activityId: id, version: 0, clientRequestId: rid(), rows: [{ memberId: ids[0], grade: 'qualified', votes: votes(1, 2) }] })
  expect(three).toMatchObject({ ok: false, error: { details: { rule: 'votes_exceed_voters' } } })
  const fine = await secretary()('appraisal.save', { activityId: id, version: 0, clientRequestId: rid(), rows: [{ memberId: ids[0], grade: 'qualified', votes: votes(0, 2) }] })
  expect(fine.ok).toBe(true)
  for (const a of [first.activity.id, id]) {
    const v = (await ok(secretary()('activities.get', { id: a }))).version
    await ok(secretary()('activities.remove', { id: a, expectedVersion: v, reason: '测试用记录，删除' }))
  }
})

test('a 确定 appraisal locks its record\'s type, year and deletion; a second one that year cannot be 确定', async () => {
  const id = await review(`${YEAR}年度民主评议党员`, 1)
  const saved = await gradeAll(id)
  await ok(secretary()('appraisal.finalize', { activityId: id, version: saved.version, clientRequestId: rid() }))
  const rec = await ok(secretary()('activities.get', { id }))
  const retype = await secretary()('activities.update', { id, expectedVersion: rec.version, type: 'theme_day' })
  expect(retype).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'appraisal_finalized' } } })
  if (!retype.ok) expect(retype.error.message).toContain('结果已经确定')
  const lastYear = new Date(new Date(rec.startAt).getTime() - 366 * 86_400_000).toISOString()
  const moved = await secretary()('activities.update', { id, expectedVersion: rec.version, startAt: lastYear })
  expect(moved).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'appraisal_finalized' } } })
  const removed = await secretary()('activities.remove', { id, expectedVersion: rec.version, reason: '想删除这次评议' })
  expect(removed).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'appraisal_finalized' } } })
  if (!removed.ok) expect(removed.error.message).toContain('不能删除')
  // The minutes may still be corrected.
  await ok(secretary()('activities.update', { id, expectedVersion: rec.version, minutes: '补充：会议进行了民主测评。' }))

  const second = await review(`${YEAR}年度民主评议党员（补充）`, 1)
  const s2 = await gradeAll(second)
  const again = await secretary()('appraisal.finalize', { activityId: second, version: s2.version, clientRequestId: rid() })
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'one_per_year', activityId: id } } })
  if (!again.ok) expect(again.error.message).toContain('每年一次')

  // Every report counts the same one appraisal.
  const list = await ok(secretary()('appraisal.list', { branchId: branch1 }))
  expect(list.items.filter((i) => i.state === 'final').map((i) => i.activityId)).toEqual([id])
  const member = await ok(secretary()('appraisal.member', { memberId: saved.rows[0].memberId }))
  expect(member.items.map((i) => i.activityId)).toEqual([id])
})
