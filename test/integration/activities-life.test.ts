/**
 * Organisation life through the local cloud and the real SDK: plan → upcoming for the audience → sign-in →
 * record with attendance computed from the roster → edits with a version history → soft delete; the 30-day lock,
 * idempotent submits, content security and branch isolation. Times are relative to the real clock (the local
 * cloud's port.now()).
 */
import type { ActionInput } from '../../types/actions'
import { apiAs, identities, ok, rawApiAs, type DevIdentity } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let people: DevIdentity[]
let branch1: string
let branch2: string
let groups: { id: string; name: string }[]
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
let seq = 0
const rid = (label: string) => `t-${label}-${Date.now()}-${++seq}`
const as = (openid: string) => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')

beforeAll(async () => {
  cloud = await startLocalCloud()
  people = await identities(cloud.url)
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  branch2 = people.find((p) => p.openid === 'dev-secretary-2')!.roles[0].branchId!
  groups = (await ok(secretary()('groups.list', { branchId: branch1 }))).items
})
afterAll(() => cloud?.stop())

type Draft = ActionInput<'activities.plan'> & ActionInput<'activities.record'>
const plan = (extra: Partial<Draft> = {}): Draft => ({
  branchId: branch1,
  type: 'theme_day',
  topic: '学习新修订的支部工作条例',
  place: '学会会议室',
  startAt: at(10 * MIN),
  endAt: at(2 * HOUR),
  host: '李建国',
  clientRequestId: rid('plan'),
  ...extra,
})

async function rosterOf(branchId: string, reader = 'dev-secretary-1') {
  return (await ok(as(reader)('members.list', { branchId, limit: 100 }))).items as { id: string; name: string; openid?: string }[]
}

