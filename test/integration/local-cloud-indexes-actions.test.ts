/**
 * Issue 21 item 6: every action's queries are served by a declared index (cloud/indexes.ts). The seeded local cloud
 * runs with LOCALCLOUD_UNINDEXED_FROM=0, so it reports every query no declared index serves whatever the size of its
 * collection (in the cloud those grow slow and then fail as the collection grows); each action of the catalog
 * (GET /dev/actions) is called as a person of the right role with a valid payload built from the seed, the reminders
 * timer runs once, and GET /dev/unindexed must then be empty.
 *
 * Honest about coverage: every action of the catalog is either DRIVEN (called, and must answer ok) or listed in
 * NOT_DRIVEN with the reason; a new action fails the test until it is placed in one of them.
 */
import { rawApiAs, identities, type DevIdentity } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

jest.setTimeout(300000)

let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud({ env: { LOCALCLOUD_UNINDEXED_FROM: '0', LOCALCLOUD_SEED_REMINDERS: '1' } })
}, 120000)
afterAll(() => cloud?.stop())

interface Ctx {
  admin: DevIdentity
  secretary: DevIdentity
  member: DevIdentity
  branchId: string
  memberId: string
  activityId: string
  plannedId?: string
  assignmentId?: string
  planId?: string
  groupId?: string
  recruitId?: string
  year: number
  month: string
}
type Call = { as: 'admin' | 'secretary' | 'member'; payload: Record<string, unknown> }

/** Actions called here, each with a valid payload as a person of a role it allows. */
const DRIVEN: Record<string, (c: Ctx) => Call | undefined> = {
  'session.get': () => ({ as: 'member', payload: {} }),
  'branches.list': () => ({ as: 'admin', payload: {} }),
  'branches.get': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'groups.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'invites.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'joinRequests.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'members.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'members.attendance': (c) => ({ as: 'secretary', payload: { branchId: c.branchId, year: c.year } }),
  'members.get': (c) => ({ as: 'secretary', payload: { memberId: c.memberId } }),
  'roster.attendanceBasis': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'audit.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'workPlans.list': () => ({ as: 'member', payload: {} }),
  'workPlans.get': (c) => c.planId ? { as: 'member', payload: { planId: c.planId } } : undefined,
  'workPlans.progress': (c) => c.planId ? { as: 'admin', payload: { planId: c.planId } } : undefined,
  'assignments.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'assignments.get': (c) => c.assignmentId ? { as: 'secretary', payload: { assignmentId: c.assignmentId } } : undefined,
  'activities.list': (c) => ({ as: 'member', payload: { branchId: c.branchId } }),
  'activities.get': (c) => ({ as: 'member', payload: { id: c.activityId } }),
  'activities.history': (c) => ({ as: 'member', payload: { id: c.activityId } }),
  'activities.month': (c) => ({ as: 'member', payload: { branchId: c.branchId, month: c.month } }),
  'activities.upcoming': () => ({ as: 'member', payload: {} }),
  'activities.attendanceSheet': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'compliance.branch': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'compliance.overview': () => ({ as: 'admin', payload: {} }),
  'inbox.list': () => ({ as: 'member', payload: {} }),
  'inbox.unread': () => ({ as: 'member', payload: {} }),
  'inbox.markRead': () => ({ as: 'member', payload: { all: true } }),
  'subscriptions.get': () => ({ as: 'member', payload: {} }),
  'dashboard.overview': (c) => ({ as: 'admin', payload: { year: c.year } }),
  'dashboard.heatmap': (c) => ({ as: 'admin', payload: { year: c.year } }),
  'dashboard.points': (c) => ({ as: 'admin', payload: { year: c.year } }),
  'dashboard.branch': (c) => ({ as: 'admin', payload: { branchId: c.branchId, year: c.year } }),
  'home.todo': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'recruitment.list': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'recruitment.create': (c) => ({ as: 'secretary', payload: { branchId: c.branchId, name: '索引测试申请人', appliedOn: `${c.year}-01-05` } }),
  'recruitment.get': (c) => c.recruitId ? { as: 'secretary', payload: { recruitId: c.recruitId } } : undefined,
  'recruitment.settings': () => ({ as: 'secretary', payload: {} }),
  'recruitment.overview': () => ({ as: 'admin', payload: {} }),
  'leave.forSession': (c) => ({ as: 'member', payload: { activityId: c.activityId } }),
  'leave.attendance': (c) => ({ as: 'secretary', payload: { memberId: c.memberId } }),
  'reviews.get': (c) => ({ as: 'secretary', payload: { activityId: c.activityId } }),
  'reviews.queue': () => ({ as: 'admin', payload: {} }),
  'reviews.counts': (c) => ({ as: 'admin', payload: { year: c.year } }),
  'feedback.mine': () => ({ as: 'member', payload: {} }),
  'feedback.list': () => ({ as: 'admin', payload: {} }),
  'dues.member': (c) => ({ as: 'secretary', payload: { memberId: c.memberId } }),
  'dues.ledger': (c) => ({ as: 'secretary', payload: { branchId: c.branchId } }),
  'dues.settings': () => ({ as: 'member', payload: {} }),
  'dues.preview': () => ({ as: 'member', payload: { category: 'employed', monthlyIncome: 5000 } }),
}

