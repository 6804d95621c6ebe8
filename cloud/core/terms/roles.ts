/**
 * After a 换届选举 (or a corrected term): which account roles of the branch must change so that they follow the
 * current term — the term's 书记 holds the secretary's role and no one else does; whoever holds a 支委 post (the
 * term's other posts, or a post on the roster) holds the 支委 role (branch_committee), and no one else does. Pure:
 * the action (terms.syncRoles, cloud/core/actions/terms.ts) reads the data and applies the plan through the one way
 * roles change (members.ts handOverSecretaryTo, organisation/store.ts grantRole / endGrants). docs/terms.md.
 */
export interface SyncPerson {
  memberId: string
  name: string
  openid: string | null
  posts: readonly string[]
}

export interface RoleSyncPlan {
  /** The new secretary, when the role must change hands (members.ts handOverSecretaryTo); null when they hold it. */
  secretaryTo: { memberId: string; name: string; openid: string } | null
  /** Openids whose secretary role ends (by the handover, or alone when the new 书记 already holds the role). */
  secretaryFrom: string[]
  committeeGrant: string[]
  committeeEnd: string[]
  /** Why the change cannot be made now (the new 书记 has no account, or left the roster): nothing is changed. */
  blocked: string | null
  /** The changes in words, for the confirmation and the audit. */
  lines: string[]
  /** 支委 of the term without an account: their role follows once they join (a note, nothing to confirm). */
  waiting: string[]
}

export function roleSyncPlan(
  term: { members: readonly { memberId: string; name: string; post: string }[] },
  roster: readonly SyncPerson[],
  grants: { secretary: readonly string[]; committee: readonly string[] },
): RoleSyncPlan {
  const byId = new Map(roster.map((p) => [p.memberId, p]))
  const nameOf = (openid: string) => roster.find((p) => p.openid === openid)?.name ?? '（已不在花名册）'
  const sec = term.members.find((m) => m.post === '书记')
  const person = sec ? byId.get(sec.memberId) : undefined
  const plan: RoleSyncPlan = { secretaryTo: null, secretaryFrom: [], committeeGrant: [], committeeEnd: [], blocked: null, lines: [], waiting: [] }
  if (!sec) plan.blocked = '本届支委会没有书记'
  else if (!person) plan.blocked = `${sec.name} 已不在本支部花名册中，不能接任书记`
  else if (!person.openid) plan.blocked = `${sec.name} 尚未加入小程序，不能接任书记；请先邀请其加入，再同步`
  else {
    if (!grants.secretary.includes(person.openid)) plan.secretaryTo = { memberId: person.memberId, name: person.name, openid: person.openid }
    plan.secretaryFrom = grants.secretary.filter((o) => o !== person.openid)
  }
  const termPosts = new Set(term.members.filter((m) => m.post !== '书记').map((m) => m.memberId))
  plan.waiting = term.members.filter((m) => m.post !== '书记' && byId.get(m.memberId) && !byId.get(m.memberId)!.openid).map((m) => m.name)
  const wanted = new Set(roster.filter((p) => p.openid && (termPosts.has(p.memberId) || p.posts.length > 0)).map((p) => p.openid!))
  const held = new Set(grants.committee)
  plan.committeeGrant = [...wanted].filter((o) => !held.has(o))
  plan.committeeEnd = [...held].filter((o) => !wanted.has(o))
  if (plan.secretaryTo) plan.lines.push(`${plan.secretaryTo.name} 任书记（获得书记权限）`)
  for (const o of plan.secretaryFrom) plan.lines.push(`${nameOf(o)} 不再担任书记（${wanted.has(o) ? '改为支委' : '改为党员'}）`)
  for (const o of plan.committeeGrant) if (!plan.secretaryFrom.includes(o)) plan.lines.push(`${nameOf(o)} 获得支委权限`)
  for (const o of plan.committeeEnd) if (!plan.secretaryFrom.includes(o) && o !== person?.openid) plan.lines.push(`${nameOf(o)} 不再是支委（改为党员）`)
  return plan
}
