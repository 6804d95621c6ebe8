/**
 * `npm run bench`: performance figures (a benchmark, not a test — nothing here passes or fails).
 * Starts a seeded local cloud in a temporary directory and measures, through the real wx-server-sdk:
 *   - one database query (where().get()) over loopback, the local cloud's per-query cost
 *   - one activities.list action end to end (HTTP → function bundle → SDK → local cloud → back)
 *   - start-up of the local cloud with seeding
 *   - organisation at scale: 300 branches and 5,000 members (written straight through the SDK — bench data, not
 *     seed data), then branch and roster listing, paging and search through the api action
 *   - work plans: parsing a 100-point plan, assigning a point to every branch, listing 300 assignments
 *   - activities: a branch with 500 sessions and 200 members — list pages, a month calendar, a record with 200
 *     attendees, upcoming sessions
 *   - reminders (bench-reminders.ts): one timer run over 100, 300 and 1,000 branches — time, DB round trips, messages,
 *     raw and production-like (cloud/local/latency.ts: 30 ms per database call, 100 ms per openapi call)
 *   - indexes (bench-indexes.ts): a paged query of 20 and a point read over 100,000-document collections
 *   - exports (bench-exports.ts): the year-end workbook for 100 more branches and a 50-session record book with
 *     150 photos, step by step as the app drives them; dashboard overview and heatmap at that size
 *   - dues (bench-dues.ts): 300 branches × 30 members × 12 months — the ledger page, the committee's view, the workbook
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseWorkPlan } from '../cloud/core/work-plans/parse'
import { benchExports } from './bench-exports'
import { benchDues } from './bench-dues'
import { benchReminders } from './bench-reminders'
import { benchIndexes } from './bench-indexes'
import { apiAs, identities } from '../test/support/api'
import { sdkFor, startLocalCloud } from '../test/support/local-cloud'
import { SAMPLE_PLAN_TXT } from '../test/support/samples'

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length
  return `mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${samples.length})`
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function main() {
  const t0 = performance.now()
  const cloud = await startLocalCloud()
  console.log(`local cloud start with seeding: ${(performance.now() - t0).toFixed(0)} ms`)
  try {
    const db = sdkFor(cloud.url).database()
    const people = await identities(cloud.url)
    const member = people.find((p) => p.roles.some((r) => r.role === 'member'))!
    const branchId = member.roles[0].branchId!

    for (let i = 0; i < 50; i++) await db.collection('activities').where({ branchId }).limit(20).get() // warm-up
    const query: number[] = []
    for (let i = 0; i < 1000; i++) query.push(await time(() => db.collection('activities').where({ branchId }).limit(20).get()))
    console.log(`SDK where().get() through the local cloud: ${stats(query)}`)

    const call = apiAs(cloud.url, member.openid)
    for (let i = 0; i < 20; i++) await call('activities.list', { branchId })
    const list: number[] = []
    for (let i = 0; i < 200; i++) list.push(await time(() => call('activities.list', { branchId })))
    console.log(`api activities.list (20 per page) end to end: ${stats(list)}`)

    // BENCH_ONLY=activities runs one section (the others write thousands of rows first).
    const only = process.env.BENCH_ONLY
    if (!only || only === 'organisation') await benchOrganisation(cloud.url, db)
    if (!only || only === 'workPlans') await benchWorkPlans(cloud.url)
    if (!only || only === 'activities') await benchActivities(cloud.url, db)
    if (!only || only === 'exports') await benchExports(cloud.url, db)
    // 党费 at 300 branches × 30 members × 12 months (bench-dues.ts).
    if (!only || only === 'dues') await benchDues(cloud.url, db)
    // Reminders start their own clouds (100, 300, 1,000 branches each).
    if (!only || only === 'reminders') await benchReminders()
    // 100,000-document collections (bench-indexes.ts): its own cloud.
    if (!only || only === 'indexes') await benchIndexes()
  } finally {
    await cloud.stop()
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'

async function benchOrganisation(url: string, db: any) {
  const t0 = performance.now()
  const now = new Date()
  const branchIds: string[] = []
  for (let i = 0; i < 300; i++) {
    const { _id } = await db.collection('branches').add({
      data: { name: `基准测试第${String(i).padStart(3, '0')}学会党支部`, kind: 'branch', societies: [], status: 'active', createdAt: now },
    })
    branchIds.push(_id)
  }
  // One large branch of 500 and 4,500 members spread over the others.
  const big = branchIds[0]
  for (let i = 0; i < 5000; i++) {
    const branchId = i < 500 ? big : branchIds[1 + (i % 299)]
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}${i}`
    await db.collection('members').add({
      data: {
        branchId, openid: null, name, partyStatus: i % 9 === 0 ? 'probationary' : 'full', joinedPartyOn: null, confirmedOn: null,
        groupId: null, phone: null, posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null,
        createdAt: now, updatedAt: now,
      },
    })
  }
  await db.collection('memberships').add({ data: { openid: 'bench-secretary', branchId: big, role: 'secretary', status: 'active', since: now } })
  console.log(`organisation data written (300 branches, 5,000 members): ${(performance.now() - t0).toFixed(0)} ms`)

  const committee = apiAs(url, 'dev-committee-admin')
  const secretary = apiAs(url, 'bench-secretary')
  const measure = async (label: string, n: number, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn()
    const samples: number[] = []
    for (let i = 0; i < n; i++) samples.push(await time(fn))
    console.log(`${label}: ${stats(samples)}`)
  }
  await measure('branches.list first page of 50 (303 branches)', 100, () => committee('branches.list', { limit: 50 }))
  await measure('branches.list search "第12" by name', 100, () => committee('branches.list', { q: '第12' }))
  await measure('branches.list all 303 in pages of 100 (4 calls)', 20, async () => {
    let cursor: string | null = null
    do {
      const r: any = await committee('branches.list', { limit: 100, ...(cursor ? { cursor } : {}) })
      cursor = r.data.nextCursor
    } while (cursor)
  })
  await measure('members.list first page of 30 (branch of 500)', 100, () => secretary('members.list', { branchId: big }))
  await measure('members.list search "王" (branch of 500)', 100, () => secretary('members.list', { branchId: big, q: '王' }))
  await measure('members.list all 500 in pages of 100 (5 calls)', 20, async () => {
    let cursor: string | null = null
    do {
      const r: any = await secretary('members.list', { branchId: big, limit: 100, ...(cursor ? { cursor } : {}) })
      cursor = r.data.nextCursor
    } while (cursor)
  })
  await measure('roster.attendanceBasis (branch of 500)', 50, () => secretary('roster.attendanceBasis', { branchId: big }))
}

/** A 100-point plan: the fixture's ten points repeated across ten sections, numbered on. */
function hundredPointPlan(): string {
  const fixture = readFileSync(SAMPLE_PLAN_TXT, 'utf8')
  const points = fixture.split(/\n(?=\d+\. )/).slice(1).map((p) => p.replace(/^\d+\. /, '').replace(/\n[一二三四五六七八九十]+、[^\n]*\n?/g, '\n').trim())
  const numerals = '一二三四五六七八九十'
  let text = '中共测试委员会 2026 年工作要点\n\n测试导言。\n\n'
  let seq = 1
  for (let s = 0; s < 10; s++) {
    text += `${numerals[s]}、第${numerals[s]}部分\n\n`
    for (const p of points) text += `${seq++}. ${p}\n\n`
  }
  return text
}

