/**
 * Bench section (scripts/bench.ts, BENCH_ONLY=dues): 党费 at the committee's full size, issue #20 item 7 — 300
 * branches × 30 members × 12 months of dues (9,000 members with a standard, 108,000 recorded months), written
 * straight through the SDK in batches. Then, through the api action as the app calls them:
 *   - the ledger page (dues.ledger as the branch's secretary: 30 rows × 12 months, bases shown),
 *   - the committee's view of a branch's collection (dues.ledger as the committee: masked, the read audited),
 *   - the year-end workbook with its 党费收缴 sheet (exports.start + exports.step until done, over every branch).
 * Then the same again production-like (cloud/local/latency.ts: 30 ms per database call) in a cloud of its own, started
 * without the demo seed (seeding at 30 ms a call outlasts the harness's start-up wait): the committee's
 * administrator is written straight in, as org.bootstrap writes it. BENCH_DUES_MODES=raw skips it.
 * BENCH_DUES_BRANCHES changes the 300.
 */
import { performance } from 'node:perf_hooks'
import { COLLECTIONS } from '../cloud/core/framework/model'
import { PRODUCTION_LIKE } from '../cloud/local/latency'
import { rawApiAs } from '../test/support/api'
import { sdkFor, startLocalCloud } from '../test/support/local-cloud'
import { runExport } from './bench-exports'

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length
  return `mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${samples.length})`
}

const MEMBERS = 30
const SECRETARY = 'bench-dues-secretary'

const COMMITTEE_ADMIN = 'dev-committee-admin'

export async function benchDues(url: string, db: any) {
  await duesAt(url, db, 'raw')
  if ((process.env.BENCH_DUES_MODES ?? 'raw,production').split(',').includes('production')) {
    console.log(`\nDues production-like (${PRODUCTION_LIKE.dbMs} ms per database call), a cloud of its own:`)
    const cloud = await startLocalCloud({ seed: false, env: { LOCALCLOUD_LATENCY: 'production' } })
    try {
      const pdb = sdkFor(cloud.url).database()
      for (const name of COLLECTIONS) await pdb.createCollection(name).catch(() => undefined)
      const now = new Date()
      await pdb.collection('committees').add({ data: { _id: 'committee', name: '基准党委', createdAt: now } })
      await pdb.collection('users').add({ data: { _id: COMMITTEE_ADMIN, name: '基准管理员', createdAt: now } })
      await pdb.collection('memberships').add({ data: { openid: COMMITTEE_ADMIN, branchId: null, role: 'committee_admin', status: 'active', since: now } })
      await duesAt(cloud.url, pdb, 'production-like')
    } finally {
      await cloud.stop()
    }
  }
}

async function duesAt(url: string, db: any, mode: string) {
  const branches = Number(process.env.BENCH_DUES_BRANCHES) || 300
  // Last year, all twelve months owed and (mostly) paid: a whole year of dues, as the workbook reports it in January.
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const now = new Date()
  const setBy = { openid: SECRETARY, name: '基准书记' }
  console.log(`\nDues (${mode}): ${branches} branches × ${MEMBERS} members × 12 months of ${year}`)
  const t0 = performance.now()
  const branchIds: string[] = []
  let payments = 0
  for (let b = 0; b < branches; b += 1) {
    const branchId = `bench-dues-b${String(b).padStart(3, '0')}`
    branchIds.push(branchId)
    await db.collection('branches').add({ data: { _id: branchId, name: `基准党费支部${String(b + 1).padStart(3, '0')}`, kind: 'branch', societies: [], status: 'active', createdAt: now } })
    const members: Record<string, unknown>[] = []
    const profiles: Record<string, unknown>[] = []
    const paid: Record<string, unknown>[] = []
    for (let m = 0; m < MEMBERS; m += 1) {
      const memberId = `${branchId}-m${String(m).padStart(2, '0')}`
      members.push({ _id: memberId, branchId, openid: null, name: `党员${b}-${m}`, partyStatus: 'full', joinedPartyOn: null, confirmedOn: null, groupId: null, phone: null, posts: [], groupLeader: false, state: 'active', transferredOn: null, transferReason: null, createdAt: now, updatedAt: now })
      // Mostly 在职 at 5,400 元 (81.00 元 a month); every fifth retired at 4,000 元 (20.00 元); every seventh a student (0.20 元).
      const category = m % 7 === 0 ? 'student' : m % 5 === 0 ? 'retired' : 'employed'
      const baseFen = category === 'employed' ? 540_000 : category === 'retired' ? 400_000 : null
      const dueFen = category === 'employed' ? 8_100 : category === 'retired' ? 2_000 : 20
      profiles.push({ _id: memberId, branchId, memberId, category, baseFen, farmerFen: null, startMonth: months[0], checkedOn: `${year}-01-05`, setBy, updatedAt: now })
      // One member in ten stopped paying in the autumn (months behind, flags).
      const paidMonths = m % 10 === 3 ? 8 : 12
      for (const month of months.slice(0, paidMonths)) {
        paid.push({ _id: `${memberId}:${month}`, branchId, memberId, month, dueFen, paidFen: dueFen, paidOn: `${month}-10`, way: m % 2 ? 'transfer' : 'cash', reason: null, recordedBy: setBy, recordedAt: now })
      }
    }
    await db.collection('members').add({ data: members })
    await db.collection('dues_profiles').add({ data: profiles })
    await db.collection('dues_payments').add({ data: paid })
    payments += paid.length
  }
  await db.collection('memberships').add({ data: { openid: SECRETARY, branchId: branchIds[0], role: 'secretary', status: 'active', since: now } })
  console.log(`  wrote ${branches} branches, ${branches * MEMBERS} members and standards, ${payments.toLocaleString('en')} paid months in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const measure = async (label: string, n: number, fn: (i: number) => Promise<any>) => {
    const first: any = await fn(0)
    if (!first.ok) throw new Error(`${label}: ${JSON.stringify(first.error)}`)
    for (let i = 1; i < 5; i++) await fn(i)
    const samples: number[] = []
    for (let i = 0; i < n; i++) {
      const s0 = performance.now()
      await fn(i)
      samples.push(performance.now() - s0)
    }
    console.log(`  ${label}: ${stats(samples)}`)
    return first.data
  }
  const secretary = rawApiAs(url, SECRETARY)
  const committee = rawApiAs(url, COMMITTEE_ADMIN)
  const ledger = await measure(`dues.ledger, the ledger page (secretary; ${MEMBERS} rows × 12 months)`, 50, () => secretary('dues.ledger', { branchId: branchIds[0], year }))
  console.log(`    ${ledger.rows.length} rows; totals ${JSON.stringify(ledger.totals)}`)
  await measure(`dues.ledger, the committee's view of a branch's collection (masked, audited; branches in turn)`, 50, (i) => committee('dues.ledger', { branchId: branchIds[(i * 37) % branches], year }))
  const wb = await runExport(url, COMMITTEE_ADMIN, { kind: 'assessment', year })
  console.log(`  ${mode}: year-end workbook with 党费收缴 for ${wb.job.total} branches: ${wb.total.toFixed(0)} ms in ${wb.steps} steps (slowest step ${wb.slowest.toFixed(0)} ms), ${(wb.bytes / 1024).toFixed(0)} KB`)
}
