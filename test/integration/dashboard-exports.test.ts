/**
 * The committee dashboard and the exports through the real actions and the local cloud: the year-end workbook's
 * numbers equal counts the test makes itself from the sessions it wrote; the record book opens and holds every
 * session's topic, the absentees with their reasons, the minutes and a photo; storage keeps one file per export;
 * and only the right people may export what.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { drawSeedPhoto } from '../../cloud/local/seed-photo'
import { ACTIVITY_TYPE_INFO, ACTIVITY_TYPES, type ActivityType } from '../../types/domain'
import type { ActionInput } from '../../types/actions'
import { apiAs, rawApiAs, identities, ok, uploadFile, type Caller, type DevIdentity } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

const YEAR = 2025
let cloud: LocalCloudHandle
let people: DevIdentity[]
let committee: Caller
const branchOf = (openid: string) => people.find((p) => p.openid === openid)!.roles[0].branchId!

interface Made {
  branchId: string
  type: ActivityType
  topic: string
  startAt: Date
  status: 'planned' | 'recorded'
  deleted: boolean
}
const made: Made[] = []

/** Sessions written straight into the database in the agreed ActivityDoc shape (the activity actions are another issue's). */
async function insert(db: any, a: Made & Record<string, unknown>) {
  made.push({ branchId: a.branchId, type: a.type, topic: a.topic, startAt: a.startAt, status: a.status, deleted: a.deleted })
  await db.collection('activities').add({
    data: {
      audience: { kind: 'branch' },
      place: '学会会议室',
      photos: [],
      createdBy: { openid: 'test', name: '测试' },
      createdAt: new Date(),
      clientRequestId: `test-${made.length}`,
      ...a,
    },
  })
}

/** Beijing year and quarter (0–3) of an instant, computed here without the product's code. */
function beijingYQ(d: Date): { y: number; q: number } {
  const b = new Date(d.getTime() + 8 * 3600_000)
  return { y: b.getUTCFullYear(), q: Math.floor(b.getUTCMonth() / 3) }
}

async function runJob(caller: Caller, start: ActionInput<'exports.start'>) {
  let job = await ok(caller('exports.start', start))
  const seen = [job.percent]
  for (let i = 0; i < 100 && job.status === 'running'; i += 1) {
    job = await ok(caller('exports.step', { jobId: job.id }))
    seen.push(job.percent)
  }
  expect(job.status).toBe('done')
  // Progress only moves forward and ends at 100.
  expect(seen).toEqual([...seen].sort((a, b) => a - b))
  expect(seen[seen.length - 1]).toBe(100)
  const res = await fetch(job.url!)
  expect(res.ok).toBe(true)
  return { job, bytes: Buffer.from(await res.arrayBuffer()), steps: seen.length - 1 }
}

let b1: string, b2: string, b3: string
let photoID: string

