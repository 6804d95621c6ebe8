/**
 * Actions of compliance, reminders, the inbox, subscriptions and committee notices. The contract (and what each
 * action is for) is types/actions-reminders.ts.
 */
import { createHash } from 'node:crypto'
import type { Role } from '../../../types/domain'
import { SUBSCRIPTION_TEMPLATES, REMINDER_KINDS, kindOfTemplate } from '../../../types/subscription-templates'
import { defineAction, type ActionContext } from '../action'
import { actorName, recordAudit } from '../audit'
import { complianceAt, complianceYear } from '../compliance'
import { loadComplianceInputs } from '../compliance-data'
import { AppError, invalid, notFound } from '../errors'
import type { ActivityDoc, BranchDoc, InboxDoc } from '../model'
import { afterCursor, decodeCursor, pageOf } from '../paging'
import type { Port } from '../port'
import { sendQueued, writeInbox, type Counts } from '../reminders/deliver'
import { noticeMessage, planReminders, REMINDER_PAGES, type PlannerPerson } from '../reminders/planner'
import { claim, loadPeopleOf, loadQuota } from '../reminders/run'
import { chunks, insertNew, isDuplicateKey, readPaged, subscriptionId, type NoticeDoc, type SubscriptionDoc } from '../reminders/store'
import { beijingDate } from '../time'

const READERS = ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'] as const
const INBOX_PAGE = REMINDER_PAGES.inbox
/** How long notices.send may spend sending messages itself; the rest go out with the next hourly run. */
const NOTICE_SEND_BUDGET_MS = 8_000

// ---------------------------------------------------------------------------------------------------------------
// Compliance

function presentCompliance(branch: Pick<BranchDoc, '_id' | 'name'>, input: Parameters<typeof complianceAt>[0], date: string) {
  const now = complianceAt(input, date)
  const year = complianceYear(input, date)
  return {
    branchId: branch._id,
    branchName: branch.name,
    date,
    items: now.items.map((i) => ({
      type: i.type,
      name: i.name,
      frequency: i.frequency,
      period: { key: i.period.key, label: i.period.label, start: i.period.start, end: i.period.end },
      status: i.status,
      count: i.count,
      daysLeft: i.daysLeft,
      sentence: i.sentence,
      previous: i.previous && {
        period: { key: i.previous.period.key, label: i.previous.period.label, start: i.previous.period.start, end: i.previous.period.end },
        status: i.previous.status,
        count: i.previous.count,
        sentence: i.previous.sentence,
      },
    })),
    counts: now.counts,
    gaps: now.gaps,
    score: year.score,
    year: year.types.map((t) => ({
      type: t.type,
      name: t.name,
      frequency: t.frequency,
      score: t.score,
      periods: t.periods.map((p) => ({ key: p.period.key, label: p.period.label, status: p.status, count: p.count })),
    })),
  }
}

/** 12月4日 14:30 (Beijing). */
const whenText = (at: Date) => {
  const b = new Date(at.getTime() + 8 * 3600_000).toISOString()
  return `${Number(b.slice(5, 7))}月${Number(b.slice(8, 10))}日 ${b.slice(11, 16)}`
}

/**
 * The current periods' sessions per type (planned and recorded), and, where a type is not done yet but a session of
 * it is planned, the gap sentence says so and when: 本月主题党日尚未开展，还剩 6 天（已计划 12月4日 14:30）. One query
 * over the span of the current periods; the secretary's own 党课 takes the branch's 党课.
 */
