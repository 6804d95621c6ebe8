/**
 * 书记讲党课 on a branch's compliance page lists the 党课 the secretary gave, not every 党课 of the branch (the user
 * walk found it listing all; the count was already right: cloud/core/compliance/rules.ts isSecretaryLecture).
 */
import { apiAs, identities, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { sessionRecord } from '../support/activity-fixtures'

let cloud: LocalCloudHandle
beforeAll(async () => { cloud = await startLocalCloud() })
afterAll(() => cloud?.stop())

test('书记讲党课 lists only the secretary\'s own 党课; 党课 lists both', async () => {
  const secretary = apiAs(cloud.url, 'dev-secretary-1')
  const branchId = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const startAt = new Date(Date.now() - 60_000).toISOString()
  const own = await ok(secretary('activities.record', sessionRecord({ branchId, clientRequestId: 'lecture-own-0001', type: 'party_lecture', topic: '书记讲：学习支部工作条例', place: '学会会议室', startAt, lecturer: '李建国' })))
  const other = await ok(secretary('activities.record', sessionRecord({ branchId, clientRequestId: 'lecture-other-001', type: 'party_lecture', topic: '专家讲：科技自立自强', place: '学会会议室', startAt, lecturer: '外请专家张教授' })))
  const c = await ok(secretary('compliance.branch', { branchId }))
  const ids = (type: string) => (c.items.find((i) => i.type === type)?.sessions ?? []).map((s) => s.id)
  expect(ids('secretary_lecture')).toContain(own.id)
  expect(ids('secretary_lecture')).not.toContain(other.id)
  expect(ids('party_lecture')).toEqual(expect.arrayContaining([own.id, other.id]))
})