beforeAll(async () => {
  cloud = await startLocalCloud()
  people = await identities(cloud.url)
  committee = apiAs(cloud.url, 'dev-committee-admin')
  ;[b1, b2, b3] = ['dev-secretary-1', 'dev-secretary-2', 'dev-secretary-3'].map(branchOf)
  const db = sdkFor(cloud.url).database()
  photoID = await uploadFile(cloud.url, drawSeedPhoto(2), 'site.png')

  const at = (iso: string) => new Date(iso)
  // Branch 1: a full year with edge cases around quarter and year boundaries (Beijing is UTC+8).
  await insert(db, {
    branchId: b1, type: 'party_congress', topic: '第一季度支部党员大会', startAt: at('2025-02-10T02:00:00Z'), status: 'recorded', deleted: false,
    host: '李建国', recorder: '王芳',
    attendance: {
      expected: 3, present: 2,
      attendees: [
        { memberId: 'm1', name: '李建国', present: true },
        { memberId: 'm2', name: '王芳', present: true },
        { memberId: 'm3', name: '赵磊', present: false, absentReason: '出差在外' },
      ],
    },
    agenda: '一、传达上级精神；二、讨论年度计划', minutes: '会议传达了省科协党委年度工作要点，讨论通过本支部年度计划。', resolutions: '通过年度计划',
    photos: [photoID],
  })
  await insert(db, { branchId: b1, type: 'theme_day', topic: '新年第一天主题党日', startAt: at('2024-12-31T16:30:00Z'), status: 'recorded', deleted: false })
  await insert(db, { branchId: b1, type: 'party_lecture', topic: '四月一日凌晨的党课', startAt: at('2025-03-31T16:30:00Z'), status: 'recorded', deleted: false, lecturer: '李建国' })
  await insert(db, { branchId: b1, type: 'committee_meeting', topic: '七月支委会', startAt: at('2025-07-08T06:00:00Z'), status: 'recorded', deleted: false })
  await insert(db, { branchId: b1, type: 'committee_meeting', topic: '八月支委会', startAt: at('2025-08-08T06:00:00Z'), status: 'recorded', deleted: false })
  await insert(db, { branchId: b1, type: 'theme_day', topic: '十二月主题党日', startAt: at('2025-12-31T15:00:00Z'), status: 'recorded', deleted: false })
  // Not counted: the next year by Beijing time, a planned session, a deleted record.
  await insert(db, { branchId: b1, type: 'theme_day', topic: '跨年夜之后', startAt: at('2025-12-31T16:30:00Z'), status: 'recorded', deleted: false })
  await insert(db, { branchId: b1, type: 'party_congress', topic: '计划中的大会', startAt: at('2025-11-10T02:00:00Z'), status: 'planned', deleted: false })
  await insert(db, { branchId: b1, type: 'party_congress', topic: '已删除的大会', startAt: at('2025-05-10T02:00:00Z'), status: 'recorded', deleted: true })
  // Branch 2: a few sessions; branch 3: nothing at all.
  await insert(db, { branchId: b2, type: 'org_life_meeting', topic: '年度组织生活会', startAt: at('2025-12-20T01:00:00Z'), status: 'recorded', deleted: false })
  await insert(db, { branchId: b2, type: 'heart_talk', topic: '谈心谈话', startAt: at('2025-06-20T01:00:00Z'), status: 'recorded', deleted: false })

  // A 2025 plan with two points for every branch; branch 1 completes one (after its due date).
  const plan = {
    title: '2025年党建工作要点', docNumber: null, issuer: null, issuedOn: null, year: YEAR, intro: '', warnings: [],
    sections: [{ seq: 1, title: '一、组织建设', points: [
      { seq: 1, title: '按期开展三会一课', body: '各党支部按期开展三会一课。', responsible: [], forAllBranches: true, timeHints: [] },
      { seq: 2, title: '年底前召开组织生活会', body: '年底前召开组织生活会。', responsible: [], forAllBranches: true, timeHints: [] },
    ] }],
  }
  const saved = await ok(committee('workPlans.save', { plan }))
  await ok(committee('workPlans.publish', { planId: saved.id }))
  await ok(committee('workPlans.assign', { planId: saved.id, branchIds: 'all', points: [{ seq: 1, dueOn: '2025-06-30' }, { seq: 2, dueOn: '2025-12-31' }] }))
  const mine = await ok(apiAs(cloud.url, 'dev-secretary-1')('assignments.list', { branchId: b1, planId: saved.id }))
  const first = mine.items.find((a) => a.pointSeq === 1)!
  await ok(apiAs(cloud.url, 'dev-secretary-1')('assignments.report', { assignmentId: first.id, note: '已完成', markDone: true, clientRequestId: 'dash-report-01' }))
})
afterAll(() => cloud?.stop())

