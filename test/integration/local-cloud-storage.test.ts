// Issue 15 item 16: storage. Any cloudPath overwrote any file; .html/.svg were served as pages on the app's origin
// (an uploaded page read the dev identity); uploads were buffered whole (64 MB each) with no cap on how many at once.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

jest.setTimeout(90000)

let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false, env: { LOCALCLOUD_UPLOAD_LIMIT_MB: '1' } })
})
afterAll(async () => { await cloud?.stop() })

async function upload(cloudPath: string | undefined, body: string | Buffer, openid?: string, name = 'f.bin') {
  const form = new FormData()
  if (cloudPath) form.append('cloudPath', cloudPath)
  form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name)
  const res = await fetch(`${cloud.url}/cloud/storage`, { method: 'POST', body: form, headers: openid ? { 'x-dev-openid': openid } : {} })
  return { status: res.status, body: await res.json() }
}
/** A client's read by fileID (wx.cloud.downloadFile): as `openid`, the uploader of most files here. */
const read = async (cloudPath: string, openid = 'alice') => {
  const res = await fetch(`${cloud.url}/storage/${cloudPath}`, { headers: openid ? { 'x-dev-openid': openid } : {} })
  return { status: res.status, text: await res.text(), headers: res.headers }
}
/** The link a function hands out (getTempFileURL through the SDK, admin rights). */
const tempUrl = async (cloudPath: string, maxAge?: number): Promise<string> => {
  const fileID = `cloud://local-dev.bucket/${cloudPath}`
  const { fileList } = await sdkFor(cloud.url).getTempFileURL({ fileList: [maxAge ? { fileID, maxAge } : fileID] })
  return fileList[0].tempFileURL
}
const leftovers = () => {
  const dir = path.join(cloud.dataDir, 'storage', '.uploading')
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

test('a cloudPath is replaced only by the person who uploaded it; others, anonymous callers and a function\'s file are refused', async () => {
  const cp = 'activities/b1/draft1/0.png'
  expect(await upload(cp, 'alice 1', 'alice')).toMatchObject({ status: 200, body: { fileID: expect.stringMatching(/\/activities\/b1\/draft1\/0\.png$/) } })
  expect(await upload(cp, 'mallory', 'mallory')).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } })
  expect(await upload(cp, 'anonymous')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } })
  expect((await read(cp)).text).toBe('alice 1')
  // A retry of one's own upload replaces it.
  expect((await upload(cp, 'alice 2', 'alice')).status).toBe(200)
  expect((await read(cp)).text).toBe('alice 2')
  // A function's file (written through the SDK, as exports are) is no user's to replace.
  await sdkFor(cloud.url).uploadFile({ cloudPath: 'exports/book.docx', fileContent: Buffer.from('the real book') })
  expect((await upload('exports/book.docx', 'forged', 'alice')).status).toBe(409)
  expect(await (await fetch(await tempUrl('exports/book.docx'))).text()).toBe('the real book')
  // Once deleted (by a function), the path is free again.
  const { fileList } = await sdkFor(cloud.url).deleteFile({ fileList: [(await upload(cp, 'alice 3', 'alice')).body.fileID] })
  expect(fileList[0].status).toBe(0)
  expect((await upload(cp, 'bob', 'bob')).status).toBe(200)
})

test('an upload without the caller identity is refused (as a function call without one is) and stores nothing', async () => {
  expect(await upload('u/anonymous.png', 'who?')).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
  expect(await upload(undefined, 'who?')).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
  expect((await read('u/anonymous.png')).status).toBe(404)
  expect(leftovers()).toEqual([])
  // The same upload with an identity goes through.
  expect((await upload('u/anonymous.png', 'me', 'alice')).status).toBe(200)
})

