/**
 * One run of the reminders timer (hourly; see planner.ts for why). A timer trigger's return value goes nowhere,
 * so the run writes its own record to `reminder_runs`: started, finished, counts by kind and outcome, failure.
 *
 * A run:
 * 1. resumes what an earlier run left half-done (reminder_log states claimed / queued / retry / sending);
 * 2. reads what it needs with paged queries of 1,000 rows — never a query per branch: the roster (memberships,
 *    members), quota holders, planned activities of the next two days, notices being sent and, in the *daily
 *    pass*, branches, groups, open assignments due within 7 days or overdue, and the recorded activities of the
 *    periods that end within 10 days (none on most days of a month; the whole year from 22 December);
 * 3. plans (planner.ts), drops the keys already in reminder_log (one `_id in […]` query per 500 keys), claims the
 *    new ones (batch insert of reminder_log documents with _id = dedupe key: a duplicate means another run has it),
 *    writes their inbox items (batch insert, _id = key), and sends subscription messages to those with quota.
 *
 * The daily pass (work points, compliance gaps) runs in the first run at or after 08:00 Beijing each day that
 * completes it (so a failed 08:00 run is caught up at 09:00); the other hourly runs read only what the
 * two-hours-before activity reminders, notices and retries need.
 */
import type { Role } from '../../../types/domain'
import { ACTIVITY_TYPE_INFO, type ActivityType } from '../../../types/domain'
import { daysLeftIn, evaluationStart, periodOf } from '../compliance/rules'
import type { MemberDoc, Membership } from '../framework/model'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { runDuesReminders } from '../dues/reminders'
import { loadRecruitmentDue, planRecruitmentReminders } from '../recruitment/reminders'
import { runAbsenceReminders } from '../leave/reminders'
import { runTransferReminders } from '../transfers/reminders'
import { loadTermBranches, planTermReminders } from '../terms/reminders'
import { runBirthdays } from '../terms/birthdays'
import { bump, insertAll, MAX_ATTEMPTS, startSending, writeInbox, type Counts } from './deliver'
import { inChunks, limiter, pool } from './pool'
import { OVERDUE_WEEKS, planReminders, type PlannedReminder, type PlannerActivity, type PlannerBranch, type PlannerNotice, type PlannerPerson } from './planner'
import { chunks, readAll } from '../framework/data'
import type { ReminderLogDoc } from '../framework/model'

export interface ReminderRunResult {
  runId: string
  now: string
  daily: boolean
  counts: Record<string, number>
  phases?: Record<string, number>
  ok: boolean
  error?: string
}

const DAY = 24 * 3600 * 1000
/** Retries and resumes older than this are given up (a reminder days late helps nobody). */
const RESUME_WINDOW_DAYS = 3
/** The run stops sending new messages this long after it started (60 s function limit); the rest wait for the next run. */
const SEND_BUDGET_MS = 45_000

/**
 * Reminders per claim page (one pipeline step: claim, inbox items, state, hand over to the sender) and pages in
 * flight at once. 500 is the most one `_id in […]` state update takes; with 100 documents an insert that is 5
 * inserts of claims and 5 of inbox items a page, WRITE_CONCURRENCY (deliver.ts) at a time. Two pages side by side
 * keep the database busy while one page waits for its slowest insert, and stay well under the message sends'
 * share of the function's connections (SEND_CONCURRENCY).
 */
const CLAIM_PAGE = 500
/** Pages of reminders that want a message are smaller (one insert each way): the first message goes ~3 round trips after planning. */
const WANT_PAGE = 100
const PAGE_CONCURRENCY = 2
/**
 * Reads in flight at once: collections read side by side while the run gathers its data, and `_id in […]` reads of
 * reminder_log (500 keys each: 26 for a cold 1,000-branch run, ~0.2 s at 4). Four keeps the reads to a fifth of the
 * smallest plan's 20 database connections and lets the longest read (the year's sessions, ~34 pages at 1,000
 * branches) overlap all the others.
 */
const READ_CONCURRENCY = 4

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)

/** The roster as the planner needs it: one entry per (person, branch) with all their active roles there. */
export async function loadPeople(port: Port): Promise<PlannerPerson[]> {
  return loadPeopleOf(port)
}

