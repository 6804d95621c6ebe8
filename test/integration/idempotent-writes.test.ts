/**
 * The write protocol (cloud/core/framework/writes.ts) through the local cloud: a write retried or sent twice at once
 * with the same clientRequestId answers what the first one answered, and does its work once; a clientRequestId
 * reused for another action is another request.
 */
import { readFileSync } from 'node:fs'
import type { ActionInput } from '../../types/actions'
import { apiAs, identities, ok, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const DAY = 86400e3
let cloud: LocalCloudHandle
let committee: Caller
let secretary: Caller
let branchId: string
let branch2: string

beforeAll(async () => {
  cloud = await startLocalCloud()
  committee = apiAs(cloud.url, 'dev-committee-admin')
  secretary = apiAs(cloud.url, 'dev-secretary-1')
  const people = await identities(cloud.url)
  branchId = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  branch2 = people.find((p) => p.openid === 'dev-secretary-2')!.roles[0].branchId!
}, 60_000)
afterAll(() => cloud?.stop())

async function anAssignment(): Promise<string> {
  const plan = await ok<any>(committee('workPlans.parse', { text: readFileSync(SAMPLE_PLAN_TXT, 'utf8') }))
  const saved = await ok<{ id: string }>(committee('workPlans.save', { plan }))
  await ok(committee('workPlans.publish', { planId: saved.id }))
  const points = plan.sections.flatMap((s: { points: { seq: number }[] }) => s.points).map((p: { seq: number }) => ({ seq: p.seq, dueOn: '2099-12-31' }))
  await ok(committee('workPlans.assign', { planId: saved.id, branchIds: 'all', points }))
  const mine = await ok<{ items: { id: string }[] }>(secretary('assignments.list', { branchId, limit: 2 }))
  return mine.items[0].id
}

test('assignments.report sent twice at once: both answer the first report, which is written once', async () => {
  const assignmentId = await anAssignment()
  const payload = { assignmentId, note: '已组织专题学习并完成', markDone: true, clientRequestId: 'concurrent-report-1' }
  const [a, b] = await Promise.all([secretary('assignments.report', payload), secretary('assignments.report', payload)])
  expect(a).toMatchObject({ ok: true, data: { id: assignmentId, status: 'done', reportCount: 1 } })
  expect(b).toEqual(a)
  const detail = await ok<{ reports: unknown[] }>(secretary('assignments.get', { assignmentId }))
  expect(detail.reports).toHaveLength(1)
  // Another report since: a retry of the first still answers what the first answered (one report, then).
  await ok(secretary('assignments.report', { assignmentId, note: '补充：学习心得已汇总', clientRequestId: 'concurrent-report-2' }))
  expect(await secretary('assignments.report', payload)).toEqual(a)
})

test('notices.send retried, and sent twice at once: the notice it sent, not CONFLICT; one message each', async () => {
  const notice: Omit<ActionInput<'notices.send'>, 'clientRequestId'> = { title: '关于开展主题党日活动的通知', body: '请于月底前开展主题党日。', branches: [branch2], roles: ['secretary'] }
  const first = await committee('notices.send', { ...notice, clientRequestId: 'notice-retry-01' })
  expect(first).toMatchObject({ ok: true, data: { branchCount: 1 } })
  expect(await committee('notices.send', { ...notice, clientRequestId: 'notice-retry-01' })).toEqual(first)

  const [a, b] = await Promise.all([
    committee('notices.send', { ...notice, title: '第二条通知', clientRequestId: 'notice-twice-01' }),
    committee('notices.send', { ...notice, title: '第二条通知', clientRequestId: 'notice-twice-01' }),
  ])
  expect(a.ok).toBe(true)
  expect(b).toEqual(a)
  const inbox = await ok<{ items: { title: string }[] }>(apiAs(cloud.url, 'dev-secretary-2')('inbox.list', {}))
  expect(inbox.items.filter((i) => i.title === '第二条通知')).toHaveLength(1)
  expect(inbox.items.filter((i) => i.title === notice.title)).toHaveLength(1)
})

test('a clientRequestId reused for another action is another request, not the other action\'s record', async () => {
  const start = new Date(Date.now() - DAY)
  start.setUTCHours(6, 0, 0, 0)
  const recorded = await ok<{ id: string; status: string }>(
    secretary('activities.record', {
      branchId,
      clientRequestId: 'shared-request-01',
      type: 'theme_day',
      topic: '参观红色教育基地',
      place: '学会会议室',
      startAt: start.toISOString(),
      host: '李建国',
      recorder: '王芳',
      minutes: '参观并交流体会。',
    }),
  )
  expect(recorded.status).toBe('recorded')
  const later = new Date(Date.now() + 3 * DAY)
  later.setUTCHours(6, 0, 0, 0)
  const planned = await ok<{ id: string; status: string; topic: string }>(
    secretary('activities.plan', { branchId, clientRequestId: 'shared-request-01', type: 'party_lecture', topic: '学习新党章', place: '会议室', startAt: later.toISOString(), lecturer: '李建国' }),
  )
  expect(planned).toMatchObject({ status: 'planned', topic: '学习新党章' })
  expect(planned.id).not.toBe(recorded.id)
})
