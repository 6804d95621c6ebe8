/**
 * terms.*: 换届 — the branch committee's term (docs/terms.md). Rules in ../terms/rules.ts, documents in
 * ../terms/store.ts; reminders in ../terms/reminders.ts (the reminders run).
 *
 * Who: anyone of the branch reads its term (who the 支委 are is not secret); the secretary and the committee record
 * the 换届选举 and set the 政治生日 greetings; the committee sees every branch's state.
 */
import type { ParsedInput } from '../../../types/actions'
import { BRANCH_MANAGERS, BRANCH_READERS } from '../../../types/roles'
import { COMMITTEE_POSTS } from '../../../types/domain'
import { isCommitteeAdmin } from '../framework/access'
import { defineAction, type ActionContext } from '../framework/action'
import { collection, loadOne, readAll } from '../framework/data'
import { AppError, invalid, unlessMissing } from '../framework/errors'
import { claim } from '../framework/claims'
import { beijingDate } from '../framework/time'
import { quorumOf, type Attendee } from '../activities/rules'
import { actorName, recordAudit } from '../organisation/audit'
import { endGrants, grantRole, loadActiveBranch, loadBranch } from '../organisation/store'
import { postRefusal, withPostChange } from '../organisation/roster'
import type { Port } from '../framework/port'
import type { MemberDoc } from '../framework/model'
import { byPost, electionRefusal, postponeRefusal, postsRefusal, termEnd, termStatus, type Refusal } from '../terms/rules'
import { roleSyncPlan, type RoleSyncPlan } from '../terms/roles'
import { branchTerms, currentTerms, dueOf, presentTerm, termId, type TermDoc } from '../terms/store'
import { handOverSecretaryTo } from './members'

const fail = (r: Refusal): never => {
  throw new AppError(r.code, r.message, { field: r.field })
}

const canRecord = (ctx: ActionContext, branchId: string) =>
  isCommitteeAdmin(ctx.caller.memberships) || ctx.caller.memberships.some((m) => m.branchId === branchId && m.role === 'secretary' && m.status === 'active')

export const getTerm = defineAction({
  name: 'terms.get',
  roles: BRANCH_READERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, ctx) {
    const branch = await loadBranch(ctx.port, branchId)
    const terms = await branchTerms(ctx.port, branchId)
    const current = terms.find((t) => t.current) ?? null
    const may = canRecord(ctx, branchId)
    // The account roles the current term asks for, shown to whoever may confirm them (terms.syncRoles).
    const plan = may && current ? await planRoles(ctx.port, branchId, current) : null
    return {
      branchId,
      branchName: branch.name,
      term: current ? presentTerm(current) : null,
      status: termStatus(current ? { endOn: dueOf(current) } : null, beijingDate(ctx.port.now())),
      past: terms.filter((t) => t !== current).map(presentTerm),
      canRecord: may,
      greetings: branch.birthdayGreetings !== false,
      roleSync: plan && (plan.lines.length || plan.blocked) ? { lines: plan.lines, blocked: plan.blocked, waiting: plan.waiting } : null,
    }
  },
})

const termLine = (members: TermDoc['members']) => byPost(members).map((m) => `${m.post} ${m.name}`).join('、')

/** The roster's 支委 posts (副书记, 组织委员 …) become the term's from `on` (dated: postHistory); others' posts end. */
async function rosterPostsFollow(port: Port, branchId: string, on: string, members: readonly { memberId: string; post: string }[]) {
  const isPost = (p: string) => (COMMITTEE_POSTS as readonly string[]).includes(p)
  const newPost = new Map(members.filter((m) => m.post !== '书记').map((m) => [m.memberId, m.post]))
  const holders = await readAll(port, 'members', { branchId, state: 'active' }, { fields: ['posts', 'postHistory', 'name'] })
  for (const m of holders) {
    const kept = (m.posts ?? []).filter((p) => !isPost(p))
    const next = newPost.has(m._id) ? [...kept, newPost.get(m._id)!] : kept
    if (next.length === (m.posts ?? []).length && next.every((p) => (m.posts ?? []).includes(p))) continue
    const postHistory = withPostChange(m, on, next)
    await collection(port, 'members').doc(m._id).update({ data: { posts: next, postHistory: port.db.command.set(postHistory), updatedAt: port.now() } })
  }
}

