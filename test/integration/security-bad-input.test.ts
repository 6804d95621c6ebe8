/**
 * Walks the whole action catalog (GET /dev/actions) and throws bad input at every action: wrong types, missing
 * fields, oversized strings, prototype-pollution keys, an unknown action. Each gets a clear INVALID_INPUT
 * envelope, the function never crashes, and nothing is written.
 */
import { rawApiAs, identities } from '../support/api'
import { callFunction, sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
let catalog: { name: string; roles: string[]; scope: string; input: any }[]
const COLLECTIONS = ['committees', 'users', 'branches', 'memberships', 'invites', 'activities']

beforeAll(async () => {
  cloud = await startLocalCloud()
  catalog = await (await fetch(`${cloud.url}/dev/actions`)).json()
})
afterAll(() => cloud?.stop())

async function snapshotCounts(): Promise<Record<string, number>> {
  const db = sdkFor(cloud.url).database()
  const counts: Record<string, number> = {}
  for (const name of COLLECTIONS) counts[name] = (await db.collection(name).count()).total
  return counts
}

/** A payload every field of which is the wrong type for its schema. */
function wrongTypes(schema: any): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, prop] of Object.entries<any>(schema?.properties ?? {})) {
    out[key] = prop.type === 'string' || prop.enum ? 12345 : 'not-the-right-type'
  }
  return out
}

function oversized(schema: any): Record<string, unknown> | undefined {
  const props = Object.entries<any>(schema?.properties ?? {}).filter(([, p]) => p.type === 'string' || p.type === 'array')
  if (props.length === 0) return undefined
  return Object.fromEntries(props.map(([k, p]) => [k, p.type === 'array' ? Array(200).fill('字'.repeat(2000)) : '长'.repeat(70000)]))
}

test('the catalog lists every action with roles, scope and a JSON schema', () => {
  expect(catalog.map((a) => a.name)).toEqual(
    expect.arrayContaining(['session.get', 'session.join', 'org.bootstrap', 'branches.create', 'activities.record', 'activities.list', 'activities.get']),
  )
  for (const a of catalog) {
    expect(a.input).toMatchObject({ type: 'object' })
    expect(a.roles.length).toBeGreaterThan(0)
    expect(['authenticated', 'committee', 'branch', 'record']).toContain(a.scope)
  }
})

test('every action refuses bad input with INVALID_INPUT and writes nothing', async () => {
  const admin = (await identities(cloud.url)).find((p) => p.roles.some((r) => r.role === 'committee_admin'))!
  const call = rawApiAs(cloud.url, admin.openid)
  const before = await snapshotCounts()
  const failures: string[] = []

  for (const action of catalog) {
    const required: string[] = action.input.required ?? []
    const cases: [string, unknown][] = [
      ['payload is a number', 42],
      ['payload is a string', 'hello'],
      ['payload is an array', [1, 2]],
      ['unknown field', { ...Object.fromEntries(required.map((k) => [k, 'x'])), surprise: true }],
    ]
    if (required.length > 0) cases.push(['missing required fields', {}])
    if (Object.keys(action.input.properties ?? {}).length > 0) cases.push(['wrong types', wrongTypes(action.input)])
    const big = oversized(action.input)
    if (big) cases.push(['oversized strings', big])

    for (const [label, payload] of cases) {
      const r = await call(action.name, payload)
      if (r.ok || r.error.code !== 'INVALID_INPUT' || !/[\u4e00-\u9fff]/.test(r.error.message)) {
        failures.push(`${action.name} / ${label}: ${JSON.stringify(r).slice(0, 200)}`)
      }
    }
    // Prototype-pollution keys, sent as raw JSON so they arrive as own properties.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await fetch(`${cloud.url}/cloud/functions/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': admin.openid },
        body: `{"action":${JSON.stringify(action.name)},"payload":{"${key}":{"isAdmin":true},"nested":{"${key}":{"polluted":1}}}}`,
      })
      const r = await res.json()
      if (r.ok || r.error.code !== 'INVALID_INPUT') failures.push(`${action.name} / ${key}: ${JSON.stringify(r)}`)
    }
  }
  expect(failures).toEqual([])
  expect(await snapshotCounts()).toEqual(before)
  expect(({} as any).isAdmin).toBeUndefined()
})

test('an unknown action or a malformed event gets INVALID_INPUT, not silence', async () => {
  const admin = 'dev-committee-admin'
  expect(await callFunction(cloud.url, 'api', { action: 'activities.destroyEverything', payload: {} }, admin)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: expect.stringContaining('未知的操作') },
  })
  expect(await callFunction(cloud.url, 'api', { payload: {} }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await callFunction(cloud.url, 'api', { action: 12 }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})