/** The same for some branches only (undefined: every branch), in chunks of 500 ids. */
export async function loadPeopleOf(port: Port, branchIds?: string[]): Promise<PlannerPerson[]> {
  const _ = port.db.command
  const grants: Pick<Membership, 'openid' | 'branchId' | 'role'>[] = []
  const members: Pick<MemberDoc, '_id' | 'openid' | 'branchId' | 'name' | 'groupId'>[] = []
  for (const ids of branchIds ? chunks(branchIds, 500) : [undefined]) {
    const branch = ids ? _.in(ids) : _.neq(null)
    // The two collections side by side (each paged in order): the round trips of one wait for the other's.
    const [g, m] = await Promise.all([
      readAll(port, 'memberships', { status: 'active', branchId: branch }, { fields: ['openid', 'branchId', 'role'] }),
      readAll(port, 'members', { state: 'active', branchId: branch, openid: _.neq(null) }, { fields: ['openid', 'branchId', 'name', 'groupId'] }),
    ])
    grants.push(...g)
    members.push(...m)
  }
  const roster = new Map(members.map((m) => [`${m.branchId}|${m.openid}`, m]))
  const people = new Map<string, PlannerPerson>()
  for (const g of grants) {
    if (!g.branchId || !g.openid) continue
    const k = `${g.branchId}|${g.openid}`
    const m = roster.get(k)
    const p = people.get(k) ?? { openid: g.openid, branchId: g.branchId, name: m?.name ?? '', groupId: m?.groupId ?? null, roles: [] as Role[] }
    if (!p.roles.includes(g.role)) p.roles.push(g.role)
    people.set(k, p)
  }
  return [...people.values()]
}

/** Periods that end within 10 days today: the earliest start among them bounds the activities compliance needs. */
function complianceWindowStart(today: string): string | null {
  const starts = (['month', 'quarter', 'year'] as const).map((f) => periodOf(f, today)).filter((p) => daysLeftIn(p, today) <= 10).map((p) => p.start)
  return starts.length ? starts.sort()[0] : null
}

/** The daily pass's reads (branches, groups, open assignments, the compliance window's sessions), side by side. */
async function readDaily(port: Port, now: Date, gate: <R>(task: () => Promise<R>) => Promise<R>) {
  const _ = port.db.command
  const today = beijingDate(now)
  const windowStart = complianceWindowStart(today)
  // The longest read first (the sessions of the year on 22 December), so that the others overlap it.
  const [recorded, assignments, branches, groups] = await Promise.all([
    windowStart
      ? gate(() => readAll(
          port,
          'activities',
          { status: 'recorded', deleted: false, startAt: _.gte(new Date(`${windowStart}T00:00:00+08:00`)) },
          { fields: ['branchId', 'type', 'startAt', 'lecturer', 'status', 'deleted'] },
        ))
      : Promise.resolve([]),
    gate(() => readAll(
      port,
      'assignments',
      _.and({ state: _.neq('done') }, { dueOn: _.lte(addDays(today, 7)) }, { dueOn: _.gte(addDays(today, -(OVERDUE_WEEKS * 7 + 1))) }) as Record<string, unknown>, { fields: ['branchId', 'title', 'planTitle', 'dueOn', 'state'] })),
    gate(() => readAll(port, 'branches', { status: 'active' }, { fields: ['name', 'foundedOn', 'startedOn', 'createdAt'] })),
    gate(() => readAll(port, 'groups', {}, { fields: ['branchId'] })),
  ])
  return { windowStart, branches, groups, assignments, recorded }
}

/** The daily pass's planner input from its reads and the roster (the secretaries' names: 书记讲党课). */
function shapeDaily(read: Awaited<ReturnType<typeof readDaily>>, people: PlannerPerson[]) {
  const { windowStart, branches, groups, assignments, recorded } = read
  const withGroups = new Set(groups.map((g) => g.branchId))
  const byBranch = new Map<string, (typeof recorded)[number][]>()
  for (const a of recorded) {
    const list = byBranch.get(a.branchId)
    if (list) list.push(a)
    else byBranch.set(a.branchId, [a])
  }
  const secretaryNames = new Map<string, string[]>()
  for (const p of people) if (p.roles.includes('secretary') && p.name) secretaryNames.set(p.branchId, [...(secretaryNames.get(p.branchId) ?? []), p.name])
  const plannerBranches: PlannerBranch[] = windowStart
    ? branches.map((b) => ({
        id: b._id,
        name: b.name,
        hasGroups: withGroups.has(b._id),
        secretaryNames: secretaryNames.get(b._id) ?? [],
        activities: (byBranch.get(b._id) ?? []).map((a) => ({ type: a.type, status: a.status, deleted: a.deleted, startAt: a.startAt, lecturer: a.lecturer })),
        evaluatedFrom: evaluationStart(b),
      }))
    : []
  const active = new Set(branches.map((b) => b._id))
  return {
    branches: plannerBranches,
    assignments: assignments
      .filter((a) => active.has(a.branchId))
      .map((a) => ({ id: a._id, branchId: a.branchId, title: a.title, planTitle: a.planTitle, dueOn: a.dueOn, state: a.state })),
  }
}