const WRITE = 'a write: not driven by this test yet (it needs a valid payload and the state it changes); its reads are those of the actions driven here plus point reads by _id'
const NEW_AREA = 'an area another engineer is building at the time of writing (not in the seed yet): place it in DRIVEN once it is in'
/** Actions not called here, with the reason. */
const NOT_DRIVEN: Record<string, string> = {
  'session.join': WRITE, 'session.updateProfile': WRITE, 'org.bootstrap': 'needs the one-time bootstrap token of an empty organisation',
  'branches.create': WRITE, 'branches.update': WRITE, 'branches.archive': WRITE,
  'groups.create': WRITE, 'groups.rename': WRITE,
  'invites.create': WRITE, 'invites.revoke': WRITE, 'invites.qr': 'calls wxacode (openapi), reads the invite by code (_id)',
  'joinRequests.decide': WRITE,
  'members.update': WRITE, 'members.setPosts': WRITE, 'members.transferOut': WRITE, 'members.handOverSecretary': WRITE,
  'workPlans.parse': 'parses text: no query', 'workPlans.save': WRITE, 'workPlans.publish': WRITE, 'workPlans.assign': WRITE,
  'assignments.report': WRITE, 'assignments.reopen': WRITE,
  'activities.plan': WRITE, 'activities.record': WRITE, 'activities.update': WRITE, 'activities.remove': WRITE,
  'activities.signIn': WRITE, 'activities.signInQr': 'calls wxacode (openapi) for a session read by _id',
  'activities.changePlan': WRITE, 'activities.cancel': WRITE,
  'subscriptions.record': WRITE,
  'notices.preview': 'reads the recipients as notices.send does', 'notices.send': WRITE,
  'exports.start': WRITE, 'exports.step': 'a step of an export job started by exports.start',
  'recruitment.record': WRITE, 'recruitment.correct': WRITE, 'recruitment.fromRoster': WRITE, 'recruitment.material': WRITE,
  'recruitment.setSettings': WRITE,
  'dues.setProfile': WRITE, 'dues.record': WRITE, 'dues.publish': WRITE, 'dues.correct': WRITE, 'dues.setSettings': WRITE,
  'leave.request': WRITE, 'leave.withdraw': WRITE, 'leave.decide': WRITE,
  'reviews.decide': WRITE, 'reviews.resubmit': WRITE,
  'feedback.send': WRITE, 'feedback.answer': WRITE, 'feedback.close': WRITE,
}
/** Prefixes of whole areas not driven yet, with the reason. */
const IN_PROGRESS: Record<string, string> = { 'transfers.': NEW_AREA, 'terms.': NEW_AREA, 'appraisal.': NEW_AREA }

async function context(): Promise<Ctx> {
  const people = await identities(cloud.url)
  const admin = people.find((p) => p.roles.some((r) => r.role === 'committee_admin'))!
  const secretary = people.find((p) => p.roles.some((r) => r.role === 'secretary'))!
  const branchId = secretary.roles.find((r) => r.role === 'secretary')!.branchId!
  const member = people.find((p) => p.roles.some((r) => r.role === 'member' && r.branchId === branchId))!
  const db = sdkFor(cloud.url).database()
  const one = async (coll: string, where: Record<string, unknown>) => {
    try {
      return (await db.collection(coll).where(where).limit(1).get()).data[0] as Record<string, any> | undefined
    } catch {
      return undefined
    }
  }
  const m = await one('members', { branchId, state: 'active' })
  const a = await one('activities', { branchId, deleted: false, status: 'recorded' })
  const planned = await one('activities', { branchId, deleted: false, status: 'planned' })
  const asg = await one('assignments', { branchId })
  const group = await one('groups', { branchId })
  const recruit = await one('recruits', { branchId })
  const now = new Date(Date.now() + 8 * 3600e3)
  return {
    admin, secretary, member, branchId,
    memberId: m!._id, activityId: (a ?? planned)!._id, plannedId: planned?._id,
    assignmentId: asg?._id, planId: asg?.planId, groupId: group?._id, recruitId: recruit?._id,
    year: now.getUTCFullYear(), month: now.toISOString().slice(0, 7),
  }
}

