/**
 * compliance.branch and compliance.overview: a branch's organisation-life status today, and the same per branch for the
 * committee. The rules are cloud/core/compliance/rules.ts; the contract is types/actions/reminders.ts.
 */
import { BRANCH_READERS } from '../../../types/roles'
import { defineAction } from '../framework/action'
import { complianceAt, complianceYear, isSecretaryLecture } from '../compliance/rules'
import { loadComplianceInputs } from '../compliance/data'
import { notFound } from '../framework/errors'
import type { BranchDoc } from '../framework/model'
import { afterCursor, decodeCursor, pageOf } from '../framework/paging'
import type { Port } from '../framework/port'
import { collection, readAll } from '../framework/data'
import { beijingDate } from '../framework/time'


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
 * over the span of the current periods; 书记讲党课 takes the 党课 the secretary gives (isSecretaryLecture).
 */
async function withSessions(port: Port, c: ReturnType<typeof presentCompliance>, secretaryNames: string[]) {
  if (!c.items.length) return c
  const from = c.items.map((i) => i.period.start).sort()[0]
  const to = c.items.map((i) => i.period.end).sort().reverse()[0]
  const _ = port.db.command
  const docs = await readAll(port, 'activities', {
    branchId: c.branchId,
    deleted: false,
    startAt: _.and(_.gte(new Date(`${from}T00:00:00+08:00`)), _.lte(new Date(`${to}T23:59:59+08:00`))),
  })
  const byOld = new Map<string, string>()
  const items = c.items.map((i) => {
    // 书记讲党课 lists only the secretary's own 党课 (it listed every 党课 of the year).
    const ofItem = (d: (typeof docs)[number]) => (i.type === 'secretary_lecture' ? isSecretaryLecture(d, secretaryNames) : d.type === i.type)
    const inPeriod = docs
      .filter((d) => ofItem(d) && beijingDate(new Date(d.startAt)) >= i.period.start && beijingDate(new Date(d.startAt)) <= i.period.end)
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
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (i) => i.branchId },
  async handler({ branchId }, { port }) {
    const { data } = await collection(port, 'branches').where({ _id: branchId }).limit(1).get()
    const branch = data[0]
    if (!branch) throw notFound('支部')
    const date = beijingDate(port.now())
    const inputs = await loadComplianceInputs(port, [branchId], Number(date.slice(0, 4)))
    return withSessions(port, presentCompliance(branch, inputs.get(branchId)!, date), inputs.get(branchId)!.secretaryNames)
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
    const { data } = await collection(port, 'branches').where(where).orderBy('name', 'asc').orderBy('_id', 'asc').limit(limit + 1).get()
    const page = pageOf(data, limit, (b) => b.name)
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

export const COMPLIANCE_ACTIONS = [complianceBranch, complianceOverview] as const
