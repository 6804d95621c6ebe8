/**
 * terms.*: 换届 — the branch committee's term (docs/terms.md). Rules in ../terms/rules.ts, documents in
 * ../terms/store.ts; reminders in ../terms/reminders.ts (the reminders run).
 *
 * Who: anyone of the branch reads its term (who the 支委 are is not secret); the secretary and the committee record
 * the 换届选举 and set the 政治生日 greetings; the committee sees every branch's state.
 */
import { BRANCH_MANAGERS, BRANCH_READERS } from '../../../types/roles'
import { COMMITTEE_POSTS } from '../../../types/domain'
import { isCommitteeAdmin } from '../framework/access'
import { defineAction, type ActionContext } from '../framework/action'
import { collection, loadOne, readAll } from '../framework/data'
import { AppError, invalid } from '../framework/errors'
import { beijingDate } from '../framework/time'
import { quorumOf, type Attendee } from '../activities/rules'
import { actorName, recordAudit } from '../organisation/audit'
import { loadActiveBranch, loadBranch } from '../organisation/store'
import { postRefusal, withPostChange } from '../organisation/roster'
import { electionRefusal, postsRefusal, termEnd, termStatus, type Refusal } from '../terms/rules'
import { branchTerms, currentTerms, presentTerm, termId, type TermDoc } from '../terms/store'

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
    return {
      branchId,
      branchName: branch.name,
      term: current ? presentTerm(current) : null,
      status: termStatus(current, beijingDate(ctx.port.now())),
      past: terms.filter((t) => t !== current).map(presentTerm),
      canRecord: canRecord(ctx, branchId),
      greetings: branch.birthdayGreetings !== false,
    }
  },
})

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
      readAll(port, 'branch_terms', { current: true }, { fields: ['branchId', 'members'] }).catch(() => []),
    ])
    const secretaryOf = new Map(secretaries.map((t) => [t.branchId, t.members.find((m) => m.post === '书记')?.name ?? null]))
    const items = branches.map((b) => {
      const t = terms.get(b._id) ?? null
      return { branchId: b._id, branchName: b.name, startOn: t?.startOn ?? null, secretary: secretaryOf.get(b._id) ?? null, ...termStatus(t, today) }
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

    // Everyone named: active 正式党员 of this branch (党章第七条: 预备党员 have no right to elect or be elected).
    const ids = [...new Set([...input.members.map((m) => m.memberId), ...input.candidates.map((c) => c.memberId)])]
    const people = await readAll(port, 'members', { _id: port.db.command.in(ids) })
    const byId = new Map(people.map((m) => [m._id, m]))
    for (const id of ids) {
      const m = byId.get(id)
      if (!m || m.branchId !== branchId || m.state !== 'active') throw invalid('候选人和支委应为本支部花名册中的党员', { field: 'members' })
      const refusal = postRefusal(m)
      if (refusal) throw invalid(refusal, { field: 'members' })
    }

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
      const refusal = electionRefusal(meeting, input)
      if (refusal) fail(refusal)
      const elected = new Set(input.members.map((m) => m.memberId))
      election = {
        activityId: a!._id,
        topic: a!.topic,
        voters: q.voters,
        presentVoters: q.presentVoters,
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
    if (current) await collection(port, 'branch_terms').doc(current._id).update({ data: { current: false } })

    // The roster's 支委 posts follow the election from its day (书记 is the term's post and the account's role).
    if (input.kind === 'election') {
      const isPost = (p: string) => (COMMITTEE_POSTS as readonly string[]).includes(p)
      const newPost = new Map(input.members.filter((m) => m.post !== '书记').map((m) => [m.memberId, m.post as string]))
      const holders = await readAll(port, 'members', { branchId, state: 'active' }, { fields: ['posts', 'postHistory', 'name'] })
      for (const m of holders) {
        const kept = (m.posts ?? []).filter((p) => !isPost(p))
        const next = newPost.has(m._id) ? [...kept, newPost.get(m._id)!] : kept
        if (next.length === (m.posts ?? []).length && next.every((p) => (m.posts ?? []).includes(p))) continue
        const postHistory = withPostChange(m, input.startOn, next)
        await collection(port, 'members').doc(m._id).update({ data: { posts: next, postHistory: port.db.command.set(postHistory), updatedAt: now } })
      }
    }
    const line = doc.members.map((m) => `${m.post} ${m.name}`).join('、')
    await recordAudit(ctx, {
      branchId,
      action: 'term.recorded',
      summary: `${branch.name}${input.kind === 'election' ? '换届选举' : '补录现任支委会'}：${line}（任期 ${doc.startOn} 至 ${doc.endOn}）`,
      target: { kind: 'term', id: doc._id },
      before: current ? { startOn: current.startOn, endOn: current.endOn } : null,
      after: { startOn: doc.startOn, endOn: doc.endOn, members: line },
    })
    return presentTerm(doc)
  },
})

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

export const TERM_ACTIONS = [getTerm, termsOverview, recordTerm, setGreetings] as const
