/**
 * Data access and presentation shared by the activities actions: who is expected at a session, sign-ins, the
 * version history, and turning documents into the contract's list items and details.
 */
import { BRANCH_WRITERS, isWriterRole } from '../../../types/roles'
import type { ActionOutput } from '../../../types/actions'
import type { ActivityType } from '../../../types/domain'
import { isCommitteeAdmin } from '../framework/access'
import type { ActionContext } from '../framework/action'
import { collection, isDuplicateKey, readAll } from '../framework/data'
import { AppError } from '../framework/errors'
import { versionConflict } from '../framework/writes'
import type { ActivityDoc, ActivityVersionDoc, MemberDoc, Membership } from '../framework/model'
import type { Port } from '../framework/port'
import { expectedAttendees, grantHeldOn, rosterAsOf } from '../organisation/roster'
import { lockDate, quorumOf, readOnlyReason, signInWindow, windowState } from './rules'


export const iso = (d: Date | string | undefined | null) => (d === undefined || d === null ? undefined : new Date(d).toISOString())

/**
 * Update data with its object fields (audience, attendance, photoReview…) wrapped in `_.set`: the SDK flattens a plain
 * object in update data into dotted paths and merges it, which would leave a group's id on an audience that became
 * the whole branch.
 */
export function replacing(port: Port, data: Record<string, unknown>): Record<string, unknown> {
  const _ = port.db.command
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(data)) {
    const plainObject = v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.getPrototypeOf(v) === Object.prototype
    out[k] = plainObject ? _.set(v) : v
  }
  return out
}

export async function userName(port: Port, openid: string): Promise<string> {
  const users = await collection(port, 'users').where({ _id: openid }).limit(1).get()
  return users.data[0]?.name ?? '未署名'
}

export async function loadActivity(port: Port, id: string): Promise<ActivityDoc | undefined> {
  const { data } = await collection(port, 'activities').where({ _id: id }).limit(1).get()
  return data[0]
}

export const isWriterIn = (memberships: Membership[], branchId: string) =>
  memberships.some((m) => isWriterRole(m.role) && m.branchId === branchId)

/**
 * Members of the branch in name order (the order of the attendance sheet): the active ones, or, with `on` (a
 * Beijing date), the roster as it stood that day (rosterAsOf: joins, 转出, 转正 and posts dated), so a session
 * recorded afterwards expects the people of its own day.
 */
export async function branchRoster(port: Port, branchId: string, on?: string): Promise<MemberDoc[]> {
  const members = on
    ? rosterAsOf(await readAll(port, 'members', { branchId }), on)
    : await readAll(port, 'members', { branchId, state: 'active' })
  return members.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a._id.localeCompare(b._id))
}

/**
 * Who is expected: the branch, one party group, or the branch committee (members with a 支委 post or role). With
 * `on`, the committee is the one of that day: posts from the roster as of `on`, roles held that day.
 */
export async function expectedFor(port: Port, branchId: string, audience: ActivityDoc['audience'], roster?: MemberDoc[], on?: string): Promise<MemberDoc[]> {
  const members = roster ?? (await branchRoster(port, branchId, on))
  if (audience.kind === 'group') return expectedAttendees(members, audience.groupId)
  if (audience.kind === 'committee') {
    const grants = await readAll(port, 'memberships', {
      branchId,
      // On a date, 支委 are those with a post that day (posts are dated); the secretary's grant, unless it had ended.
      ...(on ? {} : { status: 'active' }),
      role: on ? 'secretary' : port.db.command.in([...BRANCH_WRITERS]),
    })
    const writers = new Set(grants.filter((g) => !on || grantHeldOn(g as Membership & { endedAt?: Date }, on)).map((g) => g.openid))
    return expectedAttendees(members).filter((m) => (m.posts?.length ?? 0) > 0 || (!!m.openid && writers.has(m.openid)))
  }
  return expectedAttendees(members)
}

/** The audience a type implies: 支委会 → the committee; a group id → that group; otherwise the branch. */
export async function audienceOf(
  port: Port,
  branchId: string,
  type: ActivityType,
  groupId: string | null | undefined,
): Promise<ActivityDoc['audience']> {
  if (type === 'committee_meeting') return { kind: 'committee' }
  if (!groupId) return { kind: 'branch' }
  const { data } = await collection(port, 'groups').where({ _id: groupId, branchId }).limit(1).get()
  const group = data[0] as { name?: string } | undefined
  if (!group) throw new AppError('INVALID_INPUT', '党小组不存在，或不属于该支部', { field: 'groupId' })
  return { kind: 'group', groupId, groupName: group.name ?? '' }
}

