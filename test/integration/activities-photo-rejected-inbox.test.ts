/**
 * When the platform's image check fails a photo of a record, whoever saved that photo finds a message in their
 * inbox (inbox.list): which record, that the photo is hidden from members and why, and to replace it — once per
 * check, also when the verdict arrives after the save or is pushed twice. Nobody else gets it; a passing photo sends
 * nothing. The local cloud fails a file whose path contains "risky" and pushes the verdict through the api function.
 */
import { reviewKey } from '../../cloud/core/activities/media-check'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import type { ActionInput } from '../../types/actions'
import { apiAs, identities, ok, uploadPhoto, type DevIdentity } from '../support/api'
import { pushMessage, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let people: DevIdentity[]
let branch1: string
const DAY = 24 * 3600 * 1000
let seq = 0
const rid = (label: string) => `rej-${label}-${Date.now()}-${++seq}`
const as = (openid: string) => apiAs(cloud.url, openid)
// Two days ago (records older than 30 days are read-only); its Beijing date as a message names it.
const START = new Date(Date.now() - 2 * DAY)
const beijing = new Date(START.getTime() + 8 * 3600_000)
const START_DAY = `${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`

interface Item {
  id: string
  kind: string
  title: string
  body: string
  page: string
  read: boolean
}
const rejections = async (openid: string): Promise<Item[]> =>
  ((await ok(as(openid)('inbox.list', { limit: 50 }))).items as Item[]).filter((i) => i.kind === 'photo_rejected')

beforeAll(async () => {
  cloud = await startLocalCloud()
  people = await identities(cloud.url)
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

const record = (topic: string, photos: string[]): ActionInput<'activities.record'> => ({
  branchId: branch1,
  clientRequestId: rid('rec'),
  type: 'theme_day',
  topic,
  place: '学会会议室',
  startAt: START.toISOString(),
  host: '李建国',
  recorder: '王芳',
  minutes: '学习。',
  photos,
})

test('a rejected photo: its author is told which record, why and what to do; members and the other writers are not', async () => {
  const good = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(4), 'good.png')
  const bad = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(5), 'risky-banner.png')
  const unreadBefore = (await ok(as('dev-secretary-1')('inbox.unread', {}))).count

  const saved = await ok(as('dev-secretary-1')('activities.record', record('十一月主题党日', [good, bad])))
  // The verdict is pushed after the save is answered (as in WeChat): read the record again.
  const written = await ok(as('dev-secretary-1')('activities.get', { id: saved.id }))
  expect(written.photos.map((p: { review?: string }) => p.review)).toEqual([undefined, 'rejected'])

  const mine = await rejections('dev-secretary-1')
  expect(mine).toHaveLength(1)
  expect(mine[0]).toMatchObject({
    title: '活动照片未通过审核',
    page: `/packages/activities/pages/detail/index?id=${encodeURIComponent(saved.id)}`,
    read: false,
  })
  // Which record (date, type, topic), why (the local cloud's label 20002), and what to do.
  expect(mine[0].body).toContain(`${START_DAY}的主题党日“十一月主题党日”`)
  expect(mine[0].body).toContain('疑似色情内容')
  expect(mine[0].body).toContain('已对党员隐藏')
  expect(mine[0].body).toContain('删除这张照片或换一张现场照片后保存')
  // No trace id reaches a client.
  const doc = await sdkFor(cloud.url).database().collection('activities').doc(saved.id).get()
  const traceId = (Array.isArray(doc.data) ? doc.data[0] : doc.data).photoReview[reviewKey(bad)].traceId as string
  expect(JSON.stringify(mine)).not.toContain(traceId)
  expect((await ok(as('dev-secretary-1')('inbox.unread', {}))).count).toBe(unreadBefore + 1)

  // Only the author: a member of the branch and another branch's secretary have nothing.
  expect(await rejections('dev-member-1b')).toEqual([])
  expect(await rejections('dev-secretary-2')).toEqual([])

  // The id is a valid inbox id: marking it read works.
  await ok(as('dev-secretary-1')('inbox.markRead', { ids: [mine[0].id] }))
  expect((await rejections('dev-secretary-1'))[0].read).toBe(true)

  // A record whose photos all pass sends nothing.
  await ok(as('dev-secretary-1')('activities.record', record('照片都合规的主题党日', [await uploadPhoto(cloud.url, branch1, drawSeedPhoto(6), 'fine.png')])))
  expect(await rejections('dev-secretary-1')).toHaveLength(1)
})

test('the writer who added the photo in an edit is the one told, not the record’s creator', async () => {
  const editor = people.find((p) => p.roles.some((r) => r.branchId === branch1 && r.role !== 'member' && r.role !== 'secretary'))
  expect(editor).toBeDefined()
  const saved = await ok(as('dev-secretary-1')('activities.record', record('支委补传照片', [await uploadPhoto(cloud.url, branch1, drawSeedPhoto(7), 'first.png')])))
  const before = (await rejections('dev-secretary-1')).length
  const risky = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(8), 'risky-added.png')
  const updated = await ok(as(editor!.openid)('activities.update', { id: saved.id, expectedVersion: saved.version, photos: [...saved.photos.map((p: { fileID: string }) => p.fileID), risky] }))
  const reread = await ok(as(editor!.openid)('activities.get', { id: updated.id }))
  expect(reread.photos.map((p: { review?: string }) => p.review)).toEqual([undefined, 'rejected'])
  const told = await rejections(editor!.openid)
  expect(told).toHaveLength(1)
  expect(told[0].body).toContain('“支委补传照片”')
  expect(await rejections('dev-secretary-1')).toHaveLength(before)
})

test('a verdict pushed after the save tells the author once, even when the platform pushes it twice', async () => {
  const photo = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(9), 'late.png')
  const saved = await ok(as('dev-secretary-1')('activities.record', record('审核结果晚到的活动', [photo])))
  // As in WeChat, where the push comes seconds later: the photo's check is still pending, tied to its author.
  const db = sdkFor(cloud.url).database()
  const traceId = `late-risky-${Date.now()}`
  await db.collection('activities').doc(saved.id).update({ data: { photoReview: db.command.set({ [reviewKey(photo)]: { fileID: photo, status: 'pending', traceId } }) } })
  await db.collection('media_checks').add({ data: { _id: traceId, activityId: saved.id, fileID: photo, by: 'dev-secretary-1', requestedAt: new Date() } })
  const before = (await rejections('dev-secretary-1')).length

  const push = { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, errcode: 0, result: { suggest: 'review', label: 21000 } }
  await pushMessage(cloud.url, 'api', push)
  await pushMessage(cloud.url, 'api', push)
  const after = await rejections('dev-secretary-1')
  expect(after).toHaveLength(before + 1)
  const item = after.find((i) => i.page.endsWith(encodeURIComponent(saved.id)))!
  expect(item.body).toContain('“审核结果晚到的活动”')
  expect(item.body).toContain('平台未能确认内容合规')
  // Members do not see the photo meanwhile.
  expect((await ok(as('dev-member-1b')('activities.get', { id: saved.id }))).photos).toEqual([])

  // A forged push for an unknown trace tells nobody anything.
  await pushMessage(cloud.url, 'api', { Event: 'wxa_media_check', trace_id: 'made-up-trace', result: { suggest: 'risky' } })
  expect(await rejections('dev-secretary-1')).toHaveLength(before + 1)
})
