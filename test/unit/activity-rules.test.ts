/** The pure rules of organisation-life records: required fields per type, sign-in window, 30-day lock, attendance, diff. */
import {
  ageInDays,
  computeAttendance,
  diffRecord,
  missingField,
  monthBounds,
  quorumOf,
  lockDate,
  readOnlyReason,
  signInWindow,
  unknownMarks,
  windowState,
} from '../../cloud/core/activities/rules'
import { isMediaCheckEvent, reviewKey } from '../../cloud/core/activities/media-check'
import type { MemberDoc } from '../../cloud/core/framework/model'
import { ACTIVITY_TYPES } from '../../types/domain'
import { ACTIVITY_TYPE_RULES } from '../../types/activity-rules'

const member = (id: string, name: string, partyStatus: 'full' | 'probationary' = 'full') =>
  ({ _id: id, name, partyStatus, state: 'active', groupId: null, posts: [] }) as unknown as MemberDoc

describe('required fields per type', () => {
  test('every type has rules; only a 党员大会 votes', () => {
    for (const t of ACTIVITY_TYPES) expect(ACTIVITY_TYPE_RULES[t]).toBeDefined()
    expect(ACTIVITY_TYPES.filter((t) => ACTIVITY_TYPE_RULES[t].canVote)).toEqual(['party_congress'])
  })
  test('a 党课 needs a lecturer, a 党小组会 a group, a record a host, recorder and minutes', () => {
    expect(missingField('party_lecture', 'plan', {})).toEqual({ field: 'lecturer', message: '党课请填写授课人' })
    expect(missingField('party_lecture', 'plan', { lecturer: '  ' })?.field).toBe('lecturer')
    expect(missingField('party_lecture', 'plan', { lecturer: '张教授' })).toBeUndefined()
    expect(missingField('group_meeting', 'plan', {})).toEqual({ field: 'groupId', message: '党小组会请选择党小组' })
    expect(missingField('theme_day', 'plan', {})).toBeUndefined()
    expect(missingField('theme_day', 'record', { host: '李', recorder: '王' })?.field).toBe('minutes')
    expect(missingField('heart_talk', 'record', { host: '李', minutes: '谈了工作' })).toBeUndefined()
  })
})

describe('sign-in window', () => {
  const start = new Date('2026-11-20T01:30:00Z')
  test('opens 30 minutes before the start and closes at the end', () => {
    const w = signInWindow(start, new Date('2026-11-20T03:30:00Z'))
    expect(w.opensAt.toISOString()).toBe('2026-11-20T01:00:00.000Z')
    expect(w.closesAt.toISOString()).toBe('2026-11-20T03:30:00.000Z')
    expect(windowState(new Date('2026-11-20T00:59:59Z'), w)).toBe('NOT_OPEN')
    expect(windowState(new Date('2026-11-20T01:00:00Z'), w)).toBe('OPEN')
    expect(windowState(new Date('2026-11-20T03:30:00Z'), w)).toBe('OPEN')
    expect(windowState(new Date('2026-11-20T03:30:01Z'), w)).toBe('CLOSED')
  })
  test('without an end it closes 3 hours after the start', () => {
    expect(signInWindow(start).closesAt.toISOString()).toBe('2026-11-20T04:30:00.000Z')
  })
})

describe('the 30-day lock counts Beijing days from when the record was recorded (#16.12)', () => {
  // Recorded 2026-10-01 23:30 Beijing = 15:30 UTC. 30 Beijing days later is 2026-10-31.
  const start = new Date('2026-10-01T15:30:00Z')
  const rec = { status: 'recorded' as const, recordedAt: start }
  test('editable through day 30, locked from day 31, never for the committee', () => {
    expect(ageInDays(start, new Date('2026-10-31T15:00:00Z'))).toBe(30) // 23:00 Beijing on 31 Oct
    expect(lockDate(rec)).toBe('2026-11-01')
    expect(readOnlyReason(rec, new Date('2026-10-31T15:00:00Z'), false)).toBeNull()
    // 00:30 Beijing on 1 Nov is still 31 Oct in UTC: the lock follows Beijing.
    expect(ageInDays(start, new Date('2026-10-31T16:30:00Z'))).toBe(31)
    expect(readOnlyReason(rec, new Date('2026-10-31T16:30:00Z'), false)).toBe('记录已满 30 天，已于2026年11月1日归档，只有党委管理员可以修改')
    expect(readOnlyReason(rec, new Date('2027-10-31T16:30:00Z'), true)).toBeNull()
  })
  test('a session held long ago and recorded today is not locked; a plan never is; old records count from creation', () => {
    expect(lockDate({ status: 'recorded', recordedAt: new Date('2026-12-02T02:00:00Z') })).toBe('2027-01-02')
    expect(readOnlyReason({ status: 'recorded', recordedAt: new Date('2026-12-02T02:00:00Z') }, new Date('2026-12-02T03:00:00Z'), false)).toBeNull()
    expect(lockDate({ status: 'planned' })).toBeNull()
    expect(lockDate({ status: 'recorded', createdAt: '2026-10-01T15:30:00Z' })).toBe('2026-11-01')
  })
})