export async function signInsOf(port: Port, activityId: string): Promise<Map<string, Date>> {
  const rows = await readAll(port, 'activity_signins', { activityId })
  return new Map(rows.map((r) => [r.memberId, new Date(r.at)]))
}

export async function writeVersion(port: Port, entry: Omit<ActivityVersionDoc, '_id'>): Promise<void> {
  const _id = `${entry.activityId}:${entry.version}`
  try {
    await collection(port, 'activity_versions').add({ data: { _id, ...entry } })
  } catch (error) {
    // A retried save re-writing the same version: the first entry stands.
    if (!isDuplicateKey(error)) throw error
  }
}

/**
 * Photos the caller may see: ones under image review (a pending or failed check) are shown only to the branch's
 * writers, with the marker. The record book, which goes beyond the writers, asks as a member (`mayReview` false).
 */
export function visiblePhotos(doc: Pick<ActivityDoc, 'photos' | 'photoReview'>, mayReview: boolean): { fileID: string; review?: 'pending' | 'rejected' }[] {
  const review = new Map(Object.values(doc.photoReview ?? {}).map((r) => [r.fileID, r.status]))
  return doc.photos
    .map((fileID) => (review.has(fileID) ? { fileID, review: review.get(fileID)! } : { fileID }))
    .filter((p) => mayReview || !p.review)
}

async function withUrls<T extends { fileID: string }>(port: Port, photos: T[]): Promise<(T & { url?: string })[]> {
  if (photos.length === 0) return []
  const urls = await port.storage.getTempFileURLs(photos.map((p) => p.fileID))
  return photos.map((p) => (urls.has(p.fileID) ? { ...p, url: urls.get(p.fileID) } : p))
}

type ListItem = ActionOutput<'activities.list'>['items'][number]
type Detail = ActionOutput<'activities.get'>

function base(doc: ActivityDoc, photos: ListItem['photos'], photoCount: number): ListItem {
  return {
    id: doc._id,
    branchId: doc.branchId,
    type: doc.type,
    status: doc.status ?? 'recorded',
    topic: doc.topic,
    place: doc.place,
    startAt: iso(doc.startAt)!,
    ...(doc.endAt ? { endAt: iso(doc.endAt) } : {}),
    audience: doc.audience ?? { kind: 'branch' },
    ...(doc.host ? { host: doc.host } : {}),
    ...(doc.lecturer ? { lecturer: doc.lecturer } : {}),
    photos,
    photoCount,
    attendance: doc.attendance ? { expected: doc.attendance.expected, present: doc.attendance.present } : null,
    version: doc.version ?? 1,
    createdBy: doc.createdBy,
    createdAt: iso(doc.createdAt)!,
  }
}

/**
 * The fields list items need: a list never carries minutes or the attendee list (a 200-member branch's session is
 * mostly attendees), so list queries project these.
 */
export const LIST_FIELDS: Record<string, true> = Object.fromEntries(
  [
    '_id', 'branchId', 'type', 'status', 'topic', 'place', 'startAt', 'endAt', 'audience', 'host', 'lecturer', 'photos',
    'photoReview', 'attendance.expected', 'attendance.present', 'version', 'createdBy', 'createdAt', 'signInClosesAt',
  ].map((f) => [f, true]),
)

/** List items: the first visible photo only (the thumbnail), with one URL request for the whole page. */
export async function presentList(port: Port, docs: ActivityDoc[], memberships: Membership[]): Promise<ListItem[]> {
  const firsts = docs.map((d) => {
    const photos = visiblePhotos(d, isWriterIn(memberships, d.branchId) || isCommitteeAdmin(memberships))
    return { first: photos.slice(0, 1), count: photos.length }
  })
  const all = await withUrls(port, firsts.flatMap((f) => f.first))
  const byId = new Map(all.map((p) => [p.fileID, p]))
  return docs.map((d, i) => base(d, firsts[i].first.map((p) => byId.get(p.fileID) ?? p), firsts[i].count))
}