async function withSessions(port: Port, c: ReturnType<typeof presentCompliance>) {
  if (!c.items.length) return c
  const from = c.items.map((i) => i.period.start).sort()[0]
  const to = c.items.map((i) => i.period.end).sort().reverse()[0]
  const _ = port.db.command
  const docs = await readPaged<ActivityDoc>(port, 'activities', {
    branchId: c.branchId,
    deleted: false,
    startAt: _.and(_.gte(new Date(`${from}T00:00:00+08:00`)), _.lte(new Date(`${to}T23:59:59+08:00`))),
  })
  const byOld = new Map<string, string>()
  const items = c.items.map((i) => {
    const type = i.type === 'secretary_lecture' ? 'party_lecture' : i.type
    const inPeriod = docs
      .filter((d) => d.type === type && beijingDate(new Date(d.startAt)) >= i.period.start && beijingDate(new Date(d.startAt)) <= i.period.end)
      .sort((x, y) => +new Date(x.startAt) - +new Date(y.startAt))
    const sessions = inPeriod.map((d) => ({ id: d._id, topic: d.topic, startAt: new Date(d.startAt).toISOString(), status: d.status }))
    // A planned session still ahead is 已计划; one whose time has passed was held (or not) and waits to be recorded.
    const now = port.now()
    const next = inPeriod.find((d) => d.status === 'planned' && new Date(d.startAt) >= now)
    const held = inPeriod.find((d) => d.status === 'planned' && new Date(d.startAt) < now)
    if (i.status === 'done' || !(next ?? held) || !i.sentence) return { ...i, sessions }
    const sentence = next ? `${i.sentence}（已计划 ${whenText(new Date(next.startAt))}）` : `${i.sentence}（${whenText(new Date(held!.startAt))} 的活动待记录）`
    byOld.set(i.sentence, sentence)
    return { ...i, sentence, sessions }
  })
  return { ...c, items, gaps: c.gaps.map((g) => byOld.get(g) ?? g) }
}

export const complianceBranch = defineAction({
  name: 'compliance.branch',
  roles: READERS,
  scope: { kind: 'branch', branchOf: (i) => i.branchId },
  async handler({ branchId }, { port }) {
    const { data } = await port.db.collection('branches').where({ _id: branchId }).limit(1).get()
    const branch = data[0] as unknown as BranchDoc | undefined
    if (!branch) throw notFound('支部')
    const date = beijingDate(port.now())
    const inputs = await loadComplianceInputs(port, [branchId], Number(date.slice(0, 4)))
    return withSessions(port, presentCompliance(branch, inputs.get(branchId)!, date))
  },
})

export const complianceOverview = defineAction({
  name: 'compliance.overview',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler({ cursor, limit, gapsOnly }, { port }) {
    const _ = port.db.command
    const base = { status: 'active' }
    let where: Record<string, unknown> = base
    if (cursor) {
      const c = decodeCursor(cursor, 'text')
      where = _.and(base, afterCursor(_, 'name', c.key, c.id, 'asc')) as Record<string, unknown>
    }
    const { data } = await port.db.collection('branches').where(where).orderBy('name', 'asc').orderBy('_id', 'asc').limit(limit + 1).get()
    const page = pageOf(data as unknown as BranchDoc[], limit, (b) => b.name)
    const date = beijingDate(port.now())
    const inputs = await loadComplianceInputs(port, page.items.map((b) => b._id), Number(date.slice(0, 4)))
    const items = page.items
      .map((b) => presentCompliance(b, inputs.get(b._id)!, date))
      .map((c) => ({ branchId: c.branchId, branchName: c.branchName, counts: c.counts, gaps: c.gaps, score: c.score }))
      // A page filtered to branches with gaps may hold fewer than `limit`; the cursor still moves on.
      .filter((c) => !gapsOnly || c.gaps.length > 0)
    return { date, items, nextCursor: page.nextCursor }
  },
})

// ---------------------------------------------------------------------------------------------------------------
// Inbox

/** The caller's items: personal ones, and those addressed to a branch (or all branches) and a role they hold. */
function inboxFilter(port: Port, ctx: ActionContext['caller']): Record<string, unknown> {
  const _ = port.db.command
  const rolesByBranch = new Map<string, Role[]>()
  for (const m of ctx.memberships) if (m.branchId) rolesByBranch.set(m.branchId, [...(rolesByBranch.get(m.branchId) ?? []), m.role])
  const clauses: Record<string, unknown>[] = [{ openid: ctx.openid }]
  const all = new Set<Role>()
  for (const [branchId, roles] of rolesByBranch) {
    clauses.push({ branchId, roles: _.in(roles) }, { branchIds: branchId, roles: _.in(roles) })
    roles.forEach((r) => all.add(r))
  }
  if (all.size) clauses.push({ allBranches: true, roles: _.in([...all]) })
  return _.or(...clauses) as Record<string, unknown>
}

