/**
 * A person's 发展党员 checklist files (docs/recruitment.md, the users' walk): a file added with its name (a phone photo
 * of the 申请书 as well as a PDF), listed by name to the secretary and the 组织委员 only, opened through a short-lived
 * link the function signs (every open audited), removed with the removal in the person's history. A file is added to
 * what the item has now, so two uploads finishing one after the other both stay.
 */
import { apiAs, ok, uploadFile, type Caller } from '../support/api'
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let admin: Caller
let secretary: Caller
let organiser: Caller
let publicity: Caller
let branchId: string
let recruitId: string
const ids: Record<string, string> = {}
let seq = 0

async function join(openid: string, code: string, name: string) {
  const as = apiAs(cloud.url, openid)
  await ok(as('session.join', { code, name }))
  return as
}
/** A file uploaded as the person screen does: under recruitment/<branchId>/<recruitId>/. */
const upload = (name: string, bytes = Buffer.from(`%${name}`)) =>
  uploadFile(cloud.url, bytes, name, name.endsWith('.jpg') ? 'image/jpeg' : 'application/pdf', `recruitment/${branchId}/${recruitId}/application-${++seq}.${name.split('.').pop()}`, 'rf-sec')
const material = async (caller: Caller, key = 'application') => (await ok(caller('recruitment.get', { recruitId }))).materials.find((m) => m.key === key)!

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  admin = apiAs(cloud.url, 'rf-admin')
  await ok(admin('org.bootstrap', { token: 'local-dev-bootstrap-token', committeeName: '测试党委', adminName: '党委管理员' }))
  branchId = (await ok(admin('branches.create', { name: '丁学会党支部', startedOn: '2023-01-01' }))).id
  secretary = await join('rf-sec', (await ok(admin('invites.create', { branchId, role: 'secretary' }))).code, '张书记')
  const inv = await ok(secretary('invites.create', { branchId, role: 'member', maxUses: 10 }))
  organiser = await join('rf-org', inv.code, '组织委员甲')
  publicity = await join('rf-pub', inv.code, '宣传委员乙')
  for (const m of (await ok(secretary('members.list', { branchId }))).items) ids[m.name] = m.id
  await ok(secretary('members.setPosts', { memberId: ids['组织委员甲'], posts: ['组织委员'], groupLeader: false, since: '2020-01-01' }))
  await ok(secretary('members.setPosts', { memberId: ids['宣传委员乙'], posts: ['宣传委员'], groupLeader: false, since: '2020-01-01' }))
  recruitId = (await ok(secretary('recruitment.create', { branchId, name: '王申请', appliedOn: '2026-01-05', clientRequestId: 'rc-recruitmentfiles-1' }))).id
}, 90_000)
afterAll(() => cloud?.stop())

test('a phone photo and a PDF are added by name; two added apart both stay; a text file is refused by name', async () => {
  const photo = await upload('申请书照片.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
  const pdf = await upload('入党申请书.pdf')
  // Each adds its own file to what is there now (the screen sent the whole list, read before the other was saved).
  await ok(secretary('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: photo, name: '申请书照片.jpg' }] }))
  await ok(organiser('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: pdf, name: '入党申请书.pdf' }] }))
  const m = await material(secretary)
  expect(m.done).toBe(true)
  expect(m.files.map((f) => [f.name, f.kind]).sort()).toEqual([['入党申请书.pdf', 'document'], ['申请书照片.jpg', 'image']])
  const d = await ok(secretary('recruitment.get', { recruitId }))
  expect(d.history.map((h) => h.what)).toEqual(expect.arrayContaining(['材料「入党申请书」添加附件：申请书照片.jpg', '材料「入党申请书」添加附件：入党申请书.pdf']))

  const txt = await upload('说明.txt')
  expect(await secretary('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: txt, name: '说明.txt' }] })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '说明.txt 不是照片（JPG、PNG）或 PDF、Word、Excel 文件，未添加' },
  })
  expect(await secretary('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: 'cloud://env/activities/x/a.pdf', name: 'a.pdf' }] })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '附件不是本支部上传的，请重新上传' },
  })
  // Marking the item 未齐备 and back keeps its files (the toggle sent the list it had read).
  await ok(secretary('recruitment.material', { recruitId, key: 'application', done: false }))
  expect((await material(secretary)).files).toHaveLength(2)
})

test('files are listed and opened by the secretary and the 组织委员 only; each open is audited', async () => {
  const m = await material(organiser)
  const photo = m.files.find((f) => f.kind === 'image')!
  const opened = await ok(organiser('recruitment.file', { recruitId, fileID: photo.fileID }))
  expect(opened).toMatchObject({ name: '申请书照片.jpg', kind: 'image' })
  // The link the function signed serves the file to a client that did not upload it.
  const res = await fetch(opened.url.startsWith('http') ? opened.url : `${cloud.url}${opened.url}`)
  expect(res.status).toBe(200)
  expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))

  // Another 支委 reads the file but is not shown the files, nor may open one.
  const seen = await material(publicity)
  expect(seen).toMatchObject({ files: [], fileCount: 2 })
  expect(await publicity('recruitment.file', { recruitId, fileID: photo.fileID })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await secretary('recruitment.file', { recruitId, fileID: `cloud://local-dev/recruitment/${branchId}/${recruitId}/other.pdf` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const audit = await ok(secretary('audit.list', { branchId, limit: 50 }))
  expect(audit.items.filter((e) => e.action === 'recruit.file').map((e) => [e.actor.name, e.summary])).toEqual([['组织委员甲', '查看 王申请 的材料「入党申请书」附件 申请书照片.jpg']])
})

test('a file removed: gone from the list and from storage, the removal in the history and the audit log', async () => {
  const pdf = (await material(secretary)).files.find((f) => f.kind === 'document')!
  const before = await ok(secretary('recruitment.get', { recruitId }))
  expect(await secretary('recruitment.detach', { recruitId, key: 'application', fileID: pdf.fileID, version: before.version - 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await publicity('recruitment.detach', { recruitId, key: 'application', fileID: pdf.fileID })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const d = await ok(secretary('recruitment.detach', { recruitId, key: 'application', fileID: pdf.fileID, version: before.version }))
  expect(d.materials.find((m) => m.key === 'application')!.files.map((f) => f.name)).toEqual(['申请书照片.jpg'])
  expect(d.history.at(-1)).toMatchObject({ by: '张书记', what: '材料「入党申请书」删除附件：入党申请书.pdf' })
  expect(await secretary('recruitment.file', { recruitId, fileID: pdf.fileID })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const stored = await fetch(`${cloud.url}/storage/${pdf.fileID.replace(/^cloud:\/\/[^/]+\//, '')}`, { headers: { 'X-Dev-OpenId': 'rf-sec' } })
  expect(stored.status).toBe(404)
  const audit = await ok(secretary('audit.list', { branchId, limit: 50 }))
  expect(audit.items.find((e) => e.action === 'recruit.file.removed')?.summary).toBe('王申请：删除材料「入党申请书」的附件 入党申请书.pdf')
})

test('earlier files (before names were kept) show the item\'s title and their kind', async () => {
  const scan = await upload('scan.jpg')
  await ok(secretary('recruitment.material', { recruitId, key: 'thought_reports', done: true, files: [scan] }))
  expect((await material(secretary, 'thought_reports')).files).toEqual([{ fileID: scan, name: '思想汇报 1.jpg', kind: 'image' }])
})
