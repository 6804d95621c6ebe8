/**
 * Bench section (scripts/bench.ts, BENCH_ONLY=reminders): one reminders run over 100, 300 and 1,000 branches with
 * 30 assignments each (due dates spread from ~30 days overdue to ~2 months ahead), 10 people per branch and a year
 * of recorded sessions (~33 per branch), on 22 December at 08:00 Beijing — the worst day: every period (month,
 * quarter, year) ends within 10 days, so compliance reads the whole year. Each size gets its own fresh local cloud;
 * data is written straight through the SDK (1,000 documents per insert).
 *
 * The run is the real runReminders on the real SDK, in this process, behind a Port that counts database round
 * trips (reads: get/count; writes: add/update/set/remove) and subscription messages. Three runs per size:
 * cold (nothing sent before: every due milestone is new), the next hour (everything known, plus what the cold run
 * deferred), and the next day's 08:00 run (steady state: only the day's new milestones). Each size runs twice: raw,
 * and production-like (LOCALCLOUD_LATENCY=production: the database and openapi latency of cloud/local/latency.ts).
 *
 * BENCH_RECRUITS=<n> (default 0: the figures above unchanged) also writes n 发展党员 records per branch into `recruits`
 * (recruitFiles: six stages in turn, deadlines spread from ~100 days late to ~7 weeks ahead, so some are due, some
 * overdue, some outside the reminder window), gives one member per branch the 组织委员 post (the pipeline's keeper
 * beside the secretary) and every member a 入党日期, one in ten on 22 December (政治生日 greetings). Docs: the "Scale"
 * section of docs/recruitment.md.
 */
import { performance } from 'node:perf_hooks'
import { COLLECTIONS } from '../cloud/core/framework/model'
import type { Port } from '../cloud/core/framework/port'
import { runReminders } from '../cloud/core/reminders/run'
import { addDays, addMonths, NATIONAL_DEFAULTS, statusOf, type StepLog } from '../cloud/core/recruitment/rules'
import { derived } from '../cloud/core/recruitment/store'
import { PRODUCTION_LIKE } from '../cloud/local/latency'
import { buildPort } from '../cloud/platform/wx-server-port'
import { SUBSCRIPTION_TEMPLATES } from '../config/deployment'
import { sdkFor, startLocalCloud } from '../test/support/local-cloud'

const DAY = 86400000

interface Tally {
  reads: number
  writes: number
  sends: number
  /** Reads per collection. */
  readsOf: Record<string, number>
}

/** The Port with every database round trip and message counted. */
function counting(port: Port, tally: Tally): Port {
  const READ = new Set(['get', 'count'])
  const WRITE = new Set(['add', 'update', 'set', 'remove'])
  const wrap = <T extends object>(obj: T, coll: string): T =>
    new Proxy(obj, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          if (READ.has(String(prop))) {
            tally.reads += 1
            tally.readsOf[coll] = (tally.readsOf[coll] ?? 0) + 1
          } else if (WRITE.has(String(prop))) tally.writes += 1
          const out = value.apply(target, args)
          // Builders (collection, where, orderBy, doc…) are wrapped in turn; promises are the round trips.
          return out && typeof out === 'object' && typeof (out as { then?: unknown }).then !== 'function' ? wrap(out, coll) : out
        }
      },
    })
  return {
    ...port,
    db: { ...port.db, command: port.db.command, serverDate: port.db.serverDate.bind(port.db), collection: (name: string) => wrap(port.db.collection(name), name) },
    openapi: {
      ...port.openapi,
      sendSubscribeMessage: (m) => {
        tally.sends += 1
        return port.openapi.sendSubscribeMessage(m)
      },
    },
  }
}

const BY = { openid: 'bench', name: '书记' }

/**
 * `n` 发展党员 records of branch `id` as recruitment.record would leave them (log entries, status and nextDueOn from
 * the same rules), stage by turn: 申请人 awaiting the talk, 积极分子 awaiting the next half-year 考察, 发展对象 (nothing
 * due), after the 支部大会 awaiting the 上级党委's approval, 预备党员 at the end of the 预备期, 正式党员 (nothing due).
 * The deadline of person k falls `offset` days from today: ((branch × 7 + k × 13) mod 150) − 100.
 */
