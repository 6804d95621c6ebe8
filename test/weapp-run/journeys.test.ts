/**
 * The weapp build run, not only compiled: each journey launches our real bundle (dist/) in the stand-in for
 * WeChat's framework (./runtime), as a seeded person against the local cloud, and reads what WeChat's own compiled
 * templates render. A journey passes only if the bundle raised no error and called no wx API the stand-in lacks.
 * Run: npx jest --selectProjects weapp-run  (builds dist/ unless this `npm test` run already did)
 */
import { apiAs, ok } from '../support/api'
import { branchOf, planSignInSession, signedInAt, smallJpeg } from '../support/weapp-journey-steps'
import { closeWorld, expectClean, launchAs, startWorld, type World } from './harness'
import type { MiniProgram } from './runtime/mini-program'

let world: World
const timings: [string, number][] = []
let started = 0

beforeAll(async () => {
  world = await startWorld()
})

beforeEach(() => {
  started = Date.now()
})

afterEach(() => {
  timings.push([expect.getState().currentTestName ?? '?', Date.now() - started])
})

afterAll(async () => {
  if (world) await closeWorld(world)
  console.log(
    `weapp-run journeys:\n${timings.map(([n, ms]) => `  ${(ms / 1000).toFixed(1)} s  ${n}`).join('\n')}\nwx APIs called during the journeys (by the bundle; the navigation-rules test calls navigateTo/navigateBack/switchTab itself): ${[...(world?.called ?? [])].sort().join(', ')}`,
  )
})

const TABS = { home: 'pages/home/index', points: 'pages/work-points/index', activities: 'pages/activities/index', me: 'pages/me/index' } as const
type Tab = keyof typeof TABS

/** Key text per tab and role: what the seeded person must see on each tab. */
const ROLES: { openid: string; role: string; keys: Record<Tab, string[]> }[] = [
  {
    openid: 'dev-committee-admin',
    role: 'committee admin',
    keys: { home: ['周敏，你好', '党委看板', '查看支部活动'], points: ['工作要点管理'], activities: ['请选择支部'], me: ['党委管理员'] },
  },
  {
    openid: 'dev-secretary-1',
    role: 'secretary',
    keys: { home: ['李建国，你好', '记录活动', '学习贯彻党的二十届四中全会精神'], points: ['暂无工作要点'], activities: ['活动记录', '“学党章 守党规”主题党日'], me: ['支部书记'] },
  },
  {
    openid: 'dev-member-1b',
    role: 'member',
    keys: { home: ['赵磊，你好', '本期组织生活', '最近开展'], points: ['暂无工作要点'], activities: ['活动记录', '应到 3 人'], me: ['党员'] },
  },
  {
    openid: 'dev-guide',
    role: 'guide',
    keys: { home: ['吴指导，你好', '最近开展'], points: ['暂无工作要点'], activities: ['活动记录'], me: ['党建指导员'] },
  },
  // Not yet in a branch: each tab says what it will hold.
  { openid: 'dev-applicant', role: 'applicant', keys: { home: ['欢迎使用支部工作台', '加入支部'], points: ['加入支部后'], activities: ['尚未加入支部'], me: ['尚未加入任何支部'] } },
]

async function tabShows(mp: MiniProgram, tab: Tab, keys: string[]) {
  if (mp.page.route !== TABS[tab]) await mp.switchTab(TABS[tab])
  for (const k of keys) await mp.page.waitForText(k)
  // Nothing left loading or failed on the tab.
  await mp.waitFor(() => !/正在加载|加载失败/.test(mp.page.text()), `${tab} to finish loading`)
}

describe('each tab for each seeded role renders its key text without an error', () => {
  for (const r of ROLES) {
    test(`${r.role} (${r.openid})`, async () => {
      const mp = await launchAs(world, r.openid)
      for (const tab of Object.keys(TABS) as Tab[]) await tabShows(mp, tab, r.keys[tab])
      expect(mp.stackRoutes).toEqual([TABS.me])
      expectClean(mp)
    })
  }
})

/** A photo as the album hands it over (the same JPEG as the DevTools journey). */
const photo = (n: number) => ({ bytes: smallJpeg(), name: `site-${n}.jpg` })

/**
 * Ten minutes from now in Beijing, as the date and time pickers give it: soon enough that the session is on (its
 * sign-in opens 30 minutes before the start), so the secretary may record it at once.
 */
function soonInBeijing(): { date: string; time: string } {
  const beijing = new Date(Date.now() + 8 * 3600_000 + 10 * 60_000).toISOString()
  return { date: beijing.slice(0, 10), time: beijing.slice(11, 16) }
}

