// The local cloud driven through the REAL wx-server-sdk: the cloud database's documented behaviour,
// storage and openapi. If a wx-server-sdk upgrade changes the wire, this is the test that says so.

import { startLocalCloud, sdkFor, type LocalCloudHandle } from '../support/local-cloud'


let lc: LocalCloudHandle
let cloud: any
let db: any
let _: any

beforeAll(async () => {
  lc = await startLocalCloud({ seed: false })
  cloud = sdkFor(lc.url)
  db = cloud.database()
  _ = db.command
  await db.createCollection('people')
  await db.collection('people').add({ data: { _id: 'p1', name: '张三', age: 30, city: 'Beijing', tags: ['a', 'b'], profile: { level: 2, title: '书记' } } })
  await db.collection('people').add({ data: { _id: 'p2', name: '李四', age: 25, city: 'Shanghai', tags: ['b'], profile: { level: 1 } } })
  await db.collection('people').add({ data: { _id: 'p3', name: '王五', age: 35, city: 'Beijing', tags: [], profile: { level: 3 }, nick: 'wang' } })
  await db.collection('people').add({ data: { _id: 'p4', name: '赵六', age: 30, city: 'Shenzhen', tags: ['c'], profile: { level: 2 } } })
})

afterAll(async () => {
  await lc?.stop()
})

const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort()
const people = () => db.collection('people')

