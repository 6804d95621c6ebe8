/**
 * `npm test`: everything, in the order a fresh machine needs it.
 *   1. a browser for the end-to-end tests (Debian's chromium; installed with apt-get when running as root)
 *   2. lint: ESLint (import boundaries) and the TypeScript compiler
 *   3. builds: cloud function bundles (what is uploaded and what the local cloud runs) and the H5 app
 *   4. jest, by kind: unit + components, integration (local cloud, real SDK), e2e (Chromium), weapp checks,
 *      weapp-run (the weapp build run in a stand-in for WeChat's framework; dist/ is built once for both weapp kinds)
 * Ends with one plain line "N passed, N failed" (and skipped, if any); exits non-zero on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findChromium } from '../test/support/chromium'

const root = path.resolve(__dirname, '..')
const started = Date.now()
const only = process.argv.slice(2) // e.g. `npm test -- unit integration`
const wants = (kind: string) => only.length === 0 || only.includes(kind)

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  const t0 = Date.now()
  console.log(`\n▶ ${title}`)
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  if (r.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`)
    console.log('\n0 passed, 1 failed')
    process.exit(1)
  }
  console.log(`✔ ${title} (${seconds}s)`)
}

function ensureBrowser() {
  if (findChromium()) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error('未找到 Chromium：端到端测试需要它。请运行：sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk')
    process.exit(1)
  }
  console.log('▶ installing Debian chromium and CJK fonts (apt-get)')
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (!findChromium()) {
    console.error('apt-get finished but chromium is still missing')
    process.exit(1)
  }
}

interface JestSummary {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}
const totals = { passed: 0, failed: 0, skipped: 0 }
const resultsDir = mkdtempSync(path.join(tmpdir(), 'branch-desk-tests-'))

function jest(title: string, projects: string[], extra: string[] = []) {
  const out = path.join(resultsDir, `${projects.join('-')}.json`)
  const t0 = Date.now()
  console.log(`\n▶ ${title}`)
  const r = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--selectProjects', ...projects, '--json', `--outputFile=${out}`, ...extra],
    { cwd: root, stdio: 'inherit' },
  )
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')) as JestSummary
    totals.passed += s.numPassedTests
    totals.failed += s.numFailedTests
    totals.skipped += s.numPendingTests + s.numTodoTests
  } else if (r.status !== 0) {
    totals.failed += 1
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  console.log(`${r.status === 0 ? '✔' : '✖'} ${title} (${seconds}s)`)
  if (r.status !== 0 && totals.failed === 0) totals.failed += 1 // jest failed outside any test (e.g. a suite that did not load)
}

if (wants('e2e')) ensureBrowser()
if (wants('lint')) {
  step('ESLint (import boundaries)', process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.'])
  step('TypeScript (strict)', process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'])
}
if (wants('integration') || wants('e2e') || wants('weapp-run')) step('build cloud functions', process.execPath, [require.resolve('tsx/cli'), 'scripts/build-cloud.ts'])
if (wants('e2e')) step('build H5', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' })
if (wants('weapp') || wants('weapp-run')) {
  // One weapp build per run: the weapp checks and the weapp-run journeys find dist/ stamped with this id (test/support/weapp-build.ts).
  process.env.WEAPP_BUILD_RUN = `${started}-${process.pid}`
  step('build weapp', process.execPath, [require.resolve('tsx/cli'), 'test/support/weapp-build.ts'])
}

if (wants('unit')) jest('unit and component tests', ['unit', 'components'])
if (wants('integration')) jest('integration tests (local cloud, real wx-server-sdk)', ['integration'], ['--runInBand'])
if (wants('e2e')) jest('end-to-end tests (H5 in headless Chromium)', ['e2e'], ['--runInBand'])
if (wants('weapp')) jest('weapp checks (build, official compilers, code-quality audit)', ['weapp'], ['--runInBand'])
if (wants('weapp-run')) jest('weapp-run journeys (the weapp build in a stand-in for WeChat’s framework, local cloud)', ['weapp-run'], ['--runInBand'])

const minutes = ((Date.now() - started) / 60000).toFixed(1)
console.log(`\nnpm test finished in ${minutes} min`)
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed > 0 ? 1 : 0)