describe('activities', () => {
  test('a secretary plans a session, records it with two photos from chooseMedia, and is offered subscriptions after the save', async () => {
    const topic = `小程序运行时计划 ${Date.now()}`
    const mp = await launchAs(world, 'dev-secretary-1')
    await mp.switchTab(TABS.activities)
    await mp.page.tap('计划', '.btn')
    await mp.waitFor(() => mp.page.route === 'packages/activities/pages/plan/index', 'the plan page')
    expect(mp.loadedPackages).toContain('packages/activities')
    const plan = mp.page
    await plan.waitFor('input')
    const byPlaceholder = (p: string) => plan.all('input').concat(plan.all('textarea')).find((n) => n.attr.placeholder === p)
    await plan.input(await mp.waitFor(() => byPlaceholder('例如：学习贯彻全会精神'), 'the topic input'), topic)
    await plan.input(byPlaceholder('例如：学会 302 会议室'), '学会三楼会议室')
    const picker = (mode: string) => plan.all('picker').filter((n) => n.attr.mode === mode)
    const soon = soonInBeijing()
    await plan.change(picker('date')[0], soon.date)
    await plan.change(picker('time')[0], soon.time)
    await plan.input(byPlaceholder('姓名'), '李建国')
    await plan.tap('保存计划')
    await mp.waitFor(() => mp.page.route === 'packages/activities/pages/detail/index', 'the planned session’s page')
    await mp.page.waitForText(topic)
    expect(mp.toasts.map((t) => t.title)).toContain('计划已发布')

    // Record it: 记录这次活动 opens the editor on top of the session's page.
    await mp.page.tap('记录这次活动')
    await mp.waitFor(() => mp.page.route === 'packages/activities/pages/edit/index', 'the record editor')
    const edit = mp.page
    await edit.waitForText('保存活动记录')
    const field = (p: string) => edit.all('input').concat(edit.all('textarea')).find((n) => n.attr.placeholder === p)
    await edit.input(field('发言要点、学习内容…'), '集中学习党章，交流心得。')
    const recorder = edit.all('input').filter((n) => n.attr.placeholder === '姓名')[1]
    await edit.input(recorder, '王芳')

    // Two photos: chooseMedia is a privacy API, so WeChat asks first through the app's dialog.
    mp.willChooseMedia([photo(1), photo(2)])
    await edit.tap('拍照或相册')
    await edit.waitForText('用户隐私保护提示')
    await edit.tap('同意', 'button')
    await mp.waitFor(() => edit.all('.photo-grid__tile--done').length === 2, 'two uploaded photo tiles')
    expect(mp.called).toContain('wx.cloud.uploadFile')

    // Whoever has not signed in is marked by hand: all present.
    await edit.tap('全部出席')
    mp.willAnswerSubscriptions({ default: 'accept' })
    await edit.tap('保存活动记录')
    // Back on the session's page, which shows the record and offers to renew subscriptions that ran out.
    await mp.waitFor(() => mp.page.route === 'packages/activities/pages/detail/index' && mp.stackRoutes.length === 2, 'the session’s page again')
    await mp.page.waitForText('集中学习党章')
    const modal = await mp.modal()
    expect(modal).toMatchObject({ title: '订阅提醒', confirmText: '订阅' })
    mp.answer(modal, true)
    await mp.waitFor(() => mp.toasts.find((t) => t.title.startsWith('已订阅')), 'the subscription toast')

    const secretary = apiAs(world.cloud.url, 'dev-secretary-1')
    const list = await ok(secretary('activities.list', { branchId: await branchOf(world.cloud.url, 'dev-secretary-1') }))
    const saved = list.items.find((a) => a.topic === topic)
    expect(saved).toMatchObject({ status: 'recorded', photoCount: 2 })
    const subs = await ok(secretary('subscriptions.get', {}))
    expect(subs.items.some((q) => q.remaining > 0)).toBe(true)
    expectClean(mp)
  })
})

describe('sign-in', () => {
  test('a member signs in by scanning the sign-in wxacode (scanCode)', async () => {
    const id = await planSignInSession(world.cloud.url, '扫码签到')
    const mp = await launchAs(world, 'dev-member-1a', { path: `packages/activities/pages/detail/index?id=${id}` })
    mp.willScan({ scanType: 'WX_CODE', path: `packages/activities/pages/sign-in/index?scene=${id}` })
    await mp.page.tap(await mp.page.waitFor('.btn', '扫码签到'))
    await mp.page.waitForText('已于')
    expect(mp.called).toContain('wx.scanCode')
    expect(await signedInAt(world.cloud.url, id, '王芳')).toEqual(expect.any(String))
    expectClean(mp)
  })

  test("a wxacode's scene opens the sign-in page and signs the member in", async () => {
    const id = await planSignInSession(world.cloud.url, '小程序码签到')
    const mp = await launchAs(world, 'dev-member-1b', { path: `packages/activities/pages/sign-in/index?scene=${id}`, scene: 1047 })
    await mp.page.waitForText('签到成功')
    expect(await signedInAt(world.cloud.url, id, '赵磊')).toEqual(expect.any(String))
    expectClean(mp)
  })
})

