/**
 * Bench section (scripts/bench.ts, BENCH_ONLY=exports): the year-end workbook for 100 more branches with ~30
 * recorded sessions each, and one branch's record book with 50 sessions (30 attendees, minutes, 3 distinct 1280×960 JPEG photos of ~200 KB each),
 * each driven as the app does — exports.start, then exports.step until done — timing the whole and the slowest step
 * (every step must stay far below the cloud function's 60 s limit). Data is written straight through the SDK.
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import jpeg from 'jpeg-js'
import { ACTIVITY_TYPES } from '../types/domain'
import { rawApiAs, uploadFile } from '../test/support/api'

/**
 * A distinct phone-like photo: 1280×960 JPEG (~200 KB) of smooth colour with grain, like a compressed on-site photo
 * (the seed photos are tiny PNGs that repeat).
 */
function photoJpeg(seed: number, width = 1280, height = 960): Buffer {
  const data = new Uint8Array(width * height * 4)
  const noise = randomBytes(width * height)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4
      const n = (noise[y * width + x] % 24) - 12
      data[i] = (x * 255) / width + n
      data[i + 1] = ((y * 255) / height + seed * 37) % 256 + n
      data[i + 2] = 128 + 100 * Math.sin((x + y + seed * 50) / 90) + n
      data[i + 3] = 255
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data)
}

export async function runExport(url: string, openid: string, input: unknown) {
  const call = rawApiAs(url, openid)
  const t0 = performance.now()
  let r: any = await call('exports.start', input)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  let job = r.data
  let steps = 0
  let slowest = 0
  while (job.status === 'running') {
    const s0 = performance.now()
    r = await call('exports.step', { jobId: job.id })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    job = r.data
    slowest = Math.max(slowest, performance.now() - s0)
    steps += 1
  }
  const total = performance.now() - t0
  const bytes = (await (await fetch(job.url)).arrayBuffer()).byteLength
  return { total, steps, slowest, bytes, job }
}

export async function benchExports(url: string, db: any) {
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
  const now = new Date()
  // Sessions spread over the months of this year that have passed.
  const monthsSoFar = new Date(now.getTime() + 8 * 3600_000).getUTCMonth() + 1
  const at = (i: number) => new Date(Date.UTC(year, i % monthsSoFar, 1 + (i % 27), 1 + (i % 9)))
  const t0 = performance.now()
  let activities = 0
  // BENCH_EXPORT_BRANCHES=300 measures the committee at its largest.
  const count = Number(process.env.BENCH_EXPORT_BRANCHES) || 100
  for (let b = 0; b < count; b += 1) {
    const { _id: branchId } = await db.collection('branches').add({ data: { name: `基准考核支部${String(b + 1).padStart(3, '0')}`, kind: 'branch', societies: [], status: 'active', createdAt: now } })
    const n = 20 + (b % 20)
    for (let i = 0; i < n; i += 1) {
      await db.collection('activities').add({
        data: {
          branchId, type: ACTIVITY_TYPES[i % ACTIVITY_TYPES.length], status: 'recorded', deleted: false, topic: `第${i + 1}次组织生活`, place: '会议室',
          startAt: at(i + b), audience: { kind: 'branch' }, photos: [], createdBy: { openid: 'bench', name: '基准' }, createdAt: now, clientRequestId: `bench-x-${b}-${i}`,
        },
      })
      activities += 1
    }
  }
  console.log(`exports: wrote ${count} branches and ${activities} recorded sessions in ${(performance.now() - t0).toFixed(0)} ms`)
  const wb = await runExport(url, 'dev-committee-admin', { kind: 'assessment', year })
  console.log(
    `exports: year-end workbook for ${wb.job.total} branches: ${wb.total.toFixed(0)} ms in ${wb.steps} steps (slowest step ${wb.slowest.toFixed(0)} ms), ${(wb.bytes / 1024).toFixed(0)} KB`,
  )

  // One branch's record book: 50 sessions with 30 attendees (3 absent with reasons), minutes and 3 distinct photos each.
  const { _id: bookBranch } = await db.collection('branches').add({ data: { name: '基准记录本支部', kind: 'branch', societies: [], status: 'active', createdAt: now } })
  const photos: string[] = []
  for (let i = 0; i < 150; i += 1) photos.push(await uploadFile(url, photoJpeg(i), `bench-${i}.jpg`, 'image/jpeg'))
  for (let i = 0; i < 50; i += 1) {
    const attendees = Array.from({ length: 30 }, (_, k) => ({ memberId: `m${k}`, name: `党员${k + 1}`, present: k >= 3, ...(k < 3 ? { absentReason: '因公出差' } : {}) }))
    await db.collection('activities').add({
      data: {
        branchId: bookBranch, type: ACTIVITY_TYPES[i % ACTIVITY_TYPES.length], status: 'recorded', deleted: false, topic: `记录本第${i + 1}次组织生活`, place: '学会会议室',
        startAt: at(i), audience: { kind: 'branch' }, host: '书记', recorder: '组织委员', attendance: { expected: 30, present: 27, attendees },
        agenda: '一、学习；二、讨论', minutes: '会议内容。'.repeat(100), resolutions: '通过', photos: photos.slice(i * 3, i * 3 + 3),
        createdBy: { openid: 'bench', name: '基准' }, createdAt: now, clientRequestId: `bench-book-${i}`,
      },
    })
  }
  const book = await runExport(url, 'dev-committee-admin', { kind: 'recordBook', branchId: bookBranch, year })
  console.log(
    `exports: record book of ${book.job.total} sessions with ${photos.length} photos: ${book.total.toFixed(0)} ms in ${book.steps} steps (slowest step ${book.slowest.toFixed(0)} ms), ${(book.bytes / 1024).toFixed(0)} KB`,
  )
  const t1 = performance.now()
  const ov: any = await rawApiAs(url, 'dev-committee-admin')('dashboard.overview', { year })
  console.log(`exports: dashboard.overview over ${ov.data.summary.branches} branches: ${(performance.now() - t1).toFixed(0)} ms`)
  const t2 = performance.now()
  await rawApiAs(url, 'dev-committee-admin')('dashboard.heatmap', { year })
  console.log(`exports: dashboard.heatmap: ${(performance.now() - t2).toFixed(0)} ms`)
}
