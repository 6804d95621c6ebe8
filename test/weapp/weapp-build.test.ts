/**
 * The weapp build as WeChat will see it: a production `build:weapp`, every WXML/WXSS through WeChat's own compilers
 * (miniprogram-compiler's wcc/wcsc), miniprogram-ci's code-quality audit offline, package sizes against the
 * platform limits and against a bare one-page Taro app built in the same run with the same babel config, and the
 * H5 build's index.html. Run: npx jest --selectProjects weapp
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureWeappBuild } from '../support/weapp-build'

const root = path.resolve(__dirname, '../..')
const dist = path.join(root, 'dist')
const MB2 = 2 * 1024 * 1024

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: 'pipe',
    timeout: 240_000,
  })
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : [p]
  })
}

/** Bytes per package: main (`__APP__`) and each sub-package root; project.config.json is not shipped. */
function packageSizes(dir: string): Record<string, number> {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
  const roots: string[] = (app.subPackages ?? app.subpackages ?? []).map((p: { root: string }) => p.root.replace(/\/?$/, '/'))
  const sizes: Record<string, number> = { __APP__: 0 }
  for (const r of roots) sizes[r] = 0
  for (const f of files(dir)) {
    const rel = path.relative(dir, f).split(path.sep).join('/')
    if (rel === 'project.config.json') continue
    const pkg = roots.find((r) => rel.startsWith(r)) ?? '__APP__'
    sizes[pkg] += fs.statSync(f).size
  }
  return sizes
}

/** A one-page Taro React app with the same babel config and build options: the size baseline. */
function buildBareApp(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bare-taro-'))
  fs.mkdirSync(path.join(dir, 'src/pages/index'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'config'))
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  for (const f of ['package.json', 'babel.config.js', 'tsconfig.json']) fs.copyFileSync(path.join(root, f), path.join(dir, f))
  fs.writeFileSync(
    path.join(dir, 'config/index.ts'),
    `import { defineConfig } from '@tarojs/cli'
export default defineConfig<'webpack5'>(async () => ({
  projectName: 'bare', date: '2026-11-1', designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src', outputRoot: 'dist', plugins: [], defineConstants: {}, copy: { patterns: [], options: {} },
  framework: 'react', compiler: 'webpack5', cache: { enable: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } } },
}))
`,
  )
  fs.writeFileSync(path.join(dir, 'src/app.config.ts'), `export default defineAppConfig({ pages: ['pages/index/index'], lazyCodeLoading: 'requiredComponents' })\n`)
  fs.writeFileSync(path.join(dir, 'src/app.ts'), `import type { PropsWithChildren } from 'react'\nexport default function App({ children }: PropsWithChildren) { return children }\n`)
  fs.writeFileSync(path.join(dir, 'src/pages/index/index.config.ts'), `export default definePageConfig({ navigationBarTitleText: 'bare' })\n`)
  fs.writeFileSync(
    path.join(dir, 'src/pages/index/index.tsx'),
    `import { Text, View } from '@tarojs/components'\nexport default function Index() { return <View><Text>Hello</Text></View> }\n`,
  )
  run(dir, ['build', '--type', 'weapp'], { TARO_ENV: 'weapp' })
  const size = packageSizes(path.join(dir, 'dist')).__APP__
  fs.rmSync(dir, { recursive: true, force: true })
  return size
}

let baseline = 0

beforeAll(() => {
  ensureWeappBuild() // built once per `npm test` run, shared with test/weapp-run
  baseline = buildBareApp()
}, 300_000)

test('every WXML and WXSS compiles with WeChat’s compilers', () => {
  const compiler = require('miniprogram-compiler') as { wxmlToJs(dir: string): string; wxssToJs(dir: string): string }
  const wxml = files(dist).filter((f) => f.endsWith('.wxml'))
  const wxss = files(dist).filter((f) => f.endsWith('.wxss'))
  expect(wxml.length).toBeGreaterThan(5)
  expect(wxss.length).toBeGreaterThan(3)
  expect(compiler.wxmlToJs(dist)).toContain('$gwx')
  expect(compiler.wxssToJs(dist)).toContain('wxssMap')
})

test('dist carries compression settings and lazy code loading', () => {
  const project = JSON.parse(fs.readFileSync(path.join(dist, 'project.config.json'), 'utf8'))
  expect(project.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true })
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  expect(app.lazyCodeLoading).toBe('requiredComponents')
  expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '工作要点', '活动', '我的'])
})

test('the weapp build carries no H5-only code', () => {
  const js = files(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n')
  expect(js).not.toContain('/dev/identities')
  expect(js).not.toContain('X-Dev-OpenId')
  expect(js).not.toContain('/cloud/functions/api')
})

test('miniprogram-ci code-quality audit passes every check', () => {
  // In a child process: miniprogram-ci leaves a file watcher running, which would keep jest alive.
  const script = `
    const ci = require('miniprogram-ci')
    const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: ${JSON.stringify(dist)},
      privateKey: 'any', attr: async () => ({ platform: true, appType: 0, isGameTourist: false, setting: {}, gameApp: false }) })
    ci.checkCodeQuality(project)
      .then((r) => { process.stdout.write('AUDIT' + JSON.stringify(r) + 'AUDIT'); process.exit(0) })
      .catch((e) => { console.error(e); process.exit(1) })`
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000, stdio: 'pipe' })
  const checks: { name: string; success: boolean; text: string }[] = JSON.parse(out.split('AUDIT')[1])
  const failed = checks.filter((c) => !c.success).map((c) => `${c.name}: ${c.text}`)
  console.log(`code-quality: ${checks.length - failed.length}/${checks.length} checks pass (${checks.map((c) => c.name).join(', ')})`)
  expect(checks.length).toBeGreaterThanOrEqual(10)
  expect(failed).toEqual([])
}, 120_000)

test('package sizes: each ≤ 2 MB, main package within 1.3× of a bare Taro page', () => {
  const sizes = packageSizes(dist)
  const main = sizes.__APP__
  const ratio = main / baseline
  console.log(
    `weapp packages: ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
      .join(', ')}; bare one-page baseline ${(baseline / 1024).toFixed(1)} KB; main/baseline ${ratio.toFixed(2)}`,
  )
  for (const [pkg, size] of Object.entries(sizes)) expect({ pkg, ok: size <= MB2 }).toEqual({ pkg, ok: true })
  expect(baseline).toBeGreaterThan(100 * 1024)
  expect(ratio).toBeLessThanOrEqual(1.3)
})

test('the H5 build produces dist-h5/index.html', () => {
  run(root, ['build', '--type', 'h5'])
  const html = fs.readFileSync(path.join(root, 'dist-h5/index.html'), 'utf8')
  expect(html).toContain('<div id="app">')
  expect(html).toMatch(/<script[^>]+src="\/?js\/app\./)
}, 240_000)
