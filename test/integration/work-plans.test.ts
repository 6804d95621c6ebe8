/**
 * Work plans through the real actions: the committee parses the real Hunan 2021 plan, publishes it, assigns its
 * points to every branch with due dates; a branch reports progress with evidence and completes a point; the
 * committee sees it done, can reopen it, and sees who is late or silent.
 */
import { readFileSync } from 'node:fs'
import { apiAs, identities, ok, uploadFile, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { layoutPdf, makePdf } from '../support/pdf'
import { makeTableXlsx } from '../support/plan-tables'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const FIXTURE = SAMPLE_PLAN_TXT
let cloud: LocalCloudHandle
let committee: Caller
let secretary: Caller
let member: Caller
let branchId: string
let planId: string

beforeAll(async () => {
  cloud = await startLocalCloud()
  committee = apiAs(cloud.url, 'dev-committee-admin')
  secretary = apiAs(cloud.url, 'dev-secretary-1')
  member = apiAs(cloud.url, 'dev-member-1b')
  branchId = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
})
afterAll(() => cloud?.stop())

test('parse: the fixture becomes 3 sections and 10 points, with the covering notice as a warning', async () => {
  const plan = await ok(committee('workPlans.parse', { text: readFileSync(FIXTURE, 'utf8') }))
  expect(plan).toMatchObject({ docNumber: '湘科协社党发〔2021〕1号', year: 2021, issuedOn: '2021-02-25' })
  expect(plan.sections.map((s: { title: string }) => s.title)).toHaveLength(3)
  const points = plan.sections.flatMap((s) => s.points)
  expect(points.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  expect(points[0].title).toBe('强化党的科学理论武装')
  expect(plan.warnings.map((w: { code: string }) => w.code)).toContain('cover_text')
  // Only the committee imports plans.
  expect(await secretary('workPlans.parse', { text: '1. 测试。' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await committee('workPlans.parse', { text: '没有编号的一段话' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('a .docx uploaded to storage parses too; other files are refused clearly', async () => {
  const JSZip = require('jszip')
  const zip = new JSZip()
  const paragraphs = readFileSync(FIXTURE, 'utf8')
    .split(/\n+/)
    .filter((l: string) => l.trim())
    .map((l: string) => `<w:p><w:r><w:t xml:space="preserve">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('')
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`)
  const bytes: Buffer = await zip.generateAsync({ type: 'nodebuffer' })
  const fileID = await uploadFile(cloud.url, bytes, 'plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  const plan = await ok(committee('workPlans.parse', { fileID }))
  expect(plan.sections.flatMap((s: { points: unknown[] }) => s.points)).toHaveLength(10)
  const txt = await uploadFile(cloud.url, Buffer.from('hello'), 'plan.doc', 'application/msword')
  expect(await committee('workPlans.parse', { fileID: txt })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('.docx') } })
})

test('parse a .pdf and an .xlsx through the bundle; a scanned PDF is refused with its reason and its upload removed', async () => {
  const upload = (bytes: Buffer, cloudPath: string) => uploadFile(cloud.url, bytes, cloudPath.split('/').pop()!, 'application/octet-stream', cloudPath)
  const paragraphs = readFileSync(FIXTURE, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l)
  const pdf = await ok(committee('workPlans.parse', { fileID: await upload(layoutPdf(paragraphs), 'work-plans/t1.pdf') }))
  expect(pdf.sections.flatMap((s: { points: unknown[] }) => s.points)).toHaveLength(10)
  const xlsx = await ok(committee('workPlans.parse', { fileID: await upload(await makeTableXlsx('2022年工作要点任务分解表', [['1', '一、总体', '甲。正文', '各支部书记', '每季度']]), 'work-plans/t2.xlsx') }))
  expect(xlsx.sections[0].points[0]).toMatchObject({ title: '甲', forAllBranches: true, timeHints: [{ dueOn: '2022-03-31' }, { dueOn: '2022-06-30' }, { dueOn: '2022-09-30' }, { dueOn: '2022-12-31' }] })

  const before = await ok(committee('workPlans.list', {}))
  const scan = await upload(makePdf([[], []]), 'work-plans/scan.pdf')
  expect(await committee('workPlans.parse', { fileID: scan })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '这是扫描件，没有可提取的文字，请上传 Word 或文字版 PDF' } })
  // Nothing written: the refused upload is gone and no plan was saved.
  expect(await committee('workPlans.parse', { fileID: scan })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await ok(committee('workPlans.list', {}))).toEqual(before)
})

test('save a draft, edit it, publish it; branches see only published plans', async () => {
  const plan = await ok(committee('workPlans.parse', { text: readFileSync(FIXTURE, 'utf8') }))
  plan.sections[0].points[0].title = '强化党的科学理论武装（已校对）'
  const saved = await ok(committee('workPlans.save', { plan }))
  planId = saved.id
  expect(saved).toMatchObject({ status: 'draft', pointCount: 10, year: 2021 })
  expect((await ok(secretary('workPlans.list', {}))).items).toEqual([])

  const dup = structuredClone(plan)
  dup.sections[1].points[0].seq = 1
  expect(await committee('workPlans.save', { planId, plan: dup })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

  const published = await ok(committee('workPlans.publish', { planId }))
  expect(published.status).toBe('published')
  expect(await committee('workPlans.save', { planId, plan })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const seen = await ok(secretary('workPlans.get', { planId }))
  expect(seen.plan.sections[0].points[0].title).toBe('强化党的科学理论武装（已校对）')
})

test('assign to every branch with due dates; repeating it creates nothing twice; each branch gets an inbox item', async () => {
  const points = Array.from({ length: 10 }, (_, i) => ({ seq: i + 1, dueOn: i === 2 ? '2021-03-31' : '2099-12-31' }))
  const first = await ok(committee('workPlans.assign', { planId, branchIds: 'all', points }))
  expect(first).toEqual({ created: 30, unchanged: 0, branches: 3 })
  expect(await ok(committee('workPlans.assign', { planId, branchIds: 'all', points }))).toEqual({ created: 0, unchanged: 30, branches: 3 })
  expect(await secretary('workPlans.assign', { planId, branchIds: 'all', points })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  const mine = await ok(member('assignments.list', { branchId }))
  expect(mine.items).toHaveLength(10)
  expect(mine.items.map((a: { pointSeq: number }) => a.pointSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  expect(mine.items[2]).toMatchObject({ status: 'overdue', dueOn: '2021-03-31' })
  expect(mine.items[2].daysLeft).toBeLessThan(0)
  expect(mine.items[0]).toMatchObject({ status: 'not_started', title: '强化党的科学理论武装（已校对）' })
  const overdue = await ok(member('assignments.list', { branchId, status: 'overdue' }))
  expect(overdue.items.map((a: { pointSeq: number }) => a.pointSeq)).toEqual([3])
  // A member of another branch cannot read this branch's list; only the committee sees across branches.
  expect(await apiAs(cloud.url, 'dev-member-2a')('assignments.list', { branchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await member('assignments.list', { planId, pointSeq: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a branch reports progress with evidence and completes a point; the committee sees it and can reopen it', async () => {
  const [first] = (await ok(secretary('assignments.list', { branchId, limit: 1 }))).items
  const refused = await secretary('assignments.report', { assignmentId: first.id, markDone: true, clientRequestId: 'report-empty-001' })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await member('assignments.report', { assignmentId: first.id, note: '我也想报', clientRequestId: 'report-member-01' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })

  const activity = (await ok(secretary('activities.list', { branchId, limit: 1 }))).items[0]
  const step = await ok(secretary('assignments.report', { assignmentId: first.id, note: '已组织专题学习', clientRequestId: 'report-note-0001' }))
  expect(step.status).toBe('in_progress')
  const done = await ok(
    secretary('assignments.report', { assignmentId: first.id, note: '学习贯彻完成', activityIds: [activity.id], markDone: true, clientRequestId: 'report-done-0001' }),
  )
  expect(done).toMatchObject({ status: 'done', reportCount: 2 })
  // A retried submit changes nothing.
  await ok(secretary('assignments.report', { assignmentId: first.id, note: '学习贯彻完成', activityIds: [activity.id], markDone: true, clientRequestId: 'report-done-0001' }))
  const detail = await ok(member('assignments.get', { assignmentId: first.id }))
  expect(detail.reports.map((r: { kind: string }) => r.kind)).toEqual(['note', 'done'])
  expect(detail.reports[1].activities).toEqual([{ id: activity.id, topic: activity.topic, startAt: activity.startAt }])
  expect(detail.point.responsible).toContain('各学会党支部书记')

  const progress = await ok(committee('workPlans.progress', { planId }))
  expect(progress.points[0]).toMatchObject({ seq: 1, total: 3, done: 1 })
  expect(progress.points[2]).toMatchObject({ seq: 3, overdue: 3, silent: 3 })
  const mineInProgress = progress.branches.find((b: { branchId: string }) => b.branchId === branchId)
  expect(mineInProgress).toMatchObject({ total: 10, done: 1 })
  const byPoint = await ok(committee('assignments.list', { planId, pointSeq: 1 }))
  expect(byPoint.items.map((a: { status: string }) => a.status).sort()).toEqual(['done', 'not_started', 'not_started'])

  expect(await secretary('assignments.reopen', { assignmentId: first.id, reason: '佐证不足' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const reopened = await ok(committee('assignments.reopen', { assignmentId: first.id, reason: '请补充会议照片' }))
  expect(reopened.status).toBe('in_progress')
  expect((await ok(secretary('assignments.get', { assignmentId: first.id }))).reports.at(-1)).toMatchObject({ kind: 'reopen', note: '请补充会议照片' })
})