const readId = (openid: string, itemId: string) => `${openid}__${itemId}`
const watermarkId = (openid: string) => `${openid}__all`

async function watermark(port: Port, openid: string): Promise<Date> {
  const { data } = await port.db.collection('inbox_reads').where({ _id: watermarkId(openid) }).limit(1).get()
  return data[0] ? new Date(data[0].at as Date) : new Date(0)
}

export const inboxList = defineAction({
  name: 'inbox.list',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ cursor, limit, unreadOnly }, { port, caller }) {
    const _ = port.db.command
    const mark = await watermark(port, caller.openid)
    const conditions: Record<string, unknown>[] = [inboxFilter(port, caller)]
    if (unreadOnly) conditions.push({ createdAt: _.gt(mark) })
    if (cursor) {
      const c = decodeCursor(cursor, 'time')
      conditions.push(afterCursor(_, 'createdAt', c.key, c.id, 'desc') as Record<string, unknown>)
    }
    const { data } = await port.db
      .collection('inbox')
      .where(_.and(...conditions) as Record<string, unknown>)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get()
    const rows = data as unknown as (InboxDoc & { _id: string })[]
    const page = pageOf(rows, limit, (r) => new Date(r.createdAt).getTime())
    const ids = page.items.map((r) => readId(caller.openid, r._id))
    const reads = ids.length ? (await port.db.collection('inbox_reads').where({ _id: _.in(ids) }).limit(ids.length).get()).data : []
    const readSet = new Set(reads.map((r) => String(r.itemId)))
    const items = page.items
      .map((r) => ({
        id: r._id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        page: r.page,
        createdAt: new Date(r.createdAt).toISOString(),
        read: new Date(r.createdAt).getTime() <= mark.getTime() || readSet.has(r._id),
      }))
      // Items read one by one drop out of an unread-only page (it may then hold fewer than `limit`).
      .filter((r) => !unreadOnly || !r.read)
    return { items, nextCursor: page.nextCursor }
  },
})

async function unreadCount(port: Port, caller: ActionContext['caller']): Promise<number> {
  const _ = port.db.command
  const mark = await watermark(port, caller.openid)
  const { total } = await port.db.collection('inbox').where(_.and(inboxFilter(port, caller), { createdAt: _.gt(mark) }) as Record<string, unknown>).count()
  if (!total) return 0
  const { total: read } = await port.db.collection('inbox_reads').where({ openid: caller.openid, itemCreatedAt: _.gt(mark) }).count()
  return Math.max(0, total - read)
}

export const inboxUnread = defineAction({
  name: 'inbox.unread',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    return { count: await unreadCount(port, caller) }
  },
})

export const inboxMarkRead = defineAction({
  name: 'inbox.markRead',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(input, { port, caller }) {
    const _ = port.db.command
    const now = port.now()
    if (input.all || !input.ids) {
      const marked = await unreadCount(port, caller)
      await port.db.collection('inbox_reads').doc(watermarkId(caller.openid)).set({ data: { openid: caller.openid, at: now } })
      return { marked }
    }
    const ids = [...new Set(input.ids)]
    // Only items the caller can see may be marked: another person's ids are silently ignored.
    const { data } = await port.db
      .collection('inbox')
      .where(_.and({ _id: _.in(ids) }, inboxFilter(port, caller)) as Record<string, unknown>)
      .field({ createdAt: true })
      .limit(ids.length)
      .get()
    const mark = await watermark(port, caller.openid)
    const docs = data
      .filter((d) => new Date(d.createdAt as Date).getTime() > mark.getTime())
      .map((d) => ({ _id: readId(caller.openid, String(d._id)), openid: caller.openid, itemId: String(d._id), itemCreatedAt: new Date(d.createdAt as Date), at: now }))
    const inserted = await insertNew(port, 'inbox_reads', docs)
    return { marked: inserted.size }
  },
})