export function recruitFiles(id: string, branch: number, n: number, today: string, now: Date): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (let k = 0; k < n; k++) {
    const target = addDays(today, ((branch * 7 + k * 13) % 150) - 100)
    const e = (on: string, more: Record<string, unknown> = {}) => [{ on, by: BY, note: null, files: [], ...more }]
    const stage = k % 6
    const log: StepLog & Record<string, unknown> = {}
    const early = (apply: string) => {
      log.apply = e(apply)
      log.talk = e(addDays(apply, 20), { talker: '组织委员' })
      log.activist = e(addDays(apply, 60))
      log.activist_filed = e(addDays(apply, 65))
      log.contacts = e(addDays(apply, 65), { people: [`${id}-m1`, `${id}-m2`] })
    }
    if (stage === 0) log.apply = e(addDays(target, -30))
    else if (stage === 1) {
      // The last 考察 half a year before the deadline; 确定积极分子 half a year before that.
      const lastInspect = addMonths(target, -6)
      early(addMonths(lastInspect, -8))
      log.inspect = e(lastInspect)
    } else {
      // Stages 2–5 went through the 积极分子 year: the 支部大会 `congress`, or the 发展对象 a month before it.
      const congress = stage === 3 ? addMonths(target, -3) : stage === 2 ? addDays(today, -((branch + k) % 60)) : addMonths(target, -12)
      const apply = addMonths(congress, -20)
      early(apply)
      log.inspect = [addMonths(apply, 8), addMonths(apply, 14)].flatMap((d) => e(d))
      log.candidate = e(addMonths(apply, 16))
      log.candidate_filed = e(addMonths(apply, 16))
      log.introducers = e(addMonths(apply, 16), { people: [`${id}-m1`, `${id}-m2`] })
      log.vetting = e(addMonths(apply, 17), { result: '合格' })
      log.training = e(addMonths(apply, 17), { from: addMonths(apply, 17), to: addDays(addMonths(apply, 17), 3), hours: 24 })
      if (stage !== 2) {
        log.committee_review = e(addMonths(apply, 18), { from: addMonths(apply, 18), to: addDays(addMonths(apply, 18), 5) })
        log.pre_review = e(addDays(addMonths(apply, 18), 10))
        log.volunteer_form = e(addDays(addMonths(apply, 18), 20))
        log.congress = e(congress, { activityId: `${id}-party_congress-2`, votes: { for: 8, against: 0, abstain: 0 } })
        log.superior_talk = e(addDays(congress, 14), { talker: '党委组织员' })
      }
      if (stage >= 4) {
        log.approval = e(addDays(congress, 40), { approved: true })
        log.enrol = e(addDays(congress, 45), { groupId: null })
        log.oath = e(addDays(congress, 50))
        log.probation_inspect = e(addMonths(congress, 6))
      }
      if (stage === 5) {
        log.confirm_apply = e(addDays(target, -10))
        log.confirm_congress = e(target, { activityId: `${id}-party_congress-8`, votes: { for: 8, against: 0, abstain: 0 }, outcome: 'confirm' })
        log.confirm_approval = e(addDays(target, 20), { approved: true })
      }
    }
    const { nextDueOn } = derived(log, NATIONAL_DEFAULTS)
    const apply = (log.apply as { on: string }[])[0].on
    out.push({ _id: `${id}-r${k}`, branchId: id, name: `发展对象${branch}-${k}`, appliedOn: apply, status: statusOf(log), memberId: null, contacts: [], introducers: [], log, materials: {}, history: [{ at: now, by: BY, what: '建立发展党员档案', exception: null }], nextDueOn, version: Object.keys(log).length, createdAt: now, updatedAt: now })
  }
  return out
}