describe('plan → upcoming → sign-in → record', () => {
  let planned: any

  test('a planned session is upcoming for a member of the branch, not for another branch', async () => {
    planned = await ok(secretary()('activities.plan', plan()))
    expect(planned).toMatchObject({ status: 'planned', version: 1, attendance: null, audience: { kind: 'branch' }, canEdit: true })
    const mine = await ok(as('dev-member-1b')('activities.upcoming', {}))
    const item = mine.items.find((i: any) => i.id === planned.id)
    expect(item).toMatchObject({ topic: '学习新修订的支部工作条例', branchName: '湖南省计算机学会党支部' })
    expect(item!.signIn).toMatchObject({ open: true, eligible: true, signedInAt: null, count: 0 })
    const other = await ok(as('dev-member-2a')('activities.upcoming', {}))
    expect(other.items.map((i: any) => i.id)).not.toContain(planned.id)
    // Another branch's member cannot even see the record exists.
    const get = await as('dev-member-2a')('activities.get', { id: planned.id })
    expect(get).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('a party-group session is upcoming only for that group (and the organisers)', async () => {
    const g0 = groups.find((g) => g.name === '第一党小组')!
    const groupPlan = await ok(secretary()('activities.plan', plan({ type: 'group_meeting', groupId: g0.id, topic: '第一党小组学习会' })))
    expect(groupPlan.audience).toEqual({ kind: 'group', groupId: g0.id, groupName: '第一党小组' })
    const ids = async (openid: string) => (await ok(as(openid)('activities.upcoming', {}))).items.map((i: any) => i.id)
    expect(await ids('dev-member-1a')).toContain(groupPlan.id) // 王芳 is in 第一党小组
    expect(await ids('dev-member-1b')).not.toContain(groupPlan.id) // 赵磊 is in 第二党小组
    expect(await ids('dev-secretary-1')).toContain(groupPlan.id)
    // Committee staff hold no branch: they name one.
    expect((await ok(as('dev-committee-admin')('activities.upcoming', {}))).items).toEqual([])
    const committee = await ok(as('dev-committee-admin')('activities.upcoming', { branchId: branch1 }))
    expect(committee.items.map((i: any) => i.id)).toContain(groupPlan.id)
    expect(await as('dev-member-2a')('activities.upcoming', { branchId: branch1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const refused = await as('dev-member-1b')('activities.signIn', { id: groupPlan.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((refused as any).error.message).toContain('第一党小组')
  })

  test('a 党小组会 must name its group and a 党课 its lecturer', async () => {
    const noGroup = await secretary()('activities.plan', plan({ type: 'group_meeting' }))
    expect(noGroup).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'groupId' } } })
    const noLecturer = await secretary()('activities.plan', plan({ type: 'party_lecture' }))
    expect(noLecturer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '党课请填写授课人', details: { field: 'lecturer' } } })
    const recorded = await secretary()('activities.record', {
      branchId: branch1,
      clientRequestId: rid('lecture'),
      type: 'party_lecture',
      topic: '党课',
      place: '报告厅',
      startAt: at(-2 * DAY),
      host: '李建国',
      recorder: '王芳',
      minutes: '讲授了党章。',
    })
    expect(recorded).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'lecturer' } } })
  })

  test('members sign in during the window, once', async () => {
    const first = await ok(as('dev-member-1b')('activities.signIn', { id: planned.id }))
    expect(first).toMatchObject({ activityId: planned.id, name: '赵磊', already: false })
    const again = await ok(as('dev-member-1b')('activities.signIn', { id: planned.id, via: 'qr' }))
    expect(again).toMatchObject({ already: true, signedInAt: first.signedInAt })
    const detail = await ok(as('dev-member-1b')('activities.get', { id: planned.id }))
    expect(detail.signIn).toMatchObject({ count: 1, signedInAt: first.signedInAt, eligible: true })
    // A guide reads but is on no roster: no sign-in.
    expect(await as('dev-guide')('activities.signIn', { id: planned.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('sign-in is refused before the window opens and after it closes', async () => {
    const later = await ok(secretary()('activities.plan', plan({ startAt: at(2 * DAY), endAt: undefined })))
    const early = await as('dev-member-1b')('activities.signIn', { id: later.id })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'NOT_OPEN' } } })
    expect((early as any).error.message).toContain('签到尚未开始')
    const past = await ok(secretary()('activities.plan', plan({ startAt: at(-4 * HOUR), endAt: undefined })))
    // No end time: the window closes 3 hours after the start.
    expect(new Date(past.signIn.closesAt).getTime() - new Date(past.startAt).getTime()).toBe(3 * HOUR)
    const late = await as('dev-member-1b')('activities.signIn', { id: past.id })
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'CLOSED' } } })
    // A session whose window closed is no longer upcoming.
    const upcoming = await ok(as('dev-member-1b')('activities.upcoming', {}))
    expect(upcoming.items.map((i: any) => i.id)).not.toContain(past.id)
    expect(upcoming.items.map((i: any) => i.id)).toContain(later.id)
  })

  test('the attendance sheet and the record compute counts from the roster and the sign-ins', async () => {
    const roster = await rosterOf(branch1)
    const sheet = await ok(secretary()('activities.attendanceSheet', { branchId: branch1, id: planned.id }))
    expect(sheet.expected).toBe(roster.length)
    expect(sheet.attendees.find((a: any) => a.name === '赵磊')).toMatchObject({ present: true })
    expect(sheet.attendees.find((a: any) => a.name === '王芳')).toMatchObject({ present: false })
    const wang = roster.find((m) => m.name === '王芳')!
    const clientRequestId = rid('record')
    const payload = {
      id: planned.id,
      branchId: branch1,
      clientRequestId,
      recorder: '王芳',
      minutes: '集体学习了支部工作条例，交流了学习体会。',
      resolutions: '下月开展一次志愿服务。',
      // Counts sent by a client would be ignored; only marks count. 王芳 is absent with a reason.
      attendance: [{ memberId: wang.id, present: false, absentReason: '出差' }],
    }
    const recorded = await ok(secretary()('activities.record', payload))
    expect(recorded).toMatchObject({ status: 'recorded', version: 2, host: '李建国', recorder: '王芳' })
    expect(recorded.attendance).toMatchObject({ expected: roster.length, present: roster.length - 2, absent: 2, quorum: null })
    expect(recorded.attendance!.attendees.find((a: any) => a.name === '王芳')).toMatchObject({ present: false, absentReason: '出差' })
    expect(recorded.attendance!.attendees.find((a: any) => a.name === '赵磊')).toMatchObject({ present: true })
    // The retry of the same submit returns the same record; a different submit is refused.
    const retry = await ok(secretary()('activities.record', payload))
    expect(retry).toMatchObject({ id: recorded.id, version: 2 })
    const second = await secretary()('activities.record', { ...payload, clientRequestId: rid('record') })
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // Members see the record.
    const seen = await ok(as('dev-member-1b')('activities.list', { branchId: branch1, status: 'recorded' }))
    expect(seen.items.find((i: any) => i.id === planned.id)).toMatchObject({ attendance: { expected: roster.length, present: roster.length - 2 } })
  })

  test('a member recorded absent who signs in afterwards waits for the secretary to confirm (#15.12)', async () => {
    const signedIn = await ok(as('dev-member-1a')('activities.signIn', { id: planned.id }))
    expect(signedIn).toMatchObject({ already: false, awaitingConfirmation: true })
    // The record is unchanged (a sign-in from the page proves no presence); the sign-in shows by the name.
    const detail = await ok(secretary()('activities.get', { id: planned.id }))
    const wang = detail.attendance!.attendees.find((a: any) => a.name === '王芳')
    expect(wang).toMatchObject({ present: false, absentReason: '出差', signedInAt: signedIn.signedInAt })
    expect(detail.version).toBe(2)
    const sheet = await ok(secretary()('activities.attendanceSheet', { branchId: branch1, id: planned.id }))
    expect(sheet.attendees.find((a: any) => a.name === '王芳')).toMatchObject({ present: false, signedInAt: signedIn.signedInAt })
    // The secretary confirms it: then the record follows.
    const confirmed = await ok(secretary()('activities.update', { id: planned.id, expectedVersion: 2, attendance: [{ memberId: wang!.memberId, present: true }] }))
    expect(confirmed.attendance!.attendees.find((a: any) => a.name === '王芳')).toMatchObject({ present: true })
    expect(confirmed.version).toBe(3)
  })

  test('marks for someone outside the audience are refused', async () => {
    const outsider = (await rosterOf(branch2, 'dev-secretary-2'))[0]
    const r = await secretary()('activities.record', {
      branchId: branch1,
      clientRequestId: rid('stranger'),
      type: 'theme_day',
      topic: '主题党日',
      place: '会议室',
      startAt: at(-DAY),
      host: '李建国',
      recorder: '王芳',
      minutes: '学习。',
      attendance: [{ memberId: outsider.id, present: true }],
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'attendance' } } })
  })
})

