/**
 * 民主评议党员 through the local cloud (docs/appraisal.md): the secretary (or the 组织委员) grades every 正式 and 预备
 * member of the branch on the year's 民主评议 record; 优秀 within the committee's share (one third: 3 appraised → 1);
 * 不合格 only with its 处置; wrong roles and another branch are refused with nothing written; writes are versioned and
 * idempotent; a member sees their own grade only; the results reach the member's history, the record book and the
 * year-end workbook.
 */
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import type { ActionOutput } from '../../types/actions'
import { apiAs, identities, ok, rawApiAs, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { sessionRecord } from '../support/activity-fixtures'

type Sheet = ActionOutput<'appraisal.get'>
let cloud: LocalCloudHandle
let branch1: string
let review: string
let sheet0: Sheet
let seq = 0
const rid = () => `appraisal-${Date.now()}-${++seq}`
const as = (openid: string): Caller => apiAs(cloud.url, openid)
const secretary = () => as('dev-secretary-1')
const organiser = () => as('dev-member-1a') // 王芳, 组织委员
const zhao = () => as('dev-member-1b') // 赵磊, 预备党员
const admin = () => as('dev-committee-admin')
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
const idOf = (name: string) => sheet0.rows.find((r) => r.name === name)!.memberId
const votes = (excellent: number, qualified: number, basic = 0, unqualified = 0) => ({ excellent, qualified, basic, unqualified })

beforeAll(async () => {
  cloud = await startLocalCloud()
  branch1 = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const startAt = new Date(Date.now() - 2 * 86_400_000).toISOString()
  const made = await ok(secretary()('activities.record', sessionRecord({ branchId: branch1, clientRequestId: rid(), type: 'democratic_review', topic: `${YEAR}年度民主评议党员`, place: '学会会议室', startAt })))
  review = made.id
  sheet0 = await ok(secretary()('appraisal.get', { activityId: review }))
})
afterAll(() => cloud?.stop())

test('the sheet lists every 正式 and 预备 member; 3 appraised allow 1 优秀', async () => {
  expect(sheet0).toMatchObject({ state: 'none', version: 0, view: 'full', appraised: 3, maxExcellent: 1, canWrite: true, share: { numerator: 1, denominator: 3 }, year: YEAR })
  expect(sheet0.rows.map((r) => r.name).sort()).toEqual(['李建国', '王芳', '赵磊'].sort())
  expect(sheet0.rows.find((r) => r.name === '赵磊')!.partyStatus).toBe('probationary')
})

test('a grade outside the cap, or 不合格 without its 处置, is refused and nothing is written', async () => {
  const over = await secretary()('appraisal.save', {
    activityId: review,
    version: 0,
    clientRequestId: rid(),
    rows: [
      { memberId: idOf('王芳'), grade: 'excellent', votes: votes(3, 0) },
      { memberId: idOf('赵磊'), grade: 'excellent', votes: votes(2, 1) },
    ],
  })
  expect(over).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { rule: 'excellent_cap' } } })
  if (!over.ok) expect(over.error.message).toContain('最多 1 人评为优秀')
  const noDisposal = await secretary()('appraisal.save', { activityId: review, version: 0, clientRequestId: rid(), rows: [{ memberId: idOf('赵磊'), grade: 'unqualified', votes: votes(0, 0, 1, 2) }] })
  expect(noDisposal).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('评为不合格的党员须记录处置'), details: { rule: 'disposal_missing' } } })
  const badGrade = await rawApiAs(cloud.url, 'dev-secretary-1')('appraisal.save', { activityId: review, version: 0, clientRequestId: rid(), rows: [{ memberId: idOf('赵磊'), grade: 'good' }] })
  expect(badGrade).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('等次只能是优秀、合格、基本合格或不合格') } })
  const after = await ok(secretary()('appraisal.get', { activityId: review }))
  expect(after).toMatchObject({ state: 'none', version: 0 })
  expect(after.rows.every((r) => r.grade === null)).toBe(true)
})