describe('attendance from the roster', () => {
  const roster = [member('m1', '李建国'), member('m2', '王芳'), member('m3', '赵磊', 'probationary')]
  test('marks decide; without one a sign-in means present; counts are computed', () => {
    const signedIn = new Date('2026-11-20T01:10:00Z')
    const a = computeAttendance(roster, [{ memberId: 'm2', present: false, absentReason: '出差' }], new Map([['m3', signedIn]]))
    expect(a.expected).toBe(3)
    expect(a.present).toBe(1)
    expect(a.attendees).toEqual([
      { memberId: 'm1', name: '李建国', partyStatus: 'full', present: false },
      { memberId: 'm2', name: '王芳', partyStatus: 'full', present: false, absentReason: '出差' },
      { memberId: 'm3', name: '赵磊', partyStatus: 'probationary', present: true, signedInAt: signedIn },
    ])
  })
  test('an absence reason is dropped when the member is present; marks for others are found', () => {
    const a = computeAttendance(roster, [{ memberId: 'm1', present: true, absentReason: '病假' }], new Map())
    expect(a.attendees[0]).toEqual({ memberId: 'm1', name: '李建国', partyStatus: 'full', present: true })
    expect(unknownMarks(roster, [{ memberId: 'x9', present: true }, { memberId: 'm1', present: true }])).toEqual([{ memberId: 'x9', present: true }])
  })
  test('quorum is more than half of the 正式党员; 预备党员 do not count', () => {
    const all = computeAttendance(roster, [], new Map([['m1', new Date()], ['m3', new Date()]]))
    expect(quorumOf(all.attendees)).toEqual({ voters: 2, presentVoters: 1, reached: false })
    const two = computeAttendance(roster, [{ memberId: 'm1', present: true }, { memberId: 'm2', present: true }], new Map())
    expect(quorumOf(two.attendees)).toEqual({ voters: 2, presentVoters: 2, reached: true })
  })
})

describe('version diff', () => {
  test('names each changed field with before and after as people read them', () => {
    const before = { topic: '学习', startAt: new Date('2026-11-20T01:30:00Z'), photos: ['a'] }
    const after = { topic: '学习条例', startAt: new Date('2026-11-20T02:00:00Z'), photos: ['a', 'b'] }
    expect(diffRecord(before, after)).toEqual([
      { field: 'topic', label: '主题', before: '学习', after: '学习条例' },
      { field: 'startAt', label: '开始时间', before: '2026年11月20日 09:30', after: '2026年11月20日 10:00' },
      { field: 'photos', label: '现场照片', before: '1 张', after: '2 张' },
    ])
  })
  test('nothing changed → no entries; photo order is a change', () => {
    expect(diffRecord({ topic: 'a', photos: ['x', 'y'] }, { topic: 'a', photos: ['x', 'y'] })).toEqual([])
    expect(diffRecord({ photos: ['x', 'y'] }, { photos: ['y', 'x'] })).toHaveLength(1)
  })
  test('attendance shows counts and absentees', () => {
    const att = (present: boolean) => ({
      expected: 2,
      present: present ? 2 : 1,
      attendees: [
        { memberId: 'm1', name: '李建国', present: true },
        { memberId: 'm2', name: '王芳', present, ...(present ? {} : { absentReason: '出差' }) },
      ],
    })
    expect(diffRecord({ attendance: att(false) }, { attendance: att(true) })).toEqual([
      { field: 'attendance', label: '出席情况', before: '应到 2 人，实到 1 人；缺席：王芳（出差）', after: '应到 2 人，实到 2 人' },
    ])
  })
})

test('a month is bounded by Beijing midnights', () => {
  const { from, to } = monthBounds('2026-04')
  expect(from.toISOString()).toBe('2026-03-31T16:00:00.000Z')
  expect(to.toISOString()).toBe('2026-04-30T16:00:00.000Z')
})

describe('image check events', () => {
  test('only a wxa_media_check push with a trace id is taken for a verdict', () => {
    expect(isMediaCheckEvent({ Event: 'wxa_media_check', trace_id: 'abc', result: { suggest: 'pass' } })).toBe(true)
    expect(isMediaCheckEvent({ action: 'activities.get', payload: {} })).toBe(false)
    expect(isMediaCheckEvent({ Event: 'wxa_media_check' })).toBe(false)
    expect(isMediaCheckEvent(null)).toBe(false)
    expect(isMediaCheckEvent({ Event: 'wxa_media_check', trace_id: 'x'.repeat(200) })).toBe(false)
  })
  test('review keys are field-path safe and stable per file', () => {
    const key = reviewKey('cloud://env.1234/activities/a.b/photo.png')
    expect(key).toMatch(/^[0-9a-f]{20}$/)
    expect(reviewKey('cloud://env.1234/activities/a.b/photo.png')).toBe(key)
    expect(reviewKey('cloud://env.1234/activities/a.b/photo2.png')).not.toBe(key)
  })
})

test('the history leaves out fields nobody entered: absent and empty are the same (user walk: 「表决：（空）→ 不表决」)', () => {
  expect(diffRecord({ topic: '甲' }, { topic: '甲', voting: false, assignmentIds: [], photos: [] })).toEqual([])
  expect(diffRecord({ topic: '甲', voting: false }, { topic: '甲', voting: true })).toEqual([{ field: 'voting', label: '表决', before: '不表决', after: '表决' }])
  expect(diffRecord({ assignmentIds: [] }, { assignmentIds: ['a1'] })).toEqual([{ field: 'assignmentIds', label: '关联工作要点', before: null, after: '1 项' }])
})
