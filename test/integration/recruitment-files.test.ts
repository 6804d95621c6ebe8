/**
 * A person's 发展党员 checklist files (docs/recruitment.md, the users' walk): a file added with its name (a phone photo
 * of the 申请书 as well as a PDF), listed by name to the secretary and the 组织委员 only, opened through a short-lived
 * link the function signs (every open audited), removed with the removal in the person's history. A file is added to
 * what the item has now, so two uploads finishing one after the other both stay.
 */
import { apiAs, ok, uploadFile, type Caller } from '../support/api'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

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
/** A file uploaded as the person screen does: into the uploader's own folder, recruitment/<branchId>/<openid>/. */
const upload = (name: string, bytes = Buffer.from(`%${name}`), openid = 'rf-sec') =>
  uploadFile(cloud.url, bytes, name, name.endsWith('.jpg') ? 'image/jpeg' : 'application/pdf', `recruitment/${branchId}/${openid}/application-${++seq}.${name.split('.').pop()}`, openid)
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
  const pdf = await upload('入党申请书.pdf', undefined, 'rf-org')
  // Each adds its own file to what is there now (the screen sent the whole list, read before the other was saved).
  await ok(secretary('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: photo, name: '申请书照片.jpg' }] }))
  await ok(organiser('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: pdf, name: '入党申请书.pdf' }] }))
  // Adding a file does not tick the item (users' walk: one photo made 入党申请书 「✓ 齐备」 unasked); the keeper marks it.
  const m = await material(secretary)
  expect(m).toMatchObject({ done: false, on: null })
  expect(m.files.map((f) => [f.name, f.kind]).sort()).toEqual([['入党申请书.pdf', 'document'], ['申请书照片.jpg', 'image']])
  const d = await ok(secretary('recruitment.get', { recruitId }))
  expect(d.history.map((h) => h.what)).toEqual(expect.arrayContaining(['材料「入党申请书」添加附件：申请书照片.jpg', '材料「入党申请书」添加附件：入党申请书.pdf']))
  expect(d.uploadFolder).toBe(`recruitment/${branchId}/rf-sec/`)

  const txt = await upload('说明.txt')
  expect(await secretary('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: txt, name: '说明.txt' }] })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '说明.txt 不是照片（JPG、PNG）或 PDF、Word、Excel 文件，未添加' },
  })
  expect(await secretary('recruitment.attach', { recruitId, key: 'application', files: [{ fileID: 'cloud://env/activities/x/a.pdf', name: 'a.pdf' }] })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '附件不是本支部上传的，请重新上传' },
  })
  // An item that builds up over years (思想汇报) is not complete because one report came in.
  const report = await upload('2026年第三季度思想汇报.pdf')
  await ok(secretary('recruitment.attach', { recruitId, key: 'thought_reports', files: [{ fileID: report, name: '2026年第三季度思想汇报.pdf' }] }))
  expect(await material(secretary, 'thought_reports')).toMatchObject({ done: false, fileCount: 1 })
  // 标记齐备 without a date: today's.
  const marked = await ok(secretary('recruitment.material', { recruitId, key: 'application', done: true }))
  expect(marked.materials.find((x) => x.key === 'application')).toMatchObject({ done: true, on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
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

// Attacker review: a stranger, another branch's secretary or a plain member uploaded under recruitment/<B1>/, and the B1
// secretary's attach took the fileID — the uploader could then read and replace the person's material. The uploader is
// bound in the path (the storage rule, local-cloud-storage-rule.test.ts) and attach takes only the caller's own folder.
test('attach takes only a file the caller uploaded into their own folder, of this env, in storage; anything else is refused by name', async () => {
  const refusedAs = async (fileID: string, caller = secretary) => caller('recruitment.attach', { recruitId, key: 'vetting', files: [{ fileID, name: '政审.pdf' }] })
  // Someone else's upload (the 组织委员's, a stranger's in their own folder): not the secretary's to attach.
  const theirs = await upload('theirs.pdf', undefined, 'rf-org')
  const strangers = await upload('x.pdf', undefined, 'stranger')
  for (const f of [theirs, strangers]) {
    expect(await refusedAs(f)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '只能添加你自己上传的附件：这个文件不是你上传的，请在本页重新上传' } })
  }
  // A file that is not in storage, another env's fileID, junk in the path, the old shape without the uploader.
  const env = /^cloud:\/\/[^/]+/.exec(theirs)![0]
  expect(await refusedAs(`${env}/recruitment/${branchId}/rf-sec/ghost.pdf`)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '附件没有上传成功或已被删除，请重新上传' } })
  const mine = await upload('mine.pdf')
  for (const f of [
    mine.replace(/^cloud:\/\/[^./]+/, 'cloud://evil'),
    `${env}/recruitment/${branchId}/rf-sec/%2e%2e.pdf`,
    `${env}/recruitment/${branchId}/rf-sec/a\\b.pdf`,
    `${env}/recruitment/${branchId}/rf-sec/../rf-sec/x.pdf`,
    `${mine}?x=1`,
    `${mine}#frag`,
    `${env}/recruitment/${branchId}/x.pdf`,
  ]) {
    expect([f, await refusedAs(f)]).toEqual([f, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', message: '附件不是本支部上传的，请重新上传' }) })])
  }
  // Nothing was marked 齐备 by the refusals; the caller's own upload is taken.
  expect(await material(secretary, 'vetting')).toMatchObject({ done: false, files: [] })
  await ok(secretary('recruitment.attach', { recruitId, key: 'vetting', files: [{ fileID: mine, name: '政审B2.pdf' }] }))
  expect((await material(secretary, 'vetting')).files.map((f) => f.name)).toEqual(['政审B2.pdf'])
  // The same checks on the other ways files come in (a step's files, the whole list of an item).
  expect(await secretary('recruitment.material', { recruitId, key: 'application', done: true, files: [theirs] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('another 支委 reads the history without file names: 「添加附件 1 个」, the keepers read the names', async () => {
  const vetting = (await material(secretary, 'vetting')).files[0]
  const before = await ok(secretary('recruitment.get', { recruitId }))
  await ok(secretary('recruitment.detach', { recruitId, key: 'vetting', fileID: vetting.fileID, version: before.version }))
  const seen = await ok(publicity('recruitment.get', { recruitId }))
  expect(seen.uploadFolder).toBeNull()
  const lines = seen.history.map((h) => h.what).filter((w) => w.includes('附件'))
  expect(lines).toEqual(expect.arrayContaining(['材料「政治审查材料」添加附件 1 个', '材料「政治审查材料」删除附件 1 个', '材料「入党申请书」添加附件 1 个']))
  expect(JSON.stringify(seen)).not.toMatch(/政审B2|政审\.pdf|申请书照片|入党申请书\.pdf/)
  const kept = await ok(secretary('recruitment.get', { recruitId }))
  expect(kept.history.map((h) => h.what)).toEqual(expect.arrayContaining(['材料「政治审查材料」添加附件：政审B2.pdf', '材料「政治审查材料」删除附件：政审B2.pdf']))
})

test('a file attached before the uploader was in the path (recruitment/<branchId>/<recruitId>/…) still opens and is removed', async () => {
  const sdk = sdkFor(cloud.url)
  const { fileID } = await sdk.uploadFile({ cloudPath: `recruitment/${branchId}/${recruitId}/application-old.pdf`, fileContent: Buffer.from('%old') })
  const doc = (await sdk.database().collection('recruits').doc(recruitId).get()).data
  const item = doc.materials.application
  await sdk.database().collection('recruits').doc(recruitId).update({ data: { materials: { application: { ...item, files: [...item.files, fileID], names: [...(item.names ?? []), { fileID, name: '旧申请书.pdf' }] } } } })
  const opened = await ok(secretary('recruitment.file', { recruitId, fileID }))
  expect(await (await fetch(opened.url)).text()).toBe('%old')
  // Marking the item with its whole list (the old file in it) is not refused: the record holds it already.
  await ok(secretary('recruitment.material', { recruitId, key: 'application', done: true, files: (await material(secretary)).files.map((f) => f.fileID) }))
  const d = await ok(secretary('recruitment.detach', { recruitId, key: 'application', fileID }))
  expect(d.materials.find((m) => m.key === 'application')!.files.map((f) => f.name)).not.toContain('旧申请书.pdf')
})
