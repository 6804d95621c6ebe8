/**
 * A reviewer tapped 导出 ten times at once and got ten jobs and ten files. A start while the same person's export of
 * the same book and year is running answers that job (exports.ts sameOrNew); another book, another year or another
 * person is another job, and a finished export may be made afresh.
 */
import { apiAs, identities, ok } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud()
}, 60_000)
afterAll(() => cloud?.stop())

test('ten starts at once of the same record book make one job; another year or another person makes its own', async () => {
  const people = await identities(cloud.url)
  const secretaryId = people.find((p) => p.roles.some((r) => r.role === 'secretary'))!
  const branchId = secretaryId.roles.find((r) => r.role === 'secretary')!.branchId!
  const secretary = apiAs(cloud.url, secretaryId.openid)
  const admin = apiAs(cloud.url, people.find((p) => p.roles.some((r) => r.role === 'committee_admin'))!.openid)

  const starts = await Promise.all(Array.from({ length: 10 }, () => ok(secretary('exports.start', { kind: 'recordBook', branchId, year: 2026 }))))
  expect(new Set(starts.map((j) => j.id)).size).toBe(1)

  const otherYear = await ok(secretary('exports.start', { kind: 'recordBook', branchId, year: 2025 }))
  expect(otherYear.id).not.toBe(starts[0].id)
  const byCommittee = await ok(admin('exports.start', { kind: 'recordBook', branchId, year: 2026 }))
  expect(byCommittee.id).not.toBe(starts[0].id)

  // Stepped to its end, the job is done; the next start is a fresh export (the records may have changed).
  let job = starts[0]
  for (let i = 0; i < 50 && job.status === 'running'; i++) job = await ok(secretary('exports.step', { jobId: job.id }))
  expect(job.status).toBe('done')
  const again = await ok(secretary('exports.start', { kind: 'recordBook', branchId, year: 2026 }))
  expect(again.id).not.toBe(starts[0].id)
})