const TYPES_OF_A_YEAR: [string, number[]][] = [
  ['theme_day', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ['committee_meeting', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ['party_congress', [2, 5, 8]],
  ['party_lecture', [3, 6, 9, 11]],
  ['heart_talk', [7]],
]

/**
 * Writes the bench's data for `branches` branches (also used by test/integration/reminders-concurrency.test.ts).
 * `platformGrant(i)`: whether branch i's secretary accepted in WeChat too (default all); one who did not meets 43101.
 */
export async function fill(url: string, branches: number, year: number, today: string, platformGrant: (branch: number) => boolean = () => true, recruitsPerBranch = 0) {
  const db = sdkFor(url).database()
  for (const name of COLLECTIONS) await db.createCollection(name).catch(() => undefined)
  const put = async (coll: string, docs: Record<string, unknown>[]) => {
    for (let i = 0; i < docs.length; i += 1000) await db.collection(coll).add({ data: docs.slice(i, i + 1000) })
  }
  const now = new Date()
  const b: Record<string, unknown>[] = []
  const memberships: Record<string, unknown>[] = []
  const members: Record<string, unknown>[] = []
  const groups: Record<string, unknown>[] = []
  const assignments: Record<string, unknown>[] = []
  const activities: Record<string, unknown>[] = []
  const subscriptions: Record<string, unknown>[] = []
  const recruits: Record<string, unknown>[] = []
  const secretaries: string[] = []
  const tpls = Object.values(SUBSCRIPTION_TEMPLATES).map((t) => t.id)
  for (let i = 0; i < branches; i++) {
    const id = `bench-b${String(i).padStart(4, '0')}`
    b.push({ _id: id, name: `第${i + 1}学会党支部`, kind: 'branch', societies: [`第${i + 1}学会`], status: 'active', createdAt: now })
    if (i % 2 === 0) groups.push({ _id: `${id}-g1`, branchId: id, name: '第一党小组', createdAt: now })
    for (let p = 0; p < 10; p++) {
      const openid = `${id}-p${p}`
      const role = p === 0 ? 'secretary' : p < 3 ? 'branch_committee' : 'member'
      memberships.push({ openid, branchId: id, role, status: 'active', since: now })
      const member: Record<string, unknown> = { _id: `${id}-m${p}`, branchId: id, openid, name: p === 0 ? `书记${i}` : `党员${i}-${p}`, partyStatus: 'full', groupId: i % 2 === 0 && p % 2 ? `${id}-g1` : null, posts: [], state: 'active', createdAt: now, updatedAt: now }
      if (recruitsPerBranch > 0) {
        // 入党日期: one member in ten joined on today's day of the year (政治生日); member 1 is the 组织委员.
        const birthday = (i + p) % 10 === 0
        member.joinedPartyOn = birthday ? `${year - 1 - ((i + p) % 30)}${today.slice(4)}` : `${year - 1 - ((i + p) % 30)}-${String(1 + ((i + p) % 11)).padStart(2, '0')}-${String(1 + ((i * 3 + p) % 28)).padStart(2, '0')}`
        if (p === 1) member.posts = ['组织委员']
      }
      members.push(member)
      if (p === 0) secretaries.push(openid)
      // One person in five accepted each template once.
      if (p % 5 === 0) for (const t of tpls) subscriptions.push({ _id: `${openid}_${t}`, openid, templateId: t, remaining: 1, lastResult: 'accept', updatedAt: now })
    }
    for (let k = 0; k < 30; k++) {
      const dueOn = new Date(Date.parse(`${today}T00:00:00Z`) + (k - 10) * 3 * DAY).toISOString().slice(0, 10)
      assignments.push({ _id: `${id}-a${k}`, planId: 'bench-plan', planTitle: `${year} 年党建工作要点`, branchId: id, branchName: `第${i + 1}学会党支部`, pointSeq: k + 1, sectionSeq: 1, sectionTitle: '一、加强政治建设', title: `第 ${k + 1} 项工作要点的标题`, dueOn, state: k % 4 === 0 ? 'done' : 'not_started', doneAt: null, lastReportAt: null, reportCount: 0, sortKey: `${k}`, createdAt: now })
    }
    for (const [type, months] of TYPES_OF_A_YEAR) {
      for (const m of months) {
        activities.push({ _id: `${id}-${type}-${m}`, branchId: id, type, status: 'recorded', topic: '学习', place: '会议室', startAt: new Date(`${year}-${String(m).padStart(2, '0')}-10T09:30:00+08:00`), audience: { kind: 'branch' }, lecturer: type === 'party_lecture' && m === 6 ? `书记${i}` : '讲师', photos: [], createdBy: { openid: 'x', name: 'x' }, createdAt: now, clientRequestId: `${id}-${type}-${m}`, deleted: false })
      }
    }
    recruits.push(...recruitFiles(id, i, recruitsPerBranch, today, now))
    if (i % 10 === 0) {
      activities.push({ _id: `${id}-planned`, branchId: id, type: 'theme_day', status: 'planned', topic: '主题党日', place: '会议室', startAt: new Date(`${today}T09:30:00+08:00`).getTime() + DAY, audience: { kind: 'branch' }, photos: [], createdBy: { openid: 'x', name: 'x' }, createdAt: now, clientRequestId: `${id}-planned`, deleted: false })
    }
  }
  for (const a of activities) if (typeof a.startAt === 'number') a.startAt = new Date(a.startAt)
  await put('branches', b)
  await put('groups', groups)
  await put('memberships', memberships)
  await put('members', members)
  await put('assignments', assignments)
  await put('activities', activities)
  await put('subscriptions', subscriptions)
  await put('recruits', recruits)
  // The platform's grants for the secretaries (the other subscribers meet 43101, as users who never tapped do).
  for (const [i, openid] of secretaries.entries()) {
    if (!platformGrant(i)) continue
    const res = await fetch(`${url}/dev/subscriptions`, { method: 'POST', headers: { 'x-dev-openid': openid, 'content-type': 'application/json' }, body: JSON.stringify({ results: Object.fromEntries(tpls.map((t) => [t, 'accept'])) }) })
    if (!res.ok) throw new Error(`grant failed: ${res.status}`)
  }
  return { documents: b.length + groups.length + memberships.length + members.length + assignments.length + activities.length + subscriptions.length + recruits.length, recruits: recruits.length }
}

async function oneRun(url: string, now: Date) {
  const tally: Tally = { reads: 0, writes: 0, sends: 0, readsOf: {} }
  const port = counting(buildPort(sdkFor(url), { now: () => now }), tally)
  const t0 = performance.now()
  // BENCH_SEND_CONCURRENCY=1 measures the one-at-a-time sends of before #21 (deliver.ts SEND_CONCURRENCY otherwise).
  const concurrency = Number(process.env.BENCH_SEND_CONCURRENCY) || undefined
  const result = await runReminders(port, now, { sendConcurrency: concurrency })
  const ms = performance.now() - t0
  if (!result.ok) throw new Error(`run failed: ${result.error}`)
  return { ms, ...tally, counts: result.counts, phases: result.phases ?? {} }
}

/** Raw: the local cloud as fast as it is (~1 ms a round trip); production-like: cloud/local/latency.ts's figures. */
export type BenchMode = 'raw' | 'production'

export async function benchReminders(sizes = [100, 300, 1000], modes: BenchMode[] = ['raw', 'production']) {
  const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear()
  const today = `${year}-12-22`
  const now = new Date(`${today}T08:00:00+08:00`)
  console.log(`\nreminders: one run per size on ${today} 08:00 Beijing (30 assignments, 10 people, ~33 sessions a year per branch)`)
  console.log(`  modes: raw (no added latency) and production-like (${PRODUCTION_LIKE.dbMs} ms per database call, ${PRODUCTION_LIKE.openapiMs} ms per openapi call: cloud/local/latency.ts)`)
  // BENCH_RECRUITS=<n>: n 发展党员 records per branch (recruitFiles), 入党日期 and a 组织委员 on the roster.
  const recruitsPerBranch = Math.max(0, Math.floor(Number(process.env.BENCH_RECRUITS) || 0))
  if (recruitsPerBranch) console.log(`  with ${recruitsPerBranch} 发展党员 records per branch, 入党日期 on the roster (one in ten today) and a 组织委员 per branch`)
  const rows: string[] = []
  for (const n of sizes) {
    for (const mode of modes) {
      const cloud = await startLocalCloud({ seed: false, env: { LOCALCLOUD_LATENCY: mode } })
      try {
        const t0 = performance.now()
        const { documents, recruits } = await fill(cloud.url, n, year, today, undefined, recruitsPerBranch)
        console.log(`  ${n} branches (${mode}): ${documents} documents (${recruits} 发展党员 records) written in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
        const cold = await oneRun(cloud.url, now)
        const again = await oneRun(cloud.url, new Date(now.getTime() + 3600e3))
        const next = await oneRun(cloud.url, new Date(now.getTime() + DAY))
        for (const [label, r] of [['cold', cold], ['next hour', again], ['next day 08:00', next]] as const) {
          const line = `  ${mode.padEnd(10)} ${String(n).padStart(4)} branches, ${label.padEnd(14)}: ${(r.ms / 1000).toFixed(2).padStart(6)} s, ${String(r.reads).padStart(4)} reads + ${String(r.writes).padStart(5)} writes = ${String(r.reads + r.writes).padStart(5)} DB round trips, ${String(r.sends).padStart(4)} messages (deferred to the next run: ${r.counts.deferred ?? 0}); planned ${r.counts.planned}, new ${r.counts.claimed ?? 0}, sent ${r.counts.sent ?? 0}, 43101 ${r.counts.no_quota ?? 0}, inbox only ${r.counts.no_subscription ?? 0} [${Object.entries(r.phases).map(([k, v]) => `${k} ${v} ms`).join(', ')}] {reads: ${Object.entries(r.readsOf).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}}${r.counts.birthdays !== undefined ? ` birthdays ${r.counts.birthdays}` : ''}`
          rows.push(line)
          console.log(line)
        }
      } finally {
        await cloud.stop()
      }
    }
  }
  return rows
}

// `npx tsx scripts/bench-reminders.ts [sizes…]` runs this section alone.
if (process.argv[1] && /bench-reminders\.ts$/.test(process.argv[1])) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0)
  // BENCH_MODES=production (or raw) runs one mode only.
  const modes = (process.env.BENCH_MODES?.split(',').filter((m): m is BenchMode => m === 'raw' || m === 'production'))
  benchReminders(sizes.length ? sizes : undefined, modes?.length ? modes : undefined).catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
