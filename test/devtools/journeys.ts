/**
 * The weapp-only paths, driven in WeChat DevTools with miniprogram-automator: the same journeys as the browser
 * e2e, on the real mini-program build (dist/), where the H5 build cannot go — Taro.scanCode of a sign-in wxacode,
 * a wxacode's `scene` opening the sign-in page, Taro.chooseMedia photos uploaded through Taro.cloud.uploadFile,
 * and the committee's ECharts drawn on `<canvas type="2d">`.
 *
 *   npm run build:cloud && npm run build:weapp && npm run test:devtools
 *
 * Needs WeChat DevTools (macOS or Windows; there is none for Linux, so this does not run on the CI machine and is
 * not part of `npm test`) with 设置 → 安全设置 → 服务端口 on, and an AppID with cloud development in
 * project.config.json. `WECHAT_DEVTOOLS_CLI` names the CLI when it is not at its default path. Without DevTools the
 * script says so and exits 2: nothing here is counted as passing.
 *
 * The mini-program talks to the local cloud, not to a WeChat environment: after launch a bridge replaces
 * wx.cloud.callFunction / uploadFile (the only cloud calls the app makes, through src/services/transport.weapp.ts)
 * with wx.request / wx.uploadFile to the local cloud's HTTP contract, speaking as a chosen dev identity. DevTools
 * allows plain-HTTP 127.0.0.1 because the launch turns off its domain check (urlCheck false). The app's code is the
 * shipped build; only the transport underneath Taro.cloud is swapped.
 */
import fs from 'node:fs'
import path from 'node:path'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'
import { REPO_ROOT, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { planSignInSession, signedInAt, smallJpeg } from '../support/weapp-journey-steps'

const DEFAULT_CLI = [
  '/Applications/wechatwebdevtools.app/Contents/MacOS/cli',
  'C:\\Program Files (x86)\\Tencent\\微信web开发者工具\\cli.bat',
  'C:\\Program Files\\Tencent\\微信web开发者工具\\cli.bat',
]
function findCli(): string | null {
  const fromEnv = process.env.WECHAT_DEVTOOLS_CLI
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null
  return DEFAULT_CLI.find((p) => fs.existsSync(p)) ?? null
}

/**
 * Code sent into the mini-program's AppService is plain JavaScript in strings: tsx compiles this file with esbuild's
 * keepNames, which wraps functions in a `__name(...)` helper that does not exist over there.
 */
const BRIDGE = `function (baseUrl, who) {
  var c = wx.cloud
  c.init = function () {}
  c.callFunction = function (o) {
    return new Promise(function (resolve, reject) {
      wx.request({
        url: baseUrl + '/cloud/functions/' + o.name,
        method: 'POST',
        data: o.data,
        header: { 'content-type': 'application/json', 'X-Dev-OpenId': who },
        success: function (r) {
          var out = { result: r.data, errMsg: 'cloud.callFunction:ok' }
          if (o.success) o.success(out)
          resolve(out)
        },
        fail: function (e) {
          if (o.fail) o.fail(e)
          reject(e)
        }
      })
    })
  }
  c.uploadFile = function (o) {
    return wx.uploadFile({
      url: baseUrl + '/cloud/storage',
      filePath: o.filePath,
      name: 'file',
      formData: { cloudPath: o.cloudPath },
      header: { 'X-Dev-OpenId': who },
      success: function (r) {
        var body = JSON.parse(r.data)
        if (body.fileID) { if (o.success) o.success({ fileID: body.fileID, statusCode: r.statusCode, errMsg: 'cloud.uploadFile:ok' }) }
        else if (o.fail) o.fail({ errMsg: 'cloud.uploadFile:fail ' + r.statusCode })
      },
      fail: function (e) { if (o.fail) o.fail(e) }
    })
  }
}`

/** Writes base64 files into the mini-program's user data directory; answers their paths. */
const WRITE_FILES = `function (b64, names) {
  var fsm = wx.getFileSystemManager()
  return names.map(function (n) {
    var p = wx.env.USER_DATA_PATH + '/' + n
    fsm.writeFileSync(p, b64, 'base64')
    return p
  })
}`

/** Replaces wx.cloud's two calls with the local cloud's HTTP contract, as `openid`. */
async function bridgeToLocalCloud(mp: MiniProgram, base: string, openid: string) {
  await mp.evaluate(BRIDGE, base, openid)
}

/** One fresh mini-program per person: the session store reads the caller once, at launch. */
async function launchAs(cli: string, base: string, openid: string, route: string): Promise<{ mp: MiniProgram; page: Page }> {
  const mp = await automator.launch({
    cliPath: cli,
    projectPath: REPO_ROOT,
    trustProject: true,
    projectConfig: { setting: { urlCheck: false } },
  })
  await bridgeToLocalCloud(mp, base, openid)
  // The launch page asked the real cloud before the bridge was in: start again from the page under test.
  const page = await mp.reLaunch(route)
  if (!page) throw new Error(`could not open ${route}`)
  return { mp, page }
}

async function waitForText(page: Page, selector: string, text: string | RegExp, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const el of await page.$$(selector)) {
      const t = await el.text()
      if (typeof text === 'string' ? t.includes(text) : text.test(t)) return el
    }
    if (Date.now() > deadline) throw new Error(`no ${selector} with text ${String(text)} in ${timeoutMs} ms`)
    await page.waitFor(300)
  }
}

