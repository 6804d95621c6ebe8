/**
 * The weapp build (dist/), made once per `npm test` run and shared by the weapp checks (test/weapp) and the
 * weapp runtime journeys (test/weapp-run). scripts/test-all.ts sets WEAPP_BUILD_RUN to an id for the run and
 * builds first; a test that finds dist/ stamped with that id uses it as it is. Run directly (no WEAPP_BUILD_RUN),
 * a test builds, as it always did. Setting WEAPP_BUILD_RUN by hand reuses one build across several jest runs.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '../..')
export const WEAPP_DIST = path.join(REPO_ROOT, 'dist')
/** Outside dist/ on purpose: dist/ is exactly what is uploaded, and its size is measured. */
const STAMP = path.join(REPO_ROOT, 'node_modules/.cache/branch-desk-weapp-build-run')

/** `taro build --type weapp` (production) in `cwd`. */
export function taroBuildWeapp(cwd: string, env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: 'pipe',
    timeout: 240_000,
  })
}

/** dist/ built in this run: reused when stamped with WEAPP_BUILD_RUN, built otherwise. Answers its path. */
export function ensureWeappBuild(): string {
  const run = process.env.WEAPP_BUILD_RUN
  const stamped = run && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === run
  if (stamped && fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) return WEAPP_DIST
  taroBuildWeapp(REPO_ROOT)
  if (run) {
    fs.mkdirSync(path.dirname(STAMP), { recursive: true })
    fs.writeFileSync(STAMP, run)
  }
  return WEAPP_DIST
}

// `tsx test/support/weapp-build.ts`: scripts/test-all.ts's build step.
if (require.main === module) ensureWeappBuild()