describe('a voting 支部党员大会', () => {
  test('says whether more than half of the 正式党员 were present', async () => {
    const roster = await rosterOf(branch1)
    const detailFor = async (absentNames: string[]) => {
      const marks = roster.map((m) => ({ memberId: m.id, present: !absentNames.includes(m.name) }))
      return ok(
        secretary()('activities.record', {
          branchId: branch1,
          clientRequestId: rid('congress'),
          type: 'party_congress',
          topic: '讨论接收预备党员',
          place: '会议室',
          startAt: at(-3 * DAY),
          host: '李建国',
          recorder: '王芳',
          minutes: '表决。',
          voting: true,
          attendance: marks,
        }),
      )
    }
    const sheet = await ok(secretary()('activities.attendanceSheet', { branchId: branch1, type: 'party_congress' }))
    const full = await detailFor([])
    expect(full.voting).toBe(true)
    expect(full.attendance!.quorum).toEqual({ voters: sheet.voters, presentVoters: sheet.voters, reached: true })
    // 李建国 and 王芳 are the 正式党员 of branch 1; with 王芳 away exactly half are present: no quorum.
    const half = await detailFor(['王芳'])
    expect(half.attendance!.quorum).toMatchObject({ presentVoters: sheet.voters - 1, reached: (sheet.voters - 1) * 2 > sheet.voters })
    expect(half.attendance!.quorum!.reached).toBe(false)
    // Only a 党员大会 votes.
    const theme = await secretary()('activities.record', {
      branchId: branch1,
      clientRequestId: rid('theme-vote'),
      type: 'theme_day',
      topic: '主题党日',
      place: '会议室',
      startAt: at(-DAY),
      host: '李建国',
      recorder: '王芳',
      minutes: '学习。',
      voting: true,
    })
    expect(theme).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'voting' } } })
  })
})

