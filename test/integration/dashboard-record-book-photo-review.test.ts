/**
 * The record book (.docx) goes beyond the branch's writers, so it holds only the photos a member sees: a photo whose
 * image check is still pending or has failed (a `photoReview` entry) is neither embedded nor counted; a checked
 * photo and one saved without a check are. Through the real record action (the local cloud fails a "risky" file)
 * and with a check still pending written into the database, as WeChat leaves it until its push arrives.
 */
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { reviewKey } from '../../cloud/core/activities/media-check'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import { apiAs, identities, ok, uploadPhoto, type Caller } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let branch: string
let secretary: Caller
const DAY = 24 * 3600 * 1000

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  secretary = apiAs(cloud.url, 'dev-secretary-1')
})
afterAll(() => cloud?.stop())

async function runBook(year: number): Promise<Buffer> {
  let job = await ok(secretary('exports.start', { kind: 'recordBook', branchId: branch, year }))
  for (let i = 0; i < 100 && job.status === 'running'; i += 1) job = await ok(secretary('exports.step', { jobId: job.id }))
  expect(job.status).toBe('done')
  return Buffer.from(await (await fetch(job.url!)).arrayBuffer())
}

/** The text of one session's entry: from its heading to the next session's. */
function entryText(text: string, topic: string): string {
  const start = text.search(new RegExp(`\\d+\\. [^\\n]*：${topic}`))
  expect(start).toBeGreaterThanOrEqual(0)
  const rest = text.slice(start + 1)
  const next = rest.search(/\n\d+\. [^\n]*：/)
  return next < 0 ? rest : rest.slice(0, next)
}

/** Width × height of every JPEG embedded in the document. */
async function embedded(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const names = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'))
  const sizes: string[] = []
  for (const name of names) {
    const jpg = await zip.file(name)!.async('nodebuffer')
    let i = 2
    while (jpg[i + 1] < 0xc0 || jpg[i + 1] > 0xc3) i += 2 + jpg.readUInt16BE(i + 2)
    sizes.push(`${jpg.readUInt16BE(i + 7)}x${jpg.readUInt16BE(i + 5)}`)
  }
  return sizes.sort()
}

test('photos under review or rejected are left out of the record book; checked ones are embedded and counted', async () => {
  // Distinct shapes, so the embedded thumbnails (at most 320 wide) say which photos made it in.
  const passed = await uploadPhoto(cloud.url, branch, drawSeedPhoto(1, 500, 300), 'passed.png') // → 320×192
  const rejected = await uploadPhoto(cloud.url, branch, drawSeedPhoto(2, 400, 400), 'risky-rejected.png') // → 320×320
  const pending = await uploadPhoto(cloud.url, branch, drawSeedPhoto(3, 300, 500), 'pending.png') // → 192×320
  const startAt = new Date(Date.now() - 2 * DAY)
  const year = Number(new Date(startAt.getTime() + 8 * 3600_000).toISOString().slice(0, 4))

  // The seeded demo sessions of this branch have photos of their own: what this test adds is measured against them.
  const before = await embedded(await runBook(year))

  const saved = await ok(
    secretary('activities.record', {
      branchId: branch,
      clientRequestId: `book-review-${Date.now()}`,
      type: 'theme_day',
      topic: '照片审核中的主题党日',
      place: '学会会议室',
      startAt: startAt.toISOString(),
      host: '李建国',
      recorder: '王芳',
      minutes: '学习了党章。',
      photos: [passed, rejected],
    }),
  )
  // The platform failed one photo (its push comes after the save is answered): the writer still sees it, marked.
  const written = await ok(secretary('activities.get', { id: saved.id }))
  expect(written.photos.map((p: { fileID: string; review?: string }) => [p.fileID, p.review])).toEqual([
    [passed, undefined],
    [rejected, 'rejected'],
  ])

  // A second session whose only photo is still being checked (WeChat's push has not come yet).
  const db = sdkFor(cloud.url).database()
  await db.collection('activities').add({
    data: {
      _id: `book-pending-${Date.now()}`,
      branchId: branch,
      type: 'group_meeting',
      status: 'recorded',
      topic: '照片待审核的党小组会',
      place: '第一党小组活动室',
      startAt: new Date(startAt.getTime() - 3600_000),
      audience: { kind: 'branch' },
      host: '李建国',
      recorder: '王芳',
      minutes: '讨论。',
      photos: [pending],
      photoReview: { [reviewKey(pending)]: { fileID: pending, status: 'pending', traceId: 'book-pending-trace' } },
      createdBy: { openid: 'dev-secretary-1', name: '测试' },
      createdAt: new Date(),
      version: 1,
      clientRequestId: 'book-pending',
      deleted: false,
    },
  })

  const bytes = await runBook(year)
  const { value: text } = await mammoth.extractRawText({ buffer: bytes })
  expect(text).toContain('照片审核中的主题党日')
  expect(text).toContain('照片待审核的党小组会')
  // Only the checked photo: embedded once and counted as the session's one photo; the pending session shows none.
  expect(await embedded(bytes)).toEqual([...before, '320x192'].sort())
  expect(entryText(text, '照片审核中的主题党日')).toContain('现场照片（1 张）')
  expect(entryText(text, '照片待审核的党小组会')).not.toContain('现场照片')

  // Once the pending photo passes (its review entry removed), the next export embeds it too.
  await db
    .collection('activities')
    .where({ topic: '照片待审核的党小组会' })
    .update({ data: { [`photoReview.${reviewKey(pending)}`]: db.command.remove() } })
  const again = await runBook(year)
  expect(await embedded(again)).toEqual([...before, '320x192', '192x320'].sort())
  expect(entryText((await mammoth.extractRawText({ buffer: again })).value, '照片待审核的党小组会')).toContain('现场照片（1 张）')
})
