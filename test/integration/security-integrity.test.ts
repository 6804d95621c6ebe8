/**
 * Issue 15 (security and integrity), items 10–12, through the local cloud and the real SDK: what a replayed request,
 * a crafted cursor, an out-of-range date or a member with a modified client could do before, and what they get now.
 */
import { rawApiAs, ok, uploadFile, uploadPhoto } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { buildPort } from '../../cloud/platform/wx-server-port'
import { dispatch } from '../../cloud/core/framework/dispatch'

let cloud: LocalCloudHandle
let branch1: string
let branch2: string
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const at = (offset: number) => new Date(Date.now() + offset).toISOString()
let seq = 0
const rid = (label: string) => `sec-${label}-${Date.now()}-${++seq}`
const as = (openid: string) => rawApiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const cursorOf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

beforeAll(async () => {
  cloud = await startLocalCloud()
  const people = (await (await fetch(`${cloud.url}/dev/identities`)).json()) as { openid: string; roles: { branchId?: string }[] }[]
  branch1 = people.find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  branch2 = people.find((p) => p.openid === 'dev-secretary-2')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

describe('#15.11 a deleted record does not come back; crafted cursors are refused', () => {
  test.each(['activities.plan', 'activities.record'])('replaying the clientRequestId of a deleted %s answers CONFLICT, not the record', async (action) => {
    const payload = {
      branchId: branch1,
      type: 'theme_day',
      topic: `将被删除的记录 ${action}`,
      place: '学会会议室',
      startAt: at(action === 'activities.record' ? -2 * DAY : 2 * DAY),
      endAt: at((action === 'activities.record' ? -2 * DAY : 2 * DAY) + HOUR),
      clientRequestId: rid('deleted'),
      ...(action === 'activities.record' ? { host: '李建国', recorder: '王芳', minutes: '不应再被返回的会议内容' } : { agenda: '不应再被返回的议程' }),
    }
    const made = await ok<any>(secretary()(action, payload))
    await ok(secretary()('activities.remove', { id: made.id, reason: '录入错误' }))

    const replay = await secretary()(action, payload)
    expect(replay.ok).toBe(false)
    if (replay.ok) return
    expect(replay.error.code).toBe('CONFLICT')
    expect(replay.error.message).toContain('已被删除')
    expect(JSON.stringify(replay.error)).not.toContain('不应再被返回')
    // Still deleted, and not in the branch's list.
    expect((await secretary()('activities.get', { id: made.id })).ok).toBe(false)
    const list = await ok<any>(secretary()('activities.list', { branchId: branch1, limit: 50 }))
    expect(list.items.map((a: any) => a.id)).not.toContain(made.id)
  })

  const crafted: [string, string][] = [
    ['a key that is no date', cursorOf({ key: 'not-a-date', id: 'x' })],
    ['a key that is an object', cursorOf({ key: { $gt: 0 }, id: 'x' })],
    ['a key that is null', cursorOf({ key: null, id: 'x' })],
    ['an id that is a number', cursorOf({ key: 1700000000000, id: 7 })],
    ['JSON null', cursorOf('null')],
    ['not JSON', cursorOf('}{')],
  ]
  test.each(crafted)('audit.list and inbox.list refuse %s with INVALID_INPUT', async (_label, cursor) => {
    const audit = await secretary()('audit.list', { branchId: branch1, cursor })
    const inbox = await as('dev-member-1b')('inbox.list', { cursor })
    for (const r of [audit, inbox]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: '分页参数无效，请刷新列表' })
    }
  })

  test('a cursor the server made still pages', async () => {
    const first = await ok<any>(secretary()('audit.list', { branchId: branch1, limit: 1 }))
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await ok<any>(secretary()('audit.list', { branchId: branch1, limit: 1, cursor: first.nextCursor }))
    expect(second.items[0]?.id).not.toBe(first.items[0].id)
  })
})