describe('reminders', () => {
  test('when WeChat refuses the subscription sheet (subscriptions switched off) the member is told, and nothing is left unhandled', async () => {
    const mp = await launchAs(world, 'dev-member-1b')
    await mp.switchTab(TABS.me)
    await mp.page.tap(await mp.page.waitFor('.btn', '订阅提醒'))
    await mp.waitFor(() => mp.page.route === 'packages/inbox/pages/subscribe/index', 'the subscribe page')
    await mp.page.waitForText('未订阅') // the button is off until the quota is loaded
    mp.willAnswerSubscriptions({ errCode: 20004 })
    await mp.page.tap(await mp.page.waitFor('.btn', '订阅提醒'))
    await mp.page.waitForText('你关闭了小程序的订阅消息')
    // Let a rejected promise nobody handles surface before the check.
    await mp.tick(50)
    expectClean(mp)
  })
})

describe('committee', () => {
  test('the dashboard initialises its canvas charts with the figures drawn', async () => {
    const mp = await launchAs(world, 'dev-committee-admin')
    await mp.page.tap('党委看板')
    await mp.waitFor(() => mp.page.route === 'packages/committee/pages/dashboard/index', 'the dashboard')
    await mp.page.waitForText('组织生活热力图')
    // The heatmap (the completion chart needs work points, and the seed has none for this year).
    await mp.waitFor(() => mp.canvases().some((c) => c.texts.length > 0), 'a chart drawn on canvas', 30_000)
    const canvases = mp.page.all('canvas')
    expect(canvases.length).toBeGreaterThanOrEqual(1)
    for (const c of canvases) expect(c.attr.type).toBe('2d')
    const drawn = mp.canvases().flatMap((c) => c.texts)
    // The heatmap's rows are the branches, labelled on a phone by the words that set them apart (the shared 「湖南省」
    // and 「党支部」 dropped: charts/options.ts distinctNames), its columns the months.
    for (const branch of ['计算机', '机械工', '科普作']) expect(drawn.some((t) => t.startsWith(branch))).toBe(true)
    for (const month of ['1', '6', '12']) expect(drawn).toContain(month)
    expectClean(mp)
  })
})

describe('sub-packages', () => {
  test('a sub-package page opened by navigation is loaded then, not before', async () => {
    const mp = await launchAs(world, 'dev-secretary-1')
    await mp.page.waitForText('支部管理')
    expect(mp.loadedPackages).toEqual([])
    await mp.page.tap('支部管理')
    await mp.waitFor(() => mp.page.route.startsWith('packages/org/'), 'an org page')
    expect(mp.loadedPackages).toEqual(['packages/org'])
    await mp.page.waitForText('党小组')
    expect(mp.stackRoutes).toHaveLength(2)
    expectClean(mp)
  })
})

describe('pull-down refresh', () => {
  test('pulling 首页 down (onPullDownRefresh) stops the refresh indicator and keeps the page', async () => {
    const mp = await launchAs(world, 'dev-secretary-1')
    await mp.page.waitForText('最近开展')
    await mp.pullDownRefresh()
    await mp.waitFor(() => mp.pullDownStops > 0, 'stopPullDownRefresh')
    expect(mp.called).toContain('wx.stopPullDownRefresh')
    await mp.page.waitForText('最近开展')
    expectClean(mp)
  })
})

describe('the stand-in keeps WeChat’s navigation rules', () => {
  test('no navigateTo a tab page, no navigateBack from the first page, an unknown page is not found; switchTab unloads the stack', async () => {
    const mp = await launchAs(world, 'dev-secretary-1')
    const attempt = (api: 'navigateTo' | 'navigateBack' | 'switchTab', url?: string) =>
      new Promise<string>((resolve) => mp.wx[api]({ url, success: (r: { errMsg: string }) => resolve(r.errMsg), fail: (r: { errMsg: string }) => resolve(r.errMsg) }))
    expect(await attempt('navigateTo', '/pages/me/index')).toBe('navigateTo:fail can not navigateTo a tabbar page')
    expect(await attempt('navigateBack')).toBe('navigateBack:fail cannot navigate back at first page.')
    expect(await attempt('navigateTo', '/packages/nowhere/index')).toBe('navigateTo:fail page "packages/nowhere/index" is not found')
    expect(await attempt('navigateTo', '/packages/activities/pages/plan/index')).toBe('navigateTo:ok')
    expect(mp.stackRoutes).toEqual([TABS.home, 'packages/activities/pages/plan/index'])
    expect(await attempt('switchTab', '/pages/me/index')).toBe('switchTab:ok')
    expect(mp.stackRoutes).toEqual([TABS.me])
    await mp.page.waitForText('支部书记')
    expectClean(mp)
  })
})