// ---------------------------------------------------------------------------------------------------------------
// Subscriptions

async function quotaOf(port: Port, openid: string) {
  const { data } = await port.db.collection('subscriptions').where({ openid }).limit(100).get()
  const byTemplate = new Map((data as unknown as SubscriptionDoc[]).map((s) => [s.templateId, s]))
  return {
    items: REMINDER_KINDS.map((kind) => {
      const spec = SUBSCRIPTION_TEMPLATES[kind]
      const s = byTemplate.get(spec.id)
      return {
        kind,
        templateId: spec.id,
        title: spec.title,
        purpose: spec.purpose,
        remaining: s?.remaining ?? 0,
        lastResult: s?.lastResult ?? null,
        updatedAt: s ? new Date(s.updatedAt).toISOString() : null,
      }
    }),
  }
}

export const subscriptionsGet = defineAction({
  name: 'subscriptions.get',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler(_input, { port, caller }) {
    return quotaOf(port, caller.openid)
  },
})

export const subscriptionsRecord = defineAction({
  name: 'subscriptions.record',
  roles: 'any',
  scope: { kind: 'authenticated' },
  async handler({ results }, { port, caller }) {
    const _ = port.db.command
    const unknown = Object.keys(results).filter((t) => !kindOfTemplate(t))
    if (unknown.length) throw invalid(`未知的提醒模板：${unknown.join('、')}`, { templateIds: unknown })
    const now = port.now()
    const subs = port.db.collection('subscriptions')
    for (const [templateId, result] of Object.entries(results)) {
      const _id = subscriptionId(caller.openid, templateId)
      // One acceptance allows one message: an accept adds one; a refusal leaves earlier acceptances standing.
      const change = result === 'accept' ? { remaining: _.inc(1), lastResult: result, updatedAt: now } : { lastResult: result, updatedAt: now }
      const { stats } = await subs.where({ _id }).update({ data: change })
      if (stats.updated) continue
      try {
        await subs.add({ data: { _id, openid: caller.openid, templateId, remaining: result === 'accept' ? 1 : 0, lastResult: result, updatedAt: now } })
      } catch (error) {
        // Two taps at once: the other call created it; count this one on top.
        if (!isDuplicateKey(error)) throw error
        await subs.where({ _id }).update({ data: change })
      }
    }
    return quotaOf(port, caller.openid)
  },
})

// ---------------------------------------------------------------------------------------------------------------
// Committee notices

interface NoticeTarget {
  title: string
  body: string
  branches: 'all' | string[]
  roles: Role[]
}

async function reach(port: Port, target: NoticeTarget) {
  const _ = port.db.command
  let branchIds: string[]
  if (target.branches === 'all') {
    branchIds = (await readPaged<BranchDoc>(port, 'branches', { status: 'active' }, { name: true })).map((b) => b._id)
  } else {
    const wanted = [...new Set(target.branches)]
    const found = new Set<string>()
    for (const ids of chunks(wanted, 500)) {
      for (const b of await readPaged<BranchDoc>(port, 'branches', { _id: _.in(ids), status: 'active' }, { name: true })) found.add(b._id)
    }
    const missing = wanted.filter((id) => !found.has(id))
    if (missing.length) throw invalid(`有 ${missing.length} 个支部不存在或已撤销，请重新选择`, { branchIds: missing })
    branchIds = wanted
  }
  const people: PlannerPerson[] = (await loadPeopleOf(port, target.branches === 'all' ? undefined : branchIds)).filter((p) =>
    p.roles.some((r) => target.roles.includes(r)),
  )
  const recipients = [...new Set(people.map((p) => p.openid))]
  const quota = await loadQuota(port)
  const tpl = SUBSCRIPTION_TEMPLATES.committee_notice.id
  const withQuota = recipients.filter((o) => quota.has(`${o} ${tpl}`)).length
  return { branchIds, people, recipients, quota, withQuota }
}