export function signInStateFor(
  doc: ActivityDoc,
  now: Date,
  count: number,
  eligible: boolean,
  signedInAt: Date | undefined,
): Detail['signIn'] {
  const w = signInWindow(new Date(doc.startAt), doc.endAt ? new Date(doc.endAt) : null)
  return {
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
    open: windowState(now, w) === 'OPEN',
    count,
    eligible,
    signedInAt: signedInAt ? signedInAt.toISOString() : null,
  }
}

/** The whole record for the detail page, with what the caller may do with it. */
export async function presentDetail(port: Port, doc: ActivityDoc, caller: ActionContext['caller']): Promise<Detail> {
  const committee = isCommitteeAdmin(caller.memberships)
  const writer = isWriterIn(caller.memberships, doc.branchId)
  const photos = await withUrls(port, visiblePhotos(doc, writer || committee))
  const [signIns, roster] = await Promise.all([signInsOf(port, doc._id), branchRoster(port, doc.branchId)])
  const expected = await expectedFor(port, doc.branchId, doc.audience ?? { kind: 'branch' }, roster)
  const mine = roster.find((m) => !!caller.openid && m.openid === caller.openid)
  const eligible = !!mine && expected.some((m) => m._id === mine._id)
  let assignments: Detail['assignments'] = []
  if (doc.assignmentIds?.length) {
    const rows = await readAll(port, 'assignments', { _id: port.db.command.in(doc.assignmentIds) })
    const byId = new Map(rows.map((a) => [a._id, a]))
    assignments = doc.assignmentIds.filter((id) => byId.has(id)).map((id) => ({ id, title: byId.get(id)!.title }))
  }
  const now = port.now()
  const lockReason = writer || committee ? readOnlyReason(doc, now, committee) : null
  const attendance = doc.attendance
    ? {
        expected: doc.attendance.expected,
        present: doc.attendance.present,
        absent: doc.attendance.expected - doc.attendance.present,
        attendees: doc.attendance.attendees.map((a) => ({
          memberId: a.memberId,
          name: a.name,
          partyStatus: (a as { partyStatus?: 'full' | 'probationary' }).partyStatus ?? 'full',
          present: a.present,
          ...(a.absentReason ? { absentReason: a.absentReason } : {}),
          // A sign-in after the record (not applied to it, #15.12) shows too, for the secretary to confirm.
          ...((a.signedInAt ?? signIns.get(a.memberId)) ? { signedInAt: iso(a.signedInAt ?? signIns.get(a.memberId)) } : {}),
        })),
        quorum: doc.type === 'party_congress' && doc.voting ? quorumOf(doc.attendance.attendees as Parameters<typeof quorumOf>[0]) : null,
      }
    : null
  return {
    ...base(doc, photos, photos.length),
    ...(doc.recorder ? { recorder: doc.recorder } : {}),
    ...(doc.agenda ? { agenda: doc.agenda } : {}),
    ...(doc.minutes ? { minutes: doc.minutes } : {}),
    ...(doc.resolutions ? { resolutions: doc.resolutions } : {}),
    voting: !!doc.voting,
    attendance,
    assignments,
    ...(doc.updatedAt ? { updatedAt: iso(doc.updatedAt) } : {}),
    ...(doc.updatedBy ? { updatedBy: doc.updatedBy } : {}),
    canEdit: (writer || committee) && lockReason === null,
    readOnlyReason: lockReason,
    locksOn: lockDate(doc),
    signIn: signInStateFor(doc, now, signIns.size, eligible, mine ? signIns.get(mine._id) : undefined),
  }
}

/** Refuses a change to a locked record (30 days) unless the caller is committee staff. */
export function assertEditable(doc: ActivityDoc, caller: ActionContext['caller'], now: Date) {
  const reason = readOnlyReason(doc, now, isCommitteeAdmin(caller.memberships))
  if (reason) throw new AppError('READ_ONLY', reason)
}

/**
 * The one version check of a record's writes (update, remove, cancel): the record's current version, or CONFLICT
 * when the caller edited an older one. `expected` undefined skips the check (remove and cancel may omit it).
 */
export function currentVersion(doc: ActivityDoc, expected: number | undefined, doing: string): number {
  const current = doc.version ?? 1
  if (expected !== undefined && expected !== current) {
    throw versionConflict(current, `该记录已被他人修改（当前为第 ${current} 版），请刷新后再${doing}`)
  }
  return current
}

