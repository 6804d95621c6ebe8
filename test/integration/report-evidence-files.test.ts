/**
 * 书面材料 on a work-point report (#16.14, #17): a PDF, a Word and an Excel file uploaded for the assignment are
 * accepted as evidence, stored on the report and listed with their names and links; another kind, or a file not
 * uploaded for this assignment, is refused with a Chinese message and nothing is written.
 */
import { apiAs, identities, ok, uploadFile, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let committee: Caller
let secretary: Caller
let assignmentId = ''

beforeAll(async () => {
  cloud = await startLocalCloud()
  committee = apiAs(cloud.url, 'dev-committee-admin')
  secretary = apiAs(cloud.url, 'dev-secretary-1')
  const branchId = (await identities(cloud.url)).find((p) => p.openid === 'dev-secretary-1')!.roles[0].branchId!
  const plan = await ok(committee('workPlans.parse', { text: '2026年工作要点\n一、组织建设\n1. 报送年度党建工作总结。' }))
  const { id: planId } = await ok(committee('workPlans.save', { plan }))
  await ok(committee('workPlans.publish', { planId }))
  await ok(committee('workPlans.assign', { planId, branchIds: [branchId], points: [{ seq: 1, dueOn: '2099-12-31' }] }))
  assignmentId = (await ok(secretary('assignments.list', { planId, branchId }))).items[0].id
})
afterAll(() => cloud?.stop())

const upload = (name: string, path = `work-points/${assignmentId}/req-files-001/${name}`) =>
  uploadFile(cloud.url, Buffer.from(`%${name}`), name, 'application/octet-stream', path, 'dev-secretary-1')

test('PDF, Word and Excel files are evidence: stored on the report and listed by name with a link', async () => {
  const files = [
    { fileID: await upload('a.pdf'), name: '支部学习记录.pdf' },
    { fileID: await upload('b.docx'), name: '年度党建工作总结.docx' },
    { fileID: await upload('c.xlsx'), name: '党员信息核对表.xlsx' },
  ]
  // Files alone are enough evidence to mark it done.
  const done = await ok(secretary('assignments.report', { assignmentId, files, markDone: true, clientRequestId: 'report-files-0001' }))
  expect(done.status).toBe('done')
  const { reports } = await ok(secretary('assignments.get', { assignmentId }))
  expect(reports[0].files.map((f: { name: string }) => f.name)).toEqual(['支部学习记录.pdf', '年度党建工作总结.docx', '党员信息核对表.xlsx'])
  expect(reports[0].files[0]).toMatchObject({ fileID: files[0].fileID, url: expect.stringMatching(/^http/) })
})

test('another kind of file, or one not uploaded for this assignment, is refused and nothing is written', async () => {
  const before = (await ok(secretary('assignments.get', { assignmentId }))).reports.length
  const exe = await secretary('assignments.report', { assignmentId, files: [{ fileID: await upload('x.exe'), name: '工具.exe' }], clientRequestId: 'report-files-0002' })
  expect(exe).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('只能附 PDF、Word（.docx）或 Excel（.xlsx）文件') } })
  const elsewhere = await upload('y.pdf', 'exports/somebody/y.pdf')
  const foreign = await secretary('assignments.report', { assignmentId, files: [{ fileID: elsewhere, name: '别处的.pdf' }], clientRequestId: 'report-files-0003' })
  expect(foreign).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '文件不是为本要点上传的，请重新选择文件上传' } })
  expect((await ok(secretary('assignments.get', { assignmentId }))).reports).toHaveLength(before)
})
