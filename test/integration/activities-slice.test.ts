/**
 * The foundation's thin slice, through the local cloud and the real SDK: a secretary records a 主题党日 with a
 * photo; it is in the branch's list; a member of the branch sees it; a member of another branch cannot.
 */
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import type { ActionInput } from '../../types/actions'
import { apiAs, identities, ok, uploadPhoto, type DevIdentity } from '../support/api'
import { sessionRecord } from '../support/activity-fixtures'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let people: DevIdentity[]
const branchOf = (openid: string) => people.find((p) => p.openid === openid)!.roles[0].branchId!

beforeAll(async () => {
  cloud = await startLocalCloud()
  people = await identities(cloud.url)
})
afterAll(() => cloud?.stop())

const draft = (branchId: string, fileID: string, clientRequestId: string): ActionInput<'activities.record'> =>
  sessionRecord({
    branchId,
    type: 'theme_day',
    topic: '重温入党誓词主题党日',
    place: '岳麓山爱晚亭',
    startAt: '2026-11-20T09:30:00+08:00',
    photos: [fileID],
    clientRequestId,
  })

describe('recording a 主题党日', () => {
  let activityId: string
  let branchId: string

  test('a secretary records it with a photo and it leads the branch list for a member', async () => {
    branchId = branchOf('dev-secretary-1')
    const photo = drawSeedPhoto(3)
    const fileID = await uploadPhoto(cloud.url, branchId, photo, 'site.png')
    const created = await ok(apiAs(cloud.url, 'dev-secretary-1')('activities.record', draft(branchId, fileID, 'slice-req-0001')))
    activityId = created.id
    expect(created).toMatchObject({ type: 'theme_day', topic: '重温入党誓词主题党日', branchId, startAt: '2026-11-20T01:30:00.000Z' })
    expect(created.createdBy).toEqual({ openid: 'dev-secretary-1', name: '李建国' })

    const list = await ok(apiAs(cloud.url, 'dev-member-1a')('activities.list', { branchId }))
    const found = list.items.find((a) => a.id === activityId)!
    expect(found).toBeDefined()
    expect(found.photos).toHaveLength(1)
    // The photo's temporary URL serves the very bytes uploaded.
    const res = await fetch(found.photos[0].url!)
    expect(res.headers.get('content-type')).toContain('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true)
  })

  test('a retried submit with the same request id makes one record', async () => {
    const again = await ok(
      apiAs(cloud.url, 'dev-secretary-1')('activities.record', draft(branchId, (await ok(apiAs(cloud.url, 'dev-member-1a')('activities.get', { id: activityId }))).photos[0].fileID, 'slice-req-0001')),
    )
    expect(again.id).toBe(activityId)
    const list = await ok(apiAs(cloud.url, 'dev-secretary-1')('activities.list', { branchId, limit: 50 }))
    expect(list.items.filter((a) => a.topic === '重温入党誓词主题党日')).toHaveLength(1)
  })

  test('a member of another branch can neither list nor open it', async () => {
    const outsider = apiAs(cloud.url, 'dev-member-2a')
    const list = await outsider('activities.list', { branchId })
    expect(list).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const get = await outsider('activities.get', { id: activityId })
    expect(get).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // Their own branch's list does not contain it either.
    const own = await ok(outsider('activities.list', { branchId: branchOf('dev-member-2a'), limit: 50 }))
    expect(own.items.map((a) => a.id)).not.toContain(activityId)
  })

  test('members cannot record activities, and nobody unidentified can read', async () => {
    const byMember = await apiAs(cloud.url, 'dev-member-1b')('activities.record', draft(branchId, 'cloud://x.y/z.png', 'slice-req-0002'))
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const anonymous = await apiAs(cloud.url)('activities.list', { branchId })
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test('text that fails content security is refused with a clear message and nothing is written', async () => {
    const before = await ok(apiAs(cloud.url, 'dev-secretary-1')('activities.list', { branchId, limit: 50 }))
    const rejected = await apiAs(cloud.url, 'dev-secretary-1')('activities.record', {
      ...draft(branchId, 'cloud://x.y/z.png', 'slice-req-0003'),
      topic: '含有违禁词的主题',
    })
    expect(rejected).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(rejected.ok === false && rejected.error.message).toContain('主题')
    const after = await ok(apiAs(cloud.url, 'dev-secretary-1')('activities.list', { branchId, limit: 50 }))
    expect(after.items).toHaveLength(before.items.length)
  })

  test('pages through a branch newest first with a cursor, without gaps or repeats', async () => {
    const secretary = apiAs(cloud.url, 'dev-secretary-2')
    const b2 = branchOf('dev-secretary-2')
    for (let i = 0; i < 7; i++) {
      await ok(
        secretary(
          'activities.record',
          sessionRecord({
            branchId: b2,
            type: 'committee_meeting',
            topic: `支委会第${i}次`,
            place: '秘书处',
            // Two share a start time: the cursor must still separate them.
            startAt: `2026-10-${String(10 + Math.min(i, 5)).padStart(2, '0')}T10:00:00+08:00`,
            clientRequestId: `paging-${i}-xxxx`,
          }),
        ),
      )
    }
    const seen: { id: string; startAt: string }[] = []
    let cursor: string | null | undefined
    do {
      const page = await ok(secretary('activities.list', { branchId: b2, limit: 4, ...(cursor ? { cursor } : {}) }))
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    const all = await ok(secretary('activities.list', { branchId: b2, limit: 50 }))
    expect(seen.map((a) => a.id)).toEqual(all.items.map((a) => a.id))
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length)
    const times = seen.map((a) => a.startAt)
    expect([...times].sort().reverse()).toEqual(times)
  })
})