test('the assessment workbook counts what was recorded, per branch, type and quarter', async () => {
  const { bytes, job } = await runJob(committee, { kind: 'assessment', year: YEAR })
  expect(job.fileName).toBe(`${YEAR}年度党支部考核汇总.xlsx`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as any)
  const ws = wb.getWorksheet('年度考核汇总')!
  const header = (row: number) => {
    const m = new Map<string, number>()
    ws.getRow(row).eachCell((c, col) => { if (typeof c.value === 'string' && !m.has(c.value)) m.set(c.value, col) })
    return m
  }
  const top = header(2)
  const rowOf = new Map<string, number>()
  for (let r = 4; r <= ws.rowCount; r += 1) rowOf.set(String(ws.getCell(r, top.get('支部')!).value), r)
  const branches = (await ok(committee('branches.list', {}))).items as { id: string; name: string }[]
  expect(rowOf.size).toBe(branches.length)

  const overview = await ok(committee('dashboard.overview', { year: YEAR, limit: 100 }))
  for (const b of branches) {
    const r = rowOf.get(b.name)!
    expect(r).toBeDefined()
    const counted = made.filter((m) => m.branchId === b.id && m.status === 'recorded' && !m.deleted && beijingYQ(m.startAt).y === YEAR)
    for (const [i, t] of ACTIVITY_TYPES.entries()) {
      const col = top.get(ACTIVITY_TYPE_INFO[t].name)!
      expect(col).toBe(5 + i * 4)
      for (let q = 0; q < 4; q += 1) {
        const want = counted.filter((m) => m.type === t && beijingYQ(m.startAt).q === q).length
        expect({ branch: b.name, type: t, q, n: ws.getCell(r, col + q).value }).toEqual({ branch: b.name, type: t, q, n: want })
      }
    }
    expect(ws.getCell(r, top.get('全年活动')!).value).toBe(counted.length)
    expect(ws.getCell(r, top.get('任务总数')!).value).toBe(2)
    // Branch 1 finished point 1 today (after its 2025 due date); every other 2025 assignment is overdue now.
    expect(ws.getCell(r, top.get('已完成')!).value).toBe(b.id === b1 ? 1 : 0)
    expect(ws.getCell(r, top.get('其中逾期完成')!).value).toBe(b.id === b1 ? 1 : 0)
    expect(ws.getCell(r, top.get('逾期未完成')!).value).toBe(b.id === b1 ? 1 : 2)
    // The score is the dashboard's, and a branch that held nothing all year scores 0.
    const row = overview.items.find((x) => x.branchId === b.id)!
    expect(ws.getCell(r, top.get('合规得分')!).value).toBe(row.score)
    if (b.id === b3) expect(row.score).toBe(0)
  }
  // Spot checks of the edges: 1 January 00:30 Beijing is Q1 2025, 1 April 00:30 Beijing is Q2.
  const r1 = rowOf.get(branches.find((b) => b.id === b1)!.name)!
  expect(ws.getCell(r1, top.get('主题党日')! + 0).value).toBe(1)
  expect(ws.getCell(r1, top.get('主题党日')! + 3).value).toBe(1)
  expect(ws.getCell(r1, top.get('党课')! + 1).value).toBe(1)
  expect(ws.getCell(r1, top.get('最近活动')!).value).toBe('2025-12-31')
})

test('the dashboard: overview filters and sorts, heatmap by month, points, one branch in detail', async () => {
  const all = await ok(committee('dashboard.overview', { year: YEAR, sort: 'score_desc' }))
  expect(all.asOf).toBe('2025-12-31')
  const scores = all.items.map((r: { score: number | null }) => r.score ?? -1)
  expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a))
  expect(all.summary.recorded).toBe(made.filter((m) => m.status === 'recorded' && !m.deleted && beijingYQ(m.startAt).y === YEAR).length)
  const silent = await ok(committee('dashboard.overview', { year: YEAR, filter: 'silent' }))
  expect(silent.items.map((r: { branchId: string }) => r.branchId)).toContain(b3)
  expect(silent.items.map((r: { branchId: string }) => r.branchId)).not.toContain(b1)
  const paged = await ok(committee('dashboard.overview', { year: YEAR, limit: 1 }))
  expect(paged.items).toHaveLength(1)
  expect(paged.nextOffset).toBe(1)

  const heat = await ok(committee('dashboard.heatmap', { year: YEAR }))
  const h1 = heat.rows.find((r) => r.branchId === b1)!
  // January (the theme day at 00:30 on 1 January), February, April, July, August, December.
  expect(h1.months).toEqual([1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1])

  const pts = await ok(committee('dashboard.points', { year: YEAR }))
  expect(pts.points.map((p: { seq: number; done: number; total: number }) => [p.seq, p.done, p.total])).toEqual([[1, 1, 3], [2, 0, 3]])

  const detail = await ok(committee('dashboard.branch', { branchId: b1, year: YEAR }))
  expect(detail.activities.map((a: { topic: string }) => a.topic)).toContain('第一季度支部党员大会')
  expect(detail.activities.find((a: { topic: string }) => a.topic === '第一季度支部党员大会')).toMatchObject({ expected: 3, present: 2, photoCount: 1 })
  const congress = detail.compliance.find((c) => c.type === 'party_congress')!
  expect(congress.periods.map((p: { status: string }) => p.status)).toEqual(['done', 'missed', 'missed', 'missed'])
  expect(detail.assignments).toHaveLength(2)
})