async function loadUpcoming(port: Port, now: Date): Promise<PlannerActivity[]> {
  const _ = port.db.command
  // The day-before reminder goes out on the previous day from 08:00: sessions up to two days ahead cover it.
  const rows = await readAll(
    port,
    'activities',
    _.and({ status: 'planned', deleted: false }, { startAt: _.gt(now) }, { startAt: _.lt(new Date(now.getTime() + 2 * DAY)) }) as Record<string, unknown>, { fields: ['branchId', 'type', 'topic', 'place', 'startAt', 'audience'] })
  return rows.map((a) => {
    const audience = a.audience as { kind: string; groupId?: string } | undefined
    const kind = audience?.kind === 'group' && audience.groupId ? { kind: 'group' as const, groupId: audience.groupId } : audience?.kind === 'committee' ? { kind: 'committee' as const } : { kind: 'branch' as const }
    return { id: a._id, branchId: a.branchId, type: a.type as ActivityType, topic: a.topic, place: a.place, startAt: new Date(a.startAt), audience: kind }
  }).filter((a) => ACTIVITY_TYPE_INFO[a.type])
}

async function loadNotices(port: Port, now: Date): Promise<PlannerNotice[]> {
  const _ = port.db.command
  const rows = await readAll(port, 'notices', _.and({ status: 'sending' }, { createdAt: _.gte(new Date(now.getTime() - RESUME_WINDOW_DAYS * DAY)) }) as Record<string, unknown>)
  return rows.map((n) => ({ id: n._id, title: n.title, body: n.body, fromName: n.fromName, createdAt: new Date(n.createdAt), allBranches: n.allBranches, branchIds: n.branchIds, roles: n.roles }))
}

/**
 * Remaining quota per `${openid} ${templateId}` (only subscriptions with messages left). The run allocates it in
 * memory as it claims, so a person with one acceptance and ten due reminders is sent one message, and the other nine
 * cost no round trip.
 */
export async function loadQuota(port: Port): Promise<Map<string, number>> {
  const _ = port.db.command
  const subs = await readAll(port, 'subscriptions', { remaining: _.gt(0) }, { fields: ['openid', 'templateId', 'remaining'] })
  return new Map(subs.map((s) => [`${s.openid} ${s.templateId}`, s.remaining]))
}

/** Keys of `planned` that reminder_log already holds (handled, or being handled, by some run). */
async function knownKeys(port: Port, keys: string[]): Promise<Set<string>> {
  const _ = port.db.command
  const known = new Set<string>()
  await inChunks(keys, 500, READ_CONCURRENCY, async (chunk) => {
    const { data } = await port.db.collection('reminder_log').where({ _id: _.in(chunk) }).field({ _id: true }).limit(chunk.length).get()
    for (const d of data) known.add(String(d._id))
  })
  return known
}

/**
 * The log documents of planned reminders, with quota allocated newest milestone first (the most urgent reminder
 * gets the scarce message); `quota` is decremented in memory.
 */
export function claimDocs(planned: PlannedReminder[], runId: string, now: Date, quota: Map<string, number>): ReminderLogDoc[] {
  const wants = new Set<string>()
  for (const r of [...planned].sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())) {
    const k = `${r.openid} ${r.templateId}`
    const left = quota.get(k) ?? 0
    if (left <= 0) continue
    quota.set(k, left - 1)
    wants.add(r.key)
  }
  return planned.map((r) => ({
    _id: r.key,
    kind: r.kind,
    openid: r.openid,
    subject: r.subject,
    milestone: r.milestone,
    runId,
    state: 'claimed',
    wantsMessage: wants.has(r.key),
    inbox: r.inbox,
    templateId: r.templateId,
    page: r.page,
    data: r.data,
    attempts: 0,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  }))
}

/** Inserts log documents (_id = dedupe key: a duplicate means another run has it); the ones this run now owns. */
export async function claimOwned(port: Port, docs: ReminderLogDoc[]): Promise<ReminderLogDoc[]> {
  const mine = await insertAll(port, 'reminder_log', docs)
  return docs.filter((d) => mine.has(d._id))
}

/** Claims planned reminders (claimDocs + claimOwned); returns the log documents this run now owns. */
export async function claim(port: Port, planned: PlannedReminder[], runId: string, now: Date, quota: Map<string, number>): Promise<ReminderLogDoc[]> {
  return claimOwned(port, claimDocs(planned, runId, now, quota))
}