test('stored files are served with nosniff; anything but a raster image is a sandboxed download', async () => {
  const page = '<script>document.title = localStorage.getItem("branch-desk:dev-openid")</script>'
  for (const [cp, body] of [['u/page.html', page], ['u/pic.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], ['u/名单.pdf', '%PDF'], ['u/noext', page]] as const) {
    expect((await upload(cp, body, 'alice')).status).toBe(200)
    const { status, headers } = await read(encodeURI(cp))
    expect([cp, status, headers.get('x-content-type-options')]).toEqual([cp, 200, 'nosniff'])
    expect(headers.get('content-disposition')).toBe('attachment')
    expect(headers.get('content-security-policy')).toContain('sandbox')
  }
  for (const cp of ['u/photo.png', 'u/photo.JPG', 'u/photo.webp']) {
    expect((await upload(cp, 'img', 'alice')).status).toBe(200)
    const { headers } = await read(cp)
    expect([cp, headers.get('x-content-type-options'), headers.get('content-disposition')]).toEqual([cp, 'nosniff', null])
  }
  expect((await read('u/photo.png')).headers.get('content-type')).toBe('image/png')
})

test('an upload past the size cap is refused and leaves nothing behind, from the app and through the SDK', async () => {
  const big = Buffer.alloc(1.5 * (1 << 20), 7)
  expect(await upload('u/big.png', big, 'alice')).toMatchObject({ status: 413, body: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('1 MB') } } })
  expect((await read('u/big.png')).status).toBe(404)
  await expect(sdkFor(cloud.url).uploadFile({ cloudPath: 'exports/big.xlsx', fileContent: big })).rejects.toBeTruthy()
  expect((await read('exports/big.xlsx')).status).toBe(404)
  expect((await upload('u/fits.png', Buffer.alloc(900 * 1024, 1), 'alice')).status).toBe(200)
  expect(leftovers()).toEqual([])
})

test('at most 4 uploads stream and 8 wait; past that an upload is refused, and a client that leaves frees its place', async () => {
  const port = Number(new URL(cloud.url).port)
  const boundary = 'xxBOUNDARYxx'
  const part = (cp: string, name: string) => `--${boundary}\r\ncontent-disposition: form-data; name="cloudPath"\r\n\r\n${cp}\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\n\r\n`
  // Each on its own connection (agent: false), as twelve browser tabs would be.
  const whole = (cp: string, text: string) => new Promise<{ status: number; body: any }>((resolve, reject) => {
    const body = part(cp, 'f.png') + text + `\r\n--${boundary}--\r\n`
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/cloud/storage', agent: false,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(body), 'x-dev-openid': 'alice' } }, (res) => {
      let t = ''
      res.on('data', (c) => { t += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(t) }))
    })
    req.on('error', reject)
    req.end(body)
  })
  // Uploads that send their start and then hang: each holds a place until its client goes away.
  const hanging = Array.from({ length: 12 }, (_, i) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/cloud/storage', agent: false,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': 500_000, 'x-dev-openid': 'slow' } })
    req.on('error', () => { /* destroyed below */ })
    req.write(part(`slow/${i}.png`, `${i}.png`) + 'x'.repeat(1000))
    return req
  })
  await new Promise((r) => setTimeout(r, 1500))
  expect(await whole('u/thirteenth.png', 'x')).toMatchObject({ status: 503, body: { ok: false, error: { code: 'RATE_LIMITED' } } })
  for (const req of hanging) req.destroy()
  await new Promise((r) => setTimeout(r, 1500))
  expect((await whole('u/after.png', 'fine')).status).toBe(200)
  expect((await read('u/after.png')).text).toBe('fine')
  expect((await read('slow/0.png')).status).toBe(404)
  expect(leftovers()).toEqual([])
})

test('a function call whose body passes 16 MB is refused with 413 instead of being buffered whole', async () => {
  const event = JSON.stringify({ action: 'x', payload: { text: 'x'.repeat(16.5 * (1 << 20)) } })
  const res = await fetch(`${cloud.url}/cloud/functions/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: event })
  expect([res.status, (await res.json()).error]).toEqual([413, { code: 'INVALID_INPUT', message: '请求体超过上限 16 MB' }])
  // The server is still there for the next caller.
  expect((await fetch(`${cloud.url}/healthz`)).status).toBe(200)
})