/** Everyone named: active 正式党员 of this branch (党章第七条: 预备党员 have no right to elect or be elected). */
async function namedMembers(port: Port, branchId: string, ids: string[]): Promise<Map<string, MemberDoc>> {
  const people = ids.length ? await readAll(port, 'members', { _id: port.db.command.in(ids) }) : []
  const byId = new Map(people.map((m) => [m._id, m]))
  for (const id of ids) {
    const m = byId.get(id)
    if (!m || m.branchId !== branchId || m.state !== 'active') throw invalid('候选人和支委应为本支部花名册中的党员', { field: 'members' })
    const refusal = postRefusal(m)
    if (refusal) throw invalid(refusal, { field: 'members' })
  }
  return byId
}

/** The account roles the current term asks for (roles.ts roleSyncPlan): the branch's roster and its 书记 / 支委 grants. */
async function planRoles(port: Port, branchId: string, term: TermDoc): Promise<RoleSyncPlan> {
  const [roster, secretaries, committee] = await Promise.all([
    readAll(port, 'members', { branchId, state: 'active' }, { fields: ['name', 'openid', 'posts'] }),
    readAll(port, 'memberships', { branchId, role: 'secretary', status: 'active' }),
    readAll(port, 'memberships', { branchId, role: 'branch_committee', status: 'active' }),
  ])
  return roleSyncPlan(
    term,
    roster.map((m) => ({ memberId: m._id, name: m.name, openid: m.openid ?? null, posts: m.posts ?? [] })),
    { secretary: [...new Set(secretaries.map((g) => g.openid))], committee: [...new Set(committee.map((g) => g.openid))] },
  )
}

const RANK = { overdue: 0, none: 1, due_soon: 2, ok: 3 } as const

export const termsOverview = defineAction({
  name: 'terms.overview',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(_input, { port }) {
    const today = beijingDate(port.now())
    const [branches, terms, secretaries] = await Promise.all([
      readAll(port, 'branches', { status: 'active' }, { fields: ['name'] }),
      currentTerms(port),
      readAll(port, 'branch_terms', { current: true }, { fields: ['branchId', 'members'] }).catch(unlessMissing([])),
    ])
    const secretaryOf = new Map(secretaries.map((t) => [t.branchId, t.members.find((m) => m.post === '书记')?.name ?? null]))
    const items = branches.map((b) => {
      const t = terms.get(b._id) ?? null
      return { branchId: b._id, branchName: b.name, startOn: t?.startOn ?? null, secretary: secretaryOf.get(b._id) ?? null, postponed: t?.postponed ?? false, ...termStatus(t, today) }
    })
    items.sort((a, b) => RANK[a.state] - RANK[b.state] || (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.branchName.localeCompare(b.branchName, 'zh-Hans-CN'))
    const counts = { none: 0, ok: 0, due_soon: 0, overdue: 0 }
    for (const i of items) counts[i.state]++
    return { items, counts }
  },
})

export const recordTerm = defineAction({
  name: 'terms.record',
  roles: BRANCH_MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input, ctx) {
    // One record of a branch's term at a time: two at once (different days) would both find no term, or the same
    // current one, and leave two current terms. The terms are read inside the claim.
    const release = await claim(ctx.port, `term-record:${input.branchId}`)
    if (!release) throw new AppError('CONFLICT', '本支部的任期正在由他人登记，请稍后刷新查看', { field: 'startOn' })
    try {
      return await recordNow(input, ctx)
    } finally {
      await release()
    }
  },
})