test('wrong roles and another branch are refused; a record of another type takes no grades', async () => {
  const rows = [{ memberId: idOf('赵磊'), grade: 'qualified' as const, votes: votes(0, 3) }]
  expect(await zhao()('appraisal.save', { activityId: review, version: 0, clientRequestId: rid(), rows })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await admin()('appraisal.save', { activityId: review, version: 0, clientRequestId: rid(), rows })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as('dev-secretary-2')('appraisal.save', { activityId: review, version: 0, clientRequestId: rid(), rows })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await as('dev-secretary-2')('appraisal.get', { activityId: review })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  // A member of another branch cannot be put on this sheet.
  const other = await ok(as('dev-secretary-2')('members.list', { branchId: (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-2')!.roles[0].branchId! }))
  const stranger = other.items[0].id
  expect(await secretary()('appraisal.save', { activityId: review, version: 0, clientRequestId: rid(), rows: [{ memberId: stranger, grade: 'qualified' }] })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { rule: 'not_appraised' } },
  })
  const meeting = await ok(secretary()('activities.record', sessionRecord({ branchId: branch1, clientRequestId: rid(), type: 'theme_day', topic: '主题党日', place: '学会会议室', startAt: new Date(Date.now() - 86_400_000).toISOString() })))
  expect(await secretary()('appraisal.get', { activityId: meeting.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { rule: 'not_democratic_review' } } })
  expect((await ok(secretary()('appraisal.get', { activityId: review }))).version).toBe(0)
})

test('the secretary saves (idempotent, versioned); the 组织委员 edits the next version; a member sees nothing before 确定', async () => {
  const request = {
    activityId: review,
    version: 0,
    clientRequestId: rid(),
    rows: [
      { memberId: idOf('王芳'), grade: 'excellent' as const, votes: votes(2, 1) },
      { memberId: idOf('赵磊'), grade: 'unqualified' as const, votes: votes(0, 0, 1, 2), disposal: { kind: 'correct' as const, note: '三个月内改正，支部书记谈话' } },
    ],
  }
  const saved = await ok(secretary()('appraisal.save', request))
  expect(saved).toMatchObject({ state: 'draft', version: 1, counts: { excellent: 1, qualified: 0, basic: 0, unqualified: 1, ungraded: 1 }, updatedBy: '李建国' })
  // The same request again answers the same, and writes no second version.
  expect(await ok(secretary()('appraisal.save', request))).toMatchObject({ version: 1 })
  // A save from an old version is refused with the current one.
  const stale = await secretary()('appraisal.save', { ...request, clientRequestId: rid() })
  expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 1 } } })
  // The 组织委员 may grade too; members not in her save keep their grades.
  const next = await ok(organiser()('appraisal.save', { activityId: review, version: 1, clientRequestId: rid(), rows: [{ memberId: idOf('李建国'), grade: 'qualified', votes: votes(0, 3) }] }))
  expect(next).toMatchObject({ version: 2, counts: { excellent: 1, qualified: 1, unqualified: 1, ungraded: 0 }, updatedBy: '王芳' })
  // Before 确定 a member sees no grade, not even their own.
  expect(await ok(zhao()('appraisal.get', { activityId: review }))).toMatchObject({ view: 'own', rows: [], counts: null, canWrite: false })
})

