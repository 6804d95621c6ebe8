// Each invocation sees its own WeChat context although functions run in one process,
// and the local cloud's HTTP contract holds.

import { startLocalCloud, callFunction, sdkFor, FIXTURE_FUNCTIONS, type LocalCloudHandle } from '../support/local-cloud'


let lc: LocalCloudHandle

beforeAll(async () => {
  lc = await startLocalCloud({ seed: false, env: { LOCALCLOUD_FUNCTIONS: FIXTURE_FUNCTIONS } })
})
afterAll(async () => {
  await lc?.stop()
})

test('50 concurrent invocations with different openids each see their own OPENID', async () => {
  const openids = Array.from({ length: 50 }, (_x, i) => `o-user-${i}`)
  const results = await Promise.all(openids.map((o, i) => callFunction(lc.url, 'whoami', { i, touchDb: i % 2 === 0 }, o)))
  results.forEach((r, i) => {
    expect(r.before).toBe(openids[i])
    expect(r.openid).toBe(openids[i])
    expect(r.event.i).toBe(i)
  })
})

test('getWXContext carries APPID and ENV; local.env.json reaches only its function', async () => {
  const r = await callFunction(lc.url, 'whoami', {}, 'o-x')
  expect(r).toMatchObject({ openid: 'o-x', appid: expect.any(String), env: 'local-dev', token: 'fixture-secret' })
})

test('no X-Dev-OpenId → empty OPENID', async () => {
  const r = await callFunction(lc.url, 'whoami', {})
  expect(r.openid ?? '').toBe('')
})

test('cloud.callFunction runs the named function with the caller context (concurrently)', async () => {
  const rs = await Promise.all(Array.from({ length: 10 }, (_x, n) => callFunction(lc.url, 'caller', { n }, `o-c-${n}`)))
  rs.forEach((r, n) => {
    expect(r.me).toBe(`o-c-${n}`)
    expect(r.callee).toMatchObject({ openid: `o-c-${n}`, event: { via: 'caller', n } })
  })
})

test('GET /healthz', async () => {
  const res = await fetch(`${lc.url}/healthz`)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true })
})

test('unknown function → 404 NOT_FOUND', async () => {
  const res = await fetch(`${lc.url}/cloud/functions/nope`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
  expect(res.status).toBe(404)
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } })
})

test('a function that throws → 500 with the message', async () => {
  const res = await fetch(`${lc.url}/cloud/functions/thrower`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  expect(res.status).toBe(500)
  expect(JSON.stringify(await res.json())).toContain('故意失败 fixture')
})

test('POST /cloud/triggers/<name>?now= passes Type, TriggerName and Time', async () => {
  const res = await fetch(`${lc.url}/cloud/triggers/clock?now=${encodeURIComponent('2026-03-01T00:00:00Z')}`, { method: 'POST' })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ got: { Type: 'Timer', TriggerName: 'dailyClock', Time: '2026-03-01T00:00:00.000Z' } })
  const before = Date.now()
  const now = await (await fetch(`${lc.url}/cloud/triggers/clock`, { method: 'POST' })).json()
  expect(Math.abs(new Date(now.got.Time).getTime() - before)).toBeLessThan(5000)
  expect((await fetch(`${lc.url}/cloud/triggers/nope`, { method: 'POST' })).status).toBe(404)
})

test('GET /dev/identities joins users and active memberships, committee first', async () => {
  // no collections yet → []
  expect(await (await fetch(`${lc.url}/dev/identities`)).json()).toEqual([])
  const db = sdkFor(lc.url).database()
  await db.createCollection('users')
  await db.createCollection('memberships')
  for (const [id, name] of [['o-a', '王芳'], ['o-b', '李明'], ['o-c', '陈静'], ['o-d', '赵强']]) await db.collection('users').add({ data: { _id: id, name } })
  const ms = [
    { openid: 'o-a', branchId: 'b1', role: 'member', status: 'active' },
    { openid: 'o-b', branchId: 'b1', role: 'secretary', status: 'active' },
    { openid: 'o-b', branchId: 'b2', role: 'member', status: 'transferred' },
    { openid: 'o-c', branchId: null, role: 'committee_admin', status: 'active' },
  ]
  for (const m of ms) await db.collection('memberships').add({ data: m })
  const got = await (await fetch(`${lc.url}/dev/identities`)).json()
  expect(got[0]).toEqual({ openid: 'o-c', name: '陈静', roles: [{ role: 'committee_admin' }] })
  expect(got.find((x: any) => x.openid === 'o-b')).toEqual({ openid: 'o-b', name: '李明', roles: [{ role: 'secretary', branchId: 'b1' }] })
  expect(got.find((x: any) => x.openid === 'o-a').roles).toEqual([{ role: 'member', branchId: 'b1' }])
  expect(got.map((x: any) => x.openid)).toHaveLength(4)
})

test('GET /dev/actions answers a list, GET / answers HTML', async () => {
  const actions = await (await fetch(`${lc.url}/dev/actions`)).json()
  expect(Array.isArray(actions)).toBe(true)
  const home = await fetch(`${lc.url}/`)
  expect(home.status).toBe(200)
  expect(home.headers.get('content-type')).toMatch(/text\/html/)
})