/** terms.record inside the branch's claim: every check, then the term, the former one replaced, posts, the audit. */
async function recordNow(input: ParsedInput<'terms.record'>, ctx: ActionContext) {
  const { port } = ctx
  const { branchId } = input
  const branch = await loadActiveBranch(port, branchId)
  const today = beijingDate(port.now())
  if (input.startOn > today) throw invalid('任期开始日期不能晚于今天', { field: 'startOn' })
  const terms = await branchTerms(port, branchId)
  const current = terms.find((t) => t.current) ?? null
  if (input.kind === 'existing') {
    if (terms.length) throw new AppError('CONFLICT', '本支部已登记过任期，新一届请登记换届选举', { field: 'kind' })
    if (input.activityId || input.candidates.length) throw invalid('补录现任支委会不记录选举大会和得票，请删去后再保存', { field: 'candidates' })
  } else {
    if (!input.activityId) throw invalid('请关联进行换届选举的支部党员大会', { field: 'activityId' })
    if (current && input.startOn <= current.startOn) throw invalid(`新一届任期应晚于本届（${current.startOn} 起）`, { field: 'startOn' })
  }
  if (terms.some((t) => t.startOn === input.startOn)) throw new AppError('CONFLICT', `${input.startOn} 起的任期已登记`, { field: 'startOn' })
  const posts = postsRefusal(input.members)
  if (posts) fail(posts)

  const ids = [...new Set([...input.members.map((m) => m.memberId), ...input.candidates.map((c) => c.memberId)])]
  const byId = await namedMembers(port, branchId, ids)
  const people = [...byId.values()]

  let election: TermDoc['election'] = null
  if (input.kind === 'election') {
    const a = await loadOne(port, 'activities', input.activityId!)
    const q = quorumOf((a?.attendance?.attendees ?? []) as Attendee[])
    const meeting = {
      branchMatches: !!a && a.branchId === branchId,
      deleted: !!a?.deleted,
      type: a?.type ?? '',
      recorded: a?.status === 'recorded',
      on: a ? beijingDate(new Date(a.startAt)) : '',
      voters: q.voters,
      presentVoters: q.presentVoters,
    }
    const refusal = electionRefusal(meeting, input, new Map(people.map((m) => [m._id, m.name])))
    if (refusal) fail(refusal)
    const elected = new Set(input.members.map((m) => m.memberId))
    election = {
      activityId: a!._id,
      topic: a!.topic,
      voters: q.voters,
      presentVoters: q.presentVoters,
      seats: input.seats ?? input.members.length,
      candidates: input.candidates.map((c) => ({ memberId: c.memberId, name: byId.get(c.memberId)!.name, votes: c.votes, elected: elected.has(c.memberId) })),
    }
  }

  const by = { openid: ctx.caller.openid, name: await actorName(ctx) }
  const now = port.now()
  const doc: TermDoc = {
    _id: termId(branchId, input.startOn),
    branchId,
    startOn: input.startOn,
    endOn: termEnd(input.startOn, input.years),
    years: input.years,
    kind: input.kind,
    current: true,
    members: input.members.map((m) => ({ memberId: m.memberId, name: byId.get(m.memberId)!.name, post: m.post })),
    election,
    note: input.note ?? null,
    recordedBy: by,
    createdAt: now,
  }
  await port.db.createCollection('branch_terms').catch(() => undefined)
  // The term's _id is its branch and start: a second record of the same term (a retry after a lost answer) is a
  // duplicate, never a second term.
  try {
    await collection(port, 'branch_terms').add({ data: doc })
  } catch {
    throw new AppError('CONFLICT', `${input.startOn} 起的任期已登记`, { field: 'startOn' })
  }
  if (current) {
    // Only one new term replaces the current one: two elections recorded at once (different days) would leave two
    // current terms. The loser's term is taken back and nothing else is written (no posts, no audit).
    const { stats } = await collection(port, 'branch_terms')
      .where({ _id: current._id, current: true })
      .update({ data: { current: false, version: (current.version ?? 0) + 1 } })
    if (stats.updated !== 1) {
      await collection(port, 'branch_terms').doc(doc._id).remove()
      throw new AppError('CONFLICT', '本支部的任期刚被他人登记或更正，请刷新后再试', { field: 'startOn' })
    }
  }

  // The roster's 支委 posts follow the election from its day (书记 is the term's post; the account roles follow
  // when the secretary confirms 同步支委职务到账号, terms.syncRoles).
  if (input.kind === 'election') await rosterPostsFollow(port, branchId, input.startOn, input.members)
  const line = termLine(doc.members)
  await recordAudit(ctx, {
    branchId,
    action: 'term.recorded',
    summary: `${branch.name}${input.kind === 'election' ? '换届选举' : '补录现任支委会'}：${line}（任期 ${doc.startOn} 至 ${doc.endOn}）`,
    target: { kind: 'term', id: doc._id },
    before: current ? { startOn: current.startOn, endOn: current.endOn } : null,
    after: { startOn: doc.startOn, endOn: doc.endOn, members: line },
  })
  return presentTerm(doc)
}