describe('queries', () => {
  test('comparison operators', async () => {
    expect(ids(await people().where({ age: 30 }).get())).toEqual(['p1', 'p4'])
    expect(ids(await people().where({ age: _.eq(25) }).get())).toEqual(['p2'])
    expect(ids(await people().where({ age: _.neq(30) }).get())).toEqual(['p2', 'p3'])
    expect(ids(await people().where({ age: _.gt(30) }).get())).toEqual(['p3'])
    expect(ids(await people().where({ age: _.gte(30) }).get())).toEqual(['p1', 'p3', 'p4'])
    expect(ids(await people().where({ age: _.lt(30) }).get())).toEqual(['p2'])
    expect(ids(await people().where({ age: _.lte(30) }).get())).toEqual(['p1', 'p2', 'p4'])
    expect(ids(await people().where({ city: _.in(['Beijing', 'Shenzhen']) }).get())).toEqual(['p1', 'p3', 'p4'])
    expect(ids(await people().where({ city: _.nin(['Beijing', 'Shenzhen']) }).get())).toEqual(['p2'])
  })

  test('logical operators, exists, RegExp, nested fields, arrays', async () => {
    expect(ids(await people().where(_.or([{ age: _.lt(26) }, { age: _.gt(34) }])).get())).toEqual(['p2', 'p3'])
    expect(ids(await people().where(_.and([{ city: 'Beijing' }, { age: _.gt(31) }])).get())).toEqual(['p3'])
    expect(ids(await people().where({ age: _.gt(20).and(_.lt(30)) }).get())).toEqual(['p2'])
    expect(ids(await people().where({ nick: _.exists(true) }).get())).toEqual(['p3'])
    expect(ids(await people().where({ nick: _.exists(false) }).get())).toEqual(['p1', 'p2', 'p4'])
    expect(ids(await people().where({ city: db.RegExp({ regexp: '^shen', options: 'i' }) }).get())).toEqual(['p4'])
    expect(ids(await people().where({ city: /hai$/ }).get())).toEqual(['p2'])
    expect(ids(await people().where({ 'profile.level': 2 }).get())).toEqual(['p1', 'p4'])
    expect(ids(await people().where({ profile: { level: _.gte(3) } }).get())).toEqual(['p3'])
    expect(ids(await people().where({ tags: 'b' }).get())).toEqual(['p1', 'p2'])
  })

  test('ordering by two fields, skip/limit paging, projection, count', async () => {
    const ordered = await people().orderBy('age', 'desc').orderBy('name', 'asc').get()
    // age desc, then name asc (张 U+5F20 sorts before 赵 U+8D75)
    expect(ordered.data.map((d: any) => d._id)).toEqual(['p3', 'p1', 'p4', 'p2'])
    const page1 = await people().orderBy('_id', 'asc').skip(0).limit(2).get()
    const page2 = await people().orderBy('_id', 'asc').skip(2).limit(2).get()
    expect(page1.data.map((d: any) => d._id)).toEqual(['p1', 'p2'])
    expect(page2.data.map((d: any) => d._id)).toEqual(['p3', 'p4'])
    const projected = await people().where({ _id: 'p1' }).field({ name: true, 'profile.level': true }).get()
    expect(projected.data).toEqual([{ _id: 'p1', name: '张三', profile: { level: 2 } }])
    const excluded = await people().doc('p2').field({ tags: false, profile: false }).get()
    expect(excluded.data).toEqual({ _id: 'p2', name: '李四', age: 25, city: 'Shanghai' })
    expect((await people().where({ city: 'Beijing' }).count()).total).toBe(2)
    expect((await people().count()).total).toBe(4)
  })

  test('the SDK asks for 100 when no limit is given, and the cloud caps at 1000', async () => {
    await db.createCollection('many')
    const coll = db.collection('many')
    await Promise.all(Array.from({ length: 150 }, (_x, i) => coll.add({ data: { i } })))
    expect((await coll.get()).data).toHaveLength(100)
    expect((await coll.limit(120).get()).data).toHaveLength(120)
    expect((await coll.skip(100).get()).data).toHaveLength(50)
    expect((await coll.count()).total).toBe(150)
    const auto = (await coll.limit(1).get()).data[0]._id
    expect(auto).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('writes', () => {
  test('update operators: set (nested merge), inc, mul, push, pull, remove', async () => {
    await db.createCollection('counters')
    const c = db.collection('counters')
    await c.add({ data: { _id: 'k', n: 1, m: 3, list: [1, 2, 3], obj: { a: 1 }, gone: true } })
    const r = await c.doc('k').update({ data: { n: _.inc(2), m: _.mul(4), list: _.push([4, 5]), obj: { b: 2 }, gone: _.remove() } })
    expect(r.stats.updated).toBe(1)
    await c.doc('k').update({ data: { list: _.pull(2) } })
    await c.doc('k').update({ data: { 'obj.a': _.set({ deep: true }) } })
    const got = (await c.doc('k').get()).data
    expect(got).toEqual({ _id: 'k', n: 3, m: 12, list: [1, 3, 4, 5], obj: { a: { deep: true }, b: 2 } })
    const many = await c.where({ n: _.gt(0) }).update({ data: { flag: 'x' } })
    expect(many.stats.updated).toBe(1)
    const set = await c.doc('k').set({ data: { replaced: 1 } })
    expect(set.stats.updated).toBe(1)
    expect((await c.doc('k').get()).data).toEqual({ _id: 'k', replaced: 1 })
    const created = await c.doc('new').set({ data: { v: 1 } })
    expect(created._id).toBe('new')
    expect((await c.doc('new').get()).data).toEqual({ _id: 'new', v: 1 })
    expect((await c.doc('new').remove()).stats.removed).toBe(1)
    expect((await c.where({ v: 1 }).remove()).stats.removed).toBe(0)
  })

  test('serverDate and dates round-trip as Date', async () => {
    await db.createCollection('dated')
    const before = Date.now()
    const { _id } = await db.collection('dated').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60000 }), fixed: new Date('2026-01-02T03:04:05Z') } })
    const doc = (await db.collection('dated').doc(_id).get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - 5)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60000)
    expect(doc.fixed.toISOString()).toBe('2026-01-02T03:04:05.000Z')
    expect(ids(await db.collection('dated').where({ fixed: _.lt(new Date('2026-06-01')) }).get())).toEqual([_id])
  })

  test('aggregate: match, group, sort', async () => {
    const $ = db.command.aggregate
    const res = await people().aggregate().match({ age: _.gte(25) }).group({ _id: '$city', n: $.sum(1), avgAge: $.avg('$age') }).sort({ n: -1, _id: 1 }).end()
    expect(res.list).toEqual([
      { _id: 'Beijing', n: 2, avgAge: 32.5 },
      { _id: 'Shanghai', n: 1, avgAge: 25 },
      { _id: 'Shenzhen', n: 1, avgAge: 30 },
    ])
  })
})