/** Picks up reminders an earlier run left half-way. */
async function resume(port: Port, now: Date, counts: Counts): Promise<{ claimed: ReminderLogDoc[]; queued: ReminderLogDoc[] }> {
  const _ = port.db.command
  const rows = await readAll(
    port,
    'reminder_log',
    _.and({ state: _.in(['claimed', 'queued', 'retry', 'sending']) }, { createdAt: _.gte(new Date(now.getTime() - RESUME_WINDOW_DAYS * DAY)) }) as Record<string, unknown>)
  const uncertain = rows.filter((r) => r.state === 'sending')
  for (const chunk of chunks(uncertain.map((r) => r._id), 500)) {
    await port.db.collection('reminder_log').where({ _id: _.in(chunk) }).update({ data: { state: 'uncertain', updatedAt: now } })
  }
  for (const r of uncertain) bump(counts, r.kind, 'uncertain')
  return {
    claimed: rows.filter((r) => r.state === 'claimed'),
    queued: rows.filter((r) => r.state === 'queued' || (r.state === 'retry' && (r.attempts ?? 0) < MAX_ATTEMPTS)),
  }
}

export interface RunOptions {
  /** Messages in flight at once (deliver.ts SEND_CONCURRENCY when not given). */
  sendConcurrency?: number
}