test('the record book opens and holds every session, absentees with reasons, minutes and the photo', async () => {
  const { bytes, job } = await runJob(apiAs(cloud.url, 'dev-secretary-1'), { kind: 'recordBook', branchId: b1, year: YEAR })
  const expected = made.filter((m) => m.branchId === b1 && m.status === 'recorded' && !m.deleted && beijingYQ(m.startAt).y === YEAR)
  expect(job.total).toBe(expected.length)
  const { value: text } = await mammoth.extractRawText({ buffer: bytes })
  for (const m of expected) expect(text).toContain(m.topic)
  for (const gone of ['跨年夜之后', '计划中的大会', '已删除的大会']) expect(text).not.toContain(gone)
  expect(text).toContain('赵磊（出差在外）')
  expect(text).toContain('应到 3 人，实到 2 人，缺席 1 人')
  expect(text).toContain('会议传达了省科协党委年度工作要点')
  const zip = await JSZip.loadAsync(bytes)
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'))
  expect(media).toHaveLength(1)
  // The 480×360 PNG is embedded as a thumbnail: a JPEG at most 320 wide.
  const jpg = await zip.file(media[0])!.async('nodebuffer')
  expect([jpg[0], jpg[1]]).toEqual([0xff, 0xd8])
  let i = 2
  while (jpg[i + 1] < 0xc0 || jpg[i + 1] > 0xc3) i += 2 + jpg.readUInt16BE(i + 2)
  expect({ width: jpg.readUInt16BE(i + 7), height: jpg.readUInt16BE(i + 5) }).toEqual({ width: 320, height: 240 })
})

test('storage keeps one file per export: a newer record book replaces the older file, and thumbnails do not stay', async () => {
  const secretary = apiAs(cloud.url, 'dev-secretary-1')
  const first = await runJob(secretary, { kind: 'recordBook', branchId: b1, year: YEAR })
  const second = await runJob(secretary, { kind: 'recordBook', branchId: b1, year: YEAR })
  const exportsDir = path.join(cloud.dataDir, 'storage', 'exports', String(YEAR))
  // Files only: the local store may leave an empty folder behind, which cloud storage does not have.
  const filesOf = (jobId: string) => {
    const dir = path.join(exportsDir, jobId)
    if (!fs.existsSync(dir)) return []
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
  }
  // The newer export's file is there, without its thumbnails (they live inside the .docx).
  expect(filesOf(second.job.id)).toEqual(['record-book.docx'])
  expect((await fetch(second.job.url!)).ok).toBe(true)
  // The older one is gone, and opening that job again says why.
  expect(filesOf(first.job.id)).toEqual([])
  expect((await fetch(first.job.url!)).ok).toBe(false)
  const again = await ok(secretary('exports.step', { jobId: first.job.id }))
  expect(again).toMatchObject({ status: 'failed', url: null, error: '这份文件已被更新的导出替换，请重新导出' })
  // Another branch's book, or the workbook, is not touched by it.
  const workbook = await runJob(committee, { kind: 'assessment', year: YEAR })
  expect((await fetch(second.job.url!)).ok).toBe(true)
  expect((await fetch(workbook.job.url!)).ok).toBe(true)
})

test('access: a secretary exports only their own record book; members and outsiders cannot', async () => {
  const sec1 = apiAs(cloud.url, 'dev-secretary-1')
  const sec2 = apiAs(cloud.url, 'dev-secretary-2')
  const member = apiAs(cloud.url, 'dev-member-1b')
  expect(await sec1('exports.start', { kind: 'recordBook', branchId: b2, year: YEAR })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await member('exports.start', { kind: 'recordBook', branchId: b1, year: YEAR })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await sec1('exports.start', { kind: 'assessment', year: YEAR })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  for (const action of ['dashboard.overview', 'dashboard.heatmap', 'dashboard.points'] as const) {
    expect(await sec1(action, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect(await sec1('dashboard.branch', { branchId: b1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // Another branch's job does not exist for them; the committee's workbook job is the committee's.
  const job = await ok(sec1('exports.start', { kind: 'recordBook', branchId: b1, year: YEAR }))
  expect(await sec2('exports.step', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await member('exports.step', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const wbJob = await ok(committee('exports.start', { kind: 'assessment', year: YEAR }))
  expect(await sec1('exports.step', { jobId: wbJob.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // A bad payload gets a clear Chinese message.
  const bad = await rawApiAs(cloud.url, 'dev-committee-admin')('exports.start', { kind: 'pdf' }) // off the contract on purpose
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect((bad as { error: { message: string } }).error.message).toMatch(/导出类型/)
  expect(await committee('exports.start', { kind: 'recordBook', year: YEAR })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请指定要导出记录本的支部') } })
  expect(await committee('exports.start', { kind: 'assessment', branchId: b1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不能指定支部') } })
})