export const noticesPreview = defineAction({
  name: 'notices.preview',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(input, ctx) {
    const r = await reach(ctx.port, input)
    const fromName = await actorName(ctx)
    return {
      branchCount: r.branchIds.length,
      recipientCount: r.recipients.length,
      withQuota: r.withQuota,
      message: noticeMessage({ title: input.title, body: input.body, fromName: `党委 ${fromName}`, createdAt: ctx.port.now() }),
    }
  },
})

export const noticesSend = defineAction({
  name: 'notices.send',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(input, ctx) {
    const { port, caller } = ctx
    const verdict = await port.openapi.checkText(`${input.title}\n${input.body}`, caller.openid)
    if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '通知内容未通过内容安全检查，请修改后再发送')
    const r = await reach(port, input)
    const now = port.now()
    const name = await actorName(ctx)
    const id = `n${createHash('sha256').update(`${caller.openid}|${input.clientRequestId}`).digest('hex').slice(0, 24)}`
    const notice: NoticeDoc = {
      _id: id,
      title: input.title,
      body: input.body,
      allBranches: input.branches === 'all',
      branchIds: input.branches === 'all' ? [] : r.branchIds,
      roles: input.roles,
      by: { openid: caller.openid, name },
      fromName: `党委 ${name}`,
      clientRequestId: input.clientRequestId,
      status: 'sending',
      createdAt: now,
    }
    try {
      await port.db.collection('notices').add({ data: { ...notice } })
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('CONFLICT', '这条通知已经发送过了')
      throw error
    }
    // One inbox item for everyone it reaches (addressed by branch and role), written before any message.
    const item: InboxDoc & { _id: string } = {
      _id: `notice_${id}`,
      ...(notice.allBranches ? { allBranches: true } : { branchIds: notice.branchIds }),
      roles: input.roles,
      kind: 'committee_notice',
      title: input.title,
      body: input.body,
      page: INBOX_PAGE,
      createdAt: now,
      dedupeKey: `committee_notice:${id}`,
    }
    await insertNew(port, 'inbox', [{ ...item }])
    // Messages: the same planner, claim and delivery as the timer (so the next run finishes what this one leaves).
    const planned = planReminders({
      now,
      people: r.people,
      branches: [],
      assignments: [],
      activities: [],
      notices: [{ id, title: notice.title, body: notice.body, fromName: notice.fromName, createdAt: now, allBranches: notice.allBranches, branchIds: notice.branchIds, roles: notice.roles }],
      hasQuota: (openid, templateId) => (r.quota.get(`${openid} ${templateId}`) ?? 0) > 0,
    })
    const counts: Counts = {}
    const claimed = await claim(port, planned, `notice:${id}`, now, r.quota)
    const queued = await writeInbox(port, claimed, now, counts)
    const sent = await sendQueued(port, queued, now, counts, { deadline: Date.now() + NOTICE_SEND_BUDGET_MS })
    if (!sent.left) await port.db.collection('notices').doc(id).update({ data: { status: 'sent' } })
    await recordAudit(ctx, {
      branchId: null,
      action: 'notice.sent',
      summary: `发送通知「${input.title}」到 ${r.branchIds.length} 个支部（${r.recipients.length} 人）`,
      target: { kind: 'notice', id },
      before: null,
      after: { roles: input.roles, branches: input.branches === 'all' ? 'all' : r.branchIds.length, sent: sent.sent },
    })
    return {
      noticeId: id,
      branchCount: r.branchIds.length,
      recipientCount: r.recipients.length,
      withQuota: r.withQuota,
      message: noticeMessage(notice),
      sent: sent.sent,
      noQuota: sent.noQuota,
      failed: sent.failed,
    }
  },
})

export const REMINDER_ACTIONS = [
  complianceBranch,
  complianceOverview,
  inboxList,
  inboxUnread,
  inboxMarkRead,
  subscriptionsRecord,
  subscriptionsGet,
  noticesPreview,
  noticesSend,
] as const

