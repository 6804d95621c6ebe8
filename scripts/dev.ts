/**
 * `npm run dev`: the local cloud and the H5 app, both watching their sources.
 *   - cloud/ and types/ → esbuild rebuilds cloud/functions/<name>/index.js; the local cloud loads the new bundle on
 *     the next call (cloud/local/functions.ts), without a restart, so its data (.localcloud/) stays.
 *   - src/ → `taro build --type h5 --watch` (config/dev.ts) writes each rebuild to dist-h5-dev/, which the local cloud
 *     serves; reload the page to see the edit (the page also reloads itself through webpack's live-reload socket).
 * One origin for the developer: http://127.0.0.1:10086 (PORT changes it). Ctrl+C stops everything.
 * `npm start` is the same product built once, without watching (for someone who only wants to try it).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { watchCloudFunctions } from './build-cloud'

const root = path.resolve(__dirname, '..')
const devDist = path.join(root, 'dist-h5-dev')
const started = Date.now()
const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const children: ChildProcess[] = []

function log(line: string) {
  process.stdout.write(`[dev ${since()}] ${line}\n`)
}

function stopAll(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 300).unref()
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))

function startLocalCloud(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'cloud/local/main.ts')], {
      cwd: root,
      env: { ...process.env, LOCALCLOUD_STATIC: devDist },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(child)
    let buffer = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      process.stdout.write(text)
      buffer += text
      const ready = /LOCALCLOUD_READY (\S+)/.exec(buffer)
      if (ready) { buffer = ''; resolve(ready[1]) }
    })
    child.on('exit', (code) => {
      reject(new Error(`本地云退出（${code}）`))
      log(`本地云已退出（${code}），开发环境停止`)
      stopAll(code ?? 1)
    })
  })
}

/** Resolves when webpack has written a build of the app newer than `after` (the first build of this start). */
function firstBuild(after: number): Promise<void> {
  const index = path.join(devDist, 'index.html')
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      try {
        if (fs.statSync(index).mtimeMs >= after) { clearInterval(timer); resolve() }
      } catch { /* not written yet */ }
    }, 200)
  })
}

function startTaroWatch() {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--watch'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  // Taro's own progress lines are noise here; errors and warnings are not.
  const relay = (chunk: Buffer) => {
    const text = chunk.toString()
    if (/error|Error|错误|failed/.test(text)) process.stderr.write(text)
  }
  child.stdout!.on('data', relay)
  child.stderr!.on('data', relay)
  child.on('exit', (code) => {
    log(`H5 构建进程已退出（${code}），开发环境停止`)
    stopAll(code ?? 1)
  })
}

async function main() {
  const t0 = Date.now()
  const watching = watchCloudFunctions((name, ms, ok) => {
    log(ok ? `云函数 ${name} 已重新打包（${ms} ms），下一次调用即用新代码` : `云函数 ${name} 打包失败，仍在运行上一版`)
  })
  void watching.then((stop) => process.on('exit', () => { void stop() }))
  // The local cloud runs the bundles (its first start seeds through them): on a fresh clone wait for the first
  // build; otherwise start it at once — it loads whichever bundle is newest on each call.
  const bundlesExist = ['api', 'reminders'].every((name) => fs.existsSync(path.join(root, 'cloud/functions', name, 'index.js')))
  if (!bundlesExist) await watching
  const url = await startLocalCloud()
  startTaroWatch()
  if (fs.existsSync(path.join(devDist, 'index.html'))) log(`已可打开 ${url}（先用上次的构建，新构建完成后页面自动刷新）`)
  await firstBuild(t0)
  log(`H5 应用已就绪：${url}  （改动 src/ 后刷新页面；cloud/、types/ 的改动在下一次调用时生效）`)
}

main().catch((error) => {
  console.error(error)
  stopAll(1)
})