async function benchWorkPlans(url: string) {
  const committee = apiAs(url, 'dev-committee-admin')
  const text = hundredPointPlan()
  const pure: number[] = []
  for (let i = 0; i < 30; i++) pure.push(await time(async () => parseWorkPlan(text)))
  const parsed = parseWorkPlan(text)
  const count = parsed.sections.reduce((n, s) => n + s.points.length, 0)
  console.log(`parse a ${count}-point plan (${text.length} characters), pure function: ${stats(pure)}`)
  const viaAction: number[] = []
  for (let i = 0; i < 20; i++) viaAction.push(await time(() => committee('workPlans.parse', { text })))
  console.log(`workPlans.parse of the same plan through the api: ${stats(viaAction)}`)

  const plan: any = await committee('workPlans.parse', { text })
  const saved: any = await committee('workPlans.save', { plan: plan.data })
  await committee('workPlans.publish', { planId: saved.data.id })
  const t0 = performance.now()
  const assigned: any = await committee('workPlans.assign', { planId: saved.data.id, branchIds: 'all', points: [{ seq: 1, dueOn: '2026-12-31' }] })
  console.log(`workPlans.assign one point to ${assigned.data.branches} branches: ${(performance.now() - t0).toFixed(0)} ms (${assigned.data.created} assignments)`)
  const measure = async (label: string, n: number, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn()
    const samples: number[] = []
    for (let i = 0; i < n; i++) samples.push(await time(fn))
    console.log(`${label}: ${stats(samples)}`)
  }
  await measure(`assignments.list all ${assigned.data.created} of one point in pages of 100`, 20, async () => {
    let cursor: string | null = null
    do {
      const r: any = await committee('assignments.list', { planId: saved.data.id, pointSeq: 1, limit: 100, ...(cursor ? { cursor } : {}) })
      cursor = r.data.nextCursor
    } while (cursor)
  })
  await measure(`assignments.list first page of 50 of one point`, 50, () => committee('assignments.list', { planId: saved.data.id, pointSeq: 1 }))
  await measure(`workPlans.progress over ${assigned.data.created} assignments`, 20, () => committee('workPlans.progress', { planId: saved.data.id }))
}

