/**
 * The weapp runtime does not pass what WeChat would not: a wx API the stand-in lacks fails the journey by name,
 * and a page that throws only in the mini-program (a fixture app built here with Taro) is caught.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { planSignInSession } from '../support/weapp-journey-steps'
import { REPO_ROOT, taroBuildWeapp } from '../support/weapp-build'
import { closeWorld, expectClean, launchAs, startWorld, type World } from './harness'
import { MiniProgram } from './runtime/mini-program'
import { greeting as browserGreeting } from './fixtures/broken-page/src/pages/index/greeting'

let world: World

beforeAll(async () => {
  world = await startWorld()
})

afterAll(async () => {
  if (world) await closeWorld(world)
})

test('a wx API the stand-in does not implement fails the journey, by name', async () => {
  const planned = { id: await planSignInSession(world.cloud.url, '未实现接口') }
  // The same journey as the scanCode one, on a stand-in without scanCode.
  const mp = await launchAs(world, 'dev-member-1a', { path: `packages/activities/pages/detail/index?id=${planned.id}`, withhold: ['scanCode'] })
  mp.willScan({ path: `packages/activities/pages/sign-in/index?scene=${planned.id}` })
  await mp.page.tap(await mp.page.waitFor('.btn', '扫码签到'))
  await mp.waitFor(() => mp.missingApis.length > 0, 'the missing API to be reported')
  expect(mp.missingApis).toEqual(['wx.scanCode'])
  expect(() => expectClean(mp)).toThrow(/not implemented: wx\.scanCode/)
})

describe('a page that throws only in the mini-program', () => {
  let dist = ''
  let dir = ''

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-page-'))
    fs.cpSync(path.join(__dirname, 'fixtures/broken-page'), dir, { recursive: true })
    for (const f of ['package.json', 'babel.config.js', 'tsconfig.json']) fs.copyFileSync(path.join(REPO_ROOT, f), path.join(dir, f))
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'))
    taroBuildWeapp(dir)
    dist = path.join(dir, 'dist')
  })

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  test('works where its platform file is not the weapp one', () => {
    expect(browserGreeting()).toBe('你好，支部工作台')
  })

  test('is caught by the weapp runtime: the error is reported and the journey fails', async () => {
    const mp = await MiniProgram.launch({ dist, cloudUrl: world.cloud.url, openid: 'dev-member-1a' })
    try {
      await mp.waitFor(() => mp.errors.length > 0, 'the page’s error')
      expect(mp.errors.map((e) => e.error).join('\n')).toMatch(/reading 'top'/)
      expect(mp.page.text()).not.toContain('你好')
      expect(() => expectClean(mp)).toThrow(/reading 'top'/)
    } finally {
      await mp.close()
    }
  })
})
