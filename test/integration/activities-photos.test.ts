/**
 * Activity photos pass the platform's image check (mediaCheckAsync) before anyone but the branch's writers sees
 * them. The local cloud answers a check and pushes its verdict (Event wxa_media_check) to the api function the way
 * WeChat's message push does; a file whose path contains "risky" fails. Also: object fields are replaced, not merged,
 * when an edit changes them (a group session that becomes a branch session keeps no group).
 */
import { reviewKey } from '../../cloud/core/activities/media-check'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import type { ActionInput } from '../../types/actions'
import { apiAs, identities, ok, uploadPhoto } from '../support/api'
import { pushMessage, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch1: string
const DAY = 24 * 3600 * 1000
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
let seq = 0
const rid = (label: string) => `p-${label}-${Date.now()}-${++seq}`
const as = (openid: string) => apiAs(cloud.url, openid)

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch1 = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

const record = (photos: string[]): ActionInput<'activities.record'> => ({
  branchId: branch1,
  clientRequestId: rid('rec'),
  type: 'theme_day',
  topic: '现场照片审核',
  place: '会议室',
  startAt: at(-DAY),
  host: '李建国',
  recorder: '王芳',
  minutes: '学习。',
  photos,
})

test('a photo that passes is shown to members; one that fails only to the writers, marked rejected', async () => {
  const good = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(4), 'site.png')
  const bad = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(5), 'risky-site.png')
  const saved = await ok(as('dev-secretary-1')('activities.record', record([good, bad])))
  // The verdicts are pushed after the save is answered (as in WeChat); the writers then see which photo failed.
  const written = await ok(as('dev-secretary-1')('activities.get', { id: saved.id }))
  expect(written.photos.map((p: any) => [p.fileID, p.review])).toEqual([
    [good, undefined],
    [bad, 'rejected'],
  ])
  const member = await ok(as('dev-member-1b')('activities.get', { id: saved.id }))
  expect(member.photos.map((p: any) => p.fileID)).toEqual([good])
  expect(member.photoCount).toBe(1)
  // Replacing the rejected photo: the new one is checked, the record shows both good photos to everyone.
  const other = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(6), 'site-2.png')
  const fixed = await ok(as('dev-secretary-1')('activities.update', { id: saved.id, expectedVersion: saved.version, photos: [good, other] }))
  expect((await ok(as('dev-secretary-1')('activities.get', { id: fixed.id }))).photos.map((p: any) => p.review)).toEqual([undefined, undefined])
  const seen = await ok(as('dev-member-1b')('activities.get', { id: saved.id }))
  expect(seen.photos.map((p: any) => p.fileID)).toEqual([good, other])
})

test('a verdict that arrives after the save applies then; a forged verdict for an unknown trace changes nothing', async () => {
  const photo = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(7), 'late.png')
  const saved = await ok(as('dev-secretary-1')('activities.record', record([photo])))
  // Simulate a check still pending (as in WeChat, where the push comes seconds later).
  const db = sdkFor(cloud.url).database()
  const _ = db.command
  const { data } = await db.collection('activities').doc(saved.id).get()
  const doc = Array.isArray(data) ? data[0] : data
  expect(doc.photoReview ?? {}).toEqual({})
  const checks = (await db.collection('media_checks').where({ activityId: saved.id }).get()).data
  expect(checks).toHaveLength(1)
  const key = reviewKey(photo)
  const traceId = 'late-trace-0001'
  await db.collection('activities').doc(saved.id).update({ data: { photoReview: _.set({ [key]: { fileID: photo, status: 'pending', traceId } }) } })
  await db.collection('media_checks').add({ data: { _id: traceId, activityId: saved.id, fileID: photo, requestedAt: new Date() } })
  expect((await ok(as('dev-member-1b')('activities.get', { id: saved.id }))).photos).toEqual([])

  // A client forging the push with a made-up trace id reaches nothing.
  const forged = await pushMessage(cloud.url, 'api', { Event: 'wxa_media_check', trace_id: 'made-up', result: { suggest: 'pass' } })
  expect(forged).toEqual({ ok: true })
  expect((await ok(as('dev-member-1b')('activities.get', { id: saved.id }))).photos).toEqual([])

  // The platform's push for the real trace: the photo appears.
  await pushMessage(cloud.url, 'api', { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, errcode: 0, result: { suggest: 'pass', label: 100 } })
  const after = await ok(as('dev-member-1b')('activities.get', { id: saved.id }))
  expect(after.photos.map((p: any) => p.fileID)).toEqual([photo])
})

test('an edit that turns a group session into a branch session replaces the audience', async () => {
  const groups = (await ok(as('dev-secretary-1')('groups.list', { branchId: branch1 }))).items
  const planned = await ok(
    as('dev-secretary-1')('activities.plan', {
      branchId: branch1,
      type: 'theme_day',
      topic: '小组转全支部',
      place: '会议室',
      startAt: at(2 * DAY),
      groupId: groups[0].id,
      clientRequestId: rid('aud'),
    }),
  )
  expect(planned.audience).toMatchObject({ kind: 'group', groupId: groups[0].id })
  const updated = await ok(as('dev-secretary-1')('activities.update', { id: planned.id, expectedVersion: 1, groupId: null }))
  expect(updated.audience).toEqual({ kind: 'branch' })
  const history = await ok(as('dev-secretary-1')('activities.history', { id: planned.id }))
  expect(history.items[0].changes).toEqual([{ field: 'audience', label: '参加对象', before: `党小组：${groups[0].name}`, after: '全体党员' }])
})