/**
 * Queries no index needs to serve, with the reason. `from: ''` are this test's own look-ups through the SDK (not
 * an action's).
 */
const NEEDS_NO_INDEX: Array<{ collection: string; query: string; why: string }> = [
  { collection: 'committees', query: '{}', why: 'one document per organisation (org.bootstrap makes it once): read whole, as an index would not narrow it' },
]
const unindexed = async () =>
  ((await (await fetch(`${cloud.url}/dev/unindexed`)).json()) as Array<{ collection: string; query: string; from: string }>)
    .filter((u) => u.from !== '' && !NEEDS_NO_INDEX.some((n) => n.collection === u.collection && n.query === u.query))

test('every action of the catalog is driven here or listed with a reason', async () => {
  const catalog = ((await (await fetch(`${cloud.url}/dev/actions`)).json()) as Array<{ name: string }>).map((a) => a.name)
  const unplaced = catalog.filter((n) => !(n in DRIVEN) && !(n in NOT_DRIVEN) && !Object.keys(IN_PROGRESS).some((p) => n.startsWith(p)))
  expect(unplaced).toEqual([])
  const stale = [...Object.keys(DRIVEN), ...Object.keys(NOT_DRIVEN)].filter((n) => !catalog.includes(n))
  expect(stale).toEqual([])
  expect(Object.keys(DRIVEN).filter((n) => n in NOT_DRIVEN)).toEqual([])
})

test('the actions and the reminders run make no query that no declared index serves', async () => {
  const c = await context()
  const callers = { admin: rawApiAs(cloud.url, c.admin.openid), secretary: rawApiAs(cloud.url, c.secretary.openid), member: rawApiAs(cloud.url, c.member.openid) }
  const failed: string[] = []
  const skipped: string[] = []
  for (const [action, make] of Object.entries(DRIVEN)) {
    const call = make(c)
    if (!call) { skipped.push(action); continue }
    const r = await callers[call.as](action, call.payload)
    if (!r.ok) failed.push(`${action}: ${r.error.code} ${r.error.message}`)
    // The seed has no 发展党员 record: the one made here is the one read next.
    if (action === 'recruitment.create' && r.ok) c.recruitId = (r.data as { id: string }).id
  }
  // The hourly reminders run (its members, assignments, sessions, subscriptions and log queries).
  const run = await fetch(`${cloud.url}/cloud/triggers/reminders`, { method: 'POST' })
  expect(run.status).toBe(200)
  expect(failed).toEqual([])
  expect(skipped).toEqual([]) // the seed has a plan, an assignment, a recruit …
  expect(await unindexed()).toEqual([])
})

test("the console's request log shows each invocation's database calls with their time and the index that serves them", async () => {
  const log = (await (await fetch(`${cloud.url}/_console/api/log`)).json()) as Array<{ fn: string; action: string; db: Array<{ op: string; collection: string; ms: number; index?: string | null; examined?: number }> }>
  const list = log.find((e) => e.action === 'members.list')!
  expect(list.db.length).toBeGreaterThan(0)
  const members = list.db.find((c) => c.collection === 'members' && c.op === 'get')!
  expect(members).toMatchObject({ index: expect.stringMatching(/^branchId \+ state/) })
  expect(members.ms).toBeGreaterThanOrEqual(0)
  expect(typeof members.examined).toBe('number')
  // A point read is served by _id; a timer run's calls are there too.
  expect(log.some((e) => e.db.some((c) => c.index === '_id'))).toBe(true)
  const run = log.find((e) => e.fn === 'reminders')!
  expect(run.db.length).toBeGreaterThan(0)
  expect(run.db.every((c) => c.index !== null)).toBe(true)
})