describe('#15.12 smaller holes', () => {
  test('roster.attendanceBasis (the whole roster) is refused to a member, as members.list is', async () => {
    const member = as('dev-member-1b')
    const basis = await member('roster.attendanceBasis', { branchId: branch1 })
    const list = await member('members.list', { branchId: branch1 })
    expect(list.ok).toBe(false)
    expect(basis.ok).toBe(false)
    if (!basis.ok) expect(basis.error.code).toBe('FORBIDDEN')
    // Those who keep the roster still get it.
    expect((await ok<any>(secretary()('roster.attendanceBasis', { branchId: branch1 }))).expectedCount).toBeGreaterThan(0)
  })

  test('an export superseded while another step reads it never answers done with a deleted file', async () => {
    const admin = as('dev-committee-admin')
    const run = async () => {
      let job = await ok<any>(admin('exports.start', { kind: 'assessment', year: 2026 }))
      for (let i = 0; i < 50 && job.status === 'running'; i += 1) job = await ok<any>(admin('exports.step', { jobId: job.id }))
      return job
    }
    const older = await run()
    expect(older.status).toBe('done')
    expect((await fetch(older.url)).ok).toBe(true)

    // A newer export of the same workbook, collected up to its writing step.
    let newer = await ok<any>(admin('exports.start', { kind: 'assessment', year: 2026 }))
    while (newer.done < newer.total) newer = await ok<any>(admin('exports.step', { jobId: newer.id }))

    // Its writing step runs in this process; the moment it deletes the superseded file, the older job is asked
    // for again (as the other phone still polling it would), and its answer is checked right then.
    const port = buildPort(sdkFor(cloud.url))
    const seenAtDeletion: { status: string; url: string | null; fetched: number | null }[] = []
    const hooked = {
      ...port,
      caller: { openid: 'dev-committee-admin' },
      storage: {
        ...port.storage,
        async remove(fileIDs: string[]) {
          await port.storage.remove(fileIDs)
          const answer = await ok<any>(admin('exports.step', { jobId: older.id }))
          seenAtDeletion.push({ status: answer.status, url: answer.url, fetched: answer.url ? (await fetch(answer.url)).status : null })
        },
      },
    }
    const written = await dispatch({ action: 'exports.step', payload: { jobId: newer.id } }, hooked)
    expect(written).toMatchObject({ ok: true, data: { status: 'done' } })
    expect(seenAtDeletion).toHaveLength(1)
    expect(seenAtDeletion[0]).toEqual({ status: 'failed', url: null, fetched: null })
    // And afterwards: the newer file is there, the older job says it was replaced.
    const after = await ok<any>(admin('exports.step', { jobId: older.id }))
    expect(after).toMatchObject({ status: 'failed', url: null, error: '这份文件已被更新的导出替换，请重新导出' })
  })

  test('a record attaches only photos uploaded under its own branch, on create and on update', async () => {
    const theirs = await uploadPhoto(cloud.url, branch2, drawSeedPhoto(11), 'their-site.png')
    const elsewhere = await uploadFile(cloud.url, drawSeedPhoto(12), 'x.png', 'image/png', `exports/2026/x/thumbs/${branch2}.jpg`)
    const mine = await uploadPhoto(cloud.url, branch1, drawSeedPhoto(13), 'site.png')
    const payload = (photos: string[]) =>
      sessionRecord({
        branchId: branch1,
        type: 'theme_day',
        topic: '照片归属',
        place: '学会会议室',
        startAt: at(-3 * DAY),
        photos,
        clientRequestId: rid('photos'),
      })
    for (const foreign of [theirs, elsewhere]) {
      const r = await secretary()('activities.record', payload([mine, foreign]))
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'photos', fileIDs: [foreign] } } })
    }
    const made = await ok<any>(secretary()('activities.record', payload([mine])))
    expect(made.photos.map((p: any) => p.fileID)).toEqual([mine])
    const update = await secretary()('activities.update', { id: made.id, expectedVersion: made.version, photos: [mine, theirs] })
    expect(update).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'photos' } } })
    // The other branch's own secretary attaches it to their own record as before.
    const own = await ok<any>(as('dev-secretary-2')('activities.record', { ...payload([theirs]), branchId: branch2 }))
    expect(own.photos).toHaveLength(1)
  })
})