export const setGreetings = defineAction({
  name: 'terms.setGreetings',
  roles: BRANCH_MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId, on }, ctx) {
    const branch = await loadActiveBranch(ctx.port, branchId)
    const before = branch.birthdayGreetings !== false
    if (before !== on) {
      await collection(ctx.port, 'branches').doc(branchId).update({ data: { birthdayGreetings: on } })
      await recordAudit(ctx, { branchId, action: 'branch.birthdays', summary: `${on ? '开启' : '关闭'}政治生日祝福`, target: { kind: 'branch', id: branchId }, before: { birthdayGreetings: before }, after: { birthdayGreetings: on } })
    }
    return { greetings: on }
  },
})

/** The current term of the branch, or CONFLICT. */
async function currentTermOf(port: Port, branchId: string) {
  const terms = await branchTerms(port, branchId)
  const current = terms.find((t) => t.current)
  if (!current) throw new AppError('CONFLICT', '本支部尚未登记任期', { field: 'termId' })
  return { current, terms }
}

export const correctTerm = defineAction({
  name: 'terms.correct',
  roles: BRANCH_MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input, ctx) {
    const { port } = ctx
    const { branchId } = input
    await loadActiveBranch(port, branchId)
    const today = beijingDate(port.now())
    const { current, terms } = await currentTermOf(port, branchId)
    if (input.termId !== current._id) throw new AppError('CONFLICT', '只能更正本届任期；历届任期已由换届选举接替', { field: 'termId' })
    if (input.startOn > today) throw invalid('任期开始日期不能晚于今天', { field: 'startOn' })
    const earlier = terms.filter((t) => t !== current).map((t) => t.startOn).sort().at(-1)
    if (earlier && input.startOn <= earlier) throw invalid(`本届任期应晚于上一届（${earlier} 起）`, { field: 'startOn' })
    const posts = postsRefusal(input.members)
    if (posts) fail(posts)
    const candidates = input.candidates ?? current.election?.candidates.map((c) => ({ memberId: c.memberId, votes: c.votes })) ?? []
    if (current.kind === 'existing' && input.candidates?.length) throw invalid('补录的现任支委会不记录得票', { field: 'candidates' })
    const ids = [...new Set([...input.members.map((m) => m.memberId), ...candidates.map((c) => c.memberId)])]
    const byId = await namedMembers(port, branchId, ids)

    let election = current.election
    if (current.kind === 'election' && current.election) {
      // The election's rules hold for the corrected term too: the start is the meeting's day, each one elected by
      // the votes (majority, 差额 order), as when it was recorded (the meeting's counts as recorded then).
      const a = await loadOne(port, 'activities', current.election.activityId)
      const on = a && !a.deleted ? beijingDate(new Date(a.startAt)) : current.startOn
      const seats = input.seats ?? current.election.seats ?? input.members.length
      const refusal = electionRefusal(
        { branchMatches: true, deleted: false, type: 'party_congress', recorded: true, on, voters: current.election.voters, presentVoters: current.election.presentVoters },
        { startOn: input.startOn, candidates, members: input.members, seats },
        new Map([...byId.values()].map((m) => [m._id, m.name])),
      )
      if (refusal) fail(refusal)
      const elected = new Set(input.members.map((m) => m.memberId))
      election = { ...current.election, seats, candidates: candidates.map((c) => ({ memberId: c.memberId, name: byId.get(c.memberId)!.name, votes: c.votes, elected: elected.has(c.memberId) })) }
    }

    const members = input.members.map((m) => ({ memberId: m.memberId, name: byId.get(m.memberId)!.name, post: m.post }))
    const endOn = termEnd(input.startOn, input.years)
    const changes: string[] = []
    if (input.startOn !== current.startOn) changes.push(`任期开始 ${current.startOn} → ${input.startOn}`)
    if (input.years !== current.years) changes.push(`任期 ${current.years} 年 → ${input.years} 年`)
    if (termLine(members) !== termLine(current.members)) changes.push(`支委会 ${termLine(current.members)} → ${termLine(members)}`)
    const votes = (e: TermDoc['election']) => (e ? e.candidates.map((c) => `${c.name}${c.votes}`).join(',') + `/${e.seats ?? ''}` : '')
    if (votes(election) !== votes(current.election)) changes.push('选举得票')
    if (!changes.length) throw invalid('没有需要更正的内容', { field: 'members' })
    if (postponedPast(current, endOn)) throw new AppError('CONFLICT', `已批准延期换届至 ${dueOf(current)}，更正后的任期届满日（${endOn}）不能晚于它；请先核对延期`, { field: 'years' })

    const summary = changes.join('；')
    const by = await actorName(ctx)
    const correction = { at: port.now(), by, reason: input.reason, summary }
    await saveTerm(port, current, {
      startOn: input.startOn,
      endOn,
      years: input.years,
      members: port.db.command.set(members),
      election: port.db.command.set(election),
      corrections: port.db.command.set([...(current.corrections ?? []), correction]),
    }, '本届任期刚被他人更正或延期，请刷新后再试')
    if (current.kind === 'election') await rosterPostsFollow(port, branchId, input.startOn, input.members)
    await recordAudit(ctx, {
      branchId,
      action: 'term.corrected',
      summary: `更正本届支委会任期：${summary}（原因：${input.reason}）`,
      target: { kind: 'term', id: current._id },
      before: { startOn: current.startOn, endOn: current.endOn, years: current.years, members: termLine(current.members) },
      after: { startOn: input.startOn, endOn, years: input.years, members: termLine(members) },
    })
    return presentTerm({ ...current, startOn: input.startOn, endOn, years: input.years, members, election, corrections: [...(current.corrections ?? []), correction], version: (current.version ?? 0) + 1 })
  },
})

