/**
 * `npm run bench`: performance figures (a benchmark, not a test — nothing here passes or fails).
 * Starts a seeded local cloud in a temporary directory and measures, through the real wx-server-sdk:
 *   - one database query (where().get()) over loopback, the local cloud's per-query cost
 *   - one activities.list action end to end (HTTP → function bundle → SDK → local cloud → back)
 *   - start-up of the local cloud with seeding
 */
import { performance } from 'node:perf_hooks'
import { apiAs, identities } from '../test/support/api'
import { sdkFor, startLocalCloud } from '../test/support/local-cloud'

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length
  return `mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${samples.length})`
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function main() {
  const t0 = performance.now()
  const cloud = await startLocalCloud()
  console.log(`local cloud start with seeding: ${(performance.now() - t0).toFixed(0)} ms`)
  try {
    const db = sdkFor(cloud.url).database()
    const people = await identities(cloud.url)
    const member = people.find((p) => p.roles.some((r) => r.role === 'member'))!
    const branchId = member.roles[0].branchId!

    for (let i = 0; i < 50; i++) await db.collection('activities').where({ branchId }).limit(20).get() // warm-up
    const query: number[] = []
    for (let i = 0; i < 1000; i++) query.push(await time(() => db.collection('activities').where({ branchId }).limit(20).get()))
    console.log(`SDK where().get() through the local cloud: ${stats(query)}`)

    const call = apiAs(cloud.url, member.openid)
    for (let i = 0; i < 20; i++) await call('activities.list', { branchId })
    const list: number[] = []
    for (let i = 0; i < 200; i++) list.push(await time(() => call('activities.list', { branchId })))
    console.log(`api activities.list (20 per page) end to end: ${stats(list)}`)
  } finally {
    await cloud.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