test('确定: every member graded; then read-only; a member sees their own grade only; history, audit and inbox', async () => {
  const current = await ok(secretary()('appraisal.get', { activityId: review }))
  expect(await zhao()('appraisal.finalize', { activityId: review, version: current.version, clientRequestId: rid() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const done = await ok(secretary()('appraisal.finalize', { activityId: review, version: current.version, clientRequestId: rid() }))
  expect(done).toMatchObject({ state: 'final', canWrite: false, finalizedBy: '李建国', version: current.version + 1 })
  expect(await secretary()('appraisal.save', { activityId: review, version: done.version, clientRequestId: rid(), rows: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { rule: 'finalized' } } })

  const own = await ok(zhao()('appraisal.get', { activityId: review }))
  expect(own).toMatchObject({ view: 'own', counts: null })
  expect(own.rows).toEqual([expect.objectContaining({ name: '赵磊', grade: 'unqualified', disposal: { kind: 'correct', note: '三个月内改正，支部书记谈话' } })])
  const list = await ok(zhao()('appraisal.list', { branchId: branch1 }))
  expect(list.items.find((i) => i.activityId === review)).toMatchObject({ state: 'final', mine: 'unqualified', counts: null })

  // The member's history: their own, and the secretary's view of it; not another member's.
  expect((await ok(zhao()('appraisal.member', { memberId: idOf('赵磊') }))).items).toEqual([expect.objectContaining({ year: YEAR, grade: 'unqualified' })])
  expect((await ok(secretary()('appraisal.member', { memberId: idOf('王芳') }))).items).toEqual([expect.objectContaining({ year: YEAR, grade: 'excellent', votes: votes(2, 1) })])
  expect(await zhao()('appraisal.member', { memberId: idOf('王芳') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  // The committee reads the sheet, and the read is in the branch's audit log.
  expect(await ok(admin()('appraisal.get', { activityId: review }))).toMatchObject({ view: 'full', counts: { excellent: 1, qualified: 1, basic: 0, unqualified: 1 } })
  const audit = await ok(secretary()('audit.list', { branchId: branch1 }))
  expect(audit.items.map((e) => e.summary)).toEqual(expect.arrayContaining([expect.stringContaining('查看'), expect.stringContaining('确定')]))

  const inbox = await ok(zhao()('inbox.list', {}))
  expect(inbox.items.map((i) => i.title)).toContain(`${YEAR}年民主评议党员结果：不合格`)
})

async function runJob(caller: Caller, start: Parameters<Caller>[1]) {
  let job = await ok(caller('exports.start', start as never))
  for (let i = 0; i < 100 && job.status === 'running'; i += 1) job = await ok(caller('exports.step', { jobId: job.id }))
  expect(job.status).toBe('done')
  return Buffer.from(await (await fetch(job.url!)).arrayBuffer())
}

test('the results are in the record book under the 民主评议 record and counted per grade in the workbook', async () => {
  const book = await runJob(secretary(), { kind: 'recordBook', branchId: branch1, year: YEAR })
  const text = (await mammoth.extractRawText({ buffer: book })).value
  expect(text).toContain('民主评议结果')
  expect(text).toContain('参加评议 3 人：优秀 1 人，合格 1 人，基本合格 0 人，不合格 1 人')
  expect(text).toContain('赵磊：不合格')
  expect(text).toContain('处置：限期改正，三个月内改正，支部书记谈话')

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await runJob(admin(), { kind: 'assessment', year: YEAR })) as never)
  const ws = wb.getWorksheet('民主评议党员')!
  const headers = (ws.getRow(1).values as unknown[]).slice(1)
  expect(headers).toEqual(['序号', '支部', '参加评议', '优秀', '合格', '基本合格', '不合格'])
  let line: unknown[] | undefined
  ws.eachRow((row) => {
    if (row.getCell(2).value === '湖南省计算机学会党支部') line = (row.values as unknown[]).slice(3)
  })
  expect(line).toEqual([3, 1, 1, 0, 1])
})

test('the committee sets the share; a share of one or more is refused', async () => {
  expect(await admin()('appraisal.setSettings', { share: { numerator: 3, denominator: 3 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await secretary()('appraisal.setSettings', { share: { numerator: 1, denominator: 2 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // Unknown fields inside share are refused like anywhere else (attacker review: { …, extra } was accepted).
  const extra = await rawApiAs(cloud.url, 'dev-committee-admin')('appraisal.setSettings', { share: { numerator: 1, denominator: 3, extra: 'y' } })
  expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '不认识的字段：extra' } })
  expect(await ok(admin()('appraisal.setSettings', { share: { numerator: 3, denominator: 10 } }))).toMatchObject({ share: { numerator: 3, denominator: 10 }, defaults: { numerator: 1, denominator: 3 } })
  expect(await ok(secretary()('appraisal.settings', {}))).toMatchObject({ share: { numerator: 3, denominator: 10 } })
  await ok(admin()('appraisal.setSettings', { share: { numerator: 1, denominator: 3 } }))
})
