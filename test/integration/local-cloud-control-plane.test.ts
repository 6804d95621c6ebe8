// Issue 15 item 15: the local cloud's control plane answers only its own origin and the functions. A page on another
// local origin made itself committee admin with a no-cors text/plain POST to /admin; a rebound DNS name reached it
// with any Host; /admin had no secret.
import http from 'node:http'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../support/browser'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

jest.setTimeout(90000)

let cloud: LocalCloudHandle
let port: number
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: false })
  port = Number(new URL(cloud.url).port)
  await sdkFor(cloud.url).database().createCollection('memberships')
})
afterAll(async () => { await cloud?.stop() })

/** A raw request (fetch will not send another Host), answering status and parsed body. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => { text += c })
      res.on('end', () => {
        let body: any = text
        try { body = JSON.parse(text) } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, body })
      })
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const secretOf = () => new URL(cloud.adminUrl).pathname.slice('/admin/'.length)
const makeAdmin = JSON.stringify({
  action: 'database.insertDocument',
  collectionName: 'memberships',
  data: JSON.stringify({ _id: 'pwned', openid: 'attacker', role: 'committee_admin', status: 'active', branchId: null }),
})
async function memberships(): Promise<string[]> {
  const { data } = await sdkFor(cloud.url).database().collection('memberships').get()
  return data.map((d: { _id: string }) => d._id)
}

test('a page on another local origin cannot write through /admin, upload or fire a trigger with no-cors POSTs', async () => {
  // The attacker knows the secret too, so this shows the Origin check on its own, and the old /admin path as well.
  const attack = `<!doctype html><script>
    const cloud = ${JSON.stringify(cloud.url)}
    const body = ${JSON.stringify(makeAdmin)}
    window.done = Promise.allSettled([
      fetch(cloud + '/admin', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
      fetch(cloud + '/admin/${secretOf()}', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
      (() => { const f = new FormData(); f.append('cloudPath', 'pwned.html'); f.append('file', new Blob(['<script>alert(1)<\\/script>'], { type: 'text/html' }), 'pwned.html')
        return fetch(cloud + '/cloud/storage', { method: 'POST', mode: 'no-cors', body: f }) })(),
    ]).then(() => 'sent')
  </script>`
  const evil = http.createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(attack) })
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()))
  let browser: Browser | undefined
  try {
    browser = await launchBrowser()
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${(evil.address() as { port: number }).port}/`)
    expect(await page.evaluate(() => (window as any).done)).toBe('sent')
  } finally {
    await browser?.close()
    await new Promise((r) => evil.close(r))
  }
  expect(await memberships()).not.toContain('pwned')
  expect((await fetch(`${cloud.url}/storage/pwned.html`)).status).toBe(404)
})

test('a request with another Host is refused (DNS rebinding), the loopback names are answered', async () => {
  for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost', `127.0.0.1.nip.io:${port}`]) {
    const r = await raw({ path: '/dev/identities', headers: { host } })
    expect([host, r.status, r.body?.error?.code]).toEqual([host, 403, 'FORBIDDEN'])
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
    expect([host, (await raw({ path: '/healthz', headers: { host } })).status]).toEqual([host, 200])
  }
})

test('a request from another Origin is refused; the same origin is answered', async () => {
  const call = (origin: string) =>
    raw({ method: 'POST', path: '/cloud/functions/api', headers: { host: `127.0.0.1:${port}`, origin, 'content-type': 'application/json' }, body: '{}' })
  for (const origin of [`http://127.0.0.1:${port + 1}`, 'null', `http://evil.example:${port}`, `https://127.0.0.1:${port}`]) {
    const r = await call(origin)
    expect([origin, r.status, r.body?.error?.code]).toEqual([origin, 403, 'FORBIDDEN'])
  }
  // The same origin reaches the function, whose own envelope answers ({} is not an action).
  const same = await call(`http://127.0.0.1:${port}`)
  expect(same.status).toBe(200)
  expect(same.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('JSON endpoints take only application/json', async () => {
  const host = `127.0.0.1:${port}`
  const fn = await raw({ method: 'POST', path: '/cloud/functions/api', headers: { host, 'content-type': 'text/plain' }, body: '{}' })
  expect([fn.status, fn.body?.error?.code]).toEqual([415, 'INVALID_INPUT'])
  const push = await raw({ method: 'POST', path: '/cloud/messages/api', headers: { host, 'content-type': 'text/plain' }, body: '{"Event":"wxa_media_check"}' })
  expect([push.status, push.body?.error?.code]).toEqual([415, 'INVALID_INPUT'])
  const subs = await raw({ method: 'POST', path: '/dev/subscriptions', headers: { host, 'content-type': 'text/plain', 'x-dev-openid': 'someone' }, body: '{"results":{"t":"accept"}}' })
  expect([subs.status, subs.body?.error?.code]).toEqual([415, 'INVALID_INPUT'])
  const admin = await raw({ method: 'POST', path: `/admin/${secretOf()}`, headers: { host, 'content-type': 'text/plain' }, body: makeAdmin })
  expect(admin.body?.code).toBe('INVALID_PARAM')
  expect(await memberships()).not.toContain('pwned')
})

test('/admin without this run\'s secret is refused; the SDK with it works', async () => {
  const host = `127.0.0.1:${port}`
  for (const path of ['/admin', '/admin/', '/admin/wrong-secret', `/admin/${secretOf()}x`]) {
    const r = await raw({ method: 'POST', path, headers: { host, 'content-type': 'application/json' }, body: makeAdmin })
    expect([path, r.status, r.body?.error?.code]).toEqual([path, 403, 'FORBIDDEN'])
  }
  expect(await memberships()).not.toContain('pwned')
  // The upload URL /admin hands out takes only the token it came with.
  const put = await raw({ method: 'PUT', path: '/storage-upload/x/pwned.html', headers: { host, authorization: 'local' }, body: '<b>x</b>' })
  expect(put.status).toBe(403)
  const cloudSdk = sdkFor(cloud.url)
  const { fileID } = await cloudSdk.uploadFile({ cloudPath: 'exports/ok.txt', fileContent: Buffer.from('fine') })
  const { fileList } = await cloudSdk.getTempFileURL({ fileList: [fileID] })
  expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('fine')
})