async function benchActivities(url: string, db: any) {
  const t0 = performance.now()
  const now = new Date()
  const { _id: branchId } = await db.collection('branches').add({
    data: { name: '基准测试活动支部', kind: 'branch', societies: [], status: 'active', createdAt: now },
  })
  const members: { _id: string; name: string; partyStatus: string }[] = []
  for (let i = 0; i < 200; i++) {
    const name = `${SURNAMES[(i * 3) % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}${i}`
    const partyStatus = i % 10 === 0 ? 'probationary' : 'full'
    const { _id } = await db.collection('members').add({
      data: {
        branchId, openid: i === 0 ? 'bench-activity-member' : null, name, partyStatus, joinedPartyOn: null, confirmedOn: null,
        groupId: null, phone: null, posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null,
        createdAt: now, updatedAt: now,
      },
    })
    members.push({ _id, name, partyStatus })
  }
  await db.collection('memberships').add({ data: { openid: 'bench-activity-secretary', branchId, role: 'secretary', status: 'active', since: now } })
  await db.collection('memberships').add({ data: { openid: 'bench-activity-member', branchId, role: 'member', status: 'active', since: now } })
  // 500 recorded sessions over about two years (one every ~1.5 days), each with 3 photos and full attendance of 200.
  const photo = (await db.collection('activities').where({ photos: db.command.exists(true) }).limit(20).get()).data.find(
    (a: any) => a.photos.length > 0,
  )?.photos[0] as string
  const attendees = members.map((m, i) => ({ memberId: m._id, name: m.name, partyStatus: m.partyStatus, present: i % 7 !== 0, ...(i % 7 === 0 ? { absentReason: '出差' } : {}) }))
  const present = attendees.filter((a) => a.present).length
  const types = ['theme_day', 'committee_meeting', 'party_congress', 'party_lecture', 'group_meeting']
  let lastId = ''
  for (let i = 0; i < 500; i++) {
    const startAt = new Date(now.getTime() - i * 36 * 3600 * 1000 - 3600 * 1000)
    const { _id } = await db.collection('activities').add({
      data: {
        branchId, type: types[i % types.length], status: 'recorded', audience: { kind: 'branch' }, topic: `第 ${500 - i} 次组织生活`,
        place: '学会会议室', startAt, endAt: new Date(startAt.getTime() + 2 * 3600 * 1000), host: '李书记', recorder: '王委员',
        ...(i % 5 === 3 ? { lecturer: '张教授' } : {}), minutes: '会议内容'.repeat(100), voting: false,
        attendance: { expected: attendees.length, present, attendees }, photos: photo ? [photo, photo, photo] : [],
        assignmentIds: [], createdBy: { openid: 'bench-activity-secretary', name: '李书记' }, createdAt: now, version: 1,
        clientRequestId: `bench-${i}`, signInClosesAt: new Date(startAt.getTime() + 2 * 3600 * 1000), deleted: false,
      },
    })
    if (i === 0) lastId = _id
  }
  console.log(`activities data written (500 sessions with 200 attendees each, 200 members): ${(performance.now() - t0).toFixed(0)} ms`)

  const secretary = apiAs(url, 'bench-activity-secretary')
  const member = apiAs(url, 'bench-activity-member')
  const measure = async (label: string, n: number, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn()
    const samples: number[] = []
    for (let i = 0; i < n; i++) samples.push(await time(fn))
    console.log(`${label}: ${stats(samples)}`)
  }
  await measure('activities.list first page of 20 (branch of 500 sessions)', 100, () => member('activities.list', { branchId }))
  await measure('activities.list all 500 in pages of 50 (10 calls)', 10, async () => {
    let cursor: string | null = null
    let n = 0
    do {
      const r: any = await member('activities.list', { branchId, limit: 50, ...(cursor ? { cursor } : {}) })
      cursor = r.data.nextCursor
      n += r.data.items.length
    } while (cursor)
    if (n !== 500) throw new Error(`listed ${n} of 500`)
  })
  const month = new Date(now.getTime() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 7)
  await measure(`activities.month ${month} (about 20 sessions)`, 50, () => member('activities.month', { branchId, month }))
  await measure('activities.get with 200 attendees and 3 photos', 100, () => member('activities.get', { id: lastId }))
  await measure('activities.attendanceSheet (200 members)', 30, () => secretary('activities.attendanceSheet', { branchId, id: lastId }))
  await measure('activities.upcoming for a member', 100, () => member('activities.upcoming', {}))
  let n = 0
  const marks = members.map((m, i) => (i % 7 === 0 ? { memberId: m._id, present: false, absentReason: '出差' } : { memberId: m._id, present: true }))
  await measure('activities.record with 200 attendance marks (text checks, roster, history)', 20, () =>
    secretary('activities.record', {
      branchId, clientRequestId: `bench-record-${++n}`, type: 'theme_day', topic: '基准测试主题党日', place: '会议室',
      startAt: new Date(now.getTime() - 3600 * 1000).toISOString(), host: '李书记', recorder: '王委员', minutes: '学习。', attendance: marks,
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
