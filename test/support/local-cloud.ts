// Starts the local cloud (cloud/local/main.ts) as a child process for integration and e2e tests.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '../..')
export const FIXTURE_FUNCTIONS = path.join(REPO_ROOT, 'test/fixtures/functions')

export interface LocalCloudHandle {
  url: string
  /** `<url>/admin/<secret>`: the cloud's server API with this run's secret (what the functions' SDK posts to). */
  adminUrl: string
  dataDir: string
  /** stdout+stderr of the current child so far (for debugging failures) */
  output(): string
  stop(): Promise<void>
  kill9(): Promise<void>
  restart(): Promise<void>
}

export interface StartOptions {
  dataDir?: string
  seed?: boolean
  env?: Record<string, string>
  timeoutMs?: number
}

export async function startLocalCloud(opts: StartOptions = {}): Promise<LocalCloudHandle> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-'))
  let child: ChildProcess | undefined
  let out = ''
  let url = ''
  // /admin takes only this secret (cloud/local/guard.ts); the harness chooses it so that sdkFor can call /admin too.
  const secret = crypto.randomBytes(16).toString('hex')

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      out = ''
      // One process (node + tsx's loader), so kill -9 really kills the server.
      child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'cloud/local/main.ts')], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          PORT: '0',
          LOCALCLOUD_TIMERS: '0',
          LOCALCLOUD_DATA: dataDir,
          LOCALCLOUD_SEED: opts.seed === false ? '0' : '1',
          // The reminders demo (cloud/local/seed-reminders.ts) only where a test asks for it: others expect the base seed.
          LOCALCLOUD_SEED_REMINDERS: '0',
          LOCALCLOUD_ADMIN_SECRET: secret,
          ...(opts.env ?? {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const timer = setTimeout(() => { child?.kill('SIGKILL'); reject(new Error(`local cloud did not start in time:\n${out}`)) }, opts.timeoutMs ?? 30000)
      let buf = ''
      child.stdout!.on('data', (d: Buffer) => {
        const s = d.toString()
        out += s
        buf += s
        const m = /LOCALCLOUD_READY (\S+)/.exec(buf)
        if (m && !url) { url = m[1]; adminUrls.set(url, `${url}/admin/${secret}`); clearTimeout(timer); resolve() }
      })
      child.stderr!.on('data', (d: Buffer) => { out += d.toString() })
      child.once('exit', (code, sig) => {
        if (!url) { clearTimeout(timer); reject(new Error(`local cloud exited (${code ?? sig}) before ready:\n${out}`)) }
      })
    })

  const waitExit = (c: ChildProcess) =>
    new Promise<void>((resolve) => { if (c.exitCode !== null || c.signalCode !== null) resolve(); else c.once('exit', () => resolve()) })

  await launch()
  const handle: LocalCloudHandle = {
    get url() { return url },
    get adminUrl() { return `${url}/admin/${secret}` },
    dataDir,
    output: () => out,
    async stop() {
      if (!child) return
      const c = child
      child = undefined
      const done = waitExit(c)
      c.kill('SIGTERM')
      const t = setTimeout(() => c.kill('SIGKILL'), 5000)
      await done
      clearTimeout(t)
    },
    async kill9() {
      if (!child) return
      const c = child
      child = undefined
      const done = waitExit(c)
      c.kill('SIGKILL')
      await done
    },
    async restart() {
      await handle.stop()
      url = ''
      await launch()
    },
  }
  return handle
}

/** POST /cloud/functions/<name> as a mini-program user would call it. */
export async function callFunction<T = any>(url: string, name: string, event: unknown = {}, openid?: string): Promise<T> {
  const res = await fetch(`${url}/cloud/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: JSON.stringify(event ?? {}),
  })
  const body = await res.json()
  if (res.status !== 200) throw Object.assign(new Error(`callFunction ${name} → ${res.status}: ${JSON.stringify(body)}`), { status: res.status, body })
  return body as T
}

/** The admin URL (with its secret) of each local cloud this process started, by its url. */
const adminUrls = new Map<string, string>()

/** POST /cloud/messages/<name>: a message push (e.g. Event wxa_media_check) as the platform delivers it — no user. */
export async function pushMessage<T = any>(url: string, name: string, event: unknown): Promise<T> {
  const res = await fetch(`${url}/cloud/messages/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
  const body = await res.json()
  if (res.status !== 200) throw Object.assign(new Error(`push to ${name} → ${res.status}: ${JSON.stringify(body)}`), { status: res.status, body })
  return body as T
}

/**
 * The real wx-server-sdk in the calling process, pointed at a local cloud this process started (startLocalCloud):
 * its /admin URL carries that run's secret. The SDK reads TCB_CONTEXT_CNFG on every request, so the env vars are
 * set here (last call wins).
 */
export function sdkFor(url: string, envId = 'local-dev'): any {
  const adminUrl = adminUrls.get(url)
  if (!adminUrl) throw new Error(`sdkFor(${url}): not a local cloud started by this process (its /admin secret is unknown)`)
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    SILENCE: 'true',
  })
   
  const cloud = require('wx-server-sdk')
  cloud.init({ env: envId })
  return cloud
}