type Step = { name: string; run: () => Promise<void> }

async function main() {
  const cli = findCli()
  if (!cli) {
    console.error('WeChat DevTools CLI not found (set WECHAT_DEVTOOLS_CLI): the DevTools journeys did not run.')
    process.exit(2)
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/app.json'))) {
    console.error('dist/ holds no weapp build: run `npm run build:cloud && npm run build:weapp` first.')
    process.exit(2)
  }
  const cloud: LocalCloudHandle = await startLocalCloud()
  // The same steps as the weapp runtime's journeys (test/weapp-run/journeys.test.ts).
  const planned = { id: await planSignInSession(cloud.url, '开发者工具签到') }
  const signedIn = (name: string) => signedInAt(cloud.url, planned.id, name)

  const steps: Step[] = [
    {
      name: 'a member scans the sign-in wxacode from the activity page (Taro.scanCode)',
      async run() {
        const { mp, page } = await launchAs(cli, cloud.url, 'dev-member-1a', `/packages/activities/pages/detail/index?id=${planned.id}`)
        try {
          await mp.mockWxMethod('scanCode', { errMsg: 'scanCode:ok', scanType: 'WX_CODE', result: '', path: `packages/activities/pages/sign-in/index?scene=${planned.id}` })
          const scan = await waitForText(page, 'button', '扫码签到')
          await scan.tap()
          await waitForText(page, '.activity-detail__signed', '已于')
          if (!(await signedIn('王芳'))) throw new Error('the cloud has no sign-in for dev-member-1a (王芳)')
        } finally {
          await mp.close()
        }
      },
    },
    {
      name: "a wxacode's scene opens the sign-in page and signs the member in",
      async run() {
        const { mp, page } = await launchAs(cli, cloud.url, 'dev-member-1b', `/packages/activities/pages/sign-in/index?scene=${planned.id}`)
        try {
          await waitForText(page, 'text', '签到成功')
          if (!(await signedIn('赵磊'))) throw new Error('the cloud has no sign-in for dev-member-1b (赵磊)')
        } finally {
          await mp.close()
        }
      },
    },
    {
      name: 'the secretary adds two photos with Taro.chooseMedia; both upload through Taro.cloud.uploadFile',
      async run() {
        const { mp, page } = await launchAs(cli, cloud.url, 'dev-secretary-1', `/packages/activities/pages/edit/index?id=${planned.id}`)
        try {
          // Two real JPEG files in the mini-program's user data directory stand in for the album.
          const jpeg = smallJpeg().toString('base64')
          const paths: string[] = await mp.evaluate(WRITE_FILES, jpeg, ['devtools-photo-1.jpg', 'devtools-photo-2.jpg'])
          await mp.mockWxMethod('chooseMedia', {
            errMsg: 'chooseMedia:ok',
            type: 'image',
            tempFiles: paths.map((p) => ({ tempFilePath: p, size: Buffer.from(jpeg, 'base64').length, fileType: 'image' })),
          })
          const add = await waitForText(page, '.photo-add', '拍照或相册')
          await add.tap()
          // Both tiles reach "done" (the status line under the grid disappears when nothing is uploading or failed).
          const deadline = Date.now() + 30_000
          while ((await page.$$('.photo-grid__tile--done')).length < 2 && Date.now() < deadline) await page.waitFor(300)
          const done = (await page.$$('.photo-grid__tile--done')).length
          if (done !== 2) throw new Error(`expected 2 uploaded photo tiles, saw ${done}`)
        } finally {
          await mp.close()
        }
      },
    },
    {
      name: "the committee's charts are drawn on canvas 2d",
      async run() {
        const { mp, page } = await launchAs(cli, cloud.url, 'dev-committee-admin', '/packages/committee/pages/dashboard/index')
        try {
          await waitForText(page, 'text', '组织生活热力图')
          const deadline = Date.now() + 20_000
          while ((await page.$$('canvas')).length === 0 && Date.now() < deadline) await page.waitFor(300)
          const canvases = await page.$$('canvas')
          if (!canvases.length) throw new Error('no <canvas> on the dashboard')
          const { height } = await canvases[0].size()
          if (!(height > 0)) throw new Error('the heatmap canvas has no height')
        } finally {
          await mp.close()
        }
      },
    },
  ]

  let failed = 0
  try {
    for (const step of steps) {
      const started = Date.now()
      try {
        await step.run()
        console.log(`✓ ${step.name} (${Date.now() - started} ms)`)
      } catch (error) {
        failed += 1
        console.log(`✕ ${step.name}\n  ${(error as Error).message}`)
      }
    }
  } finally {
    await cloud.stop()
  }
  console.log(`${steps.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

void main()