/**
 * Writes the current term only if nobody changed it since it was read (its `version`; a term stored before versions
 * has none) and it is still the current one: of two corrections or postponements at once one is stored, the other
 * gets CONFLICT (`message`) and writes nothing — no lost entry, no audit of a change that was not kept.
 */
async function saveTerm(port: Port, before: TermDoc, data: Record<string, unknown>, message: string) {
  const { stats } = await collection(port, 'branch_terms')
    .where({ _id: before._id, current: true, version: before.version ?? port.db.command.exists(false) })
    .update({ data: { ...data, version: (before.version ?? 0) + 1 } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', message, { field: 'termId' })
}

/** A postponement recorded for the term can only put the 换届 after the term's end. */
const postponedPast = (t: TermDoc, endOn: string) => !!t.postponements?.length && endOn >= dueOf(t)

export const postponeTerm = defineAction({
  name: 'terms.postpone',
  roles: BRANCH_MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler(input, ctx) {
    const { port } = ctx
    const { branchId } = input
    const branch = await loadActiveBranch(port, branchId)
    const { current } = await currentTermOf(port, branchId)
    const refusal = postponeRefusal({ startOn: current.startOn, endOn: current.endOn, dueOn: dueOf(current) }, input, beijingDate(port.now()))
    if (refusal) fail(refusal)
    const entry = { approvedOn: input.approvedOn, reason: input.reason, dueOn: input.dueOn, by: await actorName(ctx), at: port.now() }
    const postponements = [...(current.postponements ?? []), entry]
    await saveTerm(port, current, { postponements: port.db.command.set(postponements) }, '本届任期刚被他人延期或更正，请刷新后再试')
    await recordAudit(ctx, {
      branchId,
      action: 'term.postponed',
      summary: `${branch.name}延期换届：上级党组织于 ${input.approvedOn} 批准，换届延至 ${input.dueOn}（${input.reason}）`,
      target: { kind: 'term', id: current._id },
      before: { dueOn: dueOf(current) },
      after: { dueOn: input.dueOn, approvedOn: input.approvedOn },
    })
    return presentTerm({ ...current, postponements, version: (current.version ?? 0) + 1 })
  },
})

export const syncRoles = defineAction({
  name: 'terms.syncRoles',
  roles: BRANCH_MANAGERS,
  scope: { kind: 'branch', branchOf: (input) => input.branchId },
  async handler({ branchId }, ctx) {
    const { port } = ctx
    await loadActiveBranch(port, branchId)
    // One sync of a branch at a time: two at once would both grant the 支委 role (a duplicate grant) and both audit
    // the same changes. The plan is read inside the claim, so a second sync after the first finds nothing to change.
    const release = await claim(port, `term-roles:${branchId}`)
    if (!release) throw new AppError('CONFLICT', '支委职务正在同步，请稍后刷新查看', { field: 'members' })
    try {
      return await syncRolesNow(ctx, branchId)
    } finally {
      await release()
    }
  },
})

/** The account roles follow the current term (terms.syncRoles), inside the branch's claim; audited once written. */
async function syncRolesNow(ctx: ActionContext, branchId: string) {
  const { port } = ctx
  const { current } = await currentTermOf(port, branchId)
  const plan = await planRoles(port, branchId, current)
  // The branch never ends without a secretary: with the new 书记 unable to take the role, nothing changes.
  if (plan.blocked) throw new AppError('CONFLICT', plan.blocked, { field: 'members' })
  if (!plan.lines.length) return { lines: [] as string[] }
  if (plan.secretaryTo) {
    // The same handover as members.handOverSecretary: the new 书记's grant begins, every other secretary's ends.
    const target = await loadOne(port, 'members', plan.secretaryTo.memberId)
    if (!target?.openid) throw new AppError('CONFLICT', `${plan.secretaryTo.name} 尚未加入小程序，不能接任书记`, { field: 'members' })
    await handOverSecretaryTo(ctx, branchId, target._id, { ...target, openid: target.openid })
  } else {
    for (const openid of plan.secretaryFrom) await endGrants(port, openid, branchId, 'revoked', 'secretary')
  }
  for (const openid of plan.committeeGrant) await grantRole(port, openid, branchId, 'branch_committee')
  for (const openid of plan.committeeEnd) await endGrants(port, openid, branchId, 'revoked', 'branch_committee')
  await recordAudit(ctx, {
    branchId,
    action: 'term.rolesSynced',
    summary: `同步支委职务到账号：${plan.lines.join('；')}`,
    target: { kind: 'term', id: current._id },
    before: null,
    after: { lines: plan.lines },
  })
  return { lines: plan.lines }
}

export const TERM_ACTIONS = [getTerm, termsOverview, recordTerm, setGreetings, correctTerm, postponeTerm, syncRoles] as const
