/**
 * What the committee-review tests share (test/integration/reviews*.test.ts): a seeded local cloud for the file, the
 * first branch, its secretary and the committee admin as typed callers, and times relative to now.
 */
import { apiAs, identities } from './api'
import { startLocalCloud, type LocalCloudHandle } from './local-cloud'

export const DAY = 86_400_000
/** An instant `offset` ms from now, as the actions take it. */
export const fromNow = (offset: number) => new Date(Date.now() + offset).toISOString()

export function reviewWorld() {
  const world = { cloud: undefined as unknown as LocalCloudHandle, branch1: '' }
  beforeAll(async () => {
    world.cloud = await startLocalCloud()
    world.branch1 = (await identities(world.cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  })
  afterAll(() => world.cloud?.stop())
  return {
    world,
    secretary: () => apiAs(world.cloud.url, 'dev-secretary-1'),
    admin: () => apiAs(world.cloud.url, 'dev-committee-admin'),
  }
}
