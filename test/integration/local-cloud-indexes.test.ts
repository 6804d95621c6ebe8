/**
 * The local cloud reports queries no declared index serves (cloud/indexes.ts, cloud/local/index-check.ts) on a
 * collection of more than a few hundred documents: `GET /dev/unindexed`.
 */
import { fill } from '../../scripts/bench-reminders'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
}, 120000)
afterAll(() => cloud?.stop())

const unindexed = async () => (await (await fetch(`${cloud.url}/dev/unindexed`)).json()) as { collection: string; query: string; count: number; size: number }[]

test('a query on an undeclared field of a large collection is reported once per shape; a small collection is not', async () => {
  const db = sdkFor(cloud.url).database()
  const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear()
  await fill(cloud.url, 40, year, `${year}-12-22`) // 400 members, 400 memberships, 1,200 assignments …
  // A query by name alone has no index.
  await db.collection('members').where({ name: '书记1' }).get()
  await db.collection('members').where({ name: '书记2' }).get()
  await db.collection('members').where({ branchId: 'bench-b0001', state: 'active' }).get()
  await db.collection('groups').where({ name: '第一党小组' }).get() // 20 documents: a scan costs nothing
  expect(await unindexed()).toEqual([{ collection: 'members', query: '{"name":"?"}', from: '', count: 2, size: 400 }])
})