export async function runReminders(port: Port, now: Date, options: RunOptions = {}): Promise<ReminderRunResult> {
  const started = Date.now()
  const runs = port.db.collection('reminder_runs')
  const today = beijingDate(now)
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now))
  const { _id: runId } = await runs.add({ data: { now, day: today, startedAt: port.db.serverDate(), status: 'running', daily: false, counts: {} } })
  const counts: Counts = { planned: 0, already: 0, claimed: 0 }
  let daily = false
  // Milliseconds per phase, kept in the run log: where a slow run spends its time.
  const phases: Record<string, number> = {}
  let mark = Date.now()
  const phase = (name: string) => {
    const t = Date.now()
    phases[name] = t - mark
    mark = t
  }
  try {
    if (hour >= 8) {
      const { data } = await runs.where({ day: today, daily: true, status: 'done' }).limit(1).get()
      daily = data.length === 0
    }
    // Everything the run reads, side by side (each collection paged in order, READ_PAGE rows a round trip): the
    // resumable log, sessions and notices first (they decide whether an hourly run plans at all), then the roster,
    // quota, the daily pass's collections and the 发展党员 deadlines.
    // At most READ_CONCURRENCY collections are read at once (the roster reads two): a database busy with ten long
    // paged reads answers each of them later, not sooner (the local cloud, one thread, timed out at 1,000 branches).
    const gate = limiter(READ_CONCURRENCY)
    const [resumed, activities, notices] = await Promise.all([gate(() => resume(port, now, counts)), gate(() => loadUpcoming(port, now)), gate(() => loadNotices(port, now))])
    // An hourly run with no session coming and no notice going out plans nothing new: it reads no roster.
    const planning = daily || activities.length > 0 || notices.length > 0
    const [dailyRead, people, quota, recruitment, termBranches] = await Promise.all([
      daily ? readDaily(port, now, gate) : Promise.resolve(null),
      planning ? gate(() => loadPeople(port)) : Promise.resolve([]),
      planning ? gate(() => loadQuota(port)) : Promise.resolve(new Map<string, number>()),
      // 发展党员 deadlines (cloud/core/recruitment/reminders.ts): in the daily pass, through the same claims and sends.
      daily ? gate(() => loadRecruitmentDue(port, now)) : Promise.resolve(null),
      // 换届 (cloud/core/terms/reminders.ts): in the daily pass, through the same claims and sends.
      daily ? gate(() => loadTermBranches(port)) : Promise.resolve(null),
    ])
    // Messages still owed from an earlier run hold their quota already.
    for (const r of [...resumed.queued, ...resumed.claimed.filter((c) => c.wantsMessage)]) {
      const k = `${r.openid} ${r.templateId}`
      if (quota.has(k)) quota.set(k, Math.max(0, (quota.get(k) ?? 0) - 1))
    }
    const dailyData = dailyRead ? shapeDaily(dailyRead, people) : { branches: [], assignments: [] }
    phase('read')

    const planned = [
      ...planReminders({
        now,
        people,
        branches: dailyData.branches,
        assignments: dailyData.assignments,
        activities,
        notices,
        hasQuota: (openid, templateId) => (quota.get(`${openid} ${templateId}`) ?? 0) > 0,
      }),
      ...(recruitment ? planRecruitmentReminders(now, recruitment.dues, { people, organisers: recruitment.organisers }, recruitment.settings.remindDaysBefore) : []),
      ...(termBranches ? planTermReminders(now, termBranches, people) : []),
    ]
    counts.planned = planned.length
    phase('plan')
    const known = await knownKeys(port, planned.map((r) => r.key))
    counts.already = known.size
    const fresh = claimDocs(planned.filter((r) => !known.has(r.key)), runId, now, quota)
    phase('known')

    // A pipeline: messages start going out as soon as the first page is claimed and its inbox items are written,
    // while later pages are still being claimed. Pages of reminders that want a message come first (resumed ones
    // before them), so the sends — the slow part, and what the budget is for — start within a few round trips; the
    // inbox-only rest is claimed once every message has started, beside the last ones in flight. Per page, in this
    // order: claim (insert, _id = key), inbox items, state `queued` / `inbox_only`, and only then handed to the
    // sender, which marks each message `sending` before it goes. A kill leaves unclaimed reminders to the next run.
    let firstError: { error: unknown } | undefined
    const fail = (error: unknown) => {
      firstError ??= { error }
    }
    const sender = startSending(port, now, counts, { deadline: started + SEND_BUDGET_MS, concurrency: options.sendConcurrency, onError: fail })
    sender.push(resumed.queued)
    const wanting: { docs: ReminderLogDoc[]; resumed: boolean }[] = [
      ...chunks(resumed.claimed, CLAIM_PAGE).map((docs) => ({ docs, resumed: true })),
      ...chunks(fresh.filter((d) => d.wantsMessage), WANT_PAGE).map((docs) => ({ docs, resumed: false })),
    ]
    const inboxOnly = chunks(fresh.filter((d) => !d.wantsMessage), CLAIM_PAGE).map((docs) => ({ docs, resumed: false }))
    let firstPage = 0
    const step = async (page: { docs: ReminderLogDoc[]; resumed: boolean }) => {
      if (firstError) throw firstError.error
      const mine = page.resumed ? page.docs : await claimOwned(port, page.docs)
      if (!page.resumed) for (const c of mine) bump(counts, c.kind, 'claimed')
      sender.push(await writeInbox(port, mine, now, counts))
      firstPage ||= Date.now() - started
    }
    await pool(wanting, PAGE_CONCURRENCY, step)
      // The inbox-only rest once every message has started: its bulk inserts would otherwise queue the messages'
      // small writes behind them on a busy database (measured here: sends fell from ~35 to ~8 a second).
      .then(() => sender.drained())
      .then(() => pool(inboxOnly, PAGE_CONCURRENCY, step))
      .catch((error) => {
        fail(error)
        sender.abort()
      })
    phases.firstPageAt = firstPage
    phase('claim')
    const sent = await sender.close().catch((error) => {
      fail(error)
      return null
    })
    if (firstError) throw firstError.error
    phase('send')
    if (sent?.left) counts.deferred = sent.left
    // When the last message went out (ms from the start): what the 45 s budget is about.
    if (sent?.lastAt) phases.lastMessageAt = sent.lastAt - started

    // 党费: unpaid months to the member, 3 and 5 months behind to the secretary (inbox only; cloud/core/dues/reminders.ts).
    if (daily) counts.dues = await runDuesReminders(port, now)
    // Months missed without leave in a row, to the secretary (cloud/core/leave/reminders.ts).
    if (daily) counts.absence = await runAbsenceReminders(port, now)
    // A letter to outside whose 回执 is due or late, to the sending secretary (inbox only; cloud/core/transfers/reminders.ts).
    if (daily) counts.transfers = await runTransferReminders(port, now)
    // 政治生日 greetings to the member and a line for the secretary (cloud/core/terms/birthdays.ts).
    if (daily) counts.birthdays = await runBirthdays(port, now)
    // Notices whose recipients with quota are all claimed are done.
    for (const n of notices) await port.db.collection('notices').doc(n.id).update({ data: { status: 'sent' } })

    await runs.doc(runId).update({ data: { status: 'done', daily, finishedAt: port.db.serverDate(), ms: Date.now() - started, phases, counts } })
    return { runId, now: now.toISOString(), daily, counts, phases, ok: true }
  } catch (error) {
    const message = String((error as Error)?.message ?? error)
    await runs
      .doc(runId)
      .update({ data: { status: 'failed', daily, error: message.slice(0, 500), counts, finishedAt: port.db.serverDate() } })
      .catch(() => undefined)
    return { runId, now: now.toISOString(), daily, counts, ok: false, error: message }
  }
}