describe('errors as the cloud gives them', () => {
  test('doc().get() of a missing document rejects', async () => {
    await expect(people().doc('nobody').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') })
  })

  test('a duplicate _id is rejected', async () => {
    await expect(people().add({ data: { _id: 'p1', name: 'dup' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('E11000 duplicate key'),
    })
    expect((await people().doc('p1').get()).data.name).toBe('张三')
  })

  test('a missing collection rejects with DATABASE_COLLECTION_NOT_EXIST', async () => {
    for (const op of [
      () => db.collection('nope').get(),
      () => db.collection('nope').add({ data: { a: 1 } }),
      () => db.collection('nope').where({ a: 1 }).update({ data: { a: 2 } }),
      () => db.collection('nope').count(),
    ]) {
      await expect(op()).rejects.toMatchObject({ errCode: -502005, errMsg: expect.stringContaining('collection not exists') })
    }
  })

  test('createCollection creates once; a second time fails', async () => {
    await expect(db.createCollection('fresh')).resolves.toMatchObject({ errMsg: 'createCollection:ok' })
    expect((await db.collection('fresh').get()).data).toEqual([])
    await expect(db.createCollection('fresh')).rejects.toMatchObject({ errMsg: expect.stringContaining('exist') })
  })
})

describe('storage', () => {
  test('uploadFile → getTempFileURL → bytes equal → deleteFile', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_x, i) => i % 256))
    const { fileID } = await cloud.uploadFile({ cloudPath: 'conformance/blob.png', fileContent: bytes })
    expect(fileID).toBe('cloud://local-dev.local-dev-1300000000/conformance/blob.png')
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] })
    expect(fileList[0]).toMatchObject({ fileID, status: 0 })
    const res = await fetch(fileList[0].tempFileURL)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await cloud.downloadFile({ fileID })).fileContent.equals(bytes)).toBe(true)
    const del = await cloud.deleteFile({ fileList: [fileID] })
    expect(del.fileList[0]).toMatchObject({ fileID, status: 0 })
    const after = await cloud.getTempFileURL({ fileList: [fileID] })
    expect(after.fileList[0].status).not.toBe(0)
  })

  test('POST /cloud/storage (multipart) answers a fileID served over HTTP', async () => {
    const form = new FormData()
    form.append('file', new Blob([Buffer.from('会议纪要')], { type: 'text/plain' }), '纪要.txt')
    // As wx.cloud.uploadFile does, from a signed-in person (an upload with no identity is refused: local-cloud-storage.test.ts).
    const res = await fetch(`${lc.url}/cloud/storage`, { method: 'POST', body: form, headers: { 'x-dev-openid': 'conformance-uploader' } })
    const { fileID } = await res.json()
    expect(fileID).toMatch(/^cloud:\/\/local-dev\.[^/]+\/uploads\/[0-9a-f]+\/纪要\.txt$/)
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] })
    const got = await fetch(fileList[0].tempFileURL)
    expect(got.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await got.text()).toBe('会议纪要')
  })
})

describe('openapi', () => {
  test('subscribeMessage.send lands in GET /dev/outbox', async () => {
    const res = await cloud.openapi.subscribeMessage.send({
      touser: 'o-outbox', templateId: 'TPL1', page: 'pages/index/index', miniprogramState: 'developer',
      data: { thing1: { value: '支部会议' }, time2: { value: '2026-11-24 09:00' } },
    })
    expect(res.errCode).toBe(0)
    const outbox = await (await fetch(`${lc.url}/dev/outbox`)).json()
    expect(outbox).toContainEqual(expect.objectContaining({
      touser: 'o-outbox', templateId: 'TPL1', page: 'pages/index/index', miniprogramState: 'developer',
      data: { thing1: { value: '支部会议' }, time2: { value: '2026-11-24 09:00' } }, sentAt: expect.any(String),
    }))
  })

  test('subscribeMessage.send without data fails with 47003', async () => {
    await expect(cloud.openapi.subscribeMessage.send({ touser: 'o1', templateId: 'T' })).rejects.toMatchObject({ errCode: 47003 })
  })

  test('msgSecCheck v2: risky and pass', async () => {
    const risky = await cloud.openapi.security.msgSecCheck({ content: '这里有违禁词', openid: 'o1', scene: 2, version: 2 })
    expect(risky.result).toEqual({ suggest: 'risky', label: expect.any(Number) })
    expect(risky.result.label).not.toBe(100)
    const pass = await cloud.openapi.security.msgSecCheck({ content: '今天学习党章', openid: 'o1', scene: 2, version: 2 })
    expect(pass.result).toEqual({ suggest: 'pass', label: 100 })
  })

  test('mediaCheckAsync answers a trace id', async () => {
    const r = await cloud.openapi.security.mediaCheckAsync({ mediaUrl: 'http://x/a.png', mediaType: 2, version: 2, openid: 'o1', scene: 1 })
    expect(r.traceId).toEqual(expect.any(String))
  })

  test('wxacode.getUnlimited returns PNG bytes', async () => {
    const r = await cloud.openapi.wxacode.getUnlimited({ scene: 'a=1', page: 'pages/index/index' })
    expect(r.contentType).toBe('image/png')
    expect(Buffer.isBuffer(r.buffer)).toBe(true)
    expect(r.buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  })

  test('an unknown openapi fails with errcode -1', async () => {
    await expect(cloud.openapi.customerServiceMessage.send({ touser: 'o1', msgtype: 'text' })).rejects.toMatchObject({ errCode: -1 })
  })
})