describe('edits, history and removal', () => {
  test('an update with a stale version is refused; each change is in the history', async () => {
    const doc = await ok(secretary()('activities.plan', plan({ startAt: at(3 * DAY), endAt: at(3 * DAY + 2 * HOUR) })))
    const updated = await ok(secretary()('activities.update', { id: doc.id, expectedVersion: 1, place: '科技馆二楼', reason: '场地调整' }))
    expect(updated).toMatchObject({ version: 2, place: '科技馆二楼', updatedBy: { openid: 'dev-secretary-1', name: '李建国' } })
    const stale = await as('dev-member-1a')('activities.update', { id: doc.id, expectedVersion: 1, topic: '另一个主题' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 2 } } })
    expect((stale as any).error.message).toMatch(/已被他人修改/)
    // A member may read but not edit.
    expect(await as('dev-member-1b')('activities.update', { id: doc.id, expectedVersion: 2, topic: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const history = await ok(as('dev-member-1b')('activities.history', { id: doc.id }))
    expect(history.items.map((h: any) => [h.version, h.kind])).toEqual([
      [2, 'updated'],
      [1, 'planned'],
    ])
    expect(history.items[0]).toMatchObject({
      by: { name: '李建国' },
      reason: '场地调整',
      changes: [{ field: 'place', label: '地点', before: '学会会议室', after: '科技馆二楼' }],
    })
  })

  test('concurrent updates from the same version: exactly one wins', async () => {
    const doc = await ok(secretary()('activities.plan', plan({ startAt: at(4 * DAY), endAt: at(4 * DAY + HOUR) })))
    const results = await Promise.all([
      secretary()('activities.update', { id: doc.id, expectedVersion: 1, topic: '版本甲' }),
      as('dev-member-1a')('activities.update', { id: doc.id, expectedVersion: 1, topic: '版本乙' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1)
  })

  test('removal needs a reason, is soft and leaves lists', async () => {
    const doc = await ok(secretary()('activities.plan', plan({ startAt: at(5 * DAY), endAt: at(5 * DAY + HOUR) })))
    const noReason = await rawApiAs(cloud.url, 'dev-secretary-1')('activities.remove', { id: doc.id })
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ok(secretary()('activities.remove', { id: doc.id, reason: '重复录入' }))).toEqual({ id: doc.id, deleted: true })
    expect(await secretary()('activities.get', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const list = await ok(secretary()('activities.list', { branchId: branch1, limit: 50 }))
    expect(list.items.map((i: any) => i.id)).not.toContain(doc.id)
    // Kept in the database with who, when and why, and its last history entry.
    const db = sdkFor(cloud.url).database()
    const { data } = await db.collection('activities').doc(doc.id).get()
    const stored = Array.isArray(data) ? data[0] : data
    expect(stored).toMatchObject({ deleted: true, deletedReason: '重复录入', deletedBy: { openid: 'dev-secretary-1' } })
    const versions = (await db.collection('activity_versions').where({ activityId: doc.id }).get()).data
    expect(versions.map((v: any) => v.kind).sort()).toEqual(['planned', 'removed'])
  })

  test('a record locks 30 days after it was recorded (not after it was held), except to the committee', async () => {
    const old = await ok(
      secretary()('activities.record', {
        branchId: branch1,
        clientRequestId: rid('old'),
        type: 'theme_day',
        topic: '四十天前的主题党日',
        place: '会议室',
        startAt: at(-40 * DAY),
        host: '李建国',
        recorder: '王芳',
        minutes: '学习。',
      }),
    )
    // Backfilled 40 days after the session: the branch can still correct it, and is told until when (#16.12).
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    const locksOn = new Date(Date.parse(`${today}T00:00:00Z`) + 31 * 86400e3).toISOString().slice(0, 10)
    expect(old).toMatchObject({ canEdit: true, readOnlyReason: null, locksOn })
    const typo = await ok(secretary()('activities.update', { id: old.id, expectedVersion: 1, place: '第二会议室' }))
    expect(typo).toMatchObject({ place: '第二会议室', version: 2 })
    // Recorded 31 days ago: archived.
    await sdkFor(cloud.url).database().collection('activities').doc(old.id).update({ data: { recordedAt: new Date(Date.now() - 31 * 86400e3) } })
    const archived = await ok(secretary()('activities.get', { id: old.id }))
    expect(archived).toMatchObject({ canEdit: false })
    expect(archived.readOnlyReason).toContain('记录已满 30 天')
    const refused = await secretary()('activities.update', { id: old.id, expectedVersion: 2, minutes: '补充内容' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    expect(await secretary()('activities.remove', { id: old.id, reason: '不需要了' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    const asCommittee = await ok(as('dev-committee-admin')('activities.get', { id: old.id }))
    expect(asCommittee).toMatchObject({ canEdit: true, readOnlyReason: null })
    const fixed = await ok(as('dev-committee-admin')('activities.update', { id: old.id, expectedVersion: 2, minutes: '补充内容', reason: '考核前更正' }))
    expect(fixed).toMatchObject({ minutes: '补充内容', version: 3 })
    // A member is told nothing about locks: only people who could edit see a reason.
    expect(await ok(as('dev-member-1b')('activities.get', { id: old.id }))).toMatchObject({ canEdit: false, readOnlyReason: null })
  })
})

describe('submits and checks', () => {
  test('a double submit with one clientRequestId makes one record, also when concurrent', async () => {
    const payload = plan({ clientRequestId: rid('double') })
    const [a, b] = await Promise.all([ok(secretary()('activities.plan', payload)), ok(secretary()('activities.plan', payload))])
    const c = await ok(secretary()('activities.plan', payload))
    expect(new Set([a.id, b.id, c.id]).size).toBe(1)
    const db = sdkFor(cloud.url).database()
    expect((await db.collection('activities').where({ clientRequestId: payload.clientRequestId }).count()).total).toBe(1)
    const versions = (await db.collection('activity_versions').where({ activityId: a.id }).count()).total
    expect(versions).toBe(1)
  })

  test('recording a plan twice at once with one clientRequestId records it once', async () => {
    const doc = await ok(secretary()('activities.plan', plan({ startAt: at(-DAY), endAt: at(-DAY + HOUR) })))
    const payload = { id: doc.id, branchId: branch1, clientRequestId: rid('rec-twice'), recorder: '王芳', minutes: '学习。' }
    const results = await Promise.all([secretary()('activities.record', payload), secretary()('activities.record', payload)])
    expect(results.map((r) => r.ok)).toEqual([true, true])
    expect(results.map((r: any) => r.data.version)).toEqual([2, 2])
    const history = await ok(secretary()('activities.history', { id: doc.id }))
    expect(history.items.map((h: any) => h.kind)).toEqual(['recorded', 'planned'])
  })

  test('a planned session is recorded by its id; its clientRequestId reused without the id is another request, not that plan', async () => {
    const clientRequestId = rid('draft')
    const planned = await ok(secretary()('activities.plan', plan({ clientRequestId, startAt: at(-2 * HOUR), endAt: at(-HOUR) })))
    const record = { branchId: branch1, type: 'theme_day' as const, topic: planned.topic, place: planned.place, startAt: planned.startAt, host: '李建国', recorder: '王芳', minutes: '学习。' }
    // The request key is (action, caller, clientRequestId): activities.record with the plan's id is a new request.
    const other = await ok(secretary()('activities.record', { ...record, clientRequestId }))
    expect(other.id).not.toBe(planned.id)
    expect(await ok(secretary()('activities.get', { id: planned.id }))).toMatchObject({ status: 'planned', version: 1 })
    const recorded = await ok(secretary()('activities.record', { id: planned.id, branchId: branch1, clientRequestId: rid('record'), recorder: '王芳', minutes: '学习。' }))
    expect(recorded).toMatchObject({ id: planned.id, status: 'recorded', version: 2, host: '李建国' })
  })

  test('text failing the content check names the field and writes nothing', async () => {
    const db = sdkFor(cloud.url).database()
    const before = (await db.collection('activities').count()).total
    const r = await secretary()('activities.record', {
      branchId: branch1,
      clientRequestId: rid('bad'),
      type: 'theme_day',
      topic: '主题党日',
      place: '会议室',
      startAt: at(-DAY),
      host: '李建国',
      recorder: '王芳',
      minutes: '会上有人提到违禁词。',
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'minutes' } } })
    expect((r as any).error.message).toContain('会议内容')
    expect((await db.collection('activities').count()).total).toBe(before)
    // An absence reason is named by its place in the attendance list.
    const roster = await rosterOf(branch1)
    const reason = await secretary()('activities.record', {
      branchId: branch1,
      clientRequestId: rid('bad-reason'),
      type: 'theme_day',
      topic: '主题党日',
      place: '会议室',
      startAt: at(-DAY),
      host: '李建国',
      recorder: '王芳',
      minutes: '学习。',
      attendance: roster.map((m, i) => ({ memberId: m.id, present: false, absentReason: i === 1 ? '因为违禁词缺席' : '出差' })),
    })
    expect(reason).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'attendance.1.absentReason' } } })
    expect((await db.collection('activities').count()).total).toBe(before)
  })

  test('another branch sees nothing: list, month, history, sign-in and edits', async () => {
    const doc = await ok(secretary()('activities.plan', plan()))
    const outsider = as('dev-member-2a')
    expect(await outsider('activities.list', { branchId: branch1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await outsider('activities.month', { branchId: branch1, month: doc.startAt.slice(0, 7) })).toMatchObject({ ok: false })
    for (const action of ['activities.get', 'activities.history', 'activities.signIn', 'activities.signInQr']) {
      expect(await rawApiAs(cloud.url, 'dev-member-2a')(action, { id: doc.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(await as('dev-secretary-2')('activities.update', { id: doc.id, expectedVersion: 1, topic: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('reading', () => {
  test('the month calendar puts sessions on their Beijing day', async () => {
    // 2026-03-31 23:30 Beijing is 15:30 UTC the same day; 2026-04-01 00:30 Beijing is 16:30 UTC on 31 March.
    for (const [startAt, label] of [
      ['2026-03-31T23:30:00+08:00', 'march'],
      ['2026-04-01T00:30:00+08:00', 'april'],
    ]) {
      await ok(
        secretary()('activities.record', {
          branchId: branch1,
          clientRequestId: rid(label),
          type: 'theme_day',
          topic: `月历 ${label}`,
          place: '会议室',
          startAt,
          host: '李建国',
          recorder: '王芳',
          minutes: '学习。',
        }),
      )
    }
    const april = await ok(as('dev-member-1b')('activities.month', { branchId: branch1, month: '2026-04' }))
    expect(april.items.map((i: any) => [i.topic, i.date])).toEqual([['月历 april', '2026-04-01']])
    const march = await ok(as('dev-member-1b')('activities.month', { branchId: branch1, month: '2026-03' }))
    expect(march.items.map((i: any) => [i.topic, i.date])).toContainEqual(['月历 march', '2026-03-31'])
  })

  test('list pages by cursor with filters, and shows the first photo only', async () => {
    const statuses = new Set<string>()
    let cursor: string | undefined
    const seen: string[] = []
    do {
      const page = await ok(secretary()('activities.list', { branchId: branch1, limit: 3, ...(cursor ? { cursor } : {}) }))
      for (const item of page.items) {
        seen.push(item.id)
        statuses.add(item.status)
        expect(item.photos.length).toBeLessThanOrEqual(1)
        expect(item.photoCount).toBeGreaterThanOrEqual(item.photos.length)
      }
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(statuses).toEqual(new Set(['planned', 'recorded']))
    const seeded = (await ok(secretary()('activities.list', { branchId: branch1, type: 'theme_day', status: 'recorded', limit: 50 }))).items
    expect(seeded.every((i: any) => i.type === 'theme_day' && i.status === 'recorded')).toBe(true)
    const withPhotos = seeded.find((i: any) => i.photoCount === 2)
    expect(withPhotos!.photos).toHaveLength(1)
    expect(withPhotos!.photos[0].url).toMatch(/^http/)
  })

  test('the sign-in QR code is made once and stored', async () => {
    const doc = await ok(secretary()('activities.plan', plan()))
    const first = await ok(secretary()('activities.signInQr', { id: doc.id }))
    expect(first).toMatchObject({ scene: doc.id, page: 'packages/activities/pages/sign-in/index' })
    const png = Buffer.from(await (await fetch(first.url)).arrayBuffer())
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const second = await ok(secretary()('activities.signInQr', { id: doc.id }))
    expect(second.fileID).toBe(first.fileID)
    expect(await as('dev-member-1b')('activities.signInQr', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
